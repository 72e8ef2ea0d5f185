"""La convolución de snippets/convolucion.py y las cuentas del apartado 3.2, contra Keras y SciPy."""

from __future__ import annotations

import zlib

import keras
import numpy as np
import pytest
from scipy import signal

from snippets import convolucion as conv


def forma_keras(n, k, paso=1, padding="valid", filtros=1, canales=1):
    capa = keras.layers.Conv2D(filtros, k, strides=paso, padding=padding)
    return capa(keras.Input(shape=(n, n, canales))).shape, capa


@pytest.mark.parametrize("padding", ["valid", "same"])
@pytest.mark.parametrize("paso", [1, 2, 3])
@pytest.mark.parametrize("forma_filtro", [(3, 3), (5, 5), (2, 2), (2, 3)])
def test_la_ventana_deslizante_es_conv2d(padding, paso, forma_filtro):
    rng = np.random.default_rng(zlib.crc32(repr((padding, paso, forma_filtro)).encode()))
    imagen = rng.normal(size=(9, 8))
    filtro = rng.normal(size=forma_filtro)
    sesgo = float(rng.normal())
    propia = conv.convolucion2d(imagen, filtro, sesgo, paso, padding)
    np.testing.assert_allclose(propia, conv.conv2d_keras(imagen, filtro, sesgo, paso, padding), atol=1e-5)


def test_es_correlacion_cruzada_y_no_convolucion_matematica():
    rng = np.random.default_rng(1)
    imagen, filtro = rng.normal(size=(7, 7)), rng.normal(size=(3, 3))
    propia = conv.convolucion2d(imagen, filtro)
    np.testing.assert_allclose(propia, signal.correlate2d(imagen, filtro, mode="valid"), atol=1e-12)
    # La convolución matemática gira el filtro: con un filtro asimétrico da otra cosa.
    assert not np.allclose(propia, signal.convolve2d(imagen, filtro, mode="valid"))
    np.testing.assert_allclose(propia, signal.convolve2d(imagen, filtro[::-1, ::-1], mode="valid"), atol=1e-12)


@pytest.mark.parametrize("padding", ["valid", "same"])
@pytest.mark.parametrize("n,k,paso", [(28, 5, 1), (7, 3, 1), (7, 3, 2), (8, 3, 1), (28, 3, 2), (10, 4, 3), (5, 5, 1)])
def test_formula_del_tamano_contra_keras(n, k, paso, padding):
    forma, _ = forma_keras(n, k, paso, padding)
    assert forma[1] == forma[2] == conv.tamano_salida(n, k, paso, padding)


def test_formula_con_padding_desconocido():
    with pytest.raises(ValueError):
        conv.tamano_salida(7, 3, padding="full")


@pytest.mark.parametrize("n,k,paso", [(7, 3, 1), (7, 3, 2), (8, 2, 1), (9, 4, 2)])
def test_relleno_same_como_tensorflow(n, k, paso):
    antes, despues = conv.relleno_same(n, k, paso)
    assert despues - antes in (0, 1)  # el cero que sobra va al final
    assert (n + antes + despues - k) // paso + 1 == conv.tamano_salida(n, k, paso, "same")


def test_mnist_28x28_con_ventana_5x5_da_24x24():
    forma, _ = forma_keras(28, 5)
    assert tuple(forma) == (None, 24, 24, 1)
    # Las posiciones de la ventana son 0..23: se desplaza 23 veces a la derecha (y 23 hacia abajo).
    posiciones = [j for j in range(28) if j + 5 <= 28]
    assert len(posiciones) == 24 and posiciones[-1] == 23


def test_32_filtros_de_5x5_tienen_832_parametros():
    forma, capa = forma_keras(28, 5, filtros=32)
    assert tuple(forma) == (None, 24, 24, 32)
    assert capa.count_params() == 32 * (5 * 5 + 1) == 832
    assert tuple(capa.kernel.shape) == (5, 5, 1, 32)
    assert tuple(capa.bias.shape) == (32,)


def test_el_ejemplo_de_7x7_da_5x5_sin_relleno_y_7x7_con_relleno():
    assert tuple(forma_keras(7, 3, padding="valid")[0]) == (None, 5, 5, 1)
    assert tuple(forma_keras(7, 3, padding="same")[0]) == (None, 7, 7, 1)
    assert conv.convolucion2d(conv.imagen, conv.filtro, padding="valid").shape == (5, 5)
    assert conv.convolucion2d(conv.imagen, conv.filtro, padding="same").shape == (7, 7)
    assert conv.relleno_same(7, 3) == (1, 1)  # un cero por cada lado: 9x9


def test_el_ejemplo_de_la_pagina():
    assert conv.imagen.shape == (7, 7) and conv.filtro.shape == (3, 3)
    mapa = conv.convolucion2d(conv.imagen, conv.filtro, conv.sesgo)
    np.testing.assert_array_equal(mapa, conv.conv2d_keras(conv.imagen, conv.filtro, conv.sesgo))
    # La neurona (3, 1) de la figura: suma de ventana x filtro, más el sesgo.
    ventana = conv.imagen[3:6, 1:4]
    assert mapa[3, 1] == np.sum(ventana * conv.filtro) + conv.sesgo == -3
    # Detector de bordes verticales: en el palo horizontal (solo cambia de arriba abajo) da 0.
    assert mapa[0, 1] == 0


def test_pesos_compartidos_no_dependen_del_tamano_de_la_imagen():
    for lado in (8, 28, 56, 100):
        _, capa = forma_keras(lado, 5, filtros=32)
        assert capa.count_params() == 832
    densa = keras.layers.Dense(24 * 24 * 32)
    densa.build((None, 28 * 28))
    assert densa.count_params() == (28 * 28 + 1) * (24 * 24 * 32) == 14_469_120


def test_los_mismos_pesos_en_todas_las_posiciones():
    """Un patrón desplazado da la misma respuesta desplazada: el filtro es el mismo en todas partes."""
    patron = np.zeros((9, 9))
    patron[2:4, 2] = 1
    movido = np.roll(patron, (3, 4), axis=(0, 1))
    a = conv.conv2d_keras(patron, conv.filtro)
    b = conv.conv2d_keras(movido, conv.filtro)
    np.testing.assert_allclose(np.roll(a, (3, 4), axis=(0, 1)), b, atol=1e-6)


def test_ejercicio_imagen_en_color():
    forma, capa = forma_keras(28, 3, paso=2, filtros=16, canales=3)
    assert tuple(forma) == (None, 13, 13, 16) and conv.tamano_salida(28, 3, 2) == 13
    assert capa.count_params() == 16 * (3 * 3 * 3 + 1) == 448


def test_ejercicio_paso_2_con_relleno():
    mapa = conv.convolucion2d(conv.imagen, conv.filtro, paso=2, padding="same")
    assert mapa.shape == (4, 4)
    np.testing.assert_allclose(mapa, conv.conv2d_keras(conv.imagen, conv.filtro, paso=2, padding="same"), atol=1e-6)


def test_ejercicio_bordes_horizontales():
    mapa = conv.convolucion2d(conv.imagen, conv.filtro.T)
    np.testing.assert_allclose(mapa, conv.conv2d_keras(conv.imagen, conv.filtro.T), atol=1e-6)
    # Positivo bajo el palo del «7»: trazo arriba (fila 1) y fondo abajo (fila 3).
    assert np.all(mapa[1, :] > 0)
