"""La red densa de snippets/densas.py: datos, capas, parámetros, compile, fit, evaluate y predict."""

from __future__ import annotations

import keras
import numpy as np
import pytest

from maquinaria import digitos
from maquinaria.preguntas import calculos
from snippets import densas
from snippets.activaciones import relu, softmax
from snippets.perdidas import entropia_categorica_dispersa

# Un solo proceso de pruebas para todo el fichero: su fixture de módulo se prepara una vez.
pytestmark = pytest.mark.xdist_group("densas")


@pytest.fixture(scope="module")
def entrenado():
    return digitos.entrenar_digitos()


def test_los_datos_de_digitos():
    X_ent, X_test, y_ent, y_test = densas.cargar_digitos()
    assert X_ent.shape == (1437, 64) and X_test.shape == (360, 64)
    assert X_ent.dtype == np.float32
    assert X_ent.min() == 0.0 and X_ent.max() == 1.0  # los píxeles de load_digits van de 0 a 16
    # stratify: cada dígito está en la prueba en la misma proporción que en el total
    total = np.bincount(np.concatenate([y_ent, y_test]))
    assert np.all(np.abs(np.bincount(y_test) - total * 0.2) <= 1)


def test_parametros_de_las_capas_densas():
    modelo = densas.crear_modelo()
    assert [tuple(p.shape) for p in modelo.weights] == [(64, 32), (32,), (32, 10), (10,)]
    assert calculos.parametros_densa(64, 32) == 2080 and calculos.parametros_densa(32, 10) == 330
    assert modelo.count_params() == 2410
    for ocultas in (8, 64):
        otro = densas.crear_modelo(ocultas)
        assert otro.count_params() == calculos.parametros_densa(64, ocultas) + calculos.parametros_densa(ocultas, 10)


def test_una_capa_densa_es_activacion_de_xw_mas_b():
    keras.utils.set_random_seed(1)
    modelo = densas.crear_modelo()
    X = np.random.default_rng(0).uniform(0, 1, (7, 64)).astype("float32")
    W1, b1, W2, b2 = (p.numpy().astype(float) for p in modelo.weights)
    a_mano = softmax(relu(X @ W1 + b1) @ W2 + b2)
    np.testing.assert_allclose(modelo.predict(X, verbose=0), a_mano, rtol=1e-5, atol=1e-6)


def test_sgd_a_secas_usa_tasa_001_y_compilar_la_cambia():
    sgd = keras.optimizers.get("sgd")
    assert isinstance(sgd, keras.optimizers.SGD)
    assert float(sgd.learning_rate) == pytest.approx(0.01) and float(sgd.momentum) == 0.0
    modelo = densas.compilar(densas.crear_modelo(), tasa=0.1)
    assert float(modelo.optimizer.learning_rate) == pytest.approx(0.1)


def test_validation_split_aparta_las_ultimas_filas_sin_barajar():
    X_ent, _, y_ent, _ = densas.cargar_digitos()
    keras.utils.set_random_seed(0)
    modelo = densas.compilar(densas.crear_modelo(), tasa=0.0)  # tasa 0: los pesos no cambian
    h = modelo.fit(X_ent, y_ent, epochs=1, validation_split=0.2, verbose=0).history
    corte = int(np.floor(len(X_ent) * 0.8))
    assert corte == 1149
    perdida_val, exactitud_val = modelo.evaluate(X_ent[corte:], y_ent[corte:], verbose=0)
    assert h["val_loss"][0] == pytest.approx(perdida_val, rel=1e-5)
    assert h["val_accuracy"][0] == pytest.approx(exactitud_val)
    perdida_ent, _ = modelo.evaluate(X_ent[:corte], y_ent[:corte], verbose=0)
    assert h["loss"][0] == pytest.approx(perdida_ent, rel=1e-5)


def test_fit_da_un_paso_por_lote_y_el_lote_por_defecto_es_32():
    X_ent, _, y_ent, _ = densas.cargar_digitos()
    X, y = X_ent[:300], y_ent[:300]
    for lote, pasos in [(None, 10), (64, 5), (300, 1)]:  # ceil(300 / 32) = 10, ceil(300 / 64) = 5
        modelo = densas.compilar(densas.crear_modelo())
        opciones = {} if lote is None else {"batch_size": lote}
        modelo.fit(X, y, epochs=2, verbose=0, **opciones)
        assert int(modelo.optimizer.iterations) == 2 * pasos


def test_precision_y_sensibilidad_en_compile_como_las_de_la_pagina():
    from snippets.metricas import exactitud, precision, recuentos, sensibilidad

    X_ent, _, y_ent, _ = densas.cargar_digitos()
    X, y = X_ent[:400], (y_ent[:400] == 8).astype("float32")
    keras.utils.set_random_seed(0)
    modelo = keras.Sequential([keras.Input(shape=(64,)), keras.layers.Dense(1, activation="sigmoid")])
    modelo.compile(
        loss="binary_crossentropy",
        optimizer=keras.optimizers.SGD(learning_rate=0.5),
        metrics=["accuracy", keras.metrics.Precision(), keras.metrics.Recall()],
    )
    modelo.fit(X, y, epochs=5, verbose=0)
    resultado = modelo.evaluate(X, y, verbose=0, return_dict=True)
    c = recuentos(y.astype(int), (modelo.predict(X, verbose=0)[:, 0] > 0.5).astype(int))
    assert c["TP"] > 0
    assert resultado["accuracy"] == pytest.approx(exactitud(c), abs=1e-6)
    assert resultado["precision"] == pytest.approx(precision(c), abs=1e-6)
    assert resultado["recall"] == pytest.approx(sensibilidad(c), abs=1e-6)


def test_fit_baraja_en_cada_epoca_por_defecto():
    import inspect

    assert inspect.signature(keras.Model.fit).parameters["shuffle"].default is True


def test_fit_devuelve_el_historial(entrenado):
    _, historia, _ = entrenado
    assert sorted(historia) == ["accuracy", "loss", "val_accuracy", "val_loss"]
    assert all(len(v) == digitos.EPOCAS for v in historia.values())
    assert historia["loss"][-1] < historia["loss"][0]


def test_evaluate_es_la_perdida_y_la_exactitud_de_predict(entrenado):
    modelo, _, (_, X_test, _, y_test) = entrenado
    perdida, exactitud = modelo.evaluate(X_test, y_test, verbose=0)
    probabilidades = modelo.predict(X_test, verbose=0)
    assert exactitud == pytest.approx(np.mean(probabilidades.argmax(axis=1) == y_test))
    assert perdida == pytest.approx(entropia_categorica_dispersa(y_test, probabilidades), rel=1e-4)
    assert exactitud > 0.9


def test_predict_da_una_distribucion_por_ejemplo(entrenado):
    modelo, _, (_, X_test, _, _) = entrenado
    probabilidades = modelo.predict(X_test[:5], verbose=0)
    assert probabilidades.shape == (5, 10)
    np.testing.assert_allclose(probabilidades.sum(axis=1), 1.0, rtol=1e-5)
    assert np.all(probabilidades > 0)
