"""Las redes recurrentes del apartado 4.1: datos, referencias, parámetros y lo que dice la página."""

from __future__ import annotations

import json
import re

import keras
import numpy as np
import pytest
from conftest import RAIZ

from snippets import recurrentes as rec

PAGINA = RAIZ / "docs" / "4-otras" / "4-1-recurrentes.md"


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
    x_ent, x_test, _, y_test = rec.separar(x, y)
    assert len(x_ent) == 944 and len(x_test) == 236
    np.testing.assert_array_equal(y_test, serie[-236:])  # sin barajar: la prueba es el final


def test_la_tarea_del_valor_marcado():
    x, y = rec.crear_marcado(300, pasos=30, semilla=5)
    assert x.shape == (300, 30, 2) and y.shape == (300,)
    marcas = x[:, :, 1]
    np.testing.assert_array_equal(marcas.sum(axis=1), 1)  # una sola marca por secuencia
    donde = marcas.argmax(axis=1)
    assert donde.max() < 15  # siempre en la primera mitad: al menos 15 pasos atrás
    np.testing.assert_array_equal(y, x[np.arange(300), donde, 0])
    assert 0 <= x[:, :, 0].min() and x[:, :, 0].max() <= 1
    np.testing.assert_array_equal(x, rec.crear_marcado(300, pasos=30, semilla=5)[0])


def test_la_regresion_lineal_es_minimos_cuadrados():
    """Sobre datos exactamente lineales recupera los coeficientes.

    Y una onda pura es lineal en sus valores anteriores.
    """
    rng = np.random.default_rng(0)
    x = rng.normal(size=(50, 4, 1))
    verdad = np.array([0.5, -1.0, 2.0, 0.25])
    y = x[:, :, 0] @ verdad + 3.0
    coeficientes = rec.ajustar_lineal(x, y)
    np.testing.assert_allclose(coeficientes, [*verdad, 3.0], atol=1e-10)
    np.testing.assert_allclose(rec.predecir_lineal(coeficientes, x), y, atol=1e-10)
    # Lo que afirma la página: la suma de dos ondas se predice con una combinación lineal de sus valores.
    limpia = rec.ondas(np.arange(400)).astype("float64")
    xv, yv = rec.crear_ventanas(limpia, longitud=20)
    assert np.abs(rec.predecir_lineal(rec.ajustar_lineal(xv, yv), xv) - yv).max() < 1e-8


def test_una_red_densa_si_sabe_el_orden():
    """Cada posición tiene su propio peso: cambiar el orden de la ventana cambia la salida."""
    keras.utils.set_random_seed(0)
    densa = rec.crear_densa(pasos=20)
    x = np.linspace(-1, 1, 20, dtype="float32")[None, :, None]
    directo = keras.ops.convert_to_numpy(densa(x))
    al_reves = keras.ops.convert_to_numpy(densa(x[:, ::-1]))
    assert abs(float(directo[0, 0] - al_reves[0, 0])) > 1e-3
    # Un peso distinto por posición: las filas del núcleo de la primera Dense no son iguales.
    nucleo = densa.layers[1].get_weights()[0]
    assert nucleo.shape == (20, 32) and not np.allclose(nucleo[0], nucleo[1])


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


@pytest.mark.parametrize("m,n", [(1, 16), (2, 16), (3, 8), (10, 4)])
def test_parametros_formula_frente_a_count_params(m, n):
    for tipo, formula in (
        ("SimpleRNN", rec.parametros_simple_rnn),
        ("LSTM", rec.parametros_lstm),
        ("GRU", rec.parametros_gru),
    ):
        capa = rec.crear_recurrente(tipo, unidades=n, valores_por_paso=m).layers[0]
        assert capa.count_params() == formula(n, m), tipo
    assert rec.parametros_lstm(n, m) == 4 * rec.parametros_simple_rnn(n, m)


def test_la_gru_de_keras_lleva_dos_sesgos_por_juego():
    gru = keras.layers.GRU(5)
    gru.build((None, None, 2))
    sesgo = gru.get_weights()[2]
    assert gru.reset_after and sesgo.shape == (2, 15)  # 2 sesgos × 3 juegos de 5 unidades


def test_la_recurrente_admite_cualquier_longitud():
    modelo = rec.crear_recurrente("GRU", valores_por_paso=2)
    for pasos in (5, 30, 60):
        assert tuple(modelo(np.zeros((2, pasos, 2), dtype="float32")).shape) == (2, 1)


def test_gradiente_por_paso_frente_a_diferencias_finitas():
    """La norma de dL/dx_t de GradientTape coincide con la derivada numérica en un caso pequeño."""
    keras.utils.set_random_seed(0)
    modelo = rec.crear_recurrente("SimpleRNN", unidades=3, valores_por_paso=1)
    x = np.random.default_rng(0).normal(size=(1, 6, 1))
    y = np.array([0.3], dtype="float32")
    g = rec.gradiente_por_paso(modelo, x.astype("float32"), y)
    assert g.shape == (6,)

    def perdida(xx):
        return float(np.mean((keras.ops.convert_to_numpy(modelo(xx.astype("float32")))[:, 0] - y) ** 2))

    h = 1e-3
    for t in range(6):
        mas, menos = x.copy(), x.copy()
        mas[0, t, 0] += h
        menos[0, t, 0] -= h
        numerica = abs((perdida(mas) - perdida(menos)) / (2 * h))
        assert g[t] == pytest.approx(numerica, rel=0.05, abs=1e-4)


