"""Recordar un valor marcado muy atrás: error de cada modelo y tamaño del gradiente según la distancia en el tiempo

La tarea (`crear_marcado` de `snippets/recurrentes.py`): secuencias de 30 pasos con un
valor y una marca por paso; la respuesta es el valor del paso marcado, en la primera
mitad. Todos los modelos ven la secuencia entera y se entrenan con la misma receta. El
gradiente es la norma de dL/dx_t medida con `tf.GradientTape` (`gradiente_por_paso`),
media sobre 200 secuencias de prueba, antes y después de entrenar.
"""

import keras
import numpy as np

from maquinaria.formato import espanolizar, numero
from snippets.recurrentes import (
    ajustar_lineal,
    crear_densa,
    crear_marcado,
    crear_recurrente,
    entrenar,
    error,
    gradiente_por_paso,
    predecir_lineal,
)

SEMILLA = 0
EPOCAS = 12
PASOS = 30
N_ENTRENAMIENTO = 2000
N_PRUEBA = 500
TOLERANCIA = 0.05  # empate si la diferencia es menor que el 5 % del error menor
RESUELTO = 0.1  # «resuelve la tarea»: error por debajo del 10 % del de predecir la media
NOMBRES = {
    "media": "predecir la media",
    "ultimo": "repetir el último valor",
    "lineal": "regresión lineal",
    "densa": "red densa",
    "rnn": "SimpleRNN",
    "lstm": "LSTM",
    "gru": "GRU",
}
RECURRENTES = {"rnn": "SimpleRNN", "lstm": "LSTM", "gru": "GRU"}


