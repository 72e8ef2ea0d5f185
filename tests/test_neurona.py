"""La neurona de snippets/neurona.py contra una capa Dense de Keras, y las fórmulas del apartado 1.1."""

from __future__ import annotations

import json
import runpy

import keras
import numpy as np
import pytest
from conftest import RAIZ

from snippets import neurona as nn

# Un solo proceso de pruebas para todo el fichero: su fixture de módulo se prepara una vez.
pytestmark = pytest.mark.xdist_group("neurona")

RNG = np.random.default_rng(0)


def test_la_suma_ponderada_es_la_suma_de_productos_mas_el_sesgo():
    x, w, b = RNG.normal(size=5), RNG.normal(size=5), 0.7
    esperado = sum(w[i] * x[i] for i in range(5)) + b
    assert nn.suma_ponderada(x, w, b) == pytest.approx(esperado, abs=1e-12)


@pytest.mark.parametrize("activacion", ["sigmoid", "relu", "tanh", "linear"])
def test_la_neurona_de_numpy_es_una_dense_de_una_unidad(activacion):
    propias = {"sigmoid": nn.sigmoide, "relu": lambda z: np.maximum(0, z), "tanh": np.tanh, "linear": lambda z: z}
    w, b = RNG.normal(size=4), float(RNG.normal())
    X = RNG.normal(size=(20, 4))
    capa = nn.neurona_keras(w, b, activacion=activacion)
    # Keras guarda una matriz (entradas x neuronas) y un sesgo por neurona.
    assert [p.shape for p in capa.get_weights()] == [(4, 1), (1,)]
    keras_y = keras.ops.convert_to_numpy(capa(X.astype("float32"))).ravel()
    np.testing.assert_allclose(nn.neurona(X, w, b, activacion=propias[activacion]), keras_y, atol=1e-6)


def test_el_ejemplo_de_la_pagina():
    z = nn.suma_ponderada(nn.x, nn.w, nn.b)
    assert z == pytest.approx(np.sum(nn.w * nn.x) + nn.b)
    assert nn.neurona(nn.x, nn.w, nn.b) == pytest.approx(1 / (1 + np.exp(-z)))
    assert 0 < nn.neurona(nn.x, nn.w, nn.b) < 1
    # Keras (float32) coincide con NumPy (float64) hasta más o menos la séptima cifra decimal.
    y_keras = float(nn.neurona_keras(nn.w, nn.b)(nn.x.reshape(1, -1))[0, 0])
    assert abs(y_keras - nn.neurona(nn.x, nn.w, nn.b)) < 1e-6


def test_el_registro_de_la_figura_tiene_los_numeros_del_calculo():
    metricas = json.loads((RAIZ / "docs" / "figuras" / "neurona.json").read_text(encoding="utf-8"))["metricas"]
    np.testing.assert_allclose(metricas["entradas"], nn.x)
    np.testing.assert_allclose(metricas["pesos"], nn.w)
    np.testing.assert_allclose(metricas["productos"], nn.w * nn.x)
    assert metricas["sesgo"] == nn.b
    assert metricas["z"] == pytest.approx(sum(metricas["productos"]) + metricas["sesgo"])
    assert metricas["y"] == pytest.approx(nn.neurona(nn.x, nn.w, nn.b))


def test_el_umbral_es_un_sesgo_con_el_signo_cambiado():
    # sum(w x) >= umbral  <=>  sum(w x) + b >= 0 con b = -umbral
    X = RNG.integers(-3, 4, size=(500, 3)).astype(float)
    for _ in range(20):
        w = RNG.integers(-3, 4, size=3).astype(float)
        umbral = float(RNG.integers(-4, 5)) + RNG.choice([0.0, 0.5])
        np.testing.assert_array_equal(nn.neurona_umbral(X, w, umbral), nn.neurona(X, w, -umbral, activacion=nn.escalon))


TABLA = np.array([[0, 0], [0, 1], [1, 0], [1, 1]])


def test_puertas_logicas_con_una_neurona():
    np.testing.assert_array_equal(nn.neurona_umbral(TABLA, np.array([1, 1]), 1.5), [0, 0, 0, 1])  # AND
    np.testing.assert_array_equal(nn.neurona_umbral(TABLA, np.array([1, 1]), 0.5), [0, 1, 1, 1])  # OR
    np.testing.assert_array_equal(nn.neurona_umbral(TABLA, np.array([-1, -1]), -1.5), [1, 1, 1, 0])  # NAND


@pytest.mark.parametrize("umbral, es_or", [(1e-9, True), (0.5, True), (1.0, True), (0.0, False), (1.0001, False)])
def test_or_vale_con_un_umbral_entre_0_y_1(umbral, es_or):
    # «Cualquier umbral mayor que 0 y menor o igual que 1 da OR.»
    resultado = nn.neurona_umbral(TABLA, np.array([1, 1]), umbral)
    assert np.array_equal(resultado, [0, 1, 1, 1]) == es_or


@pytest.mark.parametrize(
    "umbral, es_nand", [(-1.999, True), (-1.5, True), (-1.0, True), (-2.0, False), (-0.999, False)]
)
def test_nand_vale_con_un_umbral_entre_menos_2_y_menos_1(umbral, es_nand):
    resultado = nn.neurona_umbral(TABLA, np.array([-1, -1]), umbral)
    assert np.array_equal(resultado, [1, 1, 1, 0]) == es_nand


@pytest.fixture(scope="module")
def pagina():
    """Las secciones de demostración (el bloque __main__), ejecutadas como en la página."""
    return runpy.run_path(str(RAIZ / "snippets" / "neurona.py"), run_name="__main__")


def test_ejercicio_relu(pagina, capsys):
    assert pagina["z4"] == pytest.approx(1.1)  # 0.2 - 0.4 - 0.1 + 0.9 + 0.5
    assert float(pagina["capa_relu"](pagina["x4"].reshape(1, -1))[0, 0]) == pytest.approx(1.1, abs=1e-6)
    # Con b = -1.5 la suma es negativa (-0.9) y ReLU devuelve 0.
    assert nn.suma_ponderada(pagina["x4"], pagina["w4"], -1.5) == pytest.approx(-0.9)
    assert nn.neurona(pagina["x4"], pagina["w4"], -1.5, activacion=pagina["relu"]) == 0


def test_el_lote_da_una_salida_por_fila(pagina):
    X, capa = pagina["X"], pagina["capa"]
    assert nn.neurona(X, nn.w, nn.b).shape == (len(X),)
    np.testing.assert_allclose(nn.neurona(X, nn.w, nn.b), keras.ops.convert_to_numpy(capa(X)).ravel(), atol=1e-6)
