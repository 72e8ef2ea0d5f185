"""Los 16 filtros de 3 × 3 que aprende la primera capa convolucional y los mapas de características que producen con un dígito de prueba

Es la red convolucional de `snippets/cnn.py`, entrenada igual que en la figura
cnn_comparacion (misma semilla, mismos datos de load_digits, mismas épocas).
"""

import keras
import numpy as np

from maquinaria.graficos import sin_marco
from snippets.cnn import cargar_digitos, crear_cnn, entrenar

SEMILLA = 0
EPOCAS = 30  # como en cnn_comparacion
INDICE = 0  # el primer dígito del conjunto de prueba


def calcular():
    x_ent, x_test, y_ent, y_test = cargar_digitos()
    keras.utils.set_random_seed(SEMILLA)
    cnn = crear_cnn()
    entrenar(cnn, x_ent, y_ent, epocas=EPOCAS)
    _, exactitud = cnn.evaluate(x_test, y_test, verbose=0)
    primera = cnn.layers[0]
    filtros, sesgos = primera.get_weights()
    digito = x_test[INDICE : INDICE + 1]
    mapas = keras.ops.convert_to_numpy(primera(digito))[0]
    prediccion = int(cnn.predict(digito, verbose=0).argmax())
    return {
        "digito": digito[0, :, :, 0],
        "filtros": filtros[:, :, 0, :],
        "mapas": mapas,
        "metricas": {
            "exactitud_test": float(exactitud),
            "forma_filtros": list(filtros.shape),
            "forma_mapas": list(mapas.shape),
            "clase": int(y_test[INDICE]),
            "prediccion": prediccion,
            "mapas_apagados": int(np.sum(mapas.max(axis=(0, 1)) == 0)),
        },
    }


def dibujar(res):
    import matplotlib.pyplot as plt

    m = res["metricas"]
    filtros, mapas = res["filtros"], res["mapas"]
    n = filtros.shape[-1]
    figura = plt.figure(figsize=(9.5, 4.9), layout="constrained")
    izquierda, derecha = figura.subfigures(1, 2, width_ratios=[1, 4.2])
    eje = izquierda.subplots()
    eje.imshow(res["digito"], cmap="gray_r", interpolation="nearest")
    eje.set_title(f"Dígito de prueba: {m['clase']}\n(la red predice {m['prediccion']})")
    sin_marco(eje)
    arriba, abajo = derecha.subfigures(2, 1)
    limite = np.abs(filtros).max()
    for k, eje in enumerate(arriba.subplots(2, n // 2).ravel()):
        eje.imshow(filtros[:, :, k], cmap="RdBu", vmin=-limite, vmax=limite, interpolation="nearest")
        eje.set_title(f"{k + 1}", fontsize=9)
        sin_marco(eje)
    arriba.suptitle(f"Filtros aprendidos ({filtros.shape[0]}x{filtros.shape[1]}; azul positivo, rojo negativo)")
    maximo = mapas.max()
    for k, eje in enumerate(abajo.subplots(2, n // 2).ravel()):
        eje.imshow(mapas[:, :, k], cmap="magma", vmin=0, vmax=maximo, interpolation="nearest")
        eje.set_title(f"{k + 1}", fontsize=9)
        sin_marco(eje)
    abajo.suptitle(f"Mapas de características de ese dígito ({mapas.shape[0]}x{mapas.shape[1]}, tras ReLU)")
    alt = (
        f"A la izquierda, un dígito {m['clase']} de 8x8 píxeles del conjunto de prueba, que la red clasifica como "
        f"{m['prediccion']}. A la derecha, arriba, los {n} filtros de 3x3 que ha aprendido la primera capa "
        "convolucional, en azul y rojo según el signo de cada peso: varios tienen una zona positiva junto a una "
        "negativa, como los detectores de bordes. Abajo, los "
        f"{n} mapas de 8x8 que produce cada filtro con ese dígito: cada uno resalta partes distintas del trazo"
        + (f", y {m['mapas_apagados']} quedan a cero tras la ReLU." if m["mapas_apagados"] else ".")
    )
    return figura, alt
