"""Softmax en el clasificador de dígitos y la sigmoide como softmax de dos clases (apartado 1.4)."""

from __future__ import annotations

import json
import runpy

import keras
import numpy as np
import pytest
import tensorflow as tf
from conftest import RAIZ

from snippets import softmax as sm
from snippets.activaciones import sigmoide, softmax

# Un solo proceso de pruebas para todo el fichero: su fixture de módulo se prepara una vez.
pytestmark = pytest.mark.xdist_group("softmax")


def a_numpy(t):
    return keras.ops.convert_to_numpy(t)


def test_softmax_de_dos_clases_es_la_sigmoide_de_la_diferencia():
    # softmax(z1, z2)_1 = e^z1 / (e^z1 + e^z2) = 1 / (1 + e^-(z1 - z2)) = sigmoide(z1 - z2)
    z = np.random.default_rng(0).normal(size=(200, 2)) * 4
    np.testing.assert_allclose(softmax(z)[:, 0], sigmoide(z[:, 0] - z[:, 1]), atol=1e-12)
    np.testing.assert_allclose(np.exp(z[:, 0]) / np.exp(z).sum(axis=1), sigmoide(z[:, 0] - z[:, 1]), atol=1e-12)
    np.testing.assert_allclose(
        a_numpy(keras.activations.softmax(tf.constant(z)))[:, 0],
        a_numpy(keras.activations.sigmoid(tf.constant(z[:, 0] - z[:, 1]))),
        atol=1e-12,
    )


def test_solo_importa_la_diferencia_entre_evidencias():
    z = np.array([[1.3, -0.4]])
    for c in (-5.0, 0.0, 7.5):
        np.testing.assert_allclose(softmax(z + c), softmax(z), atol=1e-12)


def test_una_neurona_con_sigmoide_y_dos_con_softmax_dan_lo_mismo():
    rng = np.random.default_rng(1)
    for _ in range(5):
        w, b = rng.normal(size=3), float(rng.normal())
        una, dos = sm.sigmoide_y_softmax(w, b)
        X = rng.normal(size=(50, 3)).astype("float32")
        p1, p2 = a_numpy(una(X)), a_numpy(dos(X))
        assert p1.shape == (50, 1) and p2.shape == (50, 2)
        np.testing.assert_allclose(p1[:, 0], p2[:, 0], atol=1e-6)
        np.testing.assert_allclose(p2.sum(axis=1), 1.0, atol=1e-6)
        np.testing.assert_allclose(1 - p1[:, 0], p2[:, 1], atol=1e-6)


def test_los_datos():
    X_ent, X_test, y_ent, y_test = sm.cargar_digitos()
    assert len(X_ent) + len(X_test) == 1797 and len(X_test) == 450
    assert X_ent.shape[1] == 64 and X_ent.min() >= 0 and X_ent.max() <= 1
    assert sorted(set(y_test)) == list(range(10))
    # stratify: la misma proporción de cada dígito en entrenamiento y prueba
    np.testing.assert_allclose(np.bincount(y_ent) / len(y_ent), np.bincount(y_test) / len(y_test), atol=0.01)


@pytest.fixture(scope="module")
def clasificador():
    X_ent, X_test, y_ent, y_test = sm.cargar_digitos()
    modelo = sm.entrenar_clasificador(X_ent, y_ent)
    return modelo, X_test, y_test


def test_la_capa_de_salida_es_softmax_con_una_neurona_por_clase(clasificador):
    modelo, X_test, y_test = clasificador
    salida = modelo.layers[-1]
    assert salida.units == 10 and salida.get_config()["activation"] == "softmax"
    P = modelo.predict(X_test, verbose=0)
    assert P.shape == (len(X_test), 10)
    assert np.all(P >= 0) and np.all(P <= 1)
    np.testing.assert_allclose(P.sum(axis=1), 1.0, atol=1e-5)
    assert (P.argmax(axis=1) == y_test).mean() > 0.9


def test_softmax_de_las_evidencias_es_predict(clasificador):
    modelo, X_test, _ = clasificador
    z = sm.evidencias(modelo, X_test)
    P = modelo.predict(X_test, verbose=0)
    np.testing.assert_allclose(softmax(z), P, atol=1e-6)
    # Las evidencias son la salida de la última capa sin activación.
    sin_softmax = keras.Sequential([keras.Input(shape=(64,)), modelo.layers[0], keras.layers.Dense(10)])
    sin_softmax.layers[-1].set_weights(modelo.layers[-1].get_weights())
    np.testing.assert_allclose(a_numpy(sin_softmax(X_test)), z, atol=1e-4)


def test_softmax_no_cambia_la_clase_elegida(clasificador):
    modelo, X_test, _ = clasificador
    z = sm.evidencias(modelo, X_test)
    np.testing.assert_array_equal(z.argmax(axis=1), softmax(z).argmax(axis=1))
    # También en general: softmax conserva el orden de las evidencias.
    z = np.random.default_rng(2).normal(size=(300, 6)) * 3
    np.testing.assert_array_equal(np.argsort(z, axis=1), np.argsort(softmax(z), axis=1))


def test_la_temperatura():
    z = np.array([2.0, 1.0, 0.1])
    temperaturas = [0.05, 0.5, 1.0, 5.0, 1000.0]
    distribuciones = [softmax(z / T) for T in temperaturas]
    assert all(p.argmax() == 0 for p in distribuciones)  # la clase más probable no cambia
    maximos = [p.max() for p in distribuciones]
    assert maximos == sorted(maximos, reverse=True)  # más temperatura, menos concentrada
    np.testing.assert_allclose(distribuciones[0], [1, 0, 0], atol=1e-6)  # T pequeña: casi «one-hot»
    np.testing.assert_allclose(distribuciones[-1], 1 / 3, atol=1e-3)  # T grande: casi uniforme


def test_el_registro_de_la_figura():
    m = json.loads((RAIZ / "docs" / "figuras" / "softmax_digitos.json").read_text(encoding="utf-8"))["metricas"]
    # «La mayor diferencia entre softmax(evidencias) y predict está por debajo de una millonésima.»
    assert m["max_diferencia_softmax"] < 1e-6
    assert m["max_error_suma"] < 1e-6
    assert m["aciertos_test"] / m["n_test"] == pytest.approx(m["exactitud_test"], abs=1e-6)
    assert m["n_test"] == 450 and m["epocas"] == sm.EPOCAS
    for e in m["ejemplos"]:
        p = np.array(e["probabilidades"])
        assert p.sum() == pytest.approx(1, abs=1e-5)
        assert e["predicha"] == p.argmax() and e["confianza"] == pytest.approx(p.max())
        assert e["prob_real"] == pytest.approx(p[e["real"]])
        assert e["segunda"] == np.argsort(p)[-2] and e["prob_segunda"] == pytest.approx(np.sort(p)[-2])
    # La última es la más dudosa: su confianza es menor que la de las otras y que la media.
    confianzas = [e["confianza"] for e in m["ejemplos"]]
    assert confianzas[-1] == min(confianzas) <= m["confianza_media"]


def test_las_demostraciones_de_la_pagina():
    pagina = runpy.run_path(str(RAIZ / "snippets" / "softmax.py"), run_name="__main__")
    assert np.abs(pagina["sig"] - pagina["sm"][:, 0]).max() < 1e-12
    assert pagina["iguales"] == 1.0
    assert pagina["confianza"][pagina["i"]] == pagina["confianza"].min()
