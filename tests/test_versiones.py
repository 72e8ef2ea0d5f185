"""Las versiones probadas: el registro de `python -m maquinaria.versiones` y lo que dice la página.

Estas pruebas no instalan nada (eso lo hace la herramienta, a mano): comprueban la forma del
registro, que el juego fijado es el de requirements.txt, que el registro corresponde al
código actual de las páginas y que «Cómo ejecutar el código» dice lo que dice el registro.
"""

from __future__ import annotations

import json
import re

from bs4 import BeautifulSoup
from conftest import RAIZ
from test_copiar_pegar import html_de

from maquinaria import versiones
from maquinaria.salidas import bloques_del_html
from maquinaria.sitio.macros import rango_probado

REGISTRO = RAIZ / "docs" / "versiones.json"


def juegos():
    return json.loads(REGISTRO.read_text(encoding="utf-8"))["juegos"]


def fijadas() -> dict[str, str]:
    lineas = (RAIZ / "requirements.txt").read_text(encoding="utf-8").splitlines()
    pares = (linea.split("==") for linea in lineas if "==" in linea and not linea.startswith("#"))
    return {nombre.lower().replace("_", "-"): version for nombre, version in pares}  # tensorflow_cpu


def test_forma_del_registro():
    assert juegos(), "docs/versiones.json no tiene ningún juego"
    for juego in juegos():
        assert set(juego) >= {"pedido", "versiones", "fecha", "paginas", "todas_bien"}
        assert set(juego["versiones"]) >= {"python", "tensorflow", "keras", "numpy", "matplotlib", "scikit-learn"}
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", juego["fecha"])
        assert juego["paginas"], "un juego sin páginas no prueba nada"
        for pagina in juego["paginas"].values():
            assert isinstance(pagina["bien"], bool) and len(pagina["codigo_sha256"]) == 64
        assert juego["todas_bien"] == all(p["bien"] for p in juego["paginas"].values())


def test_el_juego_fijado_es_el_de_requirements():
    fijado = [j for j in juegos() if j["pedido"] == ["requirements.txt"]]
    assert len(fijado) == 1, "falta el juego fijado: python -m maquinaria.versiones --fijado"
    pins = fijadas()
    v = fijado[0]["versiones"]
    assert v["tensorflow"] == pins["tensorflow-cpu"] and v["keras"] == pins["keras"] and v["numpy"] == pins["numpy"]
    assert v["matplotlib"] == pins["matplotlib"] and v["scikit-learn"] == pins["scikit-learn"]
    assert fijado[0]["todas_bien"]


def test_hay_otro_juego_probado_con_exito():
    otros = [j for j in juegos() if j["pedido"] != ["requirements.txt"] and j["todas_bien"]]
    assert otros, "solo se ha probado el juego fijado"
    assert {j["versiones"]["tensorflow"] for j in otros} - {fijadas()["tensorflow-cpu"]}


def test_los_juegos_probaron_las_paginas_con_codigo(sitio):
    """El juego fijado ejecutó todas las páginas que hoy tienen código; los demás, páginas que existen.

    La huella del código de cada página queda en el registro como procedencia, pero no se
    exige que coincida con la de hoy: un cambio de formato o una página retocada no cambian
    qué versiones de Keras sirven, y repetir cada juego cuesta una instalación de 600 MB. Un
    juego anterior a una página nueva no la probó: la página «Cómo ejecutar el código» da la
    fecha y el número de páginas de cada juego. Cuando cambie lo que el código pide a las
    bibliotecas, se vuelve a ejecutar la herramienta.
    """
    actual = {
        pagina
        for pagina in (p.relative_to(RAIZ / "docs").as_posix() for p in (RAIZ / "docs").rglob("*.md"))
        if bloques_del_html(html_de(sitio, pagina).read_text(encoding="utf-8"))
    }
    for juego in juegos():
        sobran = sorted(p for p in juego["paginas"] if not (RAIZ / "docs" / p).is_file())
        assert not sobran, (
            f"El juego TensorFlow {juego['versiones']['tensorflow']} probó páginas que ya no existen: {sobran}"
        )
    fijado = next(j for j in juegos() if j["pedido"] == ["requirements.txt"])
    faltan = sorted(actual - set(fijado["paginas"]))
    assert not faltan, f"El juego fijado no probó: {faltan}. Vuelve a ejecutar python -m maquinaria.versiones --fijado."


def test_la_herramienta_saca_los_mismos_bloques_que_la_prueba_de_copiar_y_pegar(sitio):
    for pagina in ("4-otras/4-1-recurrentes.md", "como-ejecutar.md"):
        html = html_de(sitio, pagina).read_text(encoding="utf-8")
        assert versiones.bloques_python(html) == bloques_del_html(html) != []


def test_la_pagina_dice_lo_que_dice_el_registro(sitio):
    html = html_de(sitio, "como-ejecutar.md").read_text(encoding="utf-8")
    sopa = BeautifulSoup(html, "html.parser")
    filas = [[c.get_text(strip=True) for c in fila.find_all("td")] for fila in sopa.select("article table tbody tr")]
    esperadas = [
        [
            *(j["versiones"][p] for p in ("python", "tensorflow", "keras", "numpy", "matplotlib", "scikit-learn")),
            str(len(j["paginas"])),
            "todas funcionan" if j["todas_bien"] else f"fallan {sum(not p['bien'] for p in j['paginas'].values())}",
            j["fecha"],
        ]
        for j in juegos()
    ]
    assert filas == esperadas
    texto = " ".join(sopa.select_one("article").get_text(" ").split())
    for paquete, nombre, cifras in (
        ("tensorflow", "TensorFlow", None),
        ("keras", "Keras", None),
        ("numpy", "NumPy", None),
        ("python", "Python", 2),
    ):
        buenas = sorted(
            {".".join(j["versiones"][paquete].split(".")[:cifras]) for j in juegos() if j["todas_bien"]},
            key=lambda v: [int(x) for x in v.split(".") if x.isdigit()],
        )
        rango = buenas[0] if len(buenas) == 1 else f"{buenas[0]} a {buenas[-1]}"
        assert rango_probado(paquete, cifras) == rango
        assert f"{nombre} {rango}" in texto, f"la página no dice «{nombre} {rango}»"


def test_guardar_sustituye_el_juego_con_las_mismas_versiones(tmp_path, monkeypatch):
    monkeypatch.setattr(versiones, "REGISTRO", tmp_path / "versiones.json")

    def juego(tf, python, bien):
        v = {"python": python, "tensorflow": tf, "keras": "3", "numpy": "2"}
        return {"versiones": v, "todas_bien": bien, "paginas": {}, "pedido": [], "fecha": "2026-01-01"}

    versiones.guardar(juego("2.21.0", "3.11.7", False))
    versiones.guardar(juego("2.18.1", "3.12.1", True))
    versiones.guardar(juego("2.21.0", "3.11.7", True))  # la misma combinación: sustituye a la primera
    guardados = json.loads((tmp_path / "versiones.json").read_text(encoding="utf-8"))["juegos"]
    assert [(j["versiones"]["tensorflow"], j["todas_bien"]) for j in guardados] == [("2.18.1", True), ("2.21.0", True)]
