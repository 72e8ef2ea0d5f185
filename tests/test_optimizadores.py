"""Las reglas de actualización de snippets/optimizadores.py contra los optimizadores de Keras, paso a paso."""

from __future__ import annotations

import json
from pathlib import Path

import keras
import numpy as np
import pytest

from snippets import optimizadores as o

X, Y = o.datos_recta()
f32 = lambda v: float(np.float32(v))  # noqa: E731  (Keras guarda tasa y momento en float32)
REGISTRO = Path(__file__).resolve().parents[1] / "docs" / "figuras" / "optimizadores_trayectorias.json"


def test_el_gradiente_a_mano_es_el_de_gradienttape():
    import tensorflow as tf

    theta = tf.Variable([0.3, -0.7], dtype=tf.float64)
    with tf.GradientTape() as cinta:
        perdida = tf.reduce_mean((theta[0] * X + theta[1] - Y) ** 2)
    np.testing.assert_allclose(
        o.gradiente_recta(theta.numpy(), X, Y), cinta.gradient(perdida, theta).numpy(), rtol=1e-12
    )


@pytest.mark.parametrize(
    "paso, ajustes, crear",
    [
        (o.paso_sgd, dict(tasa=f32(0.1)), lambda: keras.optimizers.SGD(learning_rate=0.1)),
        (
            o.paso_momento,
            dict(tasa=f32(0.02), beta=f32(0.9)),
            lambda: keras.optimizers.SGD(learning_rate=0.02, momentum=0.9),
        ),
        (o.paso_rmsprop, dict(tasa=f32(0.1)), lambda: keras.optimizers.RMSprop(learning_rate=0.1)),
    ],
    ids=["SGD", "momento", "RMSprop"],
)
def test_cada_paso_es_la_regla_de_keras(paso, ajustes, crear):
    """Las tres reglas coinciden con Keras hasta el redondeo en cada uno de los 60 pasos."""
    np.testing.assert_allclose(
        o.camino_a_mano(paso, X, Y, **ajustes), o.camino_keras(crear(), X, Y), rtol=1e-12, atol=1e-12
    )


def test_adam_es_la_regla_de_keras():
    """Keras hace parte de las cuentas en float32: la diferencia queda por debajo de 10⁻⁴ en 60 pasos.

    Sin la corrección del sesgo (o con el ε en otro sitio con ε grande) el camino se separa mucho más.
    """
    con_keras = o.camino_keras(keras.optimizers.Adam(learning_rate=0.3), X, Y)
    a_mano = o.camino_a_mano(o.paso_adam, X, Y, tasa=f32(0.3))
    for k in range(1, 61):  # paso a paso
        np.testing.assert_allclose(a_mano[k], con_keras[k], atol=1e-4)

    def sin_correccion(theta, g, estado, tasa, b1=0.9, b2=0.999, eps=1e-7):
        m = b1 * estado.get("m", 0.0) + (1 - b1) * g
        v = b2 * estado.get("v", 0.0) + (1 - b2) * g**2
        estado.update(m=m, v=v)
        return theta - tasa * m / (np.sqrt(v) + eps)

    assert np.abs(o.camino_a_mano(sin_correccion, X, Y, tasa=f32(0.3)) - con_keras).max() > 0.05


def test_los_optimizadores_de_la_pagina_son_los_de_las_reglas():
    ajustes = {n: crear().get_config() for n, crear in o.OPTIMIZADORES.items()}
    assert ajustes["SGD"]["momentum"] == 0 and ajustes["SGD con momento"]["momentum"] == pytest.approx(0.9)
    assert ajustes["RMSprop"]["rho"] == pytest.approx(0.9) and ajustes["RMSprop"]["epsilon"] == pytest.approx(1e-7)
    assert (ajustes["Adam"]["beta_1"], ajustes["Adam"]["beta_2"]) == pytest.approx((0.9, 0.999))
    # Los valores por defecto de las funciones a mano son los de Keras
    assert keras.optimizers.Adam().get_config()["learning_rate"] == pytest.approx(0.001)


def test_lo_que_afirma_la_pagina_sale_del_registro():
    m = json.loads(REGISTRO.read_text(encoding="utf-8"))["metricas"]
    r = m["optimizadores"]
    assert m["umbral"] == pytest.approx(m["perdida_optima"] * (1 + m["margen"]))
    llegan = {n: v["pasos_hasta_cerca"] for n, v in r.items() if v["pasos_hasta_cerca"] is not None}
    assert m["mas_rapido"] == min(llegan, key=llegan.get)
    assert sorted(m["no_llegan"]) == sorted(set(r) - set(llegan))
    # La página: SGD con la tasa buena del 2.3 no llega cerca en 60 pasos; con momento, y una
    # tasa cinco veces menor, sí, y antes que nadie; tanto momento como Adam se pasan y vuelven.
    assert "SGD" in m["no_llegan"] and m["mas_rapido"] == "SGD con momento"
    assert r["SGD con momento"]["tasa"] * 5 == pytest.approx(r["SGD"]["tasa"])
    assert r["SGD con momento"]["se_aleja_despues"] and r["Adam"]["se_aleja_despues"]
    assert r["SGD con momento"]["perdida_final"] <= m["umbral"]  # «antes de asentarse»
    assert "Adam" not in m["no_llegan"]
    # Todos bajan la pérdida desde el punto de partida
    inicial = o.perdida_recta(*m["inicio"], X, Y)
    assert all(v["perdida_final"] < inicial / 10 for v in r.values())


def test_las_frases_sobre_la_forma_de_los_caminos():
    caminos = {n: o.camino_keras(crear(), X, Y) for n, crear in o.OPTIMIZADORES.items()}
    g = o.gradiente_recta(np.array([-1.0, 4.0]), X, Y)
    # «la pendiente en w es varias veces mayor que en b» y «RMSprop y Adam mueven w y b casi lo mismo»
    assert abs(g[0]) > 3 * abs(g[1])
    for nombre in ("RMSprop", "Adam"):
        dw, db = np.abs(caminos[nombre][1] - caminos[nombre][0])
        assert dw == pytest.approx(db, rel=0.05)
    dw, db = np.abs(caminos["SGD"][1] - caminos["SGD"][0])
    assert dw > 3 * db  # SGD, en cambio, sigue la pendiente
    # «SGD baja rápido al valle y luego lo recorre despacio»: más de la mitad de la bajada en 5 pasos
    perdida = o.perdida_recta(caminos["SGD"][:, 0], caminos["SGD"][:, 1], X, Y)
    assert perdida[0] - perdida[5] > 2 * (perdida[5] - perdida[-1])
    assert "RMSprop" in json.loads(REGISTRO.read_text(encoding="utf-8"))["metricas"]["no_llegan"]


def test_con_la_tasa_por_defecto_adam_apenas_se_mueve_en_la_recta():
    camino = o.camino_keras(keras.optimizers.Adam(), X, Y)
    assert np.abs(camino[-1] - camino[0]).max() < 0.1
    inicial, final = (o.perdida_recta(*c, X, Y) for c in (camino[0], camino[-1]))
    assert final > 0.9 * inicial
