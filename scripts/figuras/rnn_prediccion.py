"""`SimpleRNN` y LSTM prediciendo el valor siguiente de una serie temporal que no han visto

La serie, las ventanas de 20 pasos, el reparto (80 % primero para entrenar, 20 % final para
probar) y los modelos son los de `snippets/recurrentes.py`.
"""

import keras
import numpy as np

from snippets.recurrentes import crear_lstm, crear_rnn, crear_serie, crear_ventanas, entrenar, ondas, separar, simple_rnn_a_mano

SEMILLA = 0
EPOCAS = 20
LONGITUD = 20


def calcular():
    serie = crear_serie()
    x, y = crear_ventanas(serie, longitud=LONGITUD)
    x_ent, x_test, y_ent, y_test = separar(x, y)
    assert np.allclose(y_test, serie[-len(y_test):])
    resultados = {"y_test": y_test}
    metricas = {
        "epocas": EPOCAS,
        "longitud": LONGITUD,
        "n_entrenamiento": len(x_ent),
        "n_test": len(x_test),
        # Repetir el último valor de la ventana: lo mínimo que debe mejorar un modelo.
        "mse_ingenuo": float(np.mean((x_test[:, -1, 0] - y_test) ** 2)),
        # Quien conociera las dos ondas exactas solo fallaría por el ruido, que no se puede predecir.
        "mse_ondas_exactas": float(np.mean((ondas(np.arange(LONGITUD, len(serie)))[-len(y_test):] - y_test) ** 2)),
    }
    for clave, crear in (("rnn", crear_rnn), ("lstm", crear_lstm)):
        keras.utils.set_random_seed(SEMILLA)
        modelo = crear()
        entrenar(modelo, x_ent, y_ent, epocas=EPOCAS)
        prediccion = modelo.predict(x_test, verbose=0)[:, 0]
        resultados[clave] = prediccion
        metricas[f"mse_{clave}"] = float(np.mean((prediccion - y_test) ** 2))
        metricas[f"parametros_{clave}"] = modelo.count_params()
        metricas[f"parametros_capa_{clave}"] = modelo.layers[0].count_params()
        if clave == "rnn":
            # La recurrencia escrita a mano con los pesos entrenados, sobre las 20 entradas de una ventana.
            capa = modelo.layers[0]
            W, U, b = capa.get_weights()
            ultimo = simple_rnn_a_mano(x_test[0], W, U, b)[-1]
            metricas["diferencia_desenrollado"] = float(np.abs(ultimo - keras.ops.convert_to_numpy(capa(x_test[:1]))[0]).max())
    return {**resultados, "metricas": metricas}


def _es(x, decimales=3):
    return f"{x:.{decimales}f}".replace(".", ",")


def dibujar(res):
    import matplotlib.pyplot as plt
    from matplotlib.ticker import FuncFormatter

    m = res["metricas"]
    tramo = 120
    # Arriba la serie a todo lo ancho; abajo, barras horizontales con el error
    # (dos subfiguras: así los nombres largos de las barras no estrechan la gráfica de arriba)
    figura = plt.figure(figsize=(9.5, 5.8), layout="constrained")
    arriba, abajo = figura.subfigures(2, 1, height_ratios=[2.1, 1])
    eje, barras = arriba.subplots(), abajo.subplots()
    pasos = np.arange(tramo)
    eje.plot(pasos, res["y_test"][:tramo], color="#607d8b", linewidth=3, alpha=0.6, label="serie real")
    eje.plot(pasos, res["rnn"][:tramo], "-", color="#3f51b5", linewidth=1.6, label="SimpleRNN")
    eje.plot(pasos, res["lstm"][:tramo], "--", color="#ff5722", linewidth=1.6, label="LSTM")
    eje.set_xlabel(f"paso dentro del tramo de prueba (primeros {tramo} de {m['n_test']})")
    eje.set_ylabel("valor")
    eje.set_title("Predicción del valor siguiente a partir de los 20 anteriores")
    eje.legend(loc="upper right", ncols=3)
    eje.set_ylim(-2.2, 2.4)
    eje.yaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:g}".replace(".", ",").replace("-", "−")))
    nombres = ["repetir el último valor", "SimpleRNN", "LSTM"]
    valores = [m["mse_ingenuo"], m["mse_rnn"], m["mse_lstm"]]
    filas = np.arange(len(valores))[::-1]  # de arriba abajo, en el orden de la lista
    barras.barh(filas, valores, color=["#9e9e9e", "#3f51b5", "#ff5722"], height=0.6)
    barras.set_yticks(filas, nombres)
    for fila, v in zip(filas, valores):
        barras.text(v, fila, f" {_es(v)}", ha="left", va="center", fontsize=10)
    barras.axvline(m["mse_ondas_exactas"], color="black", linestyle=":", linewidth=1.5)
    barras.text(m["mse_ondas_exactas"], filas[0] + 0.45, f" ondas exactas: {_es(m['mse_ondas_exactas'])}", ha="left", va="bottom", fontsize=10)
    barras.set_ylim(-0.5, filas[0] + 0.95)
    barras.set_xlim(0, max(valores) * 1.15)
    barras.xaxis.set_major_formatter(FuncFormatter(lambda v, _: _es(v)))
    barras.set_xlabel("error cuadrático medio en prueba")
    barras.grid(axis="y", visible=False)
    alt = (
        f"Arriba, los primeros {tramo} pasos del tramo de prueba de una serie que oscila entre "
        f"{_es(res['y_test'][:tramo].min(), 1)} y {_es(res['y_test'][:tramo].max(), 1)} (suma de dos ondas con ruido), con las predicciones de la SimpleRNN (línea continua) y de la "
        "LSTM (discontinua) casi encima de la serie real. Abajo, barras horizontales con el error cuadrático medio en prueba: "
        f"{_es(m['mse_ingenuo'])} repitiendo el último valor, {_es(m['mse_rnn'])} con la SimpleRNN y "
        f"{_es(m['mse_lstm'])} con la LSTM. Una línea vertical de puntos marca {_es(m['mse_ondas_exactas'])}, el error de "
        "predecir las dos ondas exactas sin el ruido, que ningún modelo puede adivinar."
    )
    return figura, alt
