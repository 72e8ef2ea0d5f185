"""Propuesta 1: subir la proporción de entrenamiento del 50 % al 70 % (círculo, red 4-2)

La red por defecto del Playground (capas ocultas de 4 y 2 neuronas, tanh, tasa 0,03,
lotes de 10) sobre el círculo sin ruido, con el 50 % y con el 70 % de los puntos para
entrenar. Cada variante se repite con 5 semillas (datos y pesos nuevos).
"""

import numpy as np

from maquinaria.apilado import comparar

SEMILLA = 0
EPOCAS = 300
REPETICIONES = 5
UMBRAL = 0.05
VARIANTES = {
    "50 %": dict(conjunto="circulo", entrenamiento=50, capas=(4, 2)),
    "70 %": dict(conjunto="circulo", entrenamiento=70, capas=(4, 2)),
}


def calcular():
    res = comparar(VARIANTES, REPETICIONES, EPOCAS)
    metricas = {"epocas": EPOCAS, "repeticiones": REPETICIONES, "umbral": UMBRAL}
    for etiqueta, variante in res.items():
        clave = "ratio_" + etiqueta.split()[0]
        # Épocas hasta que la pérdida de prueba baja del umbral (la media de las repeticiones).
        debajo = variante["test"] < UMBRAL
        epocas = np.where(debajo.any(axis=1), debajo.argmax(axis=1) + 1, EPOCAS)
        metricas[clave] = variante["resumen"] | {
            "puntos_ent": len(variante["datos"][0]),
            "puntos_test": len(variante["datos"][2]),
            "pasos_por_epoca": len(variante["datos"][0]) // 10,
            "epocas_hasta_umbral": float(epocas.mean()),
        }
    return {"comparacion": res, "metricas": metricas}


def dibujar(res):
    from snippets.playground_dibujo import figura_comparacion

    m = res["metricas"]
    figura = figura_comparacion(
        res["comparacion"], {"50 %": "50 % para entrenar", "70 %": "70 % para entrenar"}, log=True
    )
    f = lambda v: f"{v:.3f}".replace(".", ",")  # noqa: E731
    alt = (
        "Dos mapas de decisión del círculo sobre [-6, 6] al cuadrado, con la red 4-2: con el 50 % y con el 70 % "
        "de los puntos para entrenar, la zona azul es una mancha redondeada que encierra el disco azul y el resto "
        "es naranja. A la derecha, las pérdidas de entrenamiento y de prueba por época en escala logarítmica: las "
        f"dos variantes bajan hasta cerca de cero. Media de 5 repeticiones tras {m['epocas']} épocas: pérdida de "
        f"prueba {f(m['ratio_50']['perdida_test'])} con el 50 % y {f(m['ratio_70']['perdida_test'])} con el 70 %; "
        f"la prueba baja de {f(m['umbral'])} en {m['ratio_50']['epocas_hasta_umbral']:.0f} y "
        f"{m['ratio_70']['epocas_hasta_umbral']:.0f} épocas."
    )
    return figura, alt
