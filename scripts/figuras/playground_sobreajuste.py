"""Infraajuste y sobreajuste en el círculo con ruido 50 y solo 50 puntos de entrenamiento: 1 neurona, 4
neuronas y 6 capas de 8

Las mismas condiciones que la gráfica de abajo de los tamaños: 10 % de los puntos para entrenar,
tanh, tasa 0,03, lotes de 10, 1000 épocas; 5 repeticiones por red. Las curvas son la media de
las repeticiones (la banda, del mínimo al máximo de la de prueba).
"""

from maquinaria.apilado import comparar
from maquinaria.veredictos import comparar as veredicto
from maquinaria.veredictos import minimo_y_subida

SEMILLA = 0
EPOCAS = 1000
REPETICIONES = 5
REDES = {"1": (1,), "4": (4,), "6x8": (8,) * 6}
VARIANTES = {n: dict(conjunto="circulo", ruido=50, entrenamiento=10, capas=c) for n, c in REDES.items()}


def calcular():
    res = comparar(VARIANTES, REPETICIONES, EPOCAS)
    metricas = {
        "epocas": EPOCAS,
        "repeticiones": REPETICIONES,
        "configuraciones": {e: v["configuracion"] for e, v in res.items()},
    }
    for n, variante in res.items():
        curva = minimo_y_subida(variante["test"])  # sobre la curva de prueba media de las repeticiones
        metricas[f"red_{n}"] = variante["resumen"] | {
            "brecha": variante["resumen"]["perdida_test"] - variante["resumen"]["perdida_ent"],
            "epoca_minimo_test": curva["epoca_minimo"],
            "minimo_test": curva["minimo"],
            "curva_test": curva,
        }
    grande = res["6x8"]
    e = metricas["red_6x8"]["epoca_minimo_test"] - 1
    metricas["red_6x8"]["perdida_ent_en_minimo_test"] = float(grande["ent"][:, e].mean())
    metricas["red_6x8"]["perdida_ent_en_minimo_test_semillas"] = [float(v) for v in grande["ent"][:, e]]
    metricas["veredictos"] = {
        # Después del mínimo de la prueba, ¿la de entrenamiento sigue bajando?
        "ent_final_frente_en_minimo_test": veredicto(
            metricas["red_6x8"]["perdida_ent_semillas"], metricas["red_6x8"]["perdida_ent_en_minimo_test_semillas"]
        ),
        "ent_6x8_frente_4": veredicto(
            metricas["red_6x8"]["perdida_ent_semillas"], metricas["red_4"]["perdida_ent_semillas"]
        ),
        "test_6x8_frente_4": veredicto(
            metricas["red_6x8"]["perdida_test_semillas"], metricas["red_4"]["perdida_test_semillas"]
        ),
    }
    return {"comparacion": res, "metricas": metricas}


def dibujar(res, estrecha=False):
    from maquinaria.formato import numero
    from maquinaria.graficos_playground import figura_comparacion

    m = res["metricas"]
    figura = figura_comparacion(
        res["comparacion"], {"1": "1 neurona", "4": "4 neuronas", "6x8": "6 capas de 8"}, estrecha=estrecha
    )

    def f(v):
        return numero(v, 3)

    g = m["red_6x8"]
    alt = (
        "Tres mapas de decisión del círculo con ruido 50 y 50 puntos de entrenamiento (los de la repetición "
        "mediana). Con 1 neurona, casi todo el plano naranja claro: la red no separa nada. Con 4 neuronas, una "
        "mancha azul irregular en el centro. Con 6 capas de 8, una frontera caprichosa que se retuerce para "
        "acomodar puntos sueltos. Debajo, la media de 5 repeticiones de las pérdidas por época: con 6 capas de 8 "
        "la de entrenamiento sigue bajando mientras la de prueba toca fondo y vuelve a subir. Medias tras "
        f"{m['epocas']} épocas, entrenamiento y prueba: 1 neurona "
        f"{f(m['red_1']['perdida_ent'])} y {f(m['red_1']['perdida_test'])}; 4 neuronas "
        f"{f(m['red_4']['perdida_ent'])} y {f(m['red_4']['perdida_test'])}; 6 capas de 8 {f(g['perdida_ent'])} y "
        f"{f(g['perdida_test'])}; la prueba media de 6 capas de 8 tiene su mínimo, {f(g['minimo_test'])}, en la "
        f"época {g['epoca_minimo_test']}."
    )
    return figura, alt
