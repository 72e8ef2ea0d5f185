"""Descenso de gradiente y retropropagación de snippets/gradiente.py contra tf.GradientTape y Keras."""

from __future__ import annotations

import keras
import numpy as np
import pytest
import tensorflow as tf

from snippets import gradiente as g

X, Y = g.datos_recta()
HESSIANA = 2 * np.array([[np.mean(X * X), np.mean(X)], [np.mean(X), 1.0]])
LIMITE = 2 / np.linalg.eigvalsh(HESSIANA).max()


def test_perdida_recta_con_numeros_y_rejillas():
    assert g.perdida_recta(1.5, 0.5, X, Y) == pytest.approx(np.mean((1.5 * X + 0.5 - Y) ** 2))
    W, B = np.meshgrid([0.0, 1.0, 2.0], [-1.0, 0.0])
    Z = g.perdida_recta(W, B, X, Y)
    assert Z.shape == (2, 3) and Z[1, 2] == pytest.approx(g.perdida_recta(2.0, 0.0, X, Y))


def test_cada_paso_va_en_contra_del_gradiente():
    camino = g.descenso_gradiente(X, Y, inicio=(-1.0, 4.0), tasa=0.1, pasos=3)
    for antes, despues in zip(camino[:-1], camino[1:]):
        w, b = antes
        error = w * X + b - Y
        gradiente = np.array([2 * np.mean(error * X), 2 * np.mean(error)])  # derivadas parciales a mano
        np.testing.assert_allclose(despues, antes - 0.1 * gradiente, rtol=1e-12)


def test_converge_a_minimos_cuadrados():
    camino = g.descenso_gradiente(X, Y, inicio=(-1.0, 4.0), tasa=0.14, pasos=600)
    np.testing.assert_allclose(camino[-1], np.polyfit(X, Y, 1), atol=1e-4)


def test_por_encima_de_2_entre_lambda_max_diverge():
    def perdida(c):
        return g.perdida_recta(c[-1, 0], c[-1, 1], X, Y)

    inicial = g.perdida_recta(-1.0, 4.0, X, Y)
    assert perdida(g.descenso_gradiente(X, Y, (-1.0, 4.0), 0.97 * LIMITE, 300)) < 0.3
    assert perdida(g.descenso_gradiente(X, Y, (-1.0, 4.0), 1.03 * LIMITE, 300)) > 100 * inicial


def test_retropropagacion_igual_que_gradienttape():
    X_, y, W1, b1, W2, b2 = g.red_de_ejemplo()
    a_mano = g.retropropagacion(X_, y, W1, b1, W2, b2)
    pesos = [tf.Variable(v) for v in (W1, b1, W2, b2)]
    with tf.GradientTape() as cinta:
        p = tf.sigmoid(tf.sigmoid(X_ @ pesos[0] + pesos[1]) @ pesos[2] + pesos[3])
        perdida = -tf.reduce_mean(y * tf.math.log(p) + (1 - y) * tf.math.log(1 - p))
    assert float(perdida) == pytest.approx(g.perdida_red(y, g.hacia_delante(X_, W1, b1, W2, b2)[3]))
    for propio, cinta_g in zip(a_mano, cinta.gradient(perdida, pesos)):
        assert propio.shape == cinta_g.shape
        np.testing.assert_allclose(propio, cinta_g.numpy(), rtol=1e-10, atol=1e-14)


def test_retropropagacion_igual_que_un_modelo_de_keras():
    X_, y, W1, b1, W2, b2 = g.red_de_ejemplo(semilla=4)
    modelo = keras.Sequential(
        [
            keras.Input(shape=(2,)),
            keras.layers.Dense(3, activation="sigmoid"),
            keras.layers.Dense(1, activation="sigmoid"),
        ]
    )
    modelo.set_weights([W1, b1, W2, b2])
    with tf.GradientTape() as cinta:
        perdida = keras.losses.BinaryCrossentropy()(y, modelo(X_.astype("float32")))
    de_keras = cinta.gradient(perdida, modelo.trainable_variables)
    for propio, k in zip(g.retropropagacion(X_, y, W1, b1, W2, b2), de_keras):
        np.testing.assert_allclose(propio, k.numpy(), rtol=1e-4, atol=1e-6)


def test_un_paso_por_lote():
    n = int(len(g.cargar_digitos()[0]) * 0.8)
    for lote, pasos_por_epoca in [(n, 1), (256, 5)]:
        keras.utils.set_random_seed(0)
        historia = g.entrenar_con_lote(lote, epocas=2)
        assert sorted(historia) == ["accuracy", "exactitud_val", "loss", "perdida_completa", "segundos"]
        assert len(historia["segundos"]) == 2 and min(historia["segundos"]) > 0
        assert pasos_por_epoca == int(np.ceil(n / lote))
    assert n == 1149


def test_el_medidor_calcula_la_perdida_de_todo_el_conjunto():
    X_ent, _, y_ent, _ = g.cargar_digitos()
    keras.utils.set_random_seed(0)
    modelo = g.compilar(g.crear_modelo(), 0.1)
    medidor = g.Medidor(X_ent[:200], y_ent[:200], X_ent[200:300], y_ent[200:300])
    historia = modelo.fit(X_ent[:200], y_ent[:200], epochs=1, batch_size=64, verbose=0, callbacks=[medidor]).history
    perdida, _ = modelo.evaluate(X_ent[:200], y_ent[:200], verbose=0)
    _, exactitud = modelo.evaluate(X_ent[200:300], y_ent[200:300], verbose=0)
    assert historia["perdida_completa"][0] == pytest.approx(perdida, rel=1e-5)
    assert historia["exactitud_val"][0] == pytest.approx(exactitud)
