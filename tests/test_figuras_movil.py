"""Las figuras se leen en un móvil: cada una tiene su versión estrecha y el navegador la elige.

Cada figura se dibuja dos veces de los mismos resultados (`dibujar(res, estrecha=...)`): la
ancha, para el portátil, y la estrecha (paneles apilados, unos 760 px), para pantallas de
hasta 720 px CSS. El registro guarda de las dos el tamaño del texto más pequeño que se
dibujó, en píxeles de la imagen. En Chromium, a 390 px (móvil) y a 1280 px (portátil), en
modo claro y oscuro, se comprueba qué imagen carga de verdad cada figura (`currentSrc`) y
que su texto más pequeño, con la imagen al tamaño al que se muestra, mide al menos 9 px CSS.
"""

from __future__ import annotations

import json
import re

import pytest
from conftest import RAIZ
from navegador_util import ANCHOS, OSCURO, nuevo_contexto, ruta_de_fuente
from PIL import Image

from maquinaria.esquema import FIGURA, ErrorDeEsquema, validar

FIGURAS = RAIZ / "docs" / "figuras"
TEXTO_MINIMO = 9  # px CSS: la letra más pequeña que se lee sin ampliar
ANCHO_MAXIMO_ESTRECHA = 800  # px: el móvil la muestra a unos 358 px; más, solo pesa


def _registros() -> dict[str, dict]:
    return {
        p.stem: json.loads(p.read_text(encoding="utf-8"))
        for p in sorted(FIGURAS.glob("*.json"))
        if not p.stem.endswith("-estrecha")
    }


REGISTROS = _registros()


def _paginas_con_figuras() -> dict[str, list[str]]:
    """Ruta de la página -> figuras que pone con {{ figura("...") }}."""
    paginas = {}
    for fuente in sorted((RAIZ / "docs").rglob("*.md")):
        nombres = re.findall(r"""\{\{\s*figura\(\s*["']([^"']+)["']""", fuente.read_text(encoding="utf-8"))
        if nombres:
            paginas[ruta_de_fuente(fuente.relative_to(RAIZ / "docs").as_posix())] = nombres
    return paginas


PAGINAS = _paginas_con_figuras()


# --------------------------------------------------------------------------- sin navegador


@pytest.mark.parametrize("nombre", sorted(REGISTROS))
def test_cada_figura_tiene_su_version_estrecha(nombre):
    registro = REGISTROS[nombre]
    validar(registro, FIGURA)  # el esquema exige «estrecha» y los tamaños de texto
    estrecha = registro["estrecha"]
    assert estrecha["imagen"] == f"{nombre}-estrecha.png"
    for datos in (registro, estrecha):
        with Image.open(FIGURAS / datos["imagen"]) as imagen:
            assert imagen.size == (datos["ancho"], datos["alto"]), f"{datos['imagen']}: el registro no es la imagen"
        assert (FIGURAS / datos["imagen"]).stat().st_size == datos["bytes"]
    assert estrecha["ancho"] <= ANCHO_MAXIMO_ESTRECHA, f"{nombre}: la estrecha mide {estrecha['ancho']} px"
    # A 390 px de ventana la columna mide 358 px: lo que el navegador medirá después.
    en_movil = estrecha["texto_px"] * min(1, 358 / estrecha["ancho"])
    assert en_movil >= TEXTO_MINIMO, f"{nombre}: texto de {en_movil:.1f} px CSS en el móvil"


def test_se_comprueban_todas_las_figuras_de_las_paginas():
    en_paginas = {n for nombres in PAGINAS.values() for n in nombres}
    assert en_paginas <= set(REGISTROS), en_paginas - set(REGISTROS)
    assert len(REGISTROS) >= 36


def test_un_registro_sin_la_version_estrecha_esta_danado():
    registro = json.loads((FIGURAS / "activaciones.json").read_text(encoding="utf-8"))
    validar(registro, FIGURA)
    for romper in (
        lambda r: r.pop("estrecha"),
        lambda r: r["estrecha"].pop("texto_px"),
        lambda r: r.update(texto_px=0),
        lambda r: r["estrecha"].update(imagen=""),
    ):
        roto = json.loads(json.dumps(registro))
        romper(roto)
        with pytest.raises(ErrorDeEsquema):
            validar(roto, FIGURA)


