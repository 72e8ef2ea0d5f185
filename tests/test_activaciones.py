"""Las funciones de activación de snippets/activaciones.py contra Keras y tf.GradientTape."""

from __future__ import annotations

import keras
import numpy as np
import pytest
import tensorflow as tf

from snippets import activaciones as act

# Cada función del apartado con su derivada, por el nombre que usa la página.
FUNCIONES = {
    "identidad": (act.identidad, act.d_identidad),
    "escalón": (act.escalon, act.d_escalon),
    "ReLU": (act.relu, act.d_relu),
    "tanh": (act.tanh, act.d_tanh),
    "sigmoide": (act.sigmoide, act.d_sigmoide),
}

X = np.linspace(-6, 6, 241)

KERAS = {
    "identidad": keras.activations.linear,
    "ReLU": keras.activations.relu,
    "tanh": keras.activations.tanh,
    "sigmoide": keras.activations.sigmoid,
}


@pytest.mark.parametrize("nombre", sorted(KERAS))
def test_coincide_con_keras(nombre):
    propia, _ = FUNCIONES[nombre]
    np.testing.assert_allclose(propia(X), keras.ops.convert_to_numpy(KERAS[nombre](tf.constant(X))), atol=1e-12)


def test_la_formula_de_tanh_de_los_apuntes_es_tanh():
    # 2 / (1 + e^(-2x)) - 1 == tanh(x)
    np.testing.assert_allclose(act.tanh(X), np.tanh(X), atol=1e-12)


def test_escalon():
    assert act.escalon(-1e-9) == 0 and act.escalon(0.0) == 1 and act.escalon(3) == 1


@pytest.mark.parametrize("nombre", ["identidad", "ReLU", "tanh", "sigmoide", "escalón"])
def test_derivadas_contra_gradienttape(nombre):
    propia, derivada = FUNCIONES[nombre]
    tf_funcion = {
        "identidad": tf.identity,
        "ReLU": tf.nn.relu,
        "tanh": tf.tanh,
        "sigmoide": tf.sigmoid,
        # El escalón con operaciones de TF: su gradiente es 0 (tf.where no deja pasar nada).
        "escalón": lambda x: tf.where(x >= 0, tf.ones_like(x), tf.zeros_like(x)),
    }[nombre]
    x = tf.constant(X[X != 0])  # en 0, ReLU y el escalón no son derivables
    with tf.GradientTape() as cinta:
        cinta.watch(x)
        y = tf_funcion(x)
    gradiente = cinta.gradient(y, x)
    gradiente = np.zeros_like(x.numpy()) if gradiente is None else gradiente.numpy()
    np.testing.assert_allclose(derivada(x.numpy()), gradiente, atol=1e-12)
    np.testing.assert_allclose(propia(x.numpy()), y.numpy(), atol=1e-12)


def test_softmax_es_una_distribucion_y_coincide_con_keras():
    rng = np.random.default_rng(0)
    z = rng.normal(size=(50, 7)) * 5
    p = act.softmax(z)
    np.testing.assert_allclose(p.sum(axis=-1), 1.0, atol=1e-12)
    assert np.all((p > 0) & (p < 1))
    np.testing.assert_allclose(p, keras.ops.convert_to_numpy(keras.activations.softmax(tf.constant(z))), atol=1e-12)


def test_softmax_no_cambia_al_sumar_una_constante():
    z = np.array([2.0, 1.0, 0.1])
    for c in (-100.0, 3.5, 1000.0):
        np.testing.assert_allclose(act.softmax(z + c), act.softmax(z), atol=1e-12)


def test_softmax_no_se_desborda():
    assert np.isfinite(act.softmax(np.array([1000.0, 999.0]))).all()


def test_sigmoide_es_softmax_de_dos_clases():
    # sigmoide(x) = softmax([x, 0])[0]: softmax generaliza la sigmoide a K clases.
    np.testing.assert_allclose(act.sigmoide(X), act.softmax(np.stack([X, np.zeros_like(X)], axis=-1))[:, 0], atol=1e-12)


def test_derivada_maxima_de_la_sigmoide_es_un_cuarto():
    assert act.d_sigmoide(0.0) == pytest.approx(0.25)
    assert act.d_sigmoide(X).max() == pytest.approx(0.25)
