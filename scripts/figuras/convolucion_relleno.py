"""Sin relleno (`padding="valid"`) la salida encoge a 5 × 5; con relleno de ceros (`padding="same"`) sigue en 7 × 7

Las dos salidas se calculan con `convolucion2d` (NumPy) de `snippets/convolucion.py` y se
comparan con `keras.layers.Conv2D` con los mismos pesos.
"""

import numpy as np

from maquinaria.graficos import rejilla
from snippets.convolucion import conv2d_keras, convolucion2d, filtro, imagen, relleno_same, sesgo, tamano_salida

SEMILLA = 0


def calcular():
    resultados = {"imagen": imagen, "metricas": {}}
    for padding in ("valid", "same"):
        mapa = convolucion2d(imagen, filtro, sesgo, padding=padding)
        mapa_keras = conv2d_keras(imagen, filtro, sesgo, padding=padding)
        resultados[padding] = mapa
        resultados["metricas"][padding] = {
            "forma_salida": list(mapa.shape),
            "formula": tamano_salida(imagen.shape[0], filtro.shape[0], 1, padding),
            "diferencia_max_keras": float(np.abs(mapa - mapa_keras).max()),
        }
    antes, despues = relleno_same(imagen.shape[0], filtro.shape[0])
    resultados["relleno"] = (antes, despues)
    resultados["metricas"]["relleno_same"] = [antes, despues]
    return resultados


def dibujar(res, estrecha=False):
    import matplotlib.pyplot as plt

    from maquinaria.formato import numero

    m = res["metricas"]
    antes, despues = res["relleno"]
    rellena = np.pad(res["imagen"], [(antes, despues), (antes, despues)])
    # Dos filas (arriba padding="valid", abajo "same"), entradas a la izquierda y salidas a la
    # derecha, con casillas del mismo tamaño en las cuatro cuadrículas: los ejes se colocan a mano.
    if estrecha:  # en el móvil, las cuatro cuadrículas una debajo de otra
        from maquinaria.estilo import ANCHO_ESTRECHA
        from maquinaria.graficos import colocar_cuadriculas

        matrices = (res["imagen"], res["valid"], rellena, res["same"])
        figura, ejes = colocar_cuadriculas([[x.shape] for x in matrices], 0.29, ANCHO_ESTRECHA, titulo=0.35, pie=0.5)
    else:
        casilla, margen, hueco = 0.33, 0.35, 0.75  # pulgadas
        columnas = [rellena.shape[1], res["same"].shape[1]]  # la cuadrícula más ancha de cada columna
        ancho = margen + casilla * sum(columnas) + hueco + 0.3
        arriba, entre, abajo = 0.35, 0.85, 0.5  # título; ejes, etiqueta y título siguiente; ejes y etiqueta
        alto = arriba + casilla * (res["imagen"].shape[0] + rellena.shape[0]) + entre + abajo
        figura = plt.figure(figsize=(ancho, alto))
        ejes = []
        techo = alto - arriba
        for fila in ((res["imagen"], res["valid"]), (rellena, res["same"])):
            izquierda = margen
            for matriz, columna in zip(fila, columnas):
                f, c = matriz.shape
                x = izquierda + casilla * (columna - c) / 2
                ejes.append(
                    figura.add_axes([x / ancho, (techo - casilla * f) / alto, casilla * c / ancho, casilla * f / alto])
                )
                izquierda += casilla * columna + hueco
            techo -= casilla * fila[0].shape[0] + entre
    limite = max(np.abs(res["valid"]).max(), np.abs(res["same"]).max()) * 1.25
    rejilla(ejes[0], res["imagen"], 'padding="valid": entrada 7x7', "Greys", 1.6, tamano_texto=10)
    rejilla(ejes[1], res["valid"], "salida 5x5", "RdBu", limite, tamano_texto=10)
    marco = ((antes, antes), 7, 7)  # la imagen original dentro de la rellena
    rejilla(ejes[2], rellena, 'padding="same": 7x7 + borde de ceros', "Greys", 1.6, marco, grosor=2.5, tamano_texto=10)
    rejilla(ejes[3], res["same"], "salida 7x7", "RdBu", limite, tamano_texto=10)
    for eje in ejes:  # números de filas y columnas legibles (el ayudante los deja en 8)
        eje.tick_params(which="both", labelsize=8.5 if estrecha else 9)
    for eje, padding in ((ejes[1], "valid"), (ejes[3], "same")):
        eje.set_xlabel(f"igual que Conv2D (diferencia {numero(m[padding]['diferencia_max_keras'])})")
    alt = (
        "Cuatro cuadrículas en dos filas. Arriba, con padding valid, la imagen de 7x7 con un siete dibujado y el filtro "
        f"de bordes verticales de 3x3 dan una salida de {m['valid']['forma_salida'][0]}x{m['valid']['forma_salida'][1]}. "
        "Abajo, con padding same, "
        f"la imagen se rodea de un borde de {antes} cero por cada lado (9x9, con la imagen original recuadrada en "
        f"naranja) y la salida es de {m['same']['forma_salida'][0]}x{m['same']['forma_salida'][1]}, del mismo tamaño "
        "que la entrada. Las dos salidas coinciden con las de Conv2D de Keras."
    )
    return figura, alt
