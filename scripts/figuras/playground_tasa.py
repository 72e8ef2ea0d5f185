"""Propuesta 6: la tasa de aprendizaje, demasiado pequeña (0,001), la de serie (0,03) y demasiado grande (3)

Red 4-2 sobre el círculo sin ruido, 70 % para entrenar, lotes de 10; 5 repeticiones.
Las tres tasas están entre las que ofrece el Playground.
"""


from maquinaria.apilado import comparar

SEMILLA = 0
EPOCAS = 300
REPETICIONES = 5
TASAS = {"pequena": 0.001, "buena": 0.03, "grande": 3.0}
VARIANTES = {
    clave: dict(conjunto="circulo", entrenamiento=70, capas=(4, 2), tasa=tasa) for clave, tasa in TASAS.items()
}


def calcular():
    res = comparar(VARIANTES, REPETICIONES, EPOCAS)
    metricas = {"epocas": EPOCAS, "repeticiones": REPETICIONES, "tasas": TASAS}
    for clave, variante in res.items():
        metricas[clave] = variante["resumen"] | {"perdida_test_inicial": float(variante["test"][:, 0].mean())}
    return {"comparacion": res, "metricas": metricas}


def dibujar(res):
    from snippets.playground_dibujo import figura_comparacion

    m = res["metricas"]
    coma = lambda v: f"{v:g}".replace(".", ",")  # noqa: E731
    titulos = {clave: f"Tasa {coma(tasa)}" for clave, tasa in TASAS.items()}
    figura = figura_comparacion(res["comparacion"], titulos, log=True)
    f = lambda v: f"{v:.3f}".replace(".", ",")  # noqa: E731
    alt = (
        "Tres mapas de decisión del círculo con la red 4-2 y tres tasas de aprendizaje. Con 0,001 el mapa es casi "
        "uniforme y claro: tras todas las épocas la red apenas ha cambiado. Con 0,03 la zona azul encierra el disco. "
        "Con 3 el mapa es de colores saturados sin relación con los datos. Debajo, las pérdidas por época en "
        f"escala logarítmica. Pérdida de prueba media de 5 repeticiones tras {m['epocas']} épocas: "
        f"{f(m['pequena']['perdida_test'])} con 0,001, {f(m['buena']['perdida_test'])} con 0,03 y "
        f"{f(m['grande']['perdida_test'])} con 3."
    )
    return figura, alt
