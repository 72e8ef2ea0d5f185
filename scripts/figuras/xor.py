"""XOR: una neurona sola no lo separa; con una capa oculta, sí

Entrena de verdad, con `entrenar_xor()` de `snippets/red_neuronal.py`, una neurona con
sigmoide y una red con una capa oculta de 8 neuronas tanh. Es el mismo entrenamiento que
el de la página (400 pasos con la tabla completa), pero con la pérdida anotada cada
20 pasos para dibujar la curva.
"""

import keras
import numpy as np

from snippets.red_neuronal import X_xor, entrenar_xor, y_xor

SEMILLA = 0
OCULTAS = 8
# 20 épocas de 20 pasos = los mismos 400 pasos que 8 épocas de 50 en la página.
REPETICIONES, EPOCAS = 20, 20


def resultados_mapa(red, malla):
    return keras.ops.convert_to_numpy(red(malla)).ravel()


def calcular():
    rejilla = np.linspace(-0.25, 1.25, 121)
    malla = np.stack(np.meshgrid(rejilla, rejilla), axis=-1).reshape(-1, 2).astype("float32")
    resultados, metricas = {"rejilla": rejilla}, {}
    for clave, ocultas in (("una_neurona", 0), ("capa_oculta", OCULTAS)):
        red, historial = entrenar_xor(ocultas=ocultas, repeticiones=REPETICIONES, epocas=EPOCAS, semilla=SEMILLA)
        perdida, exactitud = red.evaluate(X_xor, y_xor, verbose=0)
        salidas = keras.ops.convert_to_numpy(red(X_xor)).ravel()
        resultados[clave] = {
            "perdida": np.array(historial["loss"]),
            "mapa": keras.ops.convert_to_numpy(red(malla)).reshape(len(rejilla), len(rejilla)),
        }
        metricas[clave] = {
            "perdida": float(perdida),
            "exactitud": float(exactitud),
            "salidas": salidas,
            "aciertos": int(((salidas > 0.5) == (y_xor > 0.5)).sum()),
            # Cuánto se aparta la salida de 0,5 en todo el plano: la neurona sola no decide nada.
            "desvio_max": float(np.abs(resultados_mapa(red, malla) - 0.5).max()),
            "parametros": red.count_params(),
        }
    metricas["pasos"] = REPETICIONES * EPOCAS
    metricas["ocultas"] = OCULTAS
    metricas["ln2"] = float(np.log(2))
    resultados["metricas"] = metricas
    return resultados


def _n(valor, decimales=3):
    from maquinaria.formato import numero

    return numero(valor, decimales)


