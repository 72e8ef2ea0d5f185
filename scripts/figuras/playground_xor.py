"""Propuesta 4: el conjunto de las cuatro zonas (XOR) con una capa oculta de 2, 3 y 4 neuronas

Sin ruido, 70 % de los puntos para entrenar, tanh, tasa 0,03, lotes de 10; 5 repeticiones.
"""

from maquinaria.apilado import comparar
from maquinaria.veredictos import comparar as veredicto

SEMILLA = 0
EPOCAS = 300
REPETICIONES = 5
VARIANTES = {str(n): dict(conjunto="xor", entrenamiento=70, capas=(n,)) for n in (2, 3, 4)}


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
        "acierto_4_frente_3": veredicto(acierto["4"], acierto["3"]),
    }
    return {"comparacion": res, "metricas": metricas}


def dibujar(res, estrecha=False):
    from maquinaria.formato import porcentaje
    from maquinaria.graficos_playground import figura_comparacion

    m = res["metricas"]
    figura = figura_comparacion(
        res["comparacion"], {"2": "2 neuronas", "3": "3 neuronas", "4": "4 neuronas"}, estrecha=estrecha
    )

    def pct(v):
        return porcentaje(v, 0)

    alt = (
        "Tres mapas de decisión del conjunto XOR (cuadrantes azules arriba a la derecha y abajo a la izquierda, "
        "naranjas en los otros dos) con una capa oculta de 2, 3 y 4 neuronas, los de la repetición mediana. Con 2 "
        "neuronas el mapa separa mal al menos un cuadrante; con 3 y con 4 aparecen las cuatro zonas. Debajo, la "
        "media de 5 repeticiones de las pérdidas por época. "
        f"Acierto medio en prueba tras {m['epocas']} épocas: "
        f"{pct(m['neuronas_2']['exactitud_test'])} con 2 neuronas, {pct(m['neuronas_3']['exactitud_test'])} con 3 "
        f"(entre {pct(m['neuronas_3']['exactitud_test_min'])} y {pct(m['neuronas_3']['exactitud_test_max'])}) y "
        f"{pct(m['neuronas_4']['exactitud_test'])} con 4."
    )
    return figura, alt
