"""El valor siguiente de una serie: tres referencias sencillas frente a `SimpleRNN`, LSTM y GRU, con la
misma ventana de 20 pasos

La serie, las ventanas, el reparto (80 % primero para entrenar, 20 % final para probar) y
los modelos son los de `snippets/recurrentes.py`. Dos errores se consideran empatados si
se diferencian en menos de un 5 % del menor.
"""

import keras
import numpy as np

from maquinaria.formato import espanolizar, numero
from snippets.recurrentes import (
    ajustar_lineal,
    crear_densa,
    crear_recurrente,
    crear_serie,
    crear_ventanas,
    entrenar,
    error,
    ondas,
    predecir_lineal,
    separar,
    ultimo_valor,
)

SEMILLA = 0
EPOCAS = 20
LONGITUD = 20
TOLERANCIA = 0.05  # empate si la diferencia es menor que el 5 % del error menor
NOMBRES = {
    "ultimo": "repetir el último valor",
    "lineal": "regresión lineal",
    "densa": "red densa",
    "rnn": "SimpleRNN",
    "lstm": "LSTM",
    "gru": "GRU",
}
RECURRENTES = {"rnn": "SimpleRNN", "lstm": "LSTM", "gru": "GRU"}


def comparar(a, b, tolerancia=TOLERANCIA):
    """«gana_a», «gana_b» o «empate» según el error (menor es mejor)."""
    if abs(a - b) <= tolerancia * min(a, b):
        return "empate"
    return "gana_a" if a < b else "gana_b"


def calcular():
    serie = crear_serie()
    x, y = crear_ventanas(serie, longitud=LONGITUD)
    x_ent, x_test, y_ent, y_test = separar(x, y)
    assert np.allclose(y_test, serie[-len(y_test) :])
    pred = {"ultimo": ultimo_valor(x_test), "lineal": predecir_lineal(ajustar_lineal(x_ent, y_ent), x_test)}
    metricas = {
        "epocas": EPOCAS,
        "longitud": LONGITUD,
        "tolerancia": TOLERANCIA,
        "n_entrenamiento": len(x_ent),
        "n_test": len(x_test),
    }
    for clave in ("densa", *RECURRENTES):
        keras.utils.set_random_seed(SEMILLA)
        modelo = crear_densa(LONGITUD) if clave == "densa" else crear_recurrente(RECURRENTES[clave])
        entrenar(modelo, x_ent, y_ent, epocas=EPOCAS)
        pred[clave] = modelo.predict(x_test, verbose=0)[:, 0]
        metricas[f"parametros_{clave}"] = modelo.count_params()
    metricas["parametros_lineal"] = LONGITUD + 1
    mse = {clave: error(p, y_test) for clave, p in pred.items()}
    metricas["mse"] = mse
    # Quien conociera las dos ondas exactas solo fallaría por el ruido, que no se puede predecir.
    metricas["mse_ondas_exactas"] = error(ondas(np.arange(LONGITUD, len(serie)))[-len(y_test) :], y_test)
    mejor_recurrente = min(RECURRENTES, key=mse.get)
    metricas["mejor"] = min(mse, key=mse.get)
    metricas["mejor_nombre"] = NOMBRES[metricas["mejor"]]
    metricas["mejor_recurrente"] = mejor_recurrente
    metricas["mejor_recurrente_nombre"] = NOMBRES[mejor_recurrente]
    # Los veredictos que cita la página: referencia frente a la mejor recurrente.
    metricas["lineal_frente_recurrente"] = comparar(mse["lineal"], mse[mejor_recurrente])
    metricas["densa_frente_recurrente"] = comparar(mse["densa"], mse[mejor_recurrente])
    metricas["ultimo_frente_recurrente"] = comparar(mse["ultimo"], mse[mejor_recurrente])
    metricas["recurrentes_empatan"] = all(
        comparar(mse[a], mse[b]) == "empate" for a in RECURRENTES for b in RECURRENTES
    )
    return {"y_test": y_test, "pred": pred, "metricas": metricas}


def dibujar(res, estrecha=False):
    import matplotlib.pyplot as plt

    m = res["metricas"]
    tramo = 120
    from maquinaria.estilo import ANCHO_ESTRECHA

    figura = plt.figure(figsize=(ANCHO_ESTRECHA, 7.6) if estrecha else (9.5, 6.4), layout="constrained")
    arriba, abajo = figura.subfigures(2, 1, height_ratios=[1.7, 1.3])
    eje, barras = arriba.subplots(), abajo.subplots()
    pasos = np.arange(tramo)
    eje.plot(pasos, res["y_test"][:tramo], color="#607d8b", linewidth=3, alpha=0.6, label="serie real")
    eje.plot(pasos, res["pred"]["lineal"][:tramo], "-", color="#009688", linewidth=1.6, label="regresión lineal")
    eje.plot(
        pasos,
        res["pred"][m["mejor_recurrente"]][:tramo],
        "--",
        color="#ff5722",
        linewidth=1.6,
        label=m["mejor_recurrente_nombre"],
    )
    separa = "\n" if estrecha else " "
    eje.set_xlabel(f"paso dentro del tramo de prueba{separa}(primeros {tramo} de {m['n_test']})")
    eje.set_ylabel("valor")
    eje.set_title(f"Predicción del valor siguiente a partir{separa}de los {m['longitud']} anteriores")
    if estrecha:  # bajo la gráfica, en una columna
        eje.legend(loc="upper center", bbox_to_anchor=(0.5, -0.3), fontsize=8.5, frameon=False, ncols=2)
    else:
        eje.legend(loc="upper right", ncols=3)
    eje.set_ylim(-2.2, 2.5)
    claves = list(NOMBRES)
    valores = [m["mse"][c] for c in claves]
    filas = np.arange(len(claves))[::-1]
    colores = ["#9e9e9e", "#009688", "#795548", "#3f51b5", "#ff5722", "#9c27b0"]
    barras.barh(filas, valores, color=colores, height=0.6)
    barras.set_yticks(filas, [NOMBRES[c] for c in claves])
    for fila, v in zip(filas, valores):
        barras.text(v, fila, f" {numero(v, 3)}", ha="left", va="center", fontsize=8.5 if estrecha else 10)
    barras.axvline(m["mse_ondas_exactas"], color="black", linestyle=":", linewidth=1.5)
    barras.text(
        m["mse_ondas_exactas"],
        filas[0] + 0.45,
        f" ondas exactas: {numero(m['mse_ondas_exactas'], 3)}",
        ha="left",
        va="bottom",
        fontsize=8.5 if estrecha else 10,
    )
    barras.set_ylim(-0.5, filas[0] + 0.95)
    barras.set_xlim(0, max(valores) * (1.3 if estrecha else 1.18))
    barras.set_xlabel(f"error cuadrático medio en prueba{separa}(menos es mejor)")
    barras.grid(axis="y", visible=False)
    errores = "; ".join(f"{NOMBRES[c]}, {numero(m['mse'][c], 3)}" for c in claves)
    alt = (
        f"Arriba, los primeros {tramo} pasos del tramo de prueba de una serie que oscila (suma de dos ondas con ruido), "
        f"con las predicciones de la regresión lineal (línea continua) y de la {m['mejor_recurrente_nombre']} "
        "(discontinua) casi encima de la serie real. Abajo, barras horizontales con el error cuadrático medio en prueba: "
        f"{errores}. Una línea vertical de puntos marca {numero(m['mse_ondas_exactas'], 3)}, el error de predecir las "
        "dos ondas exactas sin el ruido, que ningún modelo puede adivinar."
    )
    espanolizar(figura)
    return figura, alt
