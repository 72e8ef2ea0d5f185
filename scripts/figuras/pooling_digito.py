"""Convolución y *pooling* sobre un dígito real: 28 × 28 → 24 × 24 (filtro de 5 × 5) → 12 × 12 (*max pooling* de 2 × 2)

El dígito es el primero de `load_digits` de scikit-learn (8x8), ampliado a 28x28 con
interpolación bilineal (`keras.layers.Resizing`). Los filtros son los dos de bordes de
`snippets/pooling.py`; Conv2D + ReLU + MaxPooling2D de Keras, comprobados con NumPy.
"""

import numpy as np

from snippets.convolucion import convolucion2d
from snippets.pooling import convolucion_y_pooling, digito_ampliado, filtros_de_bordes, max_pooling

SEMILLA = 0
INDICE = 0  # el primer dígito de load_digits (un 0)


def calcular():
    from sklearn.datasets import load_digits

    digito = digito_ampliado(INDICE)
    filtros = filtros_de_bordes(5)
    mapas, reducidos = convolucion_y_pooling(digito, filtros)
    diferencias = []
    for canal, filtro in enumerate(filtros.values()):
        a_mano = np.maximum(convolucion2d(digito[0, :, :, 0], filtro), 0.0)  # convolución + ReLU
        diferencias.append(np.abs(a_mano - mapas[0, :, :, canal]).max())
        diferencias.append(np.abs(max_pooling(a_mano) - reducidos[0, :, :, canal]).max())
    return {
        "digito": digito[0, :, :, 0],
        "filtros": filtros,
        "mapas": mapas[0],
        "reducidos": reducidos[0],
        "metricas": {
            "clase": int(load_digits().target[INDICE]),
            "forma_digito": list(digito.shape[1:]),
            "forma_mapas": list(mapas.shape[1:]),
            "forma_pooling": list(reducidos.shape[1:]),
            "valores_mapa": int(mapas.shape[1] * mapas.shape[2]),
            "valores_pooling": int(reducidos.shape[1] * reducidos.shape[2]),
            "diferencia_max_numpy": float(max(diferencias)),
        },
    }


def dibujar(res, estrecha=False):
    import matplotlib.pyplot as plt

    m = res["metricas"]
    from maquinaria.estilo import ANCHO_ESTRECHA

    if estrecha:  # en el móvil, el dígito arriba y las dos filas de filtros debajo
        figura = plt.figure(figsize=(ANCHO_ESTRECHA, 6.6), layout="constrained")
        rejilla = figura.add_gridspec(3, 3, height_ratios=[1.4, 1, 1])
        eje = figura.add_subplot(rejilla[0, :])
    else:
        figura = plt.figure(figsize=(9.5, 4.6), layout="constrained")
        rejilla = figura.add_gridspec(2, 4, width_ratios=[1.3, 0.8, 1, 1])
        eje = figura.add_subplot(rejilla[:, 0])
    figura.get_layout_engine().set(wspace=0.06)
    eje.imshow(res["digito"], cmap="gray_r", interpolation="nearest")
    eje.set_title(f"Dígito ({m['clase']}) {m['forma_digito'][0]}x{m['forma_digito'][1]}")
    ejes = [eje]
    # Títulos solo en la fila de arriba; cada fila lleva el nombre de su filtro a la izquierda
    separa = "\n" if estrecha else " "
    titulos = [
        f"Filtro{separa}5x5",
        f"Conv2D + ReLU:{separa}{m['forma_mapas'][0]}x{m['forma_mapas'][1]}",
        f"MaxPooling2D:{separa}{m['forma_pooling'][0]}x{m['forma_pooling'][1]}",
    ]
    nombres_cortos = {"vertical": "verticales", "horizontal": "horizontales"}
    nombres = {"vertical": "bordes verticales", "horizontal": "bordes horizontales"}
    for fila, (nombre, filtro) in enumerate(res["filtros"].items()):
        limite = np.abs(filtro).max()
        for columna, (imagen, cmap, vmin) in enumerate(
            [
                (filtro, "RdBu", -limite),
                (res["mapas"][:, :, fila], "magma", 0),
                (res["reducidos"][:, :, fila], "magma", 0),
            ],
            start=1,
        ):
            eje = figura.add_subplot(rejilla[fila + 1, columna - 1] if estrecha else rejilla[fila, columna])
            eje.imshow(imagen, cmap=cmap, vmin=vmin, vmax=limite if cmap == "RdBu" else None, interpolation="nearest")
            if fila == 0:
                eje.set_title(titulos[columna - 1], fontsize=9.5 if estrecha else 11)
            if columna == 1:
                eje.set_ylabel(f"bordes{chr(10)}{nombres_cortos[nombre]}" if estrecha else nombres[nombre])
            ejes.append(eje)
    for eje in ejes:
        eje.set_xticks([])
        eje.set_yticks([])
        eje.grid(False)
        for borde in eje.spines.values():
            borde.set_visible(False)
    alt = (
        f"A la izquierda, un dígito {m['clase']} manuscrito ampliado a 28x28 píxeles. En cada fila, un filtro de 5x5 "
        "hecho a mano (arriba, bordes verticales, que pasa de positivo a la izquierda a negativo a la derecha; abajo, "
        f"bordes horizontales), el mapa de {m['forma_mapas'][0]}x{m['forma_mapas'][1]} que produce Conv2D con ReLU, "
        "brillante donde el trazo tiene ese tipo de borde (los lados izquierdo y derecho del cero en la fila de arriba, "
        f"los de arriba y abajo en la de abajo), y el mapa de {m['forma_pooling'][0]}x{m['forma_pooling'][1]} tras el "
        "max pooling de 2x2, más pixelado pero con los mismos bordes."
    )
    return figura, alt
