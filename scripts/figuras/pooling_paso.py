"""Ventana de 2 × 2 con paso 2 sobre un mapa de 7 × 7: 3 × 3 con `padding="valid"` y 4 × 4 con `padding="same"`

Calculado con `max_pooling` (NumPy) de `snippets/pooling.py` y comparado con
`keras.layers.MaxPooling2D(pool_size=2, strides=2)`.
"""

import numpy as np

from maquinaria.graficos import sin_marco
from snippets.pooling import max_pooling, max_pooling_keras, siete

SEMILLA = 0


def calcular():
    resultados = {"siete": siete, "metricas": {}}
    for padding in ("valid", "same"):
        salida = max_pooling(siete, ventana=2, paso=2, padding=padding)
        resultados[padding] = salida
        resultados["metricas"][padding] = {
            "forma_salida": list(salida.shape),
            "diferencia_max_keras": float(np.abs(salida - max_pooling_keras(siete, 2, 2, padding)).max()),
        }
    return resultados


def _preparar(eje, filas, columnas, titulo):
    eje.set_xlim(-0.5, columnas - 0.5)
    eje.set_ylim(filas - 0.5, -0.5)
    eje.set_aspect("equal")
    eje.set_title(titulo, fontsize=11)
    sin_marco(eje)


def _entrada(eje, matriz, salida, filas, columnas, titulo):
    from matplotlib.patches import Rectangle

    _preparar(eje, filas, columnas, titulo)
    for f in range(filas):
        for c in range(columnas):
            dentro = f < matriz.shape[0] and c < matriz.shape[1]
            cubierta = f < 2 * salida.shape[0] and c < 2 * salida.shape[1]
            if not dentro:  # relleno de «same»: no cuenta para el máximo
                eje.add_patch(Rectangle((c - 0.5, f - 0.5), 1, 1, facecolor="#eeeeee", edgecolor="#bdbdbd", hatch="//"))
                continue
            if not cubierta:  # con «valid» esta fila o columna no entra en ninguna ventana
                eje.add_patch(Rectangle((c - 0.5, f - 0.5), 1, 1, facecolor="#d0d0d0", edgecolor="#bdbdbd"))
            valor = matriz[f, c]
            es_max = cubierta and valor == salida[f // 2, c // 2]
            eje.text(
                c,
                f,
                f"{valor:g}",
                ha="center",
                va="center",
                fontsize=10,
                color="#ff5722" if es_max else ("#757575" if not cubierta else "black"),
                fontweight="bold" if es_max else "normal",
            )
    for i in range(salida.shape[0]):
        for j in range(salida.shape[1]):
            eje.add_patch(Rectangle((2 * j - 0.5, 2 * i - 0.5), 2, 2, fill=False, edgecolor="#3f51b5", linewidth=2.5))


def _salida(eje, salida, titulo):
    from matplotlib.patches import Rectangle

    _preparar(eje, *salida.shape, titulo)
    for (i, j), valor in np.ndenumerate(salida):
        eje.add_patch(Rectangle((j - 0.5, i - 0.5), 1, 1, fill=False, edgecolor="#3f51b5", linewidth=2.5))
        eje.text(j, i, f"{valor:g}", ha="center", va="center", fontsize=10, color="#ff5722", fontweight="bold")


def dibujar(res, estrecha=False):
    import matplotlib.pyplot as plt

    m = res["metricas"]
    # Una fila con casillas del mismo tamaño en las cuatro cuadrículas: los ejes se colocan a mano.
    lados = [7, m["valid"]["forma_salida"][0], 8, m["same"]["forma_salida"][0]]
    if estrecha:  # en el móvil, «valid» arriba y «same» debajo, cada una con su salida
        from maquinaria.estilo import ANCHO_ESTRECHA
        from maquinaria.graficos import colocar_cuadriculas

        cuadradas = [(n, n) for n in lados]
        figura, ejes = colocar_cuadriculas(
            [cuadradas[:2], cuadradas[2:]], 0.27, ANCHO_ESTRECHA, hueco=0.45, titulo=0.35, pie=0.65
        )
    else:
        casilla, margen, hueco = 0.35, 0.1, 0.42  # pulgadas
        ancho = 2 * margen + casilla * sum(lados) + hueco * (len(lados) - 1)
        arriba, abajo = 0.3, 0.3  # títulos; etiquetas de abajo
        alto = arriba + casilla * max(lados) + abajo
        figura = plt.figure(figsize=(ancho, alto))
        ejes, izquierda = [], margen
        for n in lados:  # centradas en vertical
            y = abajo + casilla * (max(lados) - n) / 2
            ejes.append(figura.add_axes([izquierda / ancho, y / alto, casilla * n / ancho, casilla * n / alto]))
            izquierda += casilla * n + hueco
    _entrada(ejes[0], res["siete"], res["valid"], 7, 7, 'padding="valid"')
    _salida(ejes[1], res["valid"], f"salida {m['valid']['forma_salida'][0]}x{m['valid']['forma_salida'][1]}")
    _entrada(ejes[2], res["siete"], res["same"], 8, 8, 'padding="same"')
    _salida(ejes[3], res["same"], f"salida {m['same']['forma_salida'][0]}x{m['same']['forma_salida'][1]}")
    separa = "\n" if estrecha else " "
    ejes[0].set_xlabel(f"la última fila y columna{separa}se pierden", fontsize=9 if estrecha else 10)
    ejes[2].set_xlabel(f"se añade una fila y{separa}una columna vacías", fontsize=9 if estrecha else 10)
    alt = (
        "Dos versiones de un mapa de 7x7 con los números del 1 al 49 desordenados, recorrido por ventanas de 2x2 con "
        "paso 2. Con padding valid caben 3 ventanas por fila y por columna: la última fila y la última columna quedan "
        f"en gris, fuera de toda ventana, y la salida es de {m['valid']['forma_salida'][0]}x{m['valid']['forma_salida'][1]}. "
        "Con padding same se añade una fila y una columna de relleno (rayadas) que no cuentan para el máximo, y la "
        f"salida es de {m['same']['forma_salida'][0]}x{m['same']['forma_salida'][1]}. Los máximos elegidos van en "
        "naranja y coinciden con los de MaxPooling2D de Keras."
    )
    return figura, alt
