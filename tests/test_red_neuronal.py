"""La red de cuatro capas, sus parámetros y XOR (snippets/red_neuronal.py, apartado 1.2)."""

from __future__ import annotations

import json
import math
import runpy

import keras
import numpy as np
import pytest
from conftest import RAIZ

from snippets import red_neuronal as rn

# Un solo proceso de pruebas para todo el fichero: su fixture de módulo se prepara una vez.
pytestmark = pytest.mark.xdist_group("red_neuronal")


def registro(nombre):
    return json.loads((RAIZ / "docs" / "figuras" / f"{nombre}.json").read_text(encoding="utf-8"))["metricas"]


@pytest.mark.parametrize(
    "entradas, ocultas, salidas",
    [(3, (4, 4), 1), (64, (32, 16), 10), (2, (), 1), (5, (7,), 3), (10, (1, 1, 1), 2)],
)
def test_la_formula_de_parametros_coincide_con_keras(entradas, ocultas, salidas):
    red = rn.crear_red(entradas, ocultas, salidas)
    neuronas = rn.neuronas_por_capa(red)
    assert neuronas == [entradas, *ocultas, salidas]
    por_capa = rn.parametros_por_capa(neuronas)
    assert por_capa == [capa.count_params() for capa in red.layers]
    # P = sum (n_{l-1} + 1) n_l
    assert sum(por_capa) == red.count_params() == sum((a + 1) * b for a, b in zip(neuronas, neuronas[1:]))


def test_la_red_de_cuatro_capas():
    red = rn.crear_red()
    assert rn.neuronas_por_capa(red) == [3, 4, 4, 1]
    # keras.Input no es una capa con pesos: Keras enumera 3 capas Dense.
    assert len(red.layers) == 3 and all(isinstance(c, keras.layers.Dense) for c in red.layers)
    # W tiene forma (neuronas de la capa anterior, neuronas de la capa); un sesgo por neurona.
    formas = [[p.shape for p in capa.get_weights()] for capa in red.layers]
    assert formas == [[(3, 4), (4,)], [(4, 4), (4,)], [(4, 1), (1,)]]
    assert [c.get_config()["activation"] for c in red.layers] == ["relu", "relu", "sigmoid"]


def test_el_diagrama_sale_del_modelo():
    metricas, red = registro("red_diagrama"), rn.crear_red()
    assert metricas["neuronas"] == rn.neuronas_por_capa(red)
    assert metricas["parametros"] == [c.count_params() for c in red.layers]
    assert metricas["total"] == red.count_params() == 41
    assert metricas["capas_keras"] == len(red.layers)
    assert [p + s for p, s in zip(metricas["pesos"], metricas["sesgos"])] == metricas["parametros"]


def test_propagar_capa_a_capa_es_predict():
    # h = f(x W + b), capa a capa, con tanh y lineal además de relu y sigmoide.
    keras.utils.set_random_seed(3)
    red = keras.Sequential(
        [
            keras.Input(shape=(3,)),
            keras.layers.Dense(5, activation="tanh"),
            keras.layers.Dense(4, activation="relu"),
            keras.layers.Dense(2, activation="linear"),
            keras.layers.Dense(1, activation="sigmoid"),
        ]
    )
    X = np.random.default_rng(0).normal(size=(30, 3)).astype("float32")
    np.testing.assert_allclose(rn.propagar(red, X), keras.ops.convert_to_numpy(red(X)), atol=1e-5)
    red4 = rn.crear_red()
    np.testing.assert_allclose(rn.propagar(red4, X), keras.ops.convert_to_numpy(red4(X)), atol=1e-5)


def test_ninguna_recta_separa_xor():
    # z(0,1) + z(1,0) = w1 + w2 + 2b = z(0,0) + z(1,1) para cualquier w1, w2, b.
    rng = np.random.default_rng(0)
    for w1, w2, b in rng.normal(size=(1000, 3)) * 10:
        z = rn.X_xor.astype(float) @ np.array([w1, w2]) + b
        assert z[1] + z[2] == pytest.approx(w1 + w2 + 2 * b) == pytest.approx(z[0] + z[3])
        # Por tanto, nunca dos positivas en (0,1), (1,0) y dos negativas en (0,0), (1,1).
        assert not (z[1] >= 0 and z[2] >= 0 and z[0] < 0 and z[3] < 0)


