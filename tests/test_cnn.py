"""La red convolucional y la densa del apartado 3.1: datos, formas, parámetros y registros, contra Keras."""

from __future__ import annotations

import json

import keras
import numpy as np
import pytest
from conftest import RAIZ

from snippets import cnn

# Un solo proceso de pruebas para todo el fichero: su fixture de módulo se prepara una vez.
pytestmark = pytest.mark.xdist_group("cnn")


@pytest.fixture(scope="module")
def datos():
    return cnn.cargar_digitos()


def registro(nombre):
    return json.loads((RAIZ / "docs" / "figuras" / f"{nombre}.json").read_text(encoding="utf-8"))["metricas"]


def test_datos_y_reparto(datos):
    x_ent, x_test, y_ent, y_test = datos
    assert x_ent.shape == (1437, 8, 8, 1) and x_test.shape == (360, 8, 8, 1)
    assert x_ent.dtype == np.float32 and 0.0 <= x_ent.min() and x_ent.max() <= 1.0
    # Estratificado: cada clase aparece en la prueba en la misma proporción que en el total.
    assert set(np.bincount(y_test)) <= {35, 36, 37}
    # El reparto es siempre el mismo (las dos redes y las figuras usan el mismo).
    np.testing.assert_array_equal(cnn.cargar_digitos()[3], y_test)


def test_formas_de_la_red_convolucional():
    modelo = cnn.crear_cnn()
    formas = [tuple(capa.output.shape) for capa in modelo.layers]
    assert formas == [
        (None, 8, 8, 16),  # Conv2D con padding="same": no encoge
        (None, 4, 4, 16),  # MaxPooling2D 2x2
        (None, 4, 4, 32),
        (None, 2, 2, 32),
        (None, 128),  # Flatten: 2 * 2 * 32
        (None, 10),
    ]


def test_parametros_de_la_red_convolucional():
    modelo = cnn.crear_cnn()
    assert [capa.count_params() for capa in modelo.layers] == [
        16 * (3 * 3 * 1 + 1),
        0,
        32 * (3 * 3 * 16 + 1),
        0,
        0,
        128 * 10 + 10,
    ]
    assert modelo.count_params() == 160 + 4640 + 1290 == 6090


def test_parametros_con_otros_filtros():
    # El ejercicio 2: 4 filtros en la primera capa y 8 en la segunda.
    assert cnn.crear_cnn(filtros=4).count_params() == 4 * 10 + 8 * (9 * 4 + 1) + (2 * 2 * 8) * 10 + 10 == 666


def test_parametros_de_la_red_densa():
    modelo = cnn.crear_densa()
    assert [capa.count_params() for capa in modelo.layers] == [0, 64 * 64 + 64, 64 * 10 + 10]
    assert modelo.count_params() == 4810
    assert tuple(modelo.layers[0].output.shape) == (None, 64)


def test_entrenar_aprende_y_deja_los_mapas(datos):
    x_ent, x_test, y_ent, y_test = datos
    keras.utils.set_random_seed(0)
    modelo = cnn.crear_cnn()
    historia = cnn.entrenar(modelo, x_ent[:600], y_ent[:600], epocas=3)
    assert set(historia.history) >= {"loss", "accuracy", "val_loss", "val_accuracy"}
    assert len(historia.history["loss"]) == 3
    assert historia.history["loss"][-1] < historia.history["loss"][0]
    assert modelo.evaluate(x_test, y_test, verbose=0)[1] > 0.3  # el azar daría 0,1
    filtros, sesgos = modelo.layers[0].get_weights()
    assert filtros.shape == (3, 3, 1, 16) and sesgos.shape == (16,)
    assert tuple(modelo.layers[0](x_test[:1]).shape) == (1, 8, 8, 16)
    assert tuple(keras.Sequential(modelo.layers[:3])(x_test[:1]).shape) == (1, 4, 4, 32)


def test_el_registro_de_la_comparacion_cuenta_como_keras():
    m = registro("cnn_comparacion")
    assert m["cnn"]["parametros"] == cnn.crear_cnn().count_params()
    assert m["densa"]["parametros"] == cnn.crear_densa().count_params()
    assert [n for _, n in m["cnn"]["capas"]] == [160, 4640, 1290]
    assert [n for _, n in m["densa"]["capas"]] == [4160, 650]
    assert m["parametros_conv"] == 160 + 4640
    for clave in ("cnn", "densa"):
        assert m[clave]["aciertos"] + m[clave]["fallos"] == m["n_test"] == 360
        assert m[clave]["exactitud_test"] == pytest.approx(m[clave]["aciertos"] / m["n_test"], abs=1e-6)
    assert m["n_entrenamiento"] == 1437


def test_la_figura_de_filtros_es_la_misma_red_que_la_comparacion():
    filtros, comparacion = registro("cnn_filtros"), registro("cnn_comparacion")
    assert filtros["exactitud_test"] == comparacion["cnn"]["exactitud_test"]
    assert filtros["forma_filtros"] == [3, 3, 1, 16]
    assert filtros["forma_mapas"] == [8, 8, 16]
