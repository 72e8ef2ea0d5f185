"""El sitio como lo ve el lector: en Chromium, sin red, buscable en español y accesible.

Cada página del sitio construido (las de Markdown y las de los cuadernos) se abre en el
Chromium de Debian a través de Playwright, servida por un http.server en 127.0.0.1, y debe:

* cargar sin errores en la consola y sin pedir nada fuera de 127.0.0.1 (las peticiones
  externas se abortan y se apuntan);
* cargar todas sus imágenes, con texto alternativo que describa algo;
* tener todas sus fórmulas compuestas en MathML al construir (ni `\\(`, ni `$$` en crudo, ni
  órdenes de TeX sin convertir);
* pasar axe-core sin infracciones graves ni críticas.

En un móvil (390 px) y en un portátil (1280 px), en modo claro y oscuro, cada página se lee
entera: no se desplaza a lo ancho, el botón de copiar no tapa código, lo que no cabe se
desplaza con una sombra que lo avisa, las salidas de los cuadernos no se cortan y ocupan la
columna entera, el pie está en español y los pies de figura solo dan script y semilla. La
primera carga pesa (gzip) como mucho 150 KB sin fórmulas y 500 KB con ellas. La búsqueda se
lee limpia: ni marcas rotas ni TeX, y sin la página de mantenimiento.

Sin navegador se comprueban el peso de cada página, el ancho y alto de sus imágenes, los
enlaces «editar» y «ver código fuente» y el flujo de publicación. Una copia del sitio rota a
propósito demuestra que las comprobaciones fallan cuando deben.
"""

from __future__ import annotations

import base64
import io
import json
import re
import shutil
from pathlib import Path, PurePosixPath

import pytest
import yaml
from conftest import RAIZ, construir
from navegador_util import (
    ALT_POR_DEFECTO,
    ANCHOS,
    MARCADO_EN_TEXTO,
    PESO_MAXIMO,
    PRESUPUESTO_CUALQUIERA,
    PRESUPUESTO_SIN_FORMULAS,
    TEX_EN_TEXTO,
    abrir_buscador,
    buscar,
    figuras_de_paginas,
    imagenes_sin_dimensiones,
    nuevo_contexto,
    paginas_construidas,
    peso_de_pagina,
    referencias_externas,
    resultados_de_busqueda,
    revisar_lectura,
    revisar_pagina,
    ruta_de_fuente,
    servir,
    urls_externas_en_css,
)

CAPTURAS = RAIZ / "artefactos" / "capturas"
PAGINA_DE_MUESTRA = "1-introduccion/1-4-activacion/"


class _Cargador(yaml.SafeLoader):
    """yaml seguro que deja en None las etiquetas !!python/... que MkDocs admite (emoji, por ejemplo)."""


_Cargador.add_multi_constructor("tag:yaml.org,2002:python/", lambda cargador, sufijo, nodo: None)