def dibujar(res, estrecha=False):
    import matplotlib.pyplot as plt

    m = res["metricas"]
    rejilla = res["rejilla"]
    # Arriba, la pérdida a todo el ancho; abajo, los dos mapas con su barra de color.
    from maquinaria.estilo import ANCHO_ESTRECHA

    if estrecha:  # en el móvil, los dos mapas uno debajo del otro
        figura, ejes = plt.subplot_mosaic(
            [["perdida"], ["una_neurona"], ["capa_oculta"]],
            figsize=(ANCHO_ESTRECHA, 9.6),
            height_ratios=[0.7, 1, 1],
            layout="constrained",
        )
    else:
        figura, ejes = plt.subplot_mosaic(
            [["perdida", "perdida"], ["una_neurona", "capa_oculta"]],
            figsize=(9.4, 7.2),
            height_ratios=[0.6, 1],
            layout="constrained",
        )

    eje = ejes["perdida"]
    pasos = np.arange(1, len(res["una_neurona"]["perdida"]) + 1) * REPETICIONES
    eje.plot(pasos, res["una_neurona"]["perdida"], label="una neurona")
    eje.plot(pasos, res["capa_oculta"]["perdida"], label=f"capa oculta de {m['ocultas']}")
    eje.axhline(m["ln2"], color="#607d8b", ls=":", lw=1.2)
    eje.text(pasos[-1], m["ln2"] + 0.02, "ln 2 ≈ 0,693", ha="right", va="bottom", fontsize=9.5, color="#455a64")
    eje.set_xlabel("pasos de entrenamiento")
    eje.set_ylabel("pérdida (entropía cruzada)")
    eje.set_title("Pérdida durante el entrenamiento")
    eje.set_ylim(0, 0.85)
    eje.legend(loc="center right")

    for eje, clave, titulo in (
        (ejes["una_neurona"], "una_neurona", "Una neurona"),
        (ejes["capa_oculta"], "capa_oculta", f"Capa oculta de {m['ocultas']} neuronas"),
    ):
        imagen = eje.pcolormesh(rejilla, rejilla, res[clave]["mapa"], cmap="RdBu_r", vmin=0, vmax=1, shading="auto")
        if m[clave]["desvio_max"] > 0.01:  # la frontera 0,5 solo existe si la red decide algo
            eje.contour(rejilla, rejilla, res[clave]["mapa"], levels=[0.5], colors="k", linewidths=1.2)
        for (x1, x2), objetivo, salida in zip(X_xor, y_xor, m[clave]["salidas"]):
            eje.scatter(
                x1,
                x2,
                s=130,
                marker="o" if objetivo else "X",
                c="#ff5722" if objetivo else "#3f51b5",
                edgecolors="white",
                linewidths=1.5,
                zorder=3,
            )
            eje.annotate(
                _n(salida, 4),
                (x1, x2),
                xytext=(0, -17),
                textcoords="offset points",
                ha="center",
                va="top",
                fontsize=9.5,
                bbox={"boxstyle": "round,pad=0.15", "facecolor": "white", "edgecolor": "none", "alpha": 0.85},
            )
        if m[clave]["desvio_max"] > 0.01:
            detalle = f"{m[clave]['aciertos']} de 4 aciertos"
        else:
            detalle = f"salida {_n(0.5)}"
        eje.set_title(f"{titulo}\npérdida {_n(m[clave]['perdida'], 4)} · {detalle}", fontsize=10 if estrecha else 11.5)
        eje.set_xlabel("$x_1$")
        eje.set_ylabel("$x_2$")
        eje.set_xticks([0, 1])
        eje.set_yticks([0, 1])
        eje.set_aspect("equal")
        eje.grid(False)
    from matplotlib.lines import Line2D

    ejes["una_neurona"].legend(
        handles=[
            Line2D([], [], marker="o", ls="", color="#ff5722", markersize=10, label="XOR = 1"),
            Line2D([], [], marker="X", ls="", color="#3f51b5", markersize=10, label="XOR = 0"),
        ],
        loc="center",
        fontsize=10,
    )
    barra = figura.colorbar(imagen, ax=[ejes["una_neurona"], ejes["capa_oculta"]], fraction=0.04, pad=0.02)
    barra.set_label("salida de la red")
    barra.set_ticks([0, 0.5, 1], labels=["0", "0,5", "1"])

    una, oculta = m["una_neurona"], m["capa_oculta"]
    alt = (
        f"Tres paneles. Arriba, la pérdida durante {m['pasos']} pasos: la de una neurona sola termina en "
        f"{_n(una['perdida'])}, que es ln 2 (la diferencia, {_n(abs(una['perdida'] - m['ln2']), 8)}, queda por "
        "debajo de una millonésima), y la de la red con capa oculta baja hasta {_n(oculta['perdida'], 4)}. "
        f"Abajo a la izquierda, la salida de la neurona sola sobre el plano x1-x2 es de color uniforme: responde "
        f"{_n(float(np.mean(una['salidas'])))} a los cuatro puntos de XOR y en todo el plano, sin frontera. "
        f"Abajo a la derecha, la red con {m['ocultas']} neuronas ocultas pinta de rojo (salida cercana a 1) la zona "
        f"de los puntos (0, 1) y (1, 0) y de azul (cercana a 0) la de (0, 0) y (1, 1), separadas por una frontera "
        f"curva; sus salidas en los cuatro puntos son "
        + ", ".join(_n(s, 4) for s in oculta["salidas"])
        + f", con {oculta['aciertos']} de 4 aciertos."
    )
    return figura, alt
