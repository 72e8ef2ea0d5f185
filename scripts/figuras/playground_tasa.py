"""Propuesta 6: la tasa de aprendizaje, demasiado pequeña (0,001), la de serie (0,03) y demasiado grande (3)

Red 4-2 sobre el círculo sin ruido, 70 % para entrenar, lotes de 10; 5 repeticiones.
Las tres tasas están entre las que ofrece el Playground. Además de las pérdidas se mide, al
final, qué fracción de las salidas de las neuronas ocultas está saturada (|tanh| > 0,99), la
norma del gradiente de la pérdida y cuánto oscila la pérdida de prueba en las últimas épocas.
"""

import numpy as np

from maquinaria.apilado import comparar
from maquinaria.veredictos import comparar as veredicto

SEMILLA = 0
EPOCAS = 300
REPETICIONES = 5
TASAS = {"pequena": 0.001, "buena": 0.03, "grande": 3.0}
VARIANTES = {
    clave: dict(conjunto="circulo", entrenamiento=70, capas=(4, 2), tasa=tasa) for clave, tasa in TASAS.items()
}
SATURADA = 0.99  # una salida tanh con |valor| > 0,99 está saturada: su derivada es < 0,02
ULTIMAS = 50  # épocas en las que se mide la oscilación de la pérdida de prueba
PLANA = 0.01  # la pérdida de prueba está «plana» si en esas épocas varía menos que esto


def medir(resultado):
    """Saturación de las neuronas ocultas, norma del gradiente y oscilación de una red entrenada."""
    import tensorflow as tf

    modelo = resultado["modelo"]
    X, y = resultado["entradas_red"][:2]
    h, saturadas, total = tf.constant(X), 0, 0
    for capa in modelo.layers[:-1]:
        h = capa(h)
        saturadas += int(np.sum(np.abs(h.numpy()) > SATURADA))
        total += h.numpy().size
    with tf.GradientTape() as cinta:
        perdida = tf.reduce_mean(0.5 * tf.square(modelo(X)[:, 0] - y))
    gradientes = cinta.gradient(perdida, modelo.trainable_variables)
    ultimas = resultado["test"][-ULTIMAS:]
    return {
        "saturadas": saturadas / total,
        "norma_gradiente": float(tf.linalg.global_norm(gradientes)),
        "oscilacion_test": float(ultimas.max() - ultimas.min()),
    }


def calcular():
    res = comparar(VARIANTES, REPETICIONES, EPOCAS, medir=medir)
    metricas = {
        "epocas": EPOCAS,
        "repeticiones": REPETICIONES,
        "tasas": TASAS,
        "umbral_saturada": SATURADA,
        "ultimas": ULTIMAS,
        "plana": PLANA,
        "configuraciones": {e: v["configuracion"] for e, v in res.items()},
    }
    for clave, variante in res.items():
        oscilacion = np.array(variante["resumen"]["oscilacion_test_semillas"])
        metricas[clave] = variante["resumen"] | {
            "semillas_planas": int(np.sum(oscilacion < PLANA)),
            "semillas_con_saltos": int(np.sum(oscilacion >= PLANA)),
            "perdida_test_inicial": float(variante["test"][:, 0].mean()),
            "perdida_test_inicial_semillas": [float(v) for v in variante["test"][:, 0]],
        }
    p, b, g = metricas["pequena"], metricas["buena"], metricas["grande"]
    metricas["veredictos"] = {
        # 0,001: ¿la pérdida de prueba baja desde la primera época?
        "pequena_final_frente_inicial": veredicto(p["perdida_test_semillas"], p["perdida_test_inicial_semillas"]),
        "pequena_frente_buena": veredicto(p["perdida_test_semillas"], b["perdida_test_semillas"]),
        "grande_frente_buena": veredicto(g["perdida_test_semillas"], b["perdida_test_semillas"]),
        # 3: ¿se queda atascada (pérdida plana) o salta de un lado a otro?
        "grande_final_frente_inicial": veredicto(g["perdida_test_semillas"], g["perdida_test_inicial_semillas"]),
        "saturadas_grande_frente_buena": veredicto(g["saturadas_semillas"], b["saturadas_semillas"]),
    }
    return {"comparacion": res, "metricas": metricas}


def dibujar(res, estrecha=False):
    from maquinaria.formato import numero, porcentaje
    from maquinaria.graficos_playground import figura_comparacion

    m = res["metricas"]
    titulos = {clave: f"Tasa {numero(tasa)}" for clave, tasa in TASAS.items()}
    figura = figura_comparacion(res["comparacion"], titulos, log=True, estrecha=estrecha)

    def f(v):
        return numero(v, 3)

    g = m["grande"]
    alt = (
        "Tres mapas de decisión del círculo con la red 4-2 y tres tasas de aprendizaje (los de la repetición "
        "mediana). Con 0,001 el mapa es casi uniforme y claro: tras todas las épocas la red apenas ha cambiado. "
        "Con 0,03 la zona azul encierra el disco. Con 3 el mapa queda partido por una recta en una mitad azul y "
        "otra naranja, sin relación con el disco. Debajo, la media de 5 repeticiones de las pérdidas por época en "
        f"escala logarítmica. Pérdida de prueba media tras {m['epocas']} épocas: "
        f"{f(m['pequena']['perdida_test'])} con 0,001, {f(m['buena']['perdida_test'])} con 0,03 y "
        f"{f(g['perdida_test'])} con 3. Con 3, el {porcentaje(g['saturadas'], 0)} de las salidas de las neuronas "
        f"ocultas está saturado (con 0,03, el {porcentaje(m['buena']['saturadas'], 0)}); en las últimas "
        f"{m['ultimas']} épocas la pérdida de prueba queda plana en {g['semillas_planas']} de las 5 semillas y en "
        f"las demás da saltos de hasta {numero(g['oscilacion_test_max'], 3)}."
    )
    return figura, alt
