"""La ventana de 3 × 3 recorre una imagen de 7 × 7: cada posición da un valor del mapa de 5 × 5

La convolución se calcula con `convolucion2d` (NumPy) de `snippets/convolucion.py` y se
compara con una capa `keras.layers.Conv2D` que lleva los mismos pesos.
"""

import numpy as np

from maquinaria.graficos import rejilla
from snippets.convolucion import conv2d_keras, convolucion2d, filtro, imagen, sesgo

SEMILLA = 0
POSICION = (3, 1)  # fila y columna de la neurona de salida que se destaca


def calcular():
    mapa = convolucion2d(imagen, filtro, sesgo)
    mapa_keras = conv2d_keras(imagen, filtro, sesgo)
    i, j = POSICION
    k = filtro.shape[0]
    ventana = imagen[i : i + k, j : j + k]
    return {
        "imagen": imagen,
        "filtro": filtro,
        "ventana": ventana,
        "mapa": mapa,
        "metricas": {
            "forma_entrada": list(imagen.shape),
            "forma_filtro": list(filtro.shape),
            "forma_salida": list(mapa.shape),
            "posicion": list(POSICION),
            "valor": float(mapa[i, j]),
            "suma_productos": float(np.sum(ventana * filtro)),
            "sesgo": float(sesgo),
            "diferencia_max_keras": float(np.abs(mapa - mapa_keras).max()),
        },
    }


def dibujar(res, estrecha=False):
    import matplotlib.pyplot as plt

    from maquinaria.formato import numero

    m = res["metricas"]
    i, j = m["posicion"]
    k = m["forma_filtro"][0]
    productos = res["ventana"] * res["filtro"]
    # Una fila con casillas del mismo tamaño en las cuatro cuadrículas: los ejes se colocan a mano.
    anchos = [res["imagen"].shape[1], k, k, m["forma_salida"][1]]
    if estrecha:  # en el móvil, de dos en dos: entrada y filtro; productos y salida
        from maquinaria.estilo import ANCHO_ESTRECHA
        from maquinaria.graficos import colocar_cuadriculas

        cuadradas = [(n, n) for n in anchos]
        figura, ejes = colocar_cuadriculas([cuadradas[:2], cuadradas[2:]], 0.29, ANCHO_ESTRECHA, hueco=0.7)
    else:
        casilla, margen, hueco = 0.36, 0.3, 0.68  # pulgadas
        ancho = margen + casilla * sum(anchos) + hueco * 3 + 0.15
        arriba, abajo = 0.35, 0.3  # título; números de las columnas
        alto = arriba + casilla * res["imagen"].shape[0] + abajo
        figura = plt.figure(figsize=(ancho, alto))
        ejes, izquierda = [], margen
        for n in anchos:  # todas alineadas por arriba
            ejes.append(
                figura.add_axes(
                    [izquierda / ancho, (alto - arriba - casilla * n) / alto, casilla * n / ancho, casilla * n / alto]
                )
            )
            izquierda += casilla * n + hueco
    rejilla(ejes[0], res["imagen"], "Entrada 7x7 y la ventana", "Greys", 1.6, ((i, j), k, k))
    rejilla(ejes[1], res["filtro"], "Filtro W (3x3)", "RdBu", 1.6)
    rejilla(ejes[2], productos, "Ventana × W", "RdBu", 1.6)
    separa = "\n" if estrecha else "  "
    ejes[2].set_xlabel(f"suma = {numero(m['suma_productos'])};{separa}+ b = {numero(m['sesgo'])}")
    limite = np.abs(res["mapa"]).max()
    rejilla(
        ejes[3],
        res["mapa"],
        f"Salida {m['forma_salida'][0]}x{m['forma_salida'][1]}",
        "RdBu",
        limite * 1.25,
        ((i, j), 1, 1),
    )
    ejes[3].set_xlabel(f"valor en ({i}, {j}): {numero(m['valor'])}")
    for eje in ejes:  # números de filas y columnas legibles (el ayudante los deja en 8)
        eje.tick_params(which="both", labelsize=8.5 if estrecha else 9)
    alt = (
        "Cuatro cuadrículas con números. La primera es una imagen de 7x7 de ceros y unos que dibujan un siete, "
        f"con un recuadro naranja sobre la ventana de 3x3 que empieza en la fila {i}, columna {j}. La segunda es el "
        "filtro de 3x3, con una columna de unos, una de ceros y una de menos unos. La tercera muestra los productos "
        f"de la ventana por el filtro, que suman {numero(m['suma_productos'])}. La cuarta es el mapa de salida de 5x5, con "
        f"la casilla ({i}, {j}) destacada y el valor {numero(m['valor'])}; Conv2D de Keras con los mismos pesos da el "
        f"mismo mapa (diferencia máxima {numero(m['diferencia_max_keras'])})."
    )
    return figura, alt
