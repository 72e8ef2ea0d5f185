"""Propuesta 2: una sola capa oculta con una sola neurona frente a la red 4-2 (círculo, 70 % para entrenar)

Círculo sin ruido, 70 % de los puntos para entrenar, tanh, tasa 0,03, lotes de 10; 5
repeticiones de cada red.
"""

from maquinaria.apilado import comparar
from maquinaria.veredictos import comparar as veredicto

SEMILLA = 0
EPOCAS = 300
REPETICIONES = 5
VARIANTES = {
    "4-2": dict(conjunto="circulo", entrenamiento=70, capas=(4, 2)),
    "1": dict(conjunto="circulo", entrenamiento=70, capas=(1,)),
}


def calcular():
    res = comparar(VARIANTES, REPETICIONES, EPOCAS)
    metricas = {
        "epocas": EPOCAS,
        "repeticiones": REPETICIONES,
        "configuraciones": {e: v["configuracion"] for e, v in res.items()},
    }
    metricas["red_4_2"] = res["4-2"]["resumen"]
    uno = metricas["una_neurona"] = res["1"]["resumen"]
    metricas["veredictos"] = {
        # Infraajuste: la neurona sola queda peor que la 4-2 también con los datos que ve.
        "ent_una_frente_4_2": veredicto(uno["perdida_ent_semillas"], metricas["red_4_2"]["perdida_ent_semillas"]),
        "test_una_frente_4_2": veredicto(uno["perdida_test_semillas"], metricas["red_4_2"]["perdida_test_semillas"]),
    }
    return {"comparacion": res, "metricas": metricas}


def dibujar(res, estrecha=False):
    from maquinaria.formato import numero, porcentaje
    from maquinaria.graficos_playground import figura_comparacion

    m = res["metricas"]
    figura = figura_comparacion(
        res["comparacion"], {"4-2": "Red 4-2 (por defecto)", "1": "Una neurona"}, estrecha=estrecha
    )

    def f(v):
        return numero(v, 3)

    alt = (
        "Dos mapas de decisión del círculo con el 70 % de los puntos para entrenar (los de la repetición mediana). "
        "Con la red 4-2 la zona azul rodea el disco azul. Con una sola neurona el mapa queda partido por una "
        "frontera recta: a un lado azul, al otro naranja, y el disco azul y el anillo naranja quedan mezclados a "
        "ambos lados. A la derecha, la media de 5 repeticiones de las pérdidas por época: la red 4-2 baja hasta "
        f"casi cero; la de una neurona se estanca. Tras {m['epocas']} épocas, pérdida de prueba media "
        f"{f(m['red_4_2']['perdida_test'])} con la red 4-2 y {f(m['una_neurona']['perdida_test'])} con una "
        f"neurona, cuya pérdida de entrenamiento es {f(m['una_neurona']['perdida_ent'])} y que acierta el "
        f"{porcentaje(m['una_neurona']['exactitud_test'], 0)} de los puntos de prueba."
    )
    return figura, alt
