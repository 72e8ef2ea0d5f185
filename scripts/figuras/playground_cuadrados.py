"""Lo que los apuntes no cuentan: con las entradas X₁² y X₂², el círculo no necesita capas ocultas

Tres redes sobre el círculo sin ruido con el 50 % de los puntos para entrenar: sin capas
ocultas con las entradas X₁ y X₂, sin capas ocultas con X₁² y X₂², y la red por defecto 4-2
con X₁ y X₂. Tanh, tasa 0,03, lotes de 10; 5 repeticiones de cada una.
"""

from maquinaria.apilado import comparar
from maquinaria.veredictos import comparar as veredicto

SEMILLA = 0
EPOCAS = 300
REPETICIONES = 5
VARIANTES = {
    "lineal": dict(conjunto="circulo", capas=(), entradas=("x", "y")),
    "cuadrados": dict(conjunto="circulo", capas=(), entradas=("xSquared", "ySquared")),
    "4-2": dict(conjunto="circulo", capas=(4, 2), entradas=("x", "y")),
}


def parametros(capas, entradas):
    neuronas = (entradas,) + tuple(capas) + (1,)
    return sum((a + 1) * b for a, b in zip(neuronas, neuronas[1:]))


def calcular():
    res = comparar(VARIANTES, REPETICIONES, EPOCAS)
    metricas = {
        "epocas": EPOCAS,
        "repeticiones": REPETICIONES,
        "configuraciones": {e: v["configuracion"] for e, v in res.items()},
    }
    for etiqueta, variante in res.items():
        clave = etiqueta.replace("-", "_")
        conf = VARIANTES[etiqueta]
        metricas[clave] = variante["resumen"] | {"parametros": parametros(conf["capas"], len(conf["entradas"]))}
    c, r, lin = metricas["cuadrados"], metricas["4_2"], metricas["lineal"]
    metricas["veredictos"] = {
        "acierto_cuadrados_frente_4_2": veredicto(c["exactitud_test_semillas"], r["exactitud_test_semillas"]),
        "acierto_cuadrados_frente_lineal": veredicto(c["exactitud_test_semillas"], lin["exactitud_test_semillas"]),
    }
    return {"comparacion": res, "metricas": metricas}


def dibujar(res, estrecha=False):
    from maquinaria.formato import porcentaje
    from maquinaria.graficos_playground import figura_comparacion

    m = res["metricas"]
    figura = figura_comparacion(
        res["comparacion"],
        {
            "lineal": "Sin capas ocultas, X₁ y X₂",
            "cuadrados": "Sin capas ocultas, X₁² y X₂²",
            "4-2": "Red 4-2, X₁ y X₂",
        },
        estrecha=estrecha,
    )

    def pct(v):
        return porcentaje(v, 0)

    alt = (
        "Tres mapas de decisión del círculo (los de la repetición mediana). Sin capas ocultas y con las entradas "
        "X₁ y X₂, la frontera es una recta que parte el plano en una mitad azul y otra naranja. Sin capas ocultas "
        "y con las entradas X₁² y X₂², la zona azul es un disco centrado que encierra los puntos azules. Con la "
        "red 4-2 y las entradas X₁ y X₂, una mancha azul redondeada. Debajo, la media de 5 repeticiones de las "
        f"pérdidas por época. Acierto medio en prueba tras {m['epocas']} épocas: {pct(m['lineal']['exactitud_test'])} "
        f"sin capas con X₁ y X₂ ({m['lineal']['parametros']} parámetros), {pct(m['cuadrados']['exactitud_test'])} "
        f"sin capas con X₁² y X₂² ({m['cuadrados']['parametros']} parámetros) y {pct(m['4_2']['exactitud_test'])} "
        f"con la red 4-2 ({m['4_2']['parametros']} parámetros)."
    )
    return figura, alt
