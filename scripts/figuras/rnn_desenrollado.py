"""La `SimpleRNN` entrenada con la serie, desenrollada en sus 20 pasos: los estados hacia delante y el
gradiente hacia atrás

La red es la de `snippets/recurrentes.py` (16 unidades, entrenada como en la figura de la
serie). La recurrencia se desenrolla con los pesos de Keras paso a paso dentro de una
`tf.GradientTape`, y se mide el gradiente de la pérdida respecto a cada estado \\(h_t\\):
eso es la retropropagación en el tiempo.
"""

import keras
import numpy as np
import tensorflow as tf

from maquinaria.formato import espanolizar, numero
from snippets.recurrentes import (
    crear_recurrente,
    crear_serie,
    crear_ventanas,
    entrenar,
    separar,
)

SEMILLA = 0
EPOCAS = 20
LONGITUD = 20


def calcular():
    serie = crear_serie()
    x_ent, x_test, y_ent, y_test = separar(*crear_ventanas(serie, longitud=LONGITUD))
    keras.utils.set_random_seed(SEMILLA)
    modelo = crear_recurrente("SimpleRNN")
    entrenar(modelo, x_ent, y_ent, epocas=EPOCAS)
    W, U, b = (tf.constant(p) for p in modelo.layers[0].get_weights())
    salida_w, salida_b = (tf.constant(p) for p in modelo.layers[1].get_weights())
    ventana = tf.constant(x_test[:1])  # (1, 20, 1): la primera ventana de prueba
    estados = []
    with tf.GradientTape() as cinta:
        h = tf.zeros((1, U.shape[0]))
        for t in range(LONGITUD):  # desenrollar: la misma cuenta, una vez por paso
            h = tf.tanh(ventana[:, t] @ W + h @ U + b)
            cinta.watch(h)
            estados.append(h)
        prediccion = h @ salida_w + salida_b
        perdida = tf.reduce_mean((prediccion[:, 0] - y_test[0]) ** 2)
    gradientes = cinta.gradient(perdida, estados)
    norma = [float(tf.norm(g)) for g in gradientes]
    de_keras = float(modelo.predict(x_test[:1], verbose=0)[0, 0])
    metricas = {
        "epocas": EPOCAS,
        "longitud": LONGITUD,
        "unidades": int(U.shape[0]),
        "diferencia_con_keras": abs(float(prediccion[0, 0]) - de_keras),
        "gradiente_ultimo": norma[-1],
        "gradiente_primero": norma[0],
        "veces_menor_primero": norma[-1] / norma[0],
        # El gradiente decrece hacia atrás en cada paso: ¿cuántos pasos cumplen que es menor que el siguiente?
        "pasos_decrecientes": int(sum(norma[t] < norma[t + 1] for t in range(LONGITUD - 1))),
    }
    return {
        "x": x_test[0, :, 0],
        "estados": np.concatenate([e.numpy() for e in estados]),
        "norma": norma,
        "prediccion": float(prediccion[0, 0]),
        "objetivo": float(y_test[0]),
        "metricas": metricas,
    }


def dibujar(res, estrecha=False):
    import matplotlib.pyplot as plt

    m = res["metricas"]
    pasos = np.arange(1, m["longitud"] + 1)
    from maquinaria.estilo import ANCHO_ESTRECHA

    figura, (entrada, estados, atras) = plt.subplots(
        3,
        1,
        figsize=(ANCHO_ESTRECHA, 7.6) if estrecha else (9.5, 6.6),
        layout="constrained",
        sharex=True,
        gridspec_kw={"height_ratios": [1, 2.1, 1.4]},
    )
    # En el móvil, los títulos en varias líneas y una letra menos.
    separa, tamano = ("\n", 9.5) if estrecha else (" ", 11)
    entrada.plot(pasos, res["x"], "o-", color="#607d8b", markersize=5)
    entrada.plot([m["longitud"] + 0.9], [res["objetivo"]], "s", color="#607d8b", markersize=7)
    entrada.plot([m["longitud"] + 0.9], [res["prediccion"]], "x", color="#ff5722", markersize=9, mew=2.5)
    entrada.set_ylabel("xₜ")
    entrada.set_title(
        f"Entrada xₜ (cuadrado: el valor real siguiente, {numero(res['objetivo'], 2)};{separa}"
        f"aspa: la predicción, {numero(res['prediccion'], 2)})",
        fontsize=tamano,
    )
    mapa = estados.imshow(
        res["estados"].T,
        aspect="auto",
        cmap="RdBu_r",
        vmin=-1,
        vmax=1,
        extent=(0.5, m["longitud"] + 0.5, m["unidades"] + 0.5, 0.5),
    )
    for t in range(1, m["longitud"]):
        estados.annotate(
            "",
            xy=(t + 0.62, m["unidades"] / 2 + 0.5),
            xytext=(t + 0.38, m["unidades"] / 2 + 0.5),
            arrowprops={"arrowstyle": "->", "color": "black", "lw": 1.2},
        )
    estados.set_ylabel("unidad de hₜ")
    estados.set_yticks([1, m["unidades"] // 2, m["unidades"]])
    estados.set_title(
        f"Estados h₁ … h₂₀ ({m['unidades']} valores cada uno):{separa}cada columna sale de la anterior"
        f"{separa if estrecha else ' '}con los mismos W, U y b",
        fontsize=tamano,
    )
    estados.grid(False)
    barra = figura.colorbar(mapa, ax=estados, shrink=0.9, pad=0.01)
    barra.set_label("valor")
    atras.bar(pasos, res["norma"], color="#ff5722", width=0.7)
    atras.set_ylabel("‖dL/dhₜ‖")
    atras.set_xlabel("paso t")
    atras.set_title(
        f"Retropropagación en el tiempo: el gradiente de la pérdida{separa}llega a cada estado, de derecha a izquierda",
        fontsize=tamano,
    )
    atras.set_xticks(pasos[4::5] if estrecha else pasos)
    atras.set_xlim(0.4, m["longitud"] + 1.4)
    espanolizar(figura)
    alt = (
        f"Tres franjas con el mismo eje de pasos, del 1 al {m['longitud']}. Arriba, los {m['longitud']} valores de una "
        f"ventana de prueba y, al final, el valor real siguiente ({numero(res['objetivo'], 2)}) y la predicción de la "
        f"red ({numero(res['prediccion'], 2)}). En medio, un mapa de color con los {m['unidades']} valores del estado "
        "oculto en cada paso, entre menos uno (azul) y uno (rojo), con flechas de cada columna a la siguiente. Abajo, "
        "barras con la norma del gradiente de la pérdida respecto a cada estado: la del último "
        f"paso es {numero(m['gradiente_ultimo'], 3)} y la del primero, {numero(m['gradiente_primero'], 3)}."
    )
    return figura, alt
