"""Propuesta 3: una capa oculta con 1, 2 y 3 neuronas (círculo, 70 % para entrenar)

Cada neurona tanh de la capa oculta aporta una frontera recta; el círculo necesita al menos
tres para encerrar el disco. Tanh, tasa 0,03, lotes de 10; 5 repeticiones por variante.
"""

from maquinaria.apilado import comparar
from maquinaria.veredictos import comparar as veredicto

SEMILLA = 0
EPOCAS = 300
REPETICIONES = 5
VARIANTES = {str(n): dict(conjunto="circulo", entrenamiento=70, capas=(n,)) for n in (1, 2, 3)}


def calcular():
    res = comparar(VARIANTES, REPETICIONES, EPOCAS)
    metricas = {
        "epocas": EPOCAS,
        "repeticiones": REPETICIONES,
        "configuraciones": {e: v["configuracion"] for e, v in res.items()},
    }
    for n, variante in res.items():
        metricas[f"neuronas_{n}"] = variante["resumen"]
    acierto = {n: metricas[f"neuronas_{n}"]["exactitud_test_semillas"] for n in VARIANTES}
    metricas["veredictos"] = {
        "acierto_3_frente_2": veredicto(acierto["3"], acierto["2"]),
        "acierto_2_frente_1": veredicto(acierto["2"], acierto["1"]),
    }
    return {"comparacion": res, "metricas": metricas}


def dibujar(res, estrecha=False):
    from maquinaria.formato import numero, porcentaje
    from maquinaria.graficos_playground import figura_comparacion

    m = res["metricas"]
    figura = figura_comparacion(
        res["comparacion"], {"1": "1 neurona", "2": "2 neuronas", "3": "3 neuronas"}, estrecha=estrecha
    )

    def f(v):
        return numero(v, 3)

    def pct(v):
        return porcentaje(v, 0)

    alt = (
        "Tres mapas de decisión del círculo con una capa oculta (los de la repetición mediana). Con 1 neurona la "
        "frontera es una recta; con 2, una franja azul entre dos rectas que deja fuera parte del disco o mete "
        "parte del anillo; con 3, un triángulo de lados curvados que encierra el disco azul. Debajo, la media de 5 "
        "repeticiones de las pérdidas por época: solo la red de 3 neuronas baja cerca de cero. Tras "
        f"{m['epocas']} épocas, pérdida de prueba media y acierto medio: 1 neurona "
        f"{f(m['neuronas_1']['perdida_test'])} y {pct(m['neuronas_1']['exactitud_test'])}; "
        f"2 neuronas {f(m['neuronas_2']['perdida_test'])} y {pct(m['neuronas_2']['exactitud_test'])}; "
        f"3 neuronas {f(m['neuronas_3']['perdida_test'])} y {pct(m['neuronas_3']['exactitud_test'])}."
    )
    return figura, alt