@pytest.fixture(scope="module")
def entrenadas():
    return {ocultas: rn.entrenar_xor(ocultas=ocultas) for ocultas in (0, 8)}


def test_una_neurona_no_aprende_xor(entrenadas):
    red, historial = entrenadas[0]
    salidas = keras.ops.convert_to_numpy(red(rn.X_xor)).ravel()
    # Lo mejor que puede hacer: 0,5 en todas partes, con pérdida -ln 0,5 = ln 2.
    np.testing.assert_allclose(salidas, 0.5, atol=1e-3)
    perdida = red.evaluate(rn.X_xor, rn.y_xor, verbose=0)[0]
    assert perdida == pytest.approx(math.log(2), abs=1e-3)
    assert -math.log(0.5) == pytest.approx(math.log(2))
    assert red.count_params() == 3


def test_una_capa_oculta_aprende_xor(entrenadas):
    red, historial = entrenadas[8]
    salidas = keras.ops.convert_to_numpy(red(rn.X_xor)).ravel()
    np.testing.assert_array_equal(salidas > 0.5, rn.y_xor > 0.5)
    assert red.evaluate(rn.X_xor, rn.y_xor, verbose=0)[0] < 0.05
    assert historial["accuracy"][-1] == 1.0
    assert red.count_params() == 2 * 8 + 8 + 8 + 1


@pytest.mark.parametrize("semilla", [1, 2])
def test_la_capa_oculta_aprende_xor_con_otras_semillas(semilla):
    # Con 4 neuronas ocultas, la semilla 2 se queda en un mínimo local; con 8, no.
    red, _ = rn.entrenar_xor(ocultas=8, semilla=semilla)
    salidas = keras.ops.convert_to_numpy(red(rn.X_xor)).ravel()
    np.testing.assert_array_equal(salidas > 0.5, rn.y_xor > 0.5)


def test_repetir_la_tabla_equivale_a_mas_epocas():
    # Con shuffle=False y lotes de 4, cada paso ve la tabla entera: 40 épocas de 1 paso = 1 época de 40 pasos.
    red_a, _ = rn.entrenar_xor(ocultas=8, repeticiones=1, epocas=40)
    red_b, _ = rn.entrenar_xor(ocultas=8, repeticiones=40, epocas=1)
    for a, b in zip(red_a.get_weights(), red_b.get_weights()):
        np.testing.assert_allclose(a, b, atol=1e-6)


def test_el_registro_de_xor():
    m = registro("xor")
    assert m["pasos"] == 400  # los mismos que la página: 8 épocas de 50 pasos
    assert m["una_neurona"]["perdida"] == pytest.approx(m["ln2"], abs=1e-3)
    # «Sus salidas se apartan de 0,5 en menos de una millonésima.»
    assert m["una_neurona"]["desvio_max"] < 1e-6
    assert m["capa_oculta"]["aciertos"] == 4 and m["capa_oculta"]["exactitud"] == 1.0
    assert m["capa_oculta"]["perdida"] < 0.05


@pytest.fixture(scope="module")
def pagina():
    """Las secciones de demostración y los ejercicios (el bloque __main__), como en la página."""
    return runpy.run_path(str(RAIZ / "snippets" / "red_neuronal.py"), run_name="__main__")


def test_ejercicios(pagina):
    assert pagina["por_capa"] == [(64 + 1) * 32, (32 + 1) * 16, (16 + 1) * 10] == [2080, 528, 170]
    assert sum(pagina["por_capa"]) == pagina["red_digitos"].count_params()
    assert pagina["aciertos"].max() == 3
    np.testing.assert_array_equal(pagina["h_or"], [0, 1, 1, 1])
    np.testing.assert_array_equal(pagina["h_nand"], [1, 1, 1, 0])
    np.testing.assert_array_equal(pagina["salida"], rn.y_xor)
