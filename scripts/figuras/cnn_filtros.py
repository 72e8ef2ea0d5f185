"""Los 16 filtros de 3 × 3 que aprende la primera capa convolucional y los mapas de características que
producen con un dígito de prueba

Es la red convolucional de `snippets/cnn.py` que entrena la figura cnn_comparacion: esta
figura toma aquel cálculo (CALCULO_DE) y dibuja la primera capa de esa misma red.
"""

import numpy as np

from maquinaria.graficos import sin_marco

CALCULO_DE = "cnn_comparacion"  # la misma CNN, entrenada una sola vez
METRICAS = "filtros"  # las métricas de esta figura: resultados["filtros"]["metricas"]


def dibujar(resultados, estrecha=False):
    import matplotlib.pyplot as plt

    res = resultados[METRICAS]
    m = res["metricas"]
    filtros, mapas = res["filtros"], res["mapas"]
    n = filtros.shape[-1]
    from maquinaria.estilo import ANCHO_ESTRECHA

    if estrecha:  # en el móvil: el dígito arriba, los filtros y los mapas debajo, en 4 columnas
        figura = plt.figure(figsize=(ANCHO_ESTRECHA, 8.6), layout="constrained")
        izquierda, derecha = figura.subfigures(2, 1, height_ratios=[1.5, 5])
        arriba, abajo = derecha.subfigures(2, 1)
        columnas = 4
    else:
        figura = plt.figure(figsize=(9.5, 4.9), layout="constrained")
        izquierda, derecha = figura.subfigures(1, 2, width_ratios=[1, 4.2])
        arriba, abajo = derecha.subfigures(2, 1)
        columnas = n // 2
    eje = izquierda.subplots()
    eje.imshow(res["digito"], cmap="gray_r", interpolation="nearest")
    eje.set_title(f"Dígito de prueba: {m['clase']}\n(la red predice {m['prediccion']})")
    sin_marco(eje)
    limite = np.abs(filtros).max()
    for k, eje in enumerate(arriba.subplots(-(-n // columnas), columnas).ravel()):
        eje.imshow(filtros[:, :, k], cmap="RdBu", vmin=-limite, vmax=limite, interpolation="nearest")
        eje.set_title(f"{k + 1}", fontsize=9)
        sin_marco(eje)
    separa = "\n" if estrecha else " "
    arriba.suptitle(
        f"Filtros aprendidos ({filtros.shape[0]}x{filtros.shape[1]};{separa}azul positivo, rojo negativo)",
        **({"fontsize": 10} if estrecha else {}),
    )
    maximo = mapas.max()
    for k, eje in enumerate(abajo.subplots(-(-n // columnas), columnas).ravel()):
        eje.imshow(mapas[:, :, k], cmap="magma", vmin=0, vmax=maximo, interpolation="nearest")
        eje.set_title(f"{k + 1}", fontsize=9)
        sin_marco(eje)
    abajo.suptitle(
        f"Mapas de características de ese dígito{separa}({mapas.shape[0]}x{mapas.shape[1]}, tras ReLU)",
        **({"fontsize": 10} if estrecha else {}),
    )
    alt = (
        f"A la izquierda, un dígito {m['clase']} de 8x8 píxeles del conjunto de prueba, que la red clasifica como "
        f"{m['prediccion']}. A la derecha, arriba, los {n} filtros de 3x3 que ha aprendido la primera capa "
        "convolucional, en azul y rojo según el signo de cada peso: varios tienen una zona positiva junto a una "
        "negativa, como los detectores de bordes. Abajo, los "
        f"{n} mapas de 8x8 que produce cada filtro con ese dígito: cada uno resalta partes distintas del trazo"
        + (f", y {m['mapas_apagados']} quedan a cero tras la ReLU." if m["mapas_apagados"] else ".")
    )
    return figura, alt