def test_comprobar_falla_sin_la_version_estrecha(copia):
    """--comprobar (y la construcción estricta, que lee los mismos registros) no dan por buena una
    figura a la que le falta la estrecha: ni en el registro ni en disco."""
    import subprocess
    import sys

    def comprobar():
        return subprocess.run(
            [sys.executable, "-m", "maquinaria", "--comprobar"], cwd=copia, capture_output=True, text=True
        )

    assert comprobar().returncode == 0
    (copia / "docs" / "figuras" / "xor-estrecha.png").unlink()
    proceso = comprobar()
    assert proceso.returncode == 1 and "falta xor-estrecha.png" in proceso.stdout, proceso.stdout
    ruta = copia / "docs" / "figuras" / "neurona.json"
    registro = json.loads(ruta.read_text(encoding="utf-8"))
    del registro["estrecha"]
    ruta.write_text(json.dumps(registro), encoding="utf-8")
    proceso = comprobar()
    assert proceso.returncode != 0 and "estrecha" in proceso.stdout + proceso.stderr


# --------------------------------------------------------------------------- en Chromium

# Cada figura del artículo: la imagen que cargó el navegador y el tamaño al que la muestra.
_JS_FIGURAS = """async () => {
  const imagenes = Array.from(document.querySelectorAll("article figure.figura-generada img"));
  const fotograma = () => new Promise(listo => requestAnimationFrame(() => requestAnimationFrame(listo)));
  const vistas = [];
  // Una a una, como las ve el lector al llegar a ellas: en pantalla (las figuras lejanas llevan
  // content-visibility: auto y no se maquetan hasta acercarse) y cargadas.
  for (const img of imagenes) {
    img.scrollIntoView({block: "center"});
    img.loading = "eager";
    if (!img.complete) await new Promise(listo => {
      img.addEventListener("load", listo); img.addEventListener("error", listo);
    });
    await img.decode().catch(() => null);
    await fotograma();
    vistas.push({
      src: img.currentSrc,
      ancho: img.getBoundingClientRect().width,
      natural: img.naturalWidth,
    });
  }
  return vistas;
}"""


def _problemas(esperadas: list[str], vistas: list[dict], movil: bool) -> list[str]:
    problemas = []
    for nombre, vista in zip(esperadas, vistas):
        registro = REGISTROS[nombre]
        datos = registro["estrecha"] if movil else registro
        archivo = vista["src"].rsplit("/", 1)[-1]
        if archivo != datos["imagen"]:
            problemas.append(f"{nombre}: cargó {archivo or 'nada'}, no {datos['imagen']}")
            continue
        if vista["natural"] != datos["ancho"]:
            problemas.append(f"{nombre}: {vista['natural']} px de ancho natural, el registro dice {datos['ancho']}")
            continue
        texto = vista["ancho"] / vista["natural"] * datos["texto_px"]
        if texto < TEXTO_MINIMO:
            problemas.append(
                f"{nombre}: texto de {texto:.1f} px CSS ({datos['texto_px']} px en {datos['ancho']} px "
                f"mostrados a {vista['ancho']:.0f} px)"
            )
    return problemas


@pytest.mark.navegador
@pytest.mark.parametrize("ancho", list(ANCHOS))
@pytest.mark.parametrize("ruta", sorted(PAGINAS))
def test_las_figuras_se_leen_en_movil_y_portatil(ruta, ancho, navegador, origen):
    """En modo claro y, tras el interruptor de la cabecera, en oscuro: una sola carga."""
    esperadas = PAGINAS[ruta]
    problemas = []
    contexto = nuevo_contexto(navegador, origen, "light", ancho)
    try:
        pagina = contexto.new_page()
        pagina.goto(origen + ruta, wait_until="load")
        for modo in ("claro", "oscuro"):
            if modo == "oscuro":
                pagina.click(OSCURO)
                pagina.wait_for_function("document.body.dataset.mdColorScheme === 'slate'")
            vistas = pagina.evaluate(_JS_FIGURAS)
            assert len(vistas) == len(esperadas), (
                f"{ruta}: {len(vistas)} figuras en la página, {len(esperadas)} en docs"
            )
            problemas += [f"{modo}: {p}" for p in _problemas(esperadas, vistas, ancho == "movil")]
    finally:
        contexto.close()
    assert not problemas, f"{ruta} a {ANCHOS[ancho][0]} px:\n  " + "\n  ".join(problemas)


def test_la_pagina_para_imprimir_encuentra_las_figuras_estrechas(sitio):
    """mkdocs-print-site reescribe los src de las imágenes, no los srcset: lo hace hooks/imprimir.py."""
    pagina = sitio / "imprimir" / "index.html"
    srcsets = re.findall(r'<source\b[^>]*\ssrcset="([^"]+)"', pagina.read_text(encoding="utf-8"))
    assert len(srcsets) >= len(REGISTROS), f"{len(srcsets)} srcset en imprimir/"
    rotos = [s for s in srcsets if not (pagina.parent / s).resolve().is_file()]
    assert not rotos, f"srcset que no llevan a ningún fichero en imprimir/: {rotos[:5]}"
