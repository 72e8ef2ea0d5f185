"""Propuesta 1: el 50 % y el 70 % de los puntos para entrenar (círculo, red 4-2)

La red por defecto del Playground (capas ocultas de 4 y 2 neuronas, tanh, tasa 0,03,
lotes de 10) sobre el círculo sin ruido, con el 50 % y con el 70 % de los puntos para
entrenar. Cada variante se repite con 5 semillas (datos y pesos nuevos).
"""

import numpy as np

from maquinaria.apilado import comparar
from maquinaria.veredictos import comparar as veredicto

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
    metricas = {
        "epocas": EPOCAS,
        "repeticiones": REPETICIONES,
        "umbral": UMBRAL,
        "configuraciones": {e: v["configuracion"] for e, v in res.items()},
    }
    for etiqueta, variante in res.items():
        clave = "ratio_" + etiqueta.split()[0]
        # Épocas hasta que la pérdida de prueba baja del umbral, en cada repetición.
        debajo = variante["test"] < UMBRAL
        epocas = np.where(debajo.any(axis=1), debajo.argmax(axis=1) + 1, EPOCAS)
        metricas[clave] = variante["resumen"] | {
            "puntos_ent": len(variante["datos"][0]),
            "puntos_test": len(variante["datos"][2]),
            "pasos_por_epoca": len(variante["datos"][0]) // 10,
            "epocas_hasta_umbral": float(epocas.mean()),
            "epocas_hasta_umbral_semillas": [int(e) for e in epocas],
        }
    a, b = metricas["ratio_70"], metricas["ratio_50"]
    metricas["veredictos"] = {
        # 70 % frente a 50 %: épocas hasta el umbral y pérdida de prueba final.
        "epocas_70_frente_50": veredicto(a["epocas_hasta_umbral_semillas"], b["epocas_hasta_umbral_semillas"]),
        "perdida_test_70_frente_50": veredicto(a["perdida_test_semillas"], b["perdida_test_semillas"]),
    }
    return {"comparacion": res, "metricas": metricas}


def dibujar(res, estrecha=False):
    from maquinaria.formato import numero
    from maquinaria.graficos_playground import figura_comparacion

    m = res["metricas"]
    figura = figura_comparacion(
        res["comparacion"], {"50 %": "50 % para entrenar", "70 %": "70 % para entrenar"}, log=True, estrecha=estrecha
    )

    def f(v):
        return numero(v, 3)

    alt = (
        "Dos mapas de decisión del círculo sobre el cuadrado de −6 a 6, con la red 4-2 (los de la repetición "
        "mediana): con el 50 % y con el 70 % de los puntos para entrenar, la zona azul es una mancha redondeada que "
        "encierra el disco azul y el resto es naranja. A la derecha, la media de 5 repeticiones de las pérdidas de "
        "entrenamiento y de prueba por época, en escala logarítmica, con la banda del mínimo al máximo de la de "
        f"prueba: las dos variantes bajan hasta cerca de cero. Tras {m['epocas']} épocas, pérdida de prueba media "
        f"{f(m['ratio_50']['perdida_test'])} con el 50 % y {f(m['ratio_70']['perdida_test'])} con el 70 %; la "
        f"prueba baja de {numero(m['umbral'])} en {numero(m['ratio_50']['epocas_hasta_umbral'], 0)} y "
        f"{numero(m['ratio_70']['epocas_hasta_umbral'], 0)} épocas de media."
    )
    return figura, alt
