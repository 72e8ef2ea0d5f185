"""El sitio como lo ve el lector: en Chromium, sin red, buscable en español y accesible.

Cada página del sitio construido (las de Markdown y las de los cuadernos) se abre en el
Chromium de Debian a través de Playwright, servida por un http.server en 127.0.0.1, y debe:

* cargar sin errores en la consola y sin pedir nada fuera de 127.0.0.1 (las peticiones
  externas se abortan y se apuntan);
* cargar todas sus imágenes, con texto alternativo que describa algo;
* tener todas sus fórmulas compuestas por MathJax (ni `\\(`, ni `$$` en crudo, ni errores de TeX);
* pasar axe-core sin infracciones graves ni críticas.

Sin navegador se comprueban el peso de cada página, el ancho y alto de sus imágenes, los
enlaces «editar» y «ver código fuente» y el flujo de publicación. Una copia del sitio rota a
propósito demuestra que las comprobaciones fallan cuando deben.
"""

from __future__ import annotations

import base64
import io
import re
import shutil
from pathlib import Path, PurePosixPath

import pytest
import yaml

from conftest import RAIZ, construir
from navegador_util import (
    ALT_POR_DEFECTO,
    CHROMIUM,
    PESO_MAXIMO,
    abrir_buscador,
    buscar,
    imagenes_sin_dimensiones,
    lanzar,
    nuevo_contexto,
    paginas_construidas,
    peso_de_pagina,
    referencias_externas,
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
    jupyter = next((p["mkdocs-jupyter"] for p in _config()["plugins"] if isinstance(p, dict) and "mkdocs-jupyter" in p), {})
    patrones = jupyter.get("include", [])
    fuentes = [p.relative_to(docs).as_posix() for p in docs.rglob("*.md")]
    fuentes += [
        p.relative_to(docs).as_posix()
        for p in docs.rglob("*.ipynb")
        if ".ipynb_checkpoints" not in p.parts and any(PurePosixPath(p.relative_to(docs).as_posix()).match(x) for x in patrones)
    ]
    return sorted(fuentes)


FUENTES = _fuentes()
PAGINAS = {ruta_de_fuente(f): f for f in FUENTES}


# --------------------------------------------------------------------------- fixtures


@pytest.fixture(scope="module")
def origen(sitio):
    with servir(sitio) as url:
        yield url


@pytest.fixture(scope="module")
def navegador():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Falta Chromium en {CHROMIUM}: sudo apt-get install chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = lanzar(p)
        yield chromium
        chromium.close()


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


@pytest.mark.navegador
@pytest.mark.parametrize("ruta", sorted(PAGINAS), ids=lambda r: PAGINAS[r])
def test_la_pagina_en_el_navegador(ruta, contexto, origen):
    informe = revisar_pagina(contexto, origen + ruta)
    problemas = informe.problemas()
    assert not problemas, f"{PAGINAS[ruta]} ({ruta or '/'}) en Chromium:\n{_informe(problemas)}"


# --------------------------------------------------------------------------- búsqueda en español

BUSQUEDAS = [
    # (consultas, página que debe aparecer): con y sin tilde, y con otra flexión
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
            pagina.evaluate("async () => { if (window.MathJax && MathJax.startup && MathJax.startup.promise) await MathJax.startup.promise; await document.fonts.ready; }")
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
                graves = [v for v in Axe().run(pagina).response["violations"] if v.get("impact") in ("serious", "critical")]
                assert not graves, "axe en modo oscuro:\n" + "\n".join(f"  {v['id']}: {v['help']}" for v in graves)
            assert not contexto.externas
        finally:
            contexto.close()


# --------------------------------------------------------------------------- una copia rota a propósito


def _romper(html: str) -> str:
    """La página de muestra con una imagen rota, un script externo, una fórmula en crudo y dos imágenes sin alt."""
    inicio = html.index("<article")
    articulo, cambios = re.subn(r'(<img\b[^>]*\bsrc=")[^"]+(")', r"\1../../figuras/no-existe.png\2", html[inicio:], count=1)
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
            problemas = revisar_pagina(contexto, url + PAGINA_DE_MUESTRA).problemas()
        finally:
            contexto.close()
    assert {"consola", "peticiones externas", "imágenes rotas", "texto alternativo", "fórmulas sin componer", "accesibilidad (axe)"} <= set(problemas), problemas
    assert any("cdn.ejemplo.invalid" in p for p in problemas["peticiones externas"])
    assert any("no-existe.png" in p for p in problemas["imágenes rotas"])
    assert any("x^2" in p for p in problemas["fórmulas sin componer"])
    assert any(p.startswith("image-alt") for p in problemas["accesibilidad (axe)"])


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
