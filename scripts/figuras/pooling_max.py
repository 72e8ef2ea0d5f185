"""*Max pooling* de 2 × 2: de cada ventana (un color) queda solo su máximo

Calculado con `max_pooling` (NumPy) de `snippets/pooling.py` y comparado con
`keras.layers.MaxPooling2D`.
"""

import numpy as np

from maquinaria.graficos import sin_marco
from snippets.pooling import mapa, max_pooling, max_pooling_keras

SEMILLA = 0
COLORES = ["#3f51b5", "#ff5722", "#009688", "#9c27b0"]


def calcular():
    salida = max_pooling(mapa)
    return {
        "mapa": mapa,
        "salida": salida,
        "metricas": {
            "forma_entrada": list(mapa.shape),
            "forma_salida": list(salida.shape),
            "salida": salida.astype(int).tolist(),
            "diferencia_max_keras": float(np.abs(salida - max_pooling_keras(mapa)).max()),
        },
    }


def _preparar(eje, matriz, titulo):
    eje.set_xlim(-0.5, matriz.shape[1] - 0.5)
    eje.set_ylim(matriz.shape[0] - 0.5, -0.5)
    eje.set_aspect("equal")
    eje.set_title(titulo)
    sin_marco(eje)


def dibujar(res, estrecha=False):
    import matplotlib.pyplot as plt
    from matplotlib.patches import Rectangle

    entrada, salida = res["mapa"], res["salida"]
    from maquinaria.estilo import ANCHO_ESTRECHA

    figura, ejes = plt.subplots(
        *((2, 1) if estrecha else (1, 2)),
        figsize=(ANCHO_ESTRECHA, 6.6) if estrecha else (8, 3.8),
        gridspec_kw={"height_ratios" if estrecha else "width_ratios": [2, 1] if estrecha else [4, 2]},
        layout="constrained",
    )
    _preparar(ejes[0], entrada, "Mapa de 4x4")
    _preparar(ejes[1], salida, "Tras MaxPooling2D: 2x2")
    for indice, ((i, j), valor) in enumerate(np.ndenumerate(salida)):
        color = COLORES[indice]
        ventana = entrada[2 * i : 2 * i + 2, 2 * j : 2 * j + 2]
        ejes[0].add_patch(
            Rectangle((2 * j - 0.5, 2 * i - 0.5), 2, 2, facecolor=color, alpha=0.15, edgecolor=color, linewidth=3)
        )
        for (a, b), v in np.ndenumerate(ventana):
            es_max = v == valor
            ejes[0].text(
                2 * j + b,
                2 * i + a,
                f"{v:g}",
                ha="center",
                va="center",
                fontsize=15,
                color=color if es_max else "black",
                fontweight="bold" if es_max else "normal",
            )
        ejes[1].add_patch(
            Rectangle((j - 0.5, i - 0.5), 1, 1, facecolor=color, alpha=0.15, edgecolor=color, linewidth=3)
        )
        ejes[1].text(j, i, f"{valor:g}", ha="center", va="center", fontsize=15, color=color, fontweight="bold")
    valores = ", ".join(f"{v:g}" for v in salida.ravel())
    alt = (
        "A la izquierda, un mapa de 4x4 con números enteros dividido en cuatro ventanas de 2x2 de colores distintos, "
        "con el máximo de cada ventana en negrita. A la derecha, la salida de 2x2 con esos cuatro máximos "
        f"({valores}), cada uno del color de su ventana; MaxPooling2D de Keras da la misma salida."
    )
    return figura, alt
