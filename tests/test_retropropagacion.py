"""La retropropagación a mano de snippets/retropropagacion.py contra GradientTape y un paso de SGD de Keras."""

from __future__ import annotations

import keras
import numpy as np
import pytest
import tensorflow as tf

from snippets import neurona as n
from snippets import retropropagacion as r

OBJETIVO, TASA = 1.0, 0.5
V, C = 0.8, 0.1


def test_usa_la_neurona_del_apartado_1_1():
    paso = r.paso_neurona(n.x, n.w, n.b, OBJETIVO, TASA)
    assert paso["z"] == pytest.approx(n.suma_ponderada(n.x, n.w, n.b))
    assert paso["y"] == pytest.approx(n.neurona(n.x, n.w, n.b))


def test_cada_factor_de_la_cadena():
    p = r.paso_neurona(n.x, n.w, n.b, OBJETIVO, TASA)
    assert p["perdida"] == pytest.approx((p["y"] - OBJETIVO) ** 2)
    assert p["dL_dz"] == pytest.approx(p["dL_dy"] * p["dy_dz"])
    # Cada factor contra la derivada numérica de su propia función
    h = 1e-6
    sig = r.sigmoide
    assert p["dy_dz"] == pytest.approx((sig(p["z"] + h) - sig(p["z"] - h)) / (2 * h), rel=1e-6)

    def cuad(y):
        return (y - OBJETIVO) ** 2

    assert p["dL_dy"] == pytest.approx((cuad(p["y"] + h) - cuad(p["y"] - h)) / (2 * h), rel=1e-6)
    np.testing.assert_allclose(p["dL_dw"], p["dL_dz"] * n.x)


def _cinta_neurona(x, w, b, objetivo):
    pesos, sesgo = tf.Variable(w.reshape(-1, 1)), tf.Variable([b], dtype=tf.float64)
    with tf.GradientTape() as cinta:
        perdida = tf.reduce_mean((tf.sigmoid(x.reshape(1, -1) @ pesos + sesgo) - objetivo) ** 2)
    dw, db = cinta.gradient(perdida, [pesos, sesgo])
    return float(perdida), dw.numpy().ravel(), float(db[0])


@pytest.mark.parametrize("objetivo", [1.0, 0.0, 0.3])
def test_neurona_igual_que_gradienttape(objetivo):
    p = r.paso_neurona(n.x, n.w, n.b, objetivo, TASA)
    perdida, dw, db = _cinta_neurona(n.x, n.w, n.b, objetivo)
    assert p["perdida"] == pytest.approx(perdida, rel=1e-12)
    np.testing.assert_allclose(p["dL_dw"], dw, rtol=1e-12)
    assert p["dL_db"] == pytest.approx(db, rel=1e-12)


def _modelo(capas, pesos, tasa):
    modelo = keras.Sequential(
        [keras.Input(shape=(3,))] + [keras.layers.Dense(1, activation="sigmoid") for _ in range(capas)]
    )
    modelo.set_weights(pesos)
    modelo.compile(optimizer=keras.optimizers.SGD(learning_rate=tasa), loss="mse")
    return modelo


def test_neurona_igual_que_un_paso_de_sgd_de_keras():
    p = r.paso_neurona(n.x, n.w, n.b, OBJETIVO, TASA)
    modelo = _modelo(1, [n.w.reshape(-1, 1), np.array([n.b])], TASA)
    modelo.train_on_batch(n.x.reshape(1, -1), np.array([[OBJETIVO]]))
    w_k, b_k = modelo.get_weights()
    np.testing.assert_allclose(w_k.ravel(), p["w_nuevo"], rtol=1e-6)
    assert b_k[0] == pytest.approx(p["b_nuevo"], rel=1e-6)
    # El paso mejora: con los pesos nuevos la pérdida baja
    y_nueva = r.sigmoide(n.x @ p["w_nuevo"] + p["b_nuevo"])
    assert (y_nueva - OBJETIVO) ** 2 < p["perdida"]


def test_dos_capas_igual_que_gradienttape_y_keras():
    p = r.paso_dos_capas(n.x, n.w, n.b, V, C, OBJETIVO, TASA)
    variables = [tf.Variable(v, dtype=tf.float64) for v in (n.w, n.b, V, C)]
    with tf.GradientTape() as cinta:
        h = tf.sigmoid(tf.reduce_sum(n.x * variables[0]) + variables[1])
        y = tf.sigmoid(variables[2] * h + variables[3])
        perdida = (y - OBJETIVO) ** 2
    dw, db, dv, dc = (g.numpy() for g in cinta.gradient(perdida, variables))
    assert p["perdida"] == pytest.approx(float(perdida), rel=1e-12)
    np.testing.assert_allclose(p["dL_dw"], dw, rtol=1e-12)
    for propio, de_cinta in [(p["dL_db"], db), (p["dL_dv"], dv), (p["dL_dc"], dc)]:
        assert propio == pytest.approx(float(de_cinta), rel=1e-12)
    modelo = _modelo(2, [n.w.reshape(-1, 1), np.array([n.b]), np.array([[V]]), np.array([C])], TASA)
    modelo.train_on_batch(n.x.reshape(1, -1), np.array([[OBJETIVO]]))
    w_k, b_k, v_k, c_k = modelo.get_weights()
    np.testing.assert_allclose(w_k.ravel(), p["w_nuevo"], rtol=1e-6)
    np.testing.assert_allclose([b_k[0], v_k[0, 0], c_k[0]], [p["b_nuevo"], p["v_nuevo"], p["c_nuevo"]], rtol=1e-6)


def test_una_entrada_cero_no_mueve_su_peso():
    x = np.array([1.0, 0.0, 2.0])
    p = r.paso_neurona(x, n.w, n.b, OBJETIVO, TASA)
    assert p["dL_dw"][1] == 0 and p["w_nuevo"][1] == n.w[1]


def test_lo_que_dice_la_pagina_de_los_numeros():
    p = r.paso_neurona(n.x, n.w, n.b, OBJETIVO, TASA)
    # «Las derivadas salen negativas» y «el de la tercera entrada se mueve el doble que el de la primera»
    assert (p["dL_dw"] < 0).all() and p["dL_db"] < 0
    cambio = p["w_nuevo"] - n.w
    assert cambio[2] == pytest.approx(2 * cambio[0])
    # «Las derivadas de la capa oculta son más pequeñas que las de la capa de salida»
    p2 = r.paso_dos_capas(n.x, n.w, n.b, V, C, OBJETIVO, TASA)
    ocultas = np.abs(np.append(p2["dL_dw"], p2["dL_db"]))
    assert ocultas.max() < min(abs(p2["dL_dv"]), abs(p2["dL_dc"]))
    # «otra derivada de sigmoide, que nunca pasa de 0,25»
    z = np.linspace(-10, 10, 20001)
    assert (r.sigmoide(z) * (1 - r.sigmoide(z))).max() == pytest.approx(0.25)
    # Con los pesos nuevos de la red de dos capas, la pérdida también baja
    h = r.sigmoide(n.x @ p2["w_nuevo"] + p2["b_nuevo"])
    assert (r.sigmoide(p2["v_nuevo"] * h + p2["c_nuevo"]) - OBJETIVO) ** 2 < p2["perdida"]
