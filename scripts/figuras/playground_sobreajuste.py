"""Infraajuste y sobreajuste en el círculo con ruido 50 y solo 50 puntos de entrenamiento: 1 neurona, 4 neuronas y 6 capas de 8

Las mismas condiciones que la gráfica de abajo de los tamaños: 10 % de los puntos para entrenar,
tanh, tasa 0,03, lotes de 10, 1000 épocas; 5 repeticiones por red.
"""

import numpy as np

from maquinaria.apilado import comparar

SEMILLA = 0
EPOCAS = 1000
REPETICIONES = 5
REDES = {"1": (1,), "4": (4,), "6x8": (8,) * 6}
VARIANTES = {n: dict(conjunto="circulo", ruido=50, entrenamiento=10, capas=c) for n, c in REDES.items()}


def calcular():
    res = comparar(VARIANTES, REPETICIONES, EPOCAS)
    metricas = {"epocas": EPOCAS, "repeticiones": REPETICIONES}
    for n, variante in res.items():
        media = variante["test"].mean(axis=0)  # curva de prueba media de las repeticiones
        metricas[f"red_{n}"] = variante["resumen"] | {
            "brecha": variante["resumen"]["perdida_test"] - variante["resumen"]["perdida_ent"],
            "epoca_minimo_test": int(np.argmin(media)) + 1,
            "minimo_test": float(media.min()),
        }
    return {"comparacion": res, "metricas": metricas}


def dibujar(res):
    from snippets.playground_dibujo import figura_comparacion

    m = res["metricas"]
    figura = figura_comparacion(
        res["comparacion"], {"1": "1 neurona", "4": "4 neuronas", "6x8": "6 capas de 8"}
    )
    f = lambda v: f"{v:.3f}".replace(".", ",")  # noqa: E731
    g = m["red_6x8"]
    alt = (
        "Tres mapas de decisión del círculo con ruido 50 y 50 puntos de entrenamiento. Con 1 neurona, casi todo el "
        "plano naranja claro: la red no separa nada. Con 4 neuronas, una mancha azul irregular en el centro. Con 6 "
        "capas de 8, una frontera caprichosa, con una franja azul que sale del disco y cruza el anillo. Debajo, "
        "las pérdidas "
        "por época: con 6 capas de 8 la de entrenamiento sigue bajando mientras la de prueba toca fondo y vuelve "
        f"a subir. Medias de 5 repeticiones tras {m['epocas']} épocas, entrenamiento y prueba: 1 neurona "
        f"{f(m['red_1']['perdida_ent'])} y {f(m['red_1']['perdida_test'])}; 4 neuronas "
        f"{f(m['red_4']['perdida_ent'])} y {f(m['red_4']['perdida_test'])}; 6 capas de 8 {f(g['perdida_ent'])} y "
        f"{f(g['perdida_test'])}, con la prueba en su mínimo, {f(g['minimo_test'])}, en la época "
        f"{g['epoca_minimo_test']}."
    )
    return figura, alt