def test_los_registros_de_las_figuras():
    p = registro("rnn_prediccion")
    assert p["n_entrenamiento"] == 944 and p["n_test"] == 236
    assert p["parametros_rnn"] == rec.crear_recurrente("SimpleRNN").count_params() == 305
    assert p["parametros_lstm"] == 1169 and p["parametros_gru"] == rec.crear_recurrente("GRU").count_params()
    assert p["parametros_densa"] == rec.crear_densa(20).count_params()
    assert p["parametros_lineal"] == 21
    mse = p["mse"]
    assert set(mse) == {"ultimo", "lineal", "densa", "rnn", "lstm", "gru"}
    # Los veredictos se recalculan desde los errores con la tolerancia del registro.
    tol = p["tolerancia"]
    mejor_rec = min(("rnn", "lstm", "gru"), key=mse.get)
    assert p["mejor_recurrente"] == mejor_rec and p["mejor"] == min(mse, key=mse.get)
    for clave, campo in (
        ("lineal", "lineal_frente_recurrente"),
        ("densa", "densa_frente_recurrente"),
        ("ultimo", "ultimo_frente_recurrente"),
    ):
        a, b = mse[clave], mse[mejor_rec]
        esperado = "empate" if abs(a - b) <= tol * min(a, b) else ("gana_a" if a < b else "gana_b")
        assert p[campo] == esperado
    m = registro("rnn_memoria")
    assert set(m["resuelven"]) == {c for c in m["mse"] if m["mse"][c] < m["umbral_resuelto"] * m["mse"]["media"]}
    d = registro("rnn_desenrollado")
    assert d["diferencia_con_keras"] < 1e-5


def test_lo_que_dice_la_pagina_coincide_con_los_registros():
    """Cada frase de veredicto de la página, contra el registro: cambiar el registro rompe esta prueba."""
    texto = PAGINA.read_text(encoding="utf-8")
    p, m, d = registro("rnn_prediccion"), registro("rnn_memoria"), registro("rnn_desenrollado")
    # «Aquí gana el modelo más sencillo»: la regresión lineal gana a la mejor recurrente, fuera del empate.
    assert "**Aquí gana el modelo más sencillo.**" in texto
    assert p["lineal_frente_recurrente"] == "gana_a" and p["mejor"] == "lineal"
    # «con ... parametros_lstm parámetros»: el texto cita los parámetros de la mejor recurrente.
    assert p["mejor_recurrente"] == "lstm" and 'dato("rnn_prediccion", "parametros_lstm")' in texto
    # «Todas las redes superan con claridad a repetir el último valor».
    assert all(mse < (1 - p["tolerancia"]) * p["mse"]["ultimo"] for c, mse in p["mse"].items() if c != "ultimo")
    assert all(p["mse_ondas_exactas"] < v for v in p["mse"].values())
    # Memoria: «La LSTM y la GRU la resuelven. Las referencias no»; la SimpleRNN «tampoco».
    assert set(m["resuelven"]) == {"lstm", "gru"} and m["ninguna_referencia_resuelve"]
    # «la regresión lineal y la red densa se quedan cerca de predecir la media»: a menos de un 20 %.
    assert all(abs(m["mse"][c] - m["mse"]["media"]) < 0.2 * m["mse"]["media"] for c in ("lineal", "densa", "rnn"))
    assert m["mse"]["ultimo"] > m["mse"]["media"]  # «es peor todavía»
    # «en la tarea de memoria ha sido la mejor» (la GRU).
    assert m["mejor_recurrente"] == "gru" and "ha sido la mejor" in texto
    # Secuencias el doble de largas: mejor que la media, pero sin resolverla.
    assert m["resuelve_largo"] == [] and set(m["largo_mejor_que_media"]) == {"lstm", "gru"}
    # Gradiente tras entrenar: la LSTM conserva más lejos; sin entrenar, la SimpleRNN no se desvanece antes.
    assert m["lstm_conserva_mas_lejos"] and m["caida"]["rnn"]["despues"] > 10
    assert m["caida"]["lstm"]["despues"] < 2  # «en la LSTM entrenada el gradiente se mantiene hasta la marca»
    assert not m["rnn_se_desvanece_antes"] and "**sin entrenar**, la LSTM no conserva más gradiente" in texto
    # Desenrollado: «el gradiente apenas se apaga en 20 pasos» (menos de la mitad).
    assert d["veces_menor_primero"] < 2 and "apenas se apaga" in texto


def test_la_pagina_no_escribe_numeros_entrenados_a_mano():
    texto = PAGINA.read_text(encoding="utf-8")
    prosa = re.sub(r"```.*?```|\{\{.*?\}\}|\\\(.*?\\\)|\\\[.*?\\\]", " ", texto, flags=re.DOTALL)
    assert not re.findall(r"\b0,\d{2,}", prosa), "un número con decimales escrito a mano en la prosa"
