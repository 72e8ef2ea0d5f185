"""Los enlaces «Abrir en el Playground» del apartado 1.3 abren lo que entrenó Keras, y 1.3 es breve.

Cada enlace de la página construida se lee como lo lee el Playground (`State.deserializeState`
de src/state.ts) y se compara con la configuración del experimento de Keras de su propuesta:
la que guarda el registro de la figura y la que sale de las constantes del script.
"""

from __future__ import annotations

import importlib.util
import json
import re

import pytest
from bs4 import BeautifulSoup
from conftest import RAIZ

from maquinaria import enlaces_playground as ep
from maquinaria.apilado import configuracion

PAGINA = "1-introduccion/1-3-playground"
# Las siete propuestas de los apuntes y la lección que se saltan (X₁² y X₂²).
PROPUESTAS = {
    "playground_ratio",
    "playground_una_neurona",
    "playground_tres_neuronas",
    "playground_cuadrados",
    "playground_xor",
    "playground_espiral",
    "playground_tasa",
    "playground_ruido",
}
MAX_PALABRAS = 3000
MAX_LINEAS_DE_CODIGO = 150


def _html(sitio):
    return BeautifulSoup((sitio / PAGINA / "index.html").read_text(encoding="utf-8"), "html.parser")


def _enlaces(sitio):
    return [a for a in _html(sitio).select("article a[href]") if a["href"].startswith(ep.URL)]


def _registro(figura):
    return json.loads((RAIZ / "docs" / "figuras" / f"{figura}.json").read_text(encoding="utf-8"))["metricas"]


def _script(figura):
    spec = importlib.util.spec_from_file_location(figura, RAIZ / "scripts" / "figuras" / f"{figura}.py")
    modulo = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(modulo)
    return modulo


# ----------------------------------------------------------------------------- el hash

CONFIG = {
    "conjunto": "circulo",
    "ruido": 25,
    "entrenamiento": 70,
    "capas": [8, 8, 8],
    "activacion": "relu",
    "tasa": 0.001,
    "lote": 10,
    "regularizacion": 0.0,
    "entradas": ["xSquared", "ySquared"],
}


def test_el_hash_usa_los_nombres_de_state_ts_y_se_lee_igual():
    url = ep.enlace(CONFIG)
    pares = dict(p.split("=", 1) for p in url.split("#", 1)[1].split("&"))
    assert list(pares) == [n for n in ep.PROPIEDADES if n in pares]  # el orden de State.PROPS
    assert pares["dataset"] == "circle" and pares["networkShape"] == "8,8,8"
    assert pares["learningRate"] == "0.001" and pares["percTrainData"] == "70" and pares["noise"] == "25"
    # Las entradas van todas explícitas: si faltase x=false, el Playground encendería X1.
    assert pares["x"] == pares["y"] == "false" and pares["xSquared"] == pares["ySquared"] == "true"
    assert ep.leer(url) == CONFIG


def test_sin_capas_ocultas_el_hash_lleva_la_forma_vacia():
    config = CONFIG | {"capas": []}
    url = ep.enlace(config)
    assert "&networkShape=&" in url
    assert ep.leer(url)["capas"] == []


def test_lo_que_falta_en_el_hash_toma_los_valores_por_defecto_de_state_ts():
    assert ep.leer(ep.URL + "#dataset=xor") == {
        "conjunto": "xor",
        "ruido": 0,
        "entrenamiento": 50,
        "capas": [4, 2],
        "activacion": "tanh",
        "tasa": 0.03,
        "lote": 10,
        "regularizacion": 0.0,
        "entradas": ["x", "y"],
    }


@pytest.mark.parametrize(
    "cambio",
    [
        {"tasa": 0.02},  # no es una opción del desplegable
        {"ruido": 12},  # el deslizador va de 5 en 5
        {"entrenamiento": 95},
        {"capas": [9]},
        {"capas": [2] * 7},
        {"entradas": ["cosX"]},  # está en el estado pero no es una entrada
        {"conjunto": "luna"},
    ],
)
def test_configuraciones_que_el_playground_no_puede_mostrar(cambio):
    with pytest.raises(ep.ConfiguracionNoValida):
        ep.enlace(CONFIG | cambio)


def test_una_propiedad_desconocida_no_es_un_enlace_valido():
    with pytest.raises(ep.ConfiguracionNoValida):
        ep.leer(ep.URL + "#dataset=circle&capas=4")


# ----------------------------------------------------------------------------- la página


def test_cada_propuesta_tiene_su_enlace(sitio):
    enlazadas = {a.get("data-figura") for a in _enlaces(sitio)}
    assert PROPUESTAS <= enlazadas, f"sin enlace: {sorted(PROPUESTAS - enlazadas)}"


def test_cada_enlace_abre_la_configuracion_que_entreno_keras(sitio):
    enlaces = _enlaces(sitio)
    assert enlaces
    for a in enlaces:
        figura, variante = a["data-figura"], a["data-variante"]
        abierto = ep.leer(a["href"])
        assert abierto == _registro(figura)["configuraciones"][variante], (figura, variante)
        assert abierto == configuracion(_script(figura).VARIANTES[variante]), (figura, variante)
        assert a.get("target") == "_blank"


def test_junto_a_cada_enlace_se_lee_su_configuracion(sitio):
    """El resumen en palabras que acompaña a cada enlace es el de lo que abre el enlace."""
    for a in _enlaces(sitio):
        assert a.get_text(strip=True) == "Abrir en el Playground"
        resumen = a.find_next_sibling("small", class_="config-playground")
        assert resumen is not None, a["href"]
        assert resumen.get_text(strip=True) == ep.describir(ep.leer(a["href"]))


def test_la_pagina_es_breve(sitio):
    articulo = _html(sitio).select_one("article")
    lineas_de_codigo = sum(len(c.get_text().rstrip("\n").splitlines()) for c in articulo.select("div.highlight code"))
    # Prosa: sin código, figuras, tablas de números, fórmulas, ni los botones y resúmenes de
    # configuración que escribe la macro (los cuenta la prueba de los enlaces).
    for bloque in articulo.select(
        "div.highlight, figure, script, .headerlink, table, .arithmatex, math, [hidden], a.enlace-playground, "
        "small.config-playground"
    ):
        bloque.decompose()
    # Las preguntas de autoevaluación que añade el hook al final no son la práctica.
    cuestionario = next((h for h in articulo.find_all("h2") if "Comprueba lo que sabes" in h.get_text()), None)
    while cuestionario is not None:
        siguiente = cuestionario.find_next_sibling()
        cuestionario.decompose()
        cuestionario = siguiente
    palabras = len(re.findall(r"\w+", articulo.get_text(" ")))
    assert palabras <= MAX_PALABRAS, f"{palabras} palabras de prosa"
    assert lineas_de_codigo <= MAX_LINEAS_DE_CODIGO, f"{lineas_de_codigo} líneas de código"


def test_la_pagina_enlaza_su_apendice(sitio):
    assert _html(sitio).select_one('article a[href*="1-3-apendice-keras"]')
