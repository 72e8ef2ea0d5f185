"""Propuesta 2: una sola capa oculta con una sola neurona (círculo, 70 % para entrenar)

Comparada con la red por defecto (4-2) en las mismas condiciones: círculo sin ruido,
70 % de los puntos para entrenar, tanh, tasa 0,03, lotes de 10; 5 repeticiones.
"""


from maquinaria.apilado import comparar

SEMILLA = 0
EPOCAS = 300
REPETICIONES = 5
VARIANTES = {
    "4-2": dict(conjunto="circulo", entrenamiento=70, capas=(4, 2)),
    "1": dict(conjunto="circulo", entrenamiento=70, capas=(1,)),
}


def calcular():
    res = comparar(VARIANTES, REPETICIONES, EPOCAS)
    metricas = {"epocas": EPOCAS, "repeticiones": REPETICIONES}
    metricas["red_4_2"] = res["4-2"]["resumen"]
    metricas["una_neurona"] = res["1"]["resumen"]
    return {"comparacion": res, "metricas": metricas}


def dibujar(res):
    from snippets.playground_dibujo import figura_comparacion

    m = res["metricas"]
    figura = figura_comparacion(res["comparacion"], {"4-2": "Red 4-2 (por defecto)", "1": "Una neurona"})
    f = lambda v: f"{v:.3f}".replace(".", ",")  # noqa: E731
    pct = lambda v: f"{100 * v:.0f} %"  # noqa: E731
    alt = (
        "Dos mapas de decisión del círculo con el 70 % de los puntos para entrenar. Con la red 4-2 la zona azul "
        "rodea el disco azul. Con una sola neurona el mapa queda partido por una frontera recta: a un lado azul, al "
        "otro naranja, y el disco azul y el anillo naranja quedan mezclados a ambos lados. A la derecha, las "
        "pérdidas por época: la red 4-2 baja hasta casi cero; la de una neurona se estanca. Medias de 5 "
        f"repeticiones tras {m['epocas']} épocas: pérdida de prueba {f(m['red_4_2']['perdida_test'])} con la red "
        f"4-2 y {f(m['una_neurona']['perdida_test'])} con una neurona, que acierta el "
        f"{pct(m['una_neurona']['exactitud_test'])} de los puntos de prueba."
    )
    return figura, alt
