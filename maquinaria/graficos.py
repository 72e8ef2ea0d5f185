"""Piezas de dibujo que comparten varias figuras (rejillas de números y ejes sin marco).

Los scripts de `scripts/figuras/` las importan como `from maquinaria.graficos import ...`; la
herramienta sigue esa importación, así que cambiar este fichero desactualiza esas figuras.
"""

import numpy as np

from maquinaria.formato import numero


def sin_marco(eje) -> None:
    """Un eje sin marcas, sin rejilla y sin bordes: para imágenes y diagramas."""
    eje.set_xticks([])
    eje.set_yticks([])
    eje.grid(False)
    for borde in eje.spines.values():
        borde.set_visible(False)


def rejilla(eje, matriz, titulo, cmap, limite, destacar=None, color="#ff5722", grosor=3, tamano_texto=11):
    """Una matriz como cuadrícula con su valor escrito en cada celda.

    `destacar` = ((fila, columna), alto, ancho) dibuja un rectángulo (una ventana, un marco).
    """
    from matplotlib.patches import Rectangle

    eje.imshow(matriz, cmap=cmap, vmin=-limite if cmap != "Greys" else 0, vmax=limite)
    for (f, c), valor in np.ndenumerate(matriz):
        oscuro = abs(valor) > 0.6 * limite
        eje.text(
            c, f, numero(valor), ha="center", va="center", fontsize=tamano_texto, color="white" if oscuro else "black"
        )
    if destacar is not None:
        (f, c), alto, ancho = destacar
        eje.add_patch(Rectangle((c - 0.5, f - 0.5), ancho, alto, fill=False, edgecolor=color, linewidth=grosor))
    eje.set_title(titulo)
    eje.set_xticks(range(matriz.shape[1]))
    eje.set_yticks(range(matriz.shape[0]))
    eje.set_xticks(np.arange(matriz.shape[1] + 1) - 0.5, minor=True)
    eje.set_yticks(np.arange(matriz.shape[0] + 1) - 0.5, minor=True)
    eje.tick_params(which="both", length=0, labelsize=9)
    eje.grid(False)
    eje.grid(which="minor", color="#bdbdbd", linewidth=0.8, alpha=1)
    for borde in eje.spines.values():
        borde.set_visible(False)


def colocar_cuadriculas(filas, casilla, ancho, hueco=0.6, titulo=0.4, pie=0.55):
    """Una figura de `ancho` pulgadas con cuadrículas de casillas del mismo tamaño, por filas.

    `filas` = [[(alto, ancho) en casillas, ...], ...]: cada fila, centrada en la figura, con sus
    cuadrículas alineadas por arriba, sitio para el título encima y para los números de las
    columnas y una etiqueta debajo (en pulgadas). Devuelve (figura, ejes en orden de lectura).
    """
    import matplotlib.pyplot as plt

    altos = [titulo + casilla * max(f for f, _ in fila) + pie for fila in filas]
    alto = sum(altos)
    figura = plt.figure(figsize=(ancho, alto))
    ejes, techo = [], alto
    for fila, alto_fila in zip(filas, altos):
        total = casilla * sum(c for _, c in fila) + hueco * (len(fila) - 1)
        x = (ancho - total) / 2
        for f, c in fila:
            abajo = techo - titulo - casilla * f
            ejes.append(figura.add_axes((x / ancho, abajo / alto, casilla * c / ancho, casilla * f / alto)))
            x += casilla * c + hueco
        techo -= alto_fila
    return figura, ejes
