"""Las figuras se leen en un móvil: cada una tiene su versión estrecha y el navegador la elige.

Cada figura se dibuja dos veces de los mismos resultados (`dibujar(res, estrecha=...)`): la
ancha, para el portátil, y la estrecha (paneles apilados, unos 760 px), para pantallas de
hasta 720 px CSS. El registro guarda de las dos el tamaño del texto más pequeño que se
dibujó, en píxeles de la imagen. En Chromium, a 390 px (móvil) y a 1280 px (portátil), en
modo claro y oscuro, la prueba de cada página (test_navegador.py) comprueba qué imagen carga
de verdad cada figura (`currentSrc`) y que su texto más pequeño, con la imagen al tamaño al
que se muestra, mide al menos 9 px CSS (navegador_util.problemas_de_figuras).
"""

from __future__ import annotations

import json
import re

import pytest
from conftest import RAIZ
from navegador_util import TEXTO_MINIMO, figuras_de_paginas, problemas_de_figuras, registros_de_figuras
from PIL import Image

from maquinaria.esquema import FIGURA, ErrorDeEsquema, validar

FIGURAS = RAIZ / "docs" / "figuras"
ANCHO_MAXIMO_ESTRECHA = 800  # px: el móvil la muestra a unos 358 px; más, solo pesa
REGISTROS = registros_de_figuras()
PAGINAS = figuras_de_paginas()


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
# La medida en el navegador la hace la prueba de cada página (test_navegador.py,
# test_la_pagina_se_lee_en_movil_y_portatil) en su misma carga; aquí, que la cuenta muerde.


def test_la_cuenta_del_texto_muerde():
    nombre = PAGINAS[next(iter(PAGINAS))][0]
    registro = REGISTROS[nombre]
    estrecha = registro["estrecha"]
    bien = {"src": f"/x/{estrecha['imagen']}", "ancho": 358, "natural": estrecha["ancho"]}
    assert problemas_de_figuras([nombre], [bien], movil=True) == []
    ancha = {"src": f"/x/{registro['imagen']}", "ancho": 358, "natural": registro["ancho"]}
    assert "cargó" in problemas_de_figuras([nombre], [ancha], movil=True)[0]
    diminuta = dict(bien, ancho=40)
    assert "texto de" in problemas_de_figuras([nombre], [diminuta], movil=True)[0]
    assert "figuras en la página" in problemas_de_figuras([nombre], [], movil=True)[0]


def test_la_pagina_para_imprimir_encuentra_las_figuras_estrechas(sitio):
    """mkdocs-print-site reescribe los src de las imágenes, no los srcset: lo hace hooks/imprimir.py."""
    pagina = sitio / "imprimir" / "index.html"
    srcsets = re.findall(r'<source\b[^>]*\ssrcset="([^"]+)"', pagina.read_text(encoding="utf-8"))
    assert len(srcsets) >= len(REGISTROS), f"{len(srcsets)} srcset en imprimir/"
    rotos = [s for s in srcsets if not (pagina.parent / s).resolve().is_file()]
    assert not rotos, f"srcset que no llevan a ningún fichero en imprimir/: {rotos[:5]}"
