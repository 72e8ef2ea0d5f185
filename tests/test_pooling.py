"""El max pooling de snippets/pooling.py y las cuentas del apartado 3.3, contra Keras."""

from __future__ import annotations

import inspect
import zlib

import keras
import numpy as np
import pytest

from snippets import convolucion as conv
from snippets import pooling as pool


def forma_keras(n, ventana=2, paso=None, padding="valid", canales=1):
    capa = keras.layers.MaxPooling2D(pool_size=ventana, strides=paso, padding=padding)
    return tuple(capa(keras.Input(shape=(n, n, canales))).shape), capa


@pytest.mark.parametrize("padding", ["valid", "same"])
@pytest.mark.parametrize("ventana,paso", [(2, None), (2, 1), (2, 2), (3, None), (3, 2), (2, 3)])
@pytest.mark.parametrize("forma", [(4, 4), (7, 7), (9, 6)])
def test_max_pooling_es_maxpooling2d(padding, ventana, paso, forma):
    rng = np.random.default_rng(zlib.crc32(repr((padding, ventana, paso, forma)).encode()))
    mapa = rng.normal(size=forma) - 5  # negativos: el relleno de «same» no puede ser un cero
    propia = pool.max_pooling(mapa, ventana, paso, padding)
    np.testing.assert_allclose(propia, pool.max_pooling_keras(mapa, ventana, paso, padding), atol=1e-6)


def test_valores_por_defecto_de_maxpooling2d():
    parametros = inspect.signature(keras.layers.MaxPooling2D).parameters
    assert parametros["pool_size"].default == (2, 2)
    assert parametros["strides"].default is None  # None = el paso es la ventana
    assert parametros["padding"].default == "valid"
    capa = keras.layers.MaxPooling2D()
    assert tuple(capa.strides) == (2, 2)
    # Nuestra función usa los mismos valores por defecto.
    defecto = inspect.signature(pool.max_pooling).parameters
    assert defecto["ventana"].default == 2 and defecto["paso"].default is None and defecto["padding"].default == "valid"


def test_el_ejemplo_de_4x4():
    salida = pool.max_pooling(pool.mapa)
    np.testing.assert_array_equal(salida, [[6, 2], [3, 9]])
    np.testing.assert_array_equal(salida, pool.max_pooling_keras(pool.mapa))


def test_de_24x24_a_12x12_y_sin_parametros():
    forma, capa = forma_keras(24, canales=32)
    assert forma == (None, 12, 12, 32)  # cada lado entre 2; la profundidad no cambia
    assert 24 * 24 // (12 * 12) == 4  # lo que se divide entre 4 es el número de valores
    assert capa.count_params() == 0


def test_el_pooling_ahorra_parametros_en_la_capa_densa_siguiente():
    parametros = {}
    for nombre, capas in (("sin", []), ("con", [keras.layers.MaxPooling2D(pool_size=2)])):
        modelo = keras.Sequential(
            [keras.Input(shape=(24, 24, 32)), *capas, keras.layers.Flatten(), keras.layers.Dense(10)]
        )
        parametros[nombre] = modelo.layers[-1].count_params()
    assert parametros == {"sin": 24 * 24 * 32 * 10 + 10, "con": 12 * 12 * 32 * 10 + 10}
    assert parametros["sin"] == 184_330 and parametros["con"] == 46_090


def test_7x7_ventana_2x2_paso_2():
    assert forma_keras(7, 2, 2, "valid")[0] == (None, 3, 3, 1)
    assert forma_keras(7, 2, 2, "same")[0] == (None, 4, 4, 1)
    assert forma_keras(7)[0] == (None, 3, 3, 1)  # los valores por defecto de Keras dan 3x3
    assert pool.max_pooling(pool.siete, 2, 2, "valid").shape == (3, 3)
    assert pool.max_pooling(pool.siete, 2, 2, "same").shape == (4, 4)
    for padding in ("valid", "same"):
        np.testing.assert_array_equal(
            pool.max_pooling(pool.siete, 2, 2, padding), pool.max_pooling_keras(pool.siete, 2, 2, padding)
        )
    # Con «valid», la última fila y la última columna no entran en ninguna ventana.
    sin_borde = pool.siete[:6, :6]
    np.testing.assert_array_equal(pool.max_pooling(pool.siete), pool.max_pooling(sin_borde))


@pytest.mark.parametrize(
    "n,ventana,paso,padding",
    [(7, 2, 2, "valid"), (7, 2, 2, "same"), (7, 2, 1, "valid"), (24, 2, 2, "valid"), (9, 3, 2, "same")],
)
def test_la_formula_de_la_convolucion_sirve_para_el_pooling(n, ventana, paso, padding):
    assert forma_keras(n, ventana, paso, padding)[0][1] == conv.tamano_salida(n, ventana, paso, padding)


def test_el_mapa_siete_tiene_los_numeros_del_1_al_49():
    assert pool.siete.shape == (7, 7)
    assert sorted(pool.siete.ravel()) == list(range(1, 50))


def test_cada_canal_por_separado():
    rng = np.random.default_rng(0)
    mapas = rng.normal(size=(1, 6, 6, 5)).astype("float32")
    juntos = keras.ops.convert_to_numpy(keras.layers.MaxPooling2D()(mapas))[0]
    for canal in range(5):
        np.testing.assert_allclose(juntos[:, :, canal], pool.max_pooling(mapas[0, :, :, canal]), atol=1e-6)


def test_ejercicio_paso_1():
    assert pool.max_pooling(pool.siete, 2, 1).shape == (6, 6)
    assert forma_keras(7, 2, 1)[0] == (None, 6, 6, 1)


def test_ejercicio_average_pooling():
    mapa = pool.mapa.astype(float)
    a_mano = mapa.reshape(2, 2, 2, 2).mean(axis=(1, 3))
    keras_media = keras.layers.AveragePooling2D(pool_size=2)(mapa.reshape(1, 4, 4, 1).astype("float32"))
    np.testing.assert_allclose(a_mano, keras.ops.convert_to_numpy(keras_media)[0, :, :, 0], atol=1e-6)


def test_digito_ampliado_convolucion_y_pooling():
    digito = pool.digito_ampliado(0)
    assert digito.shape == (1, 28, 28, 1)
    assert 0.0 <= digito.min() and digito.max() <= 1.0
    filtros = pool.filtros_de_bordes(5)
    assert [f.shape for f in filtros.values()] == [(5, 5), (5, 5)]
    np.testing.assert_allclose(filtros["horizontal"], filtros["vertical"].T)
    mapas, reducidos = pool.convolucion_y_pooling(digito, filtros)
    assert mapas.shape == (1, 24, 24, 2) and reducidos.shape == (1, 12, 12, 2)
    for canal, filtro in enumerate(filtros.values()):
        a_mano = np.maximum(conv.convolucion2d(digito[0, :, :, 0], filtro), 0.0)
        np.testing.assert_allclose(mapas[0, :, :, canal], a_mano, atol=1e-5)
        np.testing.assert_allclose(reducidos[0, :, :, canal], pool.max_pooling(a_mano), atol=1e-5)
