"""Las pérdidas de snippets/perdidas.py contra keras.losses, keras.metrics y scikit-learn."""

from __future__ import annotations

import keras
import numpy as np
import pytest
import tensorflow as tf
from sklearn import metrics as skm

from snippets import perdidas as p

RNG = np.random.default_rng(0)
Y_REG, Y_PRED_REG = RNG.normal(3, 2, 100), RNG.normal(3, 2, 100)


def test_mse_y_rmse():
    assert p.mse(Y_REG, Y_PRED_REG) == pytest.approx(np.mean((Y_REG - Y_PRED_REG) ** 2))
    assert p.mse(Y_REG, Y_PRED_REG) == pytest.approx(
        float(keras.losses.MeanSquaredError()(Y_REG, Y_PRED_REG)), rel=1e-6
    )
    assert p.mse(Y_REG, Y_PRED_REG) == pytest.approx(skm.mean_squared_error(Y_REG, Y_PRED_REG))
    rmse = keras.metrics.RootMeanSquaredError()
    rmse.update_state(Y_REG, Y_PRED_REG)
    assert p.rmse(Y_REG, Y_PRED_REG) == pytest.approx(float(rmse.result()), rel=1e-6)
    assert p.rmse(Y_REG, Y_PRED_REG) == pytest.approx(skm.root_mean_squared_error(Y_REG, Y_PRED_REG))


def test_keras_no_tiene_rmse_como_perdida():
    assert not hasattr(keras.losses, "RootMeanSquaredError") and hasattr(keras.metrics, "RootMeanSquaredError")


@pytest.mark.parametrize("semilla", range(3))
def test_entropia_binaria(semilla):
    rng = np.random.default_rng(semilla)
    y, q = rng.integers(0, 2, 50), rng.uniform(0.01, 0.99, 50)
    propia = p.entropia_binaria(y, q)
    assert propia == pytest.approx(-np.mean(y * np.log(q) + (1 - y) * np.log(1 - q)))
    assert propia == pytest.approx(float(keras.losses.BinaryCrossentropy()(y, q)), rel=1e-5)
    assert propia == pytest.approx(skm.log_loss(y, q, labels=[0, 1]))


@pytest.mark.parametrize("semilla", range(3))
def test_entropia_categorica_y_dispersa(semilla):
    rng = np.random.default_rng(semilla)
    P = keras.ops.convert_to_numpy(keras.activations.softmax(rng.normal(size=(40, 5)))).astype(float)
    y = rng.integers(0, 5, 40)
    Y = np.eye(5)[y]
    propia = p.entropia_categorica(Y, P)
    # La fórmula de los apuntes: -1/N · Σ_i Σ_j y_ij · log(p_ij)
    assert propia == pytest.approx(-np.sum(Y * np.log(P)) / len(P))
    assert propia == pytest.approx(float(keras.losses.CategoricalCrossentropy()(Y, P)), rel=1e-5)
    assert propia == pytest.approx(skm.log_loss(y, P, labels=range(5)))
    assert p.entropia_categorica_dispersa(y, P) == pytest.approx(propia)
    assert propia == pytest.approx(float(keras.losses.SparseCategoricalCrossentropy()(y, P)), rel=1e-5)


def test_logistic_loss_y_log_loss_son_la_misma_con_dos_clases():
    y, q = np.array([1, 0, 1, 1, 0]), np.array([0.8, 0.3, 0.4, 0.95, 0.1])
    dos_clases = np.stack([1 - q, q], axis=1)
    assert p.entropia_binaria(y, q) == pytest.approx(p.entropia_categorica(np.eye(2)[y], dos_clases))


def test_la_categorica_solo_mira_la_clase_correcta():
    a = p.entropia_categorica([[1, 0, 0]], [[0.6, 0.2, 0.2]])
    b = p.entropia_categorica([[1, 0, 0]], [[0.6, 0.4, 0.0]])
    assert a == pytest.approx(b) == pytest.approx(-np.log(0.6))


def test_el_recorte_evita_el_infinito_como_en_keras():
    assert p.entropia_binaria([1], [0.0]) == pytest.approx(-np.log(1e-7))
    assert p.EPS == keras.config.epsilon()
    assert float(keras.losses.BinaryCrossentropy()(np.array([1.0]), np.array([0.0]))) == pytest.approx(
        -np.log(1e-7), rel=1e-6
    )


def test_la_perdida_tiene_gradiente_y_la_exactitud_no():
    logits = tf.Variable(np.random.default_rng(1).normal(size=(4, 3)))
    etiquetas = tf.constant([0, 2, 1, 1])
    with tf.GradientTape(persistent=True) as cinta:
        probs = tf.nn.softmax(logits)
        perdida = keras.losses.SparseCategoricalCrossentropy()(etiquetas, probs)
        aciertos = tf.reduce_mean(tf.cast(tf.argmax(probs, axis=1) == tf.cast(etiquetas, tf.int64), tf.float64))
    # Con softmax y entropía cruzada, el gradiente respecto a las evidencias es (p - y) / n
    esperado = (probs.numpy() - np.eye(3)[etiquetas.numpy()]) / 4
    np.testing.assert_allclose(cinta.gradient(perdida, logits).numpy(), esperado, atol=1e-6)
    assert cinta.gradient(aciertos, logits) is None