def _config() -> dict:
    return yaml.load((RAIZ / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Cargador)


def _fuentes() -> list[str]:
    """Los ficheros de docs/ que MkDocs convierte en páginas: Markdown y los cuadernos que incluye mkdocs-jupyter."""
    docs = RAIZ / "docs"
    jupyter = next(
        (p["mkdocs-jupyter"] for p in _config()["plugins"] if isinstance(p, dict) and "mkdocs-jupyter" in p), {}
    )
    patrones = jupyter.get("include", [])
    fuentes = [p.relative_to(docs).as_posix() for p in docs.rglob("*.md")]
    fuentes += [
        p.relative_to(docs).as_posix()
        for p in docs.rglob("*.ipynb")
        if ".ipynb_checkpoints" not in p.parts
        and any(PurePosixPath(p.relative_to(docs).as_posix()).match(x) for x in patrones)
    ]
    return sorted(fuentes)


FUENTES = _fuentes()
PAGINAS = {ruta_de_fuente(f): f for f in FUENTES}
FIGURAS_DE_PAGINAS = figuras_de_paginas()


# --------------------------------------------------------------------------- fixtures


@pytest.fixture(scope="module")
def contexto(navegador, origen):
    """Un contexto de Chromium para todas las páginas (comparten la caché del tema, como un lector)."""
    contexto = nuevo_contexto(navegador, origen)
    yield contexto
    contexto.close()


@pytest.fixture(scope="module")
def buscador(contexto, origen):
    pagina = abrir_buscador(contexto, origen)
    yield pagina
    pagina.close()


def _informe(problemas: dict[str, list[str]]) -> str:
    return "\n".join(f"  {clave}:\n" + "\n".join(f"    - {p}" for p in lista) for clave, lista in problemas.items())


# --------------------------------------------------------------------------- cada página en Chromium


# Páginas que no salen de docs/: la de mkdocs-print-site-plugin, con toda la unidad (la prueban
# tests/test_pdf.py y tests/test_preguntas.py; aquí pesaría más de PESO_MAXIMO por juntarlas todas).
GENERADAS = {"imprimir/"}


def test_se_revisan_todas_las_paginas_construidas(sitio):
    """La lista de páginas sale de docs/; si el sitio tiene alguna más, se vería aquí."""
    assert set(paginas_construidas(sitio)) == set(PAGINAS) | GENERADAS


# --------------------------------------------------------------------------- búsqueda en español

BUSQUEDAS = [
    # (consultas, página que debe aparecer): con y sin tilde, y con otra flexión. «clasificacion»
    # solo la encuentra el plegado de tildes: el lematizador no la reduce a la raíz de
    # «clasificación» (con «activacion» o «perdida» sí, y por eso no bastaban).
    (["clasificación", "clasificacion", "clasificaciones"], "2-redes-densas/2-2-perdida/"),
    (["activación", "activacion", "activaciones"], "1-introduccion/1-4-activacion/"),
    (["pérdida", "perdida", "pérdidas"], "2-redes-densas/2-2-perdida/"),
    (["convolución", "convolucion", "convoluciones"], "3-convolucionales/3-2-convolucion/"),
    (["neuronas", "neurona"], "1-introduccion/1-1-neurona/"),
]


@pytest.mark.navegador
@pytest.mark.parametrize("consultas, esperada", BUSQUEDAS, ids=[c[0][0] for c in BUSQUEDAS])
def test_la_busqueda_entiende_tildes_y_flexiones(consultas, esperada, buscador):
    fallos = []
    for consulta in consultas:
        resultados = buscar(buscador, consulta)
        if esperada not in resultados:
            fallos.append(f"«{consulta}» no encuentra {esperada}; resultados: {resultados}")
    assert not fallos, "\n".join(fallos)


# Palabras de todos los días (y de fórmulas) con las que los resultados salían rotos.
CONSULTAS_DE_LECTURA = [
    "pooling",
    "marca",
    "capa",
    "neurona",
    "sigmoide",
    "suma ponderada",
    "softmax",
    "entropía",
    "sesgo",
]


@pytest.mark.navegador
def test_los_resultados_de_busqueda_se_leen_limpios(buscador):
    """Lo que el lector ve en cada resultado: sin restos de marcado («k>», «<mar<mark>k>»), sin
    TeX en crudo, sin resaltados anidados y sin la página de mantenimiento (figuras.md)."""
    fallos = []
    for consulta in CONSULTAS_DE_LECTURA:
        buscar(buscador, consulta)
        resultados = resultados_de_busqueda(buscador)
        if not resultados:
            fallos.append(f"«{consulta}» no encuentra nada")
        for r in resultados:
            donde = f"«{consulta}» → {r['ruta']}"
            if m := MARCADO_EN_TEXTO.search(r["texto"]):
                fallos.append(f"{donde}: marcado a la vista «…{r['texto'][max(0, m.start() - 25) : m.end() + 25]}…»")
            if m := TEX_EN_TEXTO.search(r["texto"]):
                fallos.append(f"{donde}: TeX a la vista «…{r['texto'][max(0, m.start() - 25) : m.end() + 25]}…»")
            if r["marcasAnidadas"]:
                fallos.append(f"{donde}: {r['marcasAnidadas']} resaltados dentro de otros")
            if r["ruta"].startswith("figuras/"):
                fallos.append(f"{donde}: la página de mantenimiento sale entre los resultados")
    assert not fallos, "\n".join(fallos)


def test_la_pagina_de_mantenimiento_no_esta_en_el_indice(sitio):
    indice = json.loads((sitio / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert not [d["location"] for d in indice["docs"] if d["location"].startswith("figuras/")]
    assert indice["docs"], "el índice de búsqueda está vacío"


# --------------------------------------------------------------------------- lectura: móvil y portátil, claro y oscuro


@pytest.mark.navegador
@pytest.mark.parametrize("ancho", list(ANCHOS))
@pytest.mark.parametrize("ruta", sorted(PAGINAS), ids=lambda r: PAGINAS[r])
def test_la_pagina_se_lee_en_movil_y_portatil(ruta, ancho, navegador, origen, sitio):
    """Una carga de la página, sin caché, al ancho del móvil o del portátil:

    * la primera carga pesa (gzip, todo lo que pide) como mucho PRESUPUESTO_SIN_FORMULAS, o
      PRESUPUESTO_CUALQUIERA si tiene fórmulas;
    * en el portátil, en claro: sin errores de consola ni peticiones externas, imágenes cargadas y
      con texto alternativo, fórmulas compuestas, axe sin infracciones graves;
    * en modo claro y, tras el interruptor, en oscuro: sin desplazamiento lateral de la página,
      sin código tapado por el botón de copiar, lo ancho desplazable y avisado, salidas de
      cuaderno enteras, pie en español, pies de figura breves, y cada figura en su versión (la
      estrecha en el móvil) con el texto a 9 px CSS o más;
    * en el móvil y en oscuro, axe otra vez (el contraste de los colores propios del modo oscuro)."""
    con_formulas = "<math" in (sitio / ruta / "index.html").read_text(encoding="utf-8")
    contexto = nuevo_contexto(navegador, origen, "light", ancho)
    try:
        problemas = revisar_lectura(
            contexto,
            origen + ruta,
            axe_en_oscuro=(ancho == "movil"),
            completa=(ancho == "portatil"),
            presupuesto=PRESUPUESTO_CUALQUIERA if con_formulas else PRESUPUESTO_SIN_FORMULAS,
            figuras=FIGURAS_DE_PAGINAS.get(ruta, []),
        )
        assert not contexto.externas, contexto.externas
    finally:
        contexto.close()
    assert not problemas, f"{PAGINAS[ruta]} a {ANCHOS[ancho][0]} px:\n{_informe(problemas)}"


def test_ninguna_pagina_carga_mathjax(sitio):
    """Las fórmulas llegan compuestas en MathML: ningún motor de fórmulas en el navegador."""
    culpables = [
        str(h.relative_to(sitio))
        for h in sitio.rglob("*.html")
        if re.search(r"mathjax|katex", h.read_text(encoding="utf-8"), re.I)
    ]
    assert not culpables and not list(sitio.rglob("tex-chtml*.js")), culpables


# --------------------------------------------------------------------------- capturas y modo oscuro


@pytest.mark.navegador
def test_capturas_en_modo_claro_y_oscuro(navegador, origen):
    """Guarda la página de muestra en los dos modos (artefactos/capturas/) y la pasa por axe en oscuro."""
    from axe_playwright_python.sync_playwright import Axe

    CAPTURAS.mkdir(parents=True, exist_ok=True)
    nombre = PAGINA_DE_MUESTRA.strip("/").split("/")[-1]
    for esquema, sufijo, paleta in [("light", "claro", "default"), ("dark", "oscuro", "slate")]:
        contexto = nuevo_contexto(navegador, origen, esquema)
        try:
            pagina = contexto.new_page()
            pagina.goto(origen + PAGINA_DE_MUESTRA, wait_until="load")
            pagina.evaluate("async () => { await document.fonts.ready; }")
            # Las figuras llevan loading="lazy": se cargan todas antes de la captura de página completa.
            pagina.evaluate(
                "() => Promise.all([...document.images].map(i => { i.loading = 'eager';"
                " return i.complete ? null : new Promise(r => { i.onload = i.onerror = r; }); }))"
            )
            assert pagina.evaluate("document.body.getAttribute('data-md-color-scheme')") == paleta
            destino = CAPTURAS / f"{nombre}-{sufijo}.png"
            pagina.screenshot(path=str(destino), full_page=True)
            assert destino.stat().st_size > 10_000
            if esquema == "dark":

                def graves(pagina=pagina):
                    return [
                        v
                        for v in Axe().run(pagina).response["violations"]
                        if v.get("impact") in ("serious", "critical")
                    ]

                encontradas = graves()
                if encontradas:
                    # Con la máquina cargada, axe puede medir a mitad de una transición de color de
                    # Material; un fallo real sigue ahí un segundo después.
                    pagina.wait_for_timeout(1000)
                    encontradas = graves()
                assert not encontradas, "axe en modo oscuro:\n" + "\n".join(
                    f"  {v['id']}: {v['help']} ({[n['target'] for n in v['nodes']][:5]})" for v in encontradas
                )
            assert not contexto.externas
        finally:
            contexto.close()


# --------------------------------------------------------------------------- una copia rota a propósito


def _romper(html: str) -> str:
    """La página de muestra con una imagen rota, un script externo, una fórmula en crudo y dos imágenes sin alt."""
    inicio = html.index("<article")
    articulo, cambios = re.subn(
        r'(<img\b[^>]*\bsrc=")[^"]+(")', r"\1../../figuras/no-existe.png\2", html[inicio:], count=1
    )
    assert cambios == 1, f"{PAGINA_DE_MUESTRA} ya no tiene ninguna figura que romper"
    html = html[:inicio] + articulo
    html = html.replace("</head>", '<script src="https://cdn.ejemplo.invalid/rastreador.js"></script></head>', 1)
    extra = (
        "<p>Una fórmula olvidada: $$x^2 + y^2$$ sin componer.</p>"
        f'<img src="../../assets/images/favicon.png" width="10" height="10" alt="{ALT_POR_DEFECTO}">'
        '<img src="../../assets/images/favicon.png" width="10" height="10">'
    )
    return html.replace("</article>", extra + "</article>", 1)


@pytest.mark.navegador
def test_una_copia_rota_del_sitio_no_pasa(sitio, navegador, tmp_path):
    copia = tmp_path / "sitio"
    shutil.copytree(sitio, copia)
    html = copia / PAGINA_DE_MUESTRA / "index.html"
    html.write_text(_romper(html.read_text(encoding="utf-8")), encoding="utf-8")

    assert any("cdn.ejemplo.invalid" in r for r in referencias_externas(html.read_text(encoding="utf-8")))
    with servir(copia) as url:
        contexto = nuevo_contexto(navegador, url)
        try:
            # Lo mismo que hace la prueba de cada página en el portátil, con un presupuesto que la
            # página no cumple: la figura rota y el peso también se ven.
            problemas = revisar_lectura(
                contexto,
                url + PAGINA_DE_MUESTRA,
                completa=True,
                presupuesto=20_000,
                figuras=FIGURAS_DE_PAGINAS[PAGINA_DE_MUESTRA],
            )
        finally:
            contexto.close()
    problemas = {c.removeprefix("claro: "): p for c, p in problemas.items() if c.startswith("claro: ")}
    assert {
        "consola",
        "peticiones externas",
        "imágenes rotas",
        "texto alternativo",
        "fórmulas sin componer",
        "accesibilidad (axe)",
        "primera carga",
        "figuras",
    } <= set(problemas), problemas
    assert any("no-existe.png" in p for p in problemas["figuras"])
    assert any("cdn.ejemplo.invalid" in p for p in problemas["peticiones externas"])
    assert any("no-existe.png" in p for p in problemas["imágenes rotas"])
    assert any("x^2" in p for p in problemas["fórmulas sin componer"])
    assert any(p.startswith("image-alt") for p in problemas["accesibilidad (axe)"])


@pytest.mark.navegador
def test_la_lectura_se_mide_tambien_en_oscuro(sitio, navegador, tmp_path):
    """Un defecto que solo aparece en modo oscuro (texto sin contraste y una columna que desborda)
    lo encuentra la revisión de lectura en «oscuro» y no en «claro»: el interruptor cambia de verdad."""
    copia = tmp_path / "sitio"
    shutil.copytree(sitio, copia)
    html = copia / PAGINA_DE_MUESTRA / "index.html"
    roto = (
        '<style>[data-md-color-scheme="slate"] .md-typeset { color: #2a2d36 !important }'
        '[data-md-color-scheme="slate"] .md-content { min-width: 2000px }</style></head>'
    )
    html.write_text(html.read_text(encoding="utf-8").replace("</head>", roto, 1), encoding="utf-8")
    with servir(copia) as url:
        contexto = nuevo_contexto(navegador, url, "light", "movil")
        try:
            problemas = revisar_lectura(contexto, url + PAGINA_DE_MUESTRA, axe_en_oscuro=True)
        finally:
            contexto.close()
    assert {"oscuro: la página se desplaza a lo ancho", "oscuro: accesibilidad (axe)"} <= set(problemas), problemas
    assert not [c for c in problemas if c.startswith("claro:")], problemas


def test_las_comprobaciones_sin_navegador_muerden(tmp_path):
    (tmp_path / "figuras").mkdir()
    (tmp_path / "figuras" / "enorme.png").write_bytes(b"\0" * (PESO_MAXIMO + 1))
    (tmp_path / "p").mkdir()
    html = tmp_path / "p" / "index.html"
    html.write_text(
        '<html><head><link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Roboto">'
        "<style>@font-face { src: url(https://fuentes.invalid/a.woff2) }</style></head>"
        '<body><img src="../figuras/enorme.png" alt="Una imagen demasiado pesada para la página">'
        '<script src="//cdn.invalid/x.js"></script><a href="https://keras.io">Keras</a></body></html>',
        encoding="utf-8",
    )
    peso, partes = peso_de_pagina(tmp_path, html)
    assert peso > PESO_MAXIMO and "figuras/enorme.png" in partes
    assert imagenes_sin_dimensiones(html.read_text()) == ["../figuras/enorme.png"]
    externas = referencias_externas(html.read_text())
    assert len(externas) == 3 and not any("keras.io" in e for e in externas)  # un enlace no es una petición


# --------------------------------------------------------------------------- sin navegador, sobre el HTML


def test_cada_pagina_pesa_poco_y_sus_imagenes_tienen_tamano(sitio):
    fallos = []
    for ruta in paginas_construidas(sitio):
        if ruta in GENERADAS:
            continue
        html = sitio / ruta / "index.html"
        peso, partes = peso_de_pagina(sitio, html)
        if peso > PESO_MAXIMO:
            detalle = ", ".join(f"{k} {v / 1e6:.2f} MB" for k, v in sorted(partes.items(), key=lambda kv: -kv[1])[:4])
            fallos.append(f"{ruta or '/'}: {peso / 1e6:.2f} MB > {PESO_MAXIMO / 1e6:.0f} MB ({detalle})")
        for src in imagenes_sin_dimensiones(html.read_text(encoding="utf-8")):
            fallos.append(f"{ruta or '/'}: imagen sin width/height: {src}")
    assert not fallos, "\n".join(fallos)


def test_ningun_fichero_del_sitio_pide_recursos_externos(sitio):
    fallos = []
    for html in sorted(sitio.rglob("*.html")):
        fallos += [f"{html.relative_to(sitio)}: {r}" for r in referencias_externas(html.read_text(encoding="utf-8"))]
    for css in sorted(sitio.rglob("*.css")):
        fallos += [f"{css.relative_to(sitio)}: {u}" for u in urls_externas_en_css(css.read_text(encoding="utf-8"))]
    assert not fallos, "\n".join(fallos)


def test_cada_pagina_enlaza_a_su_fuente(sitio):
    """Los botones «Editar esta página» y «Ver código fuente» llevan al fichero de docs/ del repositorio."""
    config = _config()
    repositorio = config["repo_url"].rstrip("/")
    editar = f"{repositorio}/{config['edit_uri'].strip('/')}/"
    ver = editar.replace("/edit/", "/raw/", 1)
    from bs4 import BeautifulSoup

    fallos = []
    for ruta, fuente in PAGINAS.items():
        sopa = BeautifulSoup((sitio / ruta / "index.html").read_text(encoding="utf-8"), "html.parser")
        enlaces = {a.get("href") for a in sopa.select("article a.md-content__button")}
        for esperado in (editar + fuente, ver + fuente):
            if esperado not in enlaces:
                fallos.append(f"{fuente}: falta el enlace {esperado} (hay {sorted(enlaces)})")
    assert not fallos, "\n".join(fallos)
    assert config["site_url"].startswith("https://")


def test_el_flujo_de_publicacion_construye_en_estricto_y_despliega_en_pages():
    flujo = yaml.safe_load((RAIZ / ".github" / "workflows" / "publicar.yml").read_text(encoding="utf-8"))
    disparadores = flujo.get("on", flujo.get(True))  # YAML 1.1 lee «on» como True
    assert "main" in disparadores["push"]["branches"]
    pasos = {nombre: trabajo["steps"] for nombre, trabajo in flujo["jobs"].items()}
    usos = {nombre: [p.get("uses", "").split("@")[0] for p in lista] for nombre, lista in pasos.items()}
    ordenes = {nombre: " ".join(p.get("run", "") for p in lista) for nombre, lista in pasos.items()}
    assert any("mkdocs build --strict" in o for o in ordenes.values())
    assert any("pip install -r requirements.txt" in o for o in ordenes.values())
    assert any(p.get("with", {}).get("python-version") == "3.11" for lista in pasos.values() for p in lista)
    assert any("actions/upload-pages-artifact" in u for u in usos.values())
    despliegue = next(n for n, u in usos.items() if "actions/deploy-pages" in u)
    trabajo = flujo["jobs"][despliegue]
    assert trabajo["permissions"] == {"pages": "write", "id-token": "write"}
    assert set(trabajo["needs"]) == set(flujo["jobs"]) - {despliegue}  # no despliega si fallan las pruebas
    assert any("ci/run" in o for o in ordenes.values()) and any("actions/upload-artifact" in u for u in usos.values())


# --------------------------------------------------------------------------- cuadernos


def _cuaderno(ruta: Path, con_alt: bool) -> None:
    import nbformat
    from PIL import Image

    png = io.BytesIO()
    Image.new("RGB", (120, 80), (40, 90, 200)).save(png, "PNG")
    cuaderno = nbformat.v4.new_notebook()
    cuaderno.metadata["kernelspec"] = {"name": "python3", "language": "python", "display_name": "Python 3"}
    texto = nbformat.v4.new_markdown_cell(
        "# Cuaderno de prueba\n\nLa neurona calcula $z = \\sum_i w_i x_i + b$ y después\n\n"
        "$$\\sigma(z) = \\frac{1}{1 + e^{-z}}$$"
    )
    metadatos = {"alt": "Un rectángulo azul de ciento veinte por ochenta píxeles"} if con_alt else {}
    codigo = nbformat.v4.new_code_cell("dibujar()", metadata=metadatos, execution_count=1)
    codigo.outputs = [
        nbformat.v4.new_output(
            "display_data", data={"image/png": base64.b64encode(png.getvalue()).decode(), "text/plain": "<Figure>"}
        )
    ]
    cuaderno.cells = [texto, codigo]
    ruta.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(cuaderno, ruta)


def _con_cuaderno(copia: Path, con_alt: bool) -> str:
    fuente = "cuadernos/prueba-navegador.ipynb"
    _cuaderno(copia / "docs" / fuente, con_alt)
    config = copia / "mkdocs.yml"
    texto = config.read_text(encoding="utf-8")
    assert "\nnav:\n" in texto
    config.write_text(texto.replace("\nnav:\n", f"\nnav:\n  - Cuaderno de prueba: {fuente}\n", 1), encoding="utf-8")
    return fuente


@pytest.mark.navegador
def test_un_cuaderno_cumple_como_las_demas_paginas(copia, navegador, tmp_path):
    """Fórmulas con $, imagen con el texto alternativo de sus metadatos, sin CDN y con el CSS aparte."""
    _con_cuaderno(copia, con_alt=True)
    destino = tmp_path / "sitio"
    proceso = construir(copia, destino)
    assert proceso.returncode == 0, proceso.stdout + proceso.stderr
    html = (destino / "cuadernos" / "prueba-navegador" / "index.html").read_text(encoding="utf-8")
    assert 'alt="Un rectángulo azul de ciento veinte por ochenta píxeles"' in html
    assert 'width="120" height="80"' in html
    assert "cdnjs" not in html and "x-mathjax-config" not in html and not referencias_externas(html)
    assert len(html.encode()) < 200_000 and list((destino / "assets" / "cuadernos").glob("*.css"))
    with servir(destino) as url:
        contexto = nuevo_contexto(navegador, url)
        try:
            informe = revisar_pagina(contexto, url + "cuadernos/prueba-navegador/")
        finally:
            contexto.close()
    assert not informe.problemas(), _informe(informe.problemas())
    assert informe.formulas["compuestas"] == 2


def test_un_cuaderno_con_una_imagen_sin_texto_alternativo_rompe_la_construccion(copia, tmp_path):
    fuente = _con_cuaderno(copia, con_alt=False)
    proceso = construir(copia, tmp_path / "sitio")
    assert proceso.returncode != 0
    salida = proceso.stdout + proceso.stderr
    assert "texto alternativo" in salida and fuente in salida


# --------------------------------------------------------------------------- cuadernos: enlaces y CSS

CUADERNOS = sorted(r for r, f in PAGINAS.items() if f.endswith(".ipynb"))


@pytest.mark.parametrize("ruta", CUADERNOS, ids=lambda r: PAGINAS[r])
def test_cada_cuaderno_se_puede_descargar_y_abrir_en_colab(ruta, sitio):
    from urllib.parse import urljoin, urlsplit

    from bs4 import BeautifulSoup

    fuente = PAGINAS[ruta]
    sopa = BeautifulSoup((sitio / ruta / "index.html").read_text(encoding="utf-8"), "html.parser")
    enlaces = {a.get_text(strip=True): a.get("href", "") for a in sopa.select("article a")}
    descarga = enlaces.get("Descargar el cuaderno")
    assert descarga, f"{fuente}: falta «Descargar el cuaderno»"
    fichero = sitio / urlsplit(urljoin("/" + ruta, descarga)).path.lstrip("/")
    assert fichero.suffix == ".ipynb" and fichero.is_file(), f"{fuente}: «{descarga}» no lleva a un .ipynb del sitio"
    assert json.loads(fichero.read_text(encoding="utf-8"))["cells"]
    repositorio = urlsplit(_config()["repo_url"]).path.strip("/")
    assert (
        enlaces.get("Abrir en Colab")
        == f"https://colab.research.google.com/github/{repositorio}/blob/main/docs/{fuente}"
    )
    assert len([t for t in enlaces if t == "Abrir en Colab"]) == 1


def _reglas_tinycss2(css: str) -> tuple[int, list[str]]:
    import tinycss2

    reglas = tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)
    errores = [f"{r.message} (línea {r.source_line})" for r in reglas if r.type == "error"]

    def cuenta(regla) -> bool:
        if regla.type == "at-rule":
            # @charset no es una regla del CSSOM; @-moz-keyframes es de otro motor
            return regla.lower_at_keyword != "charset" and not regla.lower_at_keyword.startswith(
                ("-moz-", "-ms-", "-o-")
            )
        # ::-moz-selection y compañía: válidos, pero para Firefox; Chromium los descarta
        return regla.type == "qualified-rule" and not re.search(r"::?-(?:moz|ms|o)-", tinycss2.serialize(regla.prelude))

    return sum(1 for r in reglas if cuenta(r)), errores


@pytest.mark.navegador
def test_el_css_propio_y_el_de_los_cuadernos_es_valido(sitio, navegador, origen):
    """Cada regla que escribe el sitio la entiende Chromium: cuenta las reglas de primer nivel
    (tinycss2) y las que el navegador conserva al analizar el mismo texto."""
    hojas = sorted(sitio.glob("assets/cuadernos/*.css")) + sorted(sitio.glob("stylesheets/*.css"))
    assert hojas
    contexto = nuevo_contexto(navegador, origen)
    pagina = contexto.new_page()
    try:
        pagina.goto(origen, wait_until="load")
        fallos = []
        for hoja in hojas:
            texto = hoja.read_text(encoding="utf-8")
            esperadas, errores = _reglas_tinycss2(texto)
            conservadas = pagina.evaluate(
                "css => { const h = new CSSStyleSheet(); h.replaceSync(css);"
                " return Array.from(h.cssRules)"
                ".filter(r => !/::?-(moz|ms|o)-|@-(moz|ms|o)-/.test(r.cssText)).length; }",
                texto,
            )
            if not esperadas:
                fallos.append(f"{hoja.relative_to(sitio)}: una hoja de estilos vacía (una petición para nada)")
            elif errores or conservadas != esperadas:
                fallos.append(
                    f"{hoja.relative_to(sitio)}: {esperadas} reglas, Chromium conserva {conservadas}; {errores[:3]}"
                )
    finally:
        pagina.close()
        contexto.close()
    assert not fallos, "\n".join(fallos)