def calcular():
    x_ent, y_ent = crear_marcado(N_ENTRENAMIENTO, pasos=PASOS, semilla=1)
    x_test, y_test = crear_marcado(N_PRUEBA, pasos=PASOS, semilla=2)
    x_largo, y_largo = crear_marcado(N_PRUEBA, pasos=2 * PASOS, semilla=3)
    mse = {
        "media": error(np.full(len(y_test), y_ent.mean()), y_test),
        "ultimo": error(x_test[:, -1, 0], y_test),
        "lineal": error(predecir_lineal(ajustar_lineal(x_ent, y_ent), x_test), y_test),
    }
    mse_largo, gradientes, parametros = {}, {}, {}
    for clave in ("densa", *RECURRENTES):
        keras.utils.set_random_seed(SEMILLA)
        if clave == "densa":
            modelo = crear_densa(PASOS, valores_por_paso=2)
        else:
            modelo = crear_recurrente(RECURRENTES[clave], valores_por_paso=2)
            antes = gradiente_por_paso(modelo, x_test[:200], y_test[:200])
        entrenar(modelo, x_ent, y_ent, epocas=EPOCAS)
        mse[clave] = error(modelo.predict(x_test, verbose=0), y_test)
        parametros[clave] = modelo.count_params()
        if clave in RECURRENTES:
            despues = gradiente_por_paso(modelo, x_test[:200], y_test[:200])
            # Índice 0 = el último paso (distancia 0); índice 29 = el primero.
            gradientes[clave] = {"antes": antes[::-1].tolist(), "despues": despues[::-1].tolist()}
            mse_largo[clave] = error(modelo.predict(x_largo, verbose=0), y_largo)
    referencia = mse["media"]
    resuelven = [c for c in mse if mse[c] < RESUELTO * referencia]
    mejor_referencia = min(("ultimo", "lineal", "densa"), key=mse.get)
    mejor_recurrente = min(RECURRENTES, key=mse.get)

    def caida(clave, cuando):
        """Cuántas veces menor es el gradiente 29 pasos atrás que en el último paso."""
        g = gradientes[clave][cuando]
        return g[0] / g[-1]

    metricas = {
        "epocas": EPOCAS,
        "pasos": PASOS,
        "pasos_largo": 2 * PASOS,
        "n_entrenamiento": N_ENTRENAMIENTO,
        "n_test": N_PRUEBA,
        "tolerancia": TOLERANCIA,
        "umbral_resuelto": RESUELTO,
        "mse": mse,
        "mse_largo": mse_largo,
        "parametros": parametros,
        "resuelven": resuelven,
        "resuelven_nombres": [NOMBRES[c] for c in resuelven],
        "mejor_referencia": mejor_referencia,
        "mejor_referencia_nombre": NOMBRES[mejor_referencia],
        "mejor_recurrente": mejor_recurrente,
        "mejor_recurrente_nombre": NOMBRES[mejor_recurrente],
        # Mejora de la mejor recurrente sobre la mejor referencia (veces menos error).
        "veces_mejor": mse[mejor_referencia] / mse[mejor_recurrente],
        "ninguna_referencia_resuelve": not ({"ultimo", "lineal", "densa"} & set(resuelven)),
        "resuelve_largo": [c for c in mse_largo if mse_largo[c] < RESUELTO * referencia],
        "largo_mejor_que_media": [c for c in mse_largo if mse_largo[c] < (1 - TOLERANCIA) * referencia],
        "caida": {c: {"antes": caida(c, "antes"), "despues": caida(c, "despues")} for c in RECURRENTES},
        "gradiente_lejos": {  # norma media del gradiente 15 a 29 pasos atrás, tras entrenar
            c: float(np.mean(gradientes[c]["despues"][PASOS // 2 :])) for c in RECURRENTES
        },
    }
    # Veredicto del desvanecimiento: tras entrenar, ¿la LSTM conserva más gradiente lejos que la SimpleRNN?
    metricas["lejos_lstm_frente_rnn"] = metricas["gradiente_lejos"]["lstm"] / metricas["gradiente_lejos"]["rnn"]
    metricas["lstm_conserva_mas_lejos"] = metricas["lejos_lstm_frente_rnn"] > 1 + TOLERANCIA
    metricas["rnn_se_desvanece_antes"] = (
        metricas["caida"]["rnn"]["antes"] > (1 + TOLERANCIA) * metricas["caida"]["lstm"]["antes"]
    )
    return {"gradientes": gradientes, "metricas": metricas}


def dibujar(res, estrecha=False):
    import matplotlib.pyplot as plt

    m = res["metricas"]
    from maquinaria.estilo import ANCHO_ESTRECHA

    if estrecha:  # en el móvil, una gráfica encima de la otra
        figura, (barras, curvas) = plt.subplots(2, 1, figsize=(ANCHO_ESTRECHA, 7.8), layout="constrained")
    else:
        figura, (barras, curvas) = plt.subplots(
            1, 2, figsize=(9.5, 4.4), layout="constrained", gridspec_kw={"width_ratios": [1, 1.1]}
        )
    claves = list(NOMBRES)
    valores = [m["mse"][c] for c in claves]
    filas = np.arange(len(claves))[::-1]
    colores = ["#bdbdbd", "#9e9e9e", "#009688", "#795548", "#3f51b5", "#ff5722", "#9c27b0"]
    barras.barh(filas, valores, color=colores, height=0.6)
    barras.set_yticks(filas, [NOMBRES[c] for c in claves])
    for fila, v in zip(filas, valores):
        barras.text(v, fila, f" {numero(v, 3)}", ha="left", va="center", fontsize=9)
    barras.set_xlim(0, max(valores) * 1.35)
    barras.set_xlabel("error cuadrático medio en prueba")
    barras.set_title(f"Recordar el valor marcado{chr(10) if estrecha else ' '}({m['pasos']} pasos)")
    barras.grid(axis="y", visible=False)

    distancias = np.arange(m["pasos"])
    estilo = {"rnn": ("#3f51b5", "SimpleRNN"), "lstm": ("#ff5722", "LSTM"), "gru": ("#9c27b0", "GRU")}
    for clave in ("rnn", "lstm"):
        color, nombre = estilo[clave]
        g = res["gradientes"][clave]
        curvas.semilogy(distancias, g["antes"], ":", color=color, linewidth=1.8, label=f"{nombre} sin entrenar")
        curvas.semilogy(distancias, g["despues"], "-", color=color, linewidth=2, label=f"{nombre} entrenada")
    curvas.axvspan(m["pasos"] // 2, m["pasos"] - 1, color="#ffe0b2", alpha=0.5, zorder=0)
    curvas.text(
        m["pasos"] * 0.75,
        0.96,
        "aquí está\nla marca",
        transform=curvas.get_xaxis_transform(),
        ha="center",
        va="top",
        fontsize=9,
    )
    curvas.set_xlabel("pasos hacia atrás desde el final")
    curvas.set_ylabel("norma de dL/dxₜ (escala logarítmica)")
    curvas.set_title("Gradiente que llega a cada paso")
    curvas.legend(fontsize=9, loc="lower left")
    caidas = ", ".join(
        f"{estilo[c][1]} {numero(m['caida'][c]['antes'], 2)} sin entrenar y {numero(m['caida'][c]['despues'], 2)} entrenada"
        for c in ("rnn", "lstm")
    )
    alt = (
        "A la izquierda, barras horizontales con el error cuadrático medio en prueba de cada modelo al recordar el "
        "valor marcado: " + "; ".join(f"{NOMBRES[c]}, {numero(m['mse'][c], 3)}" for c in claves) + ". "
        "A la derecha, en escala logarítmica, la norma del gradiente de la pérdida respecto a la entrada de cada paso "
        "frente a cuántos pasos atrás está, para la SimpleRNN y la LSTM antes (puntos) y después (línea) de entrenar; "
        f"una franja marca la primera mitad de la secuencia, donde está la marca. Cuántas veces mayor es el gradiente "
        f"del último paso que el de 29 pasos atrás: {caidas}."
    )
    espanolizar(figura)
    return figura, alt
