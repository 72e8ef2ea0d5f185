"""Propuesta 7: añadir ruido a los datos (círculo con ruido 0, 25 y 50, red 4-2)

70 % de los puntos para entrenar, tanh, tasa 0,03, lotes de 10; 5 repeticiones. En el
círculo el ruido cambia etiquetas cerca de la frontera sin mover los puntos.
"""

import numpy as np

from maquinaria.apilado import comparar
from maquinaria.veredictos import comparar as veredicto
from snippets.playground import datos_playground

SEMILLA = 0
EPOCAS = 300
REPETICIONES = 5
RUIDOS = [0, 25, 50]
VARIANTES = {str(r): dict(conjunto="circulo", ruido=r, entrenamiento=70, capas=(4, 2)) for r in RUIDOS}


def regla_exacta(X):
    """La regla con la que se generó el círculo, sin ruido: +1 dentro del radio 2,5."""
    return np.where(np.hypot(X[:, 0], X[:, 1]) < 2.5, 1.0, -1.0)


def calcular():
    res = comparar(VARIANTES, REPETICIONES, EPOCAS)
    metricas = {
        "epocas": EPOCAS,
        "repeticiones": REPETICIONES,
        "configuraciones": {e: v["configuracion"] for e, v in res.items()},
    }
    for r, variante in res.items():
        # Lo mejor posible: cuánto acierta la regla exacta sobre las etiquetas de prueba con ruido.
        aciertos = []
        for semilla in range(REPETICIONES):
            _, _, X_test, y_test = datos_playground("circulo", ruido=int(r), entrenamiento=70, semilla=semilla)
            aciertos.append(float(np.mean(regla_exacta(X_test) == y_test)))
        resumen = variante["resumen"]
        brechas = np.array(resumen["perdida_test_semillas"]) - np.array(resumen["perdida_ent_semillas"])
        metricas[f"ruido_{r}"] = resumen | {
            "brecha": float(brechas.mean()),
            "brecha_semillas": [float(b) for b in brechas],
            "regla_exactitud_test": float(np.mean(aciertos)),
            "regla_exactitud_test_semillas": aciertos,
        }
    b = {r: metricas[f"ruido_{r}"]["brecha_semillas"] for r in RUIDOS}
    n50 = metricas["ruido_50"]
    metricas["veredictos"] = {
        "brecha_25_frente_0": veredicto(b[25], b[0]),
        "brecha_50_frente_25": veredicto(b[50], b[25]),
        "acierto_red_frente_regla_50": veredicto(n50["exactitud_test_semillas"], n50["regla_exactitud_test_semillas"]),
    }
    return {"comparacion": res, "metricas": metricas}


def dibujar(res, estrecha=False):
    from maquinaria.formato import numero, porcentaje
    from maquinaria.graficos_playground import figura_comparacion

    m = res["metricas"]
    figura = figura_comparacion(res["comparacion"], {str(r): f"Ruido {r}" for r in RUIDOS}, estrecha=estrecha)

    def f(v):
        return numero(v, 3)

    def pct(v):
        return porcentaje(v, 0)

    alt = (
        "Tres mapas de decisión del círculo con la red 4-2 y ruido 0, 25 y 50 (los de la repetición mediana). Sin "
        "ruido la zona azul encierra el disco; con ruido aparecen puntos azules fuera y naranjas dentro, y la zona "
        "azul se deforma. Debajo, la media de 5 repeticiones de las pérdidas por época: cuanto más ruido, más alta "
        "queda la de prueba y más se separa de la de entrenamiento. Medias tras "
        f"{m['epocas']} épocas, entrenamiento y prueba: ruido 0, "
        f"{f(m['ruido_0']['perdida_ent'])} y {f(m['ruido_0']['perdida_test'])}; ruido 25, "
        f"{f(m['ruido_25']['perdida_ent'])} y {f(m['ruido_25']['perdida_test'])}; ruido 50, "
        f"{f(m['ruido_50']['perdida_ent'])} y {f(m['ruido_50']['perdida_test'])}. Con ruido 50 la red acierta el "
        f"{pct(m['ruido_50']['exactitud_test'])} de los puntos de prueba y la regla exacta del círculo, el "
        f"{pct(m['ruido_50']['regla_exactitud_test'])}."
    )
    return figura, alt
