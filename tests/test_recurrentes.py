"""Las redes recurrentes del apartado 4.1: la serie, la recurrencia a mano y los parámetros, contra Keras."""

from __future__ import annotations

import json

import keras
import numpy as np
import pytest

from conftest import RAIZ
from snippets import recurrentes as rec


def registro(nombre):
    return json.loads((RAIZ / "docs" / "figuras" / f"{nombre}.json").read_text(encoding="utf-8"))["metricas"]


def test_serie_y_ventanas():
    serie = rec.crear_serie()
    assert serie.shape == (1200,) and serie.dtype == np.float32
    np.testing.assert_array_equal(serie, rec.crear_serie())  # la misma en cada ejecución
    ruido = serie - rec.ondas(np.arange(1200))
    assert abs(ruido.std() - 0.1) < 0.01
    x, y = rec.crear_ventanas(serie, longitud=20)
    assert x.shape == (1180, 20, 1) and y.shape == (1180,)
    for i in (0, 17, 1179):
        np.testing.assert_array_equal(x[i, :, 0], serie[i : i + 20])
        assert y[i] == serie[i + 20]
    x_ent, x_test, y_ent, y_test = rec.separar(x, y)
    assert len(x_ent) == 944 and len(x_test) == 236
    # Sin barajar: la prueba es el final de la serie.
    np.testing.assert_array_equal(y_test, serie[-236:])
    np.testing.assert_array_equal(x_test[0, :, 0], serie[944 : 944 + 20])


@pytest.mark.parametrize("entradas,unidades", [(1, 16), (3, 5), (2, 1)])
def test_la_recurrencia_a_mano_es_simplernn(entradas, unidades):
    rng = np.random.default_rng(entradas * 100 + unidades)
    x = rng.normal(size=(7, entradas)).astype("float32")
    capa = keras.layers.SimpleRNN(unidades, return_sequences=True)
    capa.build((None, None, entradas))
    W = rng.normal(size=(entradas, unidades)).astype("float32") * 0.5
    U = rng.normal(size=(unidades, unidades)).astype("float32") * 0.5
    b = rng.normal(size=unidades).astype("float32") * 0.1
    capa.set_weights([W, U, b])
    estados = rec.simple_rnn_a_mano(x, W, U, b)
    assert estados.shape == (7, unidades)
    np.testing.assert_allclose(estados, keras.ops.convert_to_numpy(capa(x[None]))[0], atol=1e-5)
    # Sin return_sequences, la capa devuelve solo el último estado.
    ultima = keras.layers.SimpleRNN(unidades)
    ultima.build((None, None, entradas))
    ultima.set_weights([W, U, b])
    np.testing.assert_allclose(estados[-1], keras.ops.convert_to_numpy(ultima(x[None]))[0], atol=1e-5)


def test_orden_de_los_pesos_de_keras():
    capa = rec.crear_rnn().layers[0]
    W, U, b = capa.get_weights()
    assert W.shape == (1, 16) and U.shape == (16, 16) and b.shape == (16,)


@pytest.mark.parametrize("m,n", [(1, 16), (3, 8), (10, 4)])
def test_parametros_simplernn_y_lstm(m, n):
    simple = keras.layers.SimpleRNN(n)
    simple.build((None, None, m))
    lstm = keras.layers.LSTM(n)
    lstm.build((None, None, m))
    assert simple.count_params() == n * m + n * n + n
    assert lstm.count_params() == 4 * (n * m + n * n + n)


def test_parametros_de_los_modelos():
    assert rec.crear_rnn().count_params() == 288 + 17 == 305
    assert rec.crear_lstm().count_params() == 1152 + 17 == 1169


def test_la_rnn_admite_cualquier_longitud_y_la_densa_no():
    modelo = rec.crear_rnn()
    for pasos in (5, 20, 60):
        assert tuple(modelo(np.zeros((2, pasos, 1), dtype="float32")).shape) == (2, 1)
    densa = keras.Sequential([keras.Input(shape=(20,)), keras.layers.Dense(16, activation="tanh"), keras.layers.Dense(1)])
    assert tuple(densa(np.zeros((1, 20), dtype="float32")).shape) == (1, 1)
    with pytest.raises(ValueError):
        densa.predict(np.zeros((1, 60), dtype="float32"), verbose=0)


def test_a_una_red_densa_no_le_importa_el_orden():
    """Permutar las entradas y, a la vez, las filas de sus pesos da la misma red: no hay «antes» ni «después»."""
    rng = np.random.default_rng(0)
    capa = keras.layers.Dense(4)
    capa.build((None, 6))
    kernel, sesgo = capa.get_weights()
    x = rng.normal(size=(3, 6)).astype("float32")
    orden = rng.permutation(6)
    permutada = keras.layers.Dense(4)
    permutada.build((None, 6))
    permutada.set_weights([kernel[orden], sesgo])
    np.testing.assert_allclose(capa(x), permutada(x[:, orden]), atol=1e-6)


def test_la_simplernn_mejora_la_referencia_en_pocas_epocas():
    keras.utils.set_random_seed(0)
    serie = rec.crear_serie()
    x_ent, x_test, y_ent, y_test = rec.separar(*rec.crear_ventanas(serie))
    modelo = rec.crear_rnn()
    rec.entrenar(modelo, x_ent, y_ent, epocas=5)
    error = np.mean((keras.ops.convert_to_numpy(modelo(x_test))[:, 0] - y_test) ** 2)
    ingenuo = np.mean((x_test[:, -1, 0] - y_test) ** 2)
    assert error < ingenuo


def test_el_registro_de_la_figura():
    m = registro("rnn_prediccion")
    assert m["parametros_capa_rnn"] == rec.crear_rnn().layers[0].count_params() == 288
    assert m["parametros_capa_lstm"] == rec.crear_lstm().layers[0].count_params() == 1152
    assert m["parametros_capa_lstm"] == 4 * m["parametros_capa_rnn"]
    assert m["parametros_rnn"] == 305 and m["parametros_lstm"] == 1169
    assert m["n_entrenamiento"] == 944 and m["n_test"] == 236
    # Lo que dice la página: las dos redes mejoran la referencia y quedan por encima del error de las ondas exactas.
    assert m["mse_ondas_exactas"] < min(m["mse_rnn"], m["mse_lstm"]) < max(m["mse_rnn"], m["mse_lstm"]) < m["mse_ingenuo"]
    assert m["diferencia_desenrollado"] < 1e-5
