"""Los cuatro conjuntos de clasificación del Playground, sin ruido y con ruido 50

Generados con `datos_playground` de `snippets/playground.py`: círculo, XOR (cuatro zonas),
dos nubes gaussianas y espiral, 500 puntos cada uno, repartidos al 50 %.
"""

import numpy as np

from snippets.playground import CONJUNTOS, datos_playground

SEMILLA = 3
RUIDOS = [0, 50]
NOMBRES = {"circulo": "Círculo", "xor": "XOR (cuatro zonas)", "gaussiana": "Gaussiana", "espiral": "Espiral"}


def calcular():
    conjuntos, metricas = {}, {}
    for ruido in RUIDOS:
        for nombre in CONJUNTOS:
            X_ent, y_ent, X_test, y_test = datos_playground(nombre, ruido=ruido, semilla=SEMILLA)
            conjuntos[(nombre, ruido)] = (X_ent, y_ent, X_test, y_test)
            X, y = np.concatenate([X_ent, X_test]), np.concatenate([y_ent, y_test])
            # Qué fracción de puntos contradice la regla sin ruido: el efecto del ruido en las etiquetas.
            if nombre == "circulo":
                regla = np.where(np.hypot(X[:, 0], X[:, 1]) < 2.5, 1.0, -1.0)
            elif nombre == "xor":
                regla = np.where(X[:, 0] * X[:, 1] >= 0, 1.0, -1.0)
            else:
                regla = None
            metricas[f"{nombre}_{ruido}"] = {
                "puntos": len(X),
                "entrenamiento": len(X_ent),
                "positivos": int((y > 0).sum()),
                "radio_max": float(np.hypot(X[:, 0], X[:, 1]).max()),
                "etiquetas_cambiadas": None if regla is None else float(np.mean(regla != y)),
            }
    return {"conjuntos": conjuntos, "metricas": metricas}


def dibujar(res, estrecha=False):
    import matplotlib.pyplot as plt

    from maquinaria.estilo import ANCHO_ESTRECHA
    from maquinaria.formato import porcentaje
    from maquinaria.graficos_playground import AZUL, NARANJA

    # Una columna por conjunto y una fila por ruido; los ejes, compartidos. En el móvil,
    # traspuesta: una fila por conjunto y una columna por ruido.
    if estrecha:
        figura, traspuestos = plt.subplots(
            len(CONJUNTOS),
            len(RUIDOS),
            figsize=(ANCHO_ESTRECHA, 1.9 * len(CONJUNTOS) + 0.4),
            sharex=True,
            sharey=True,
            layout="constrained",
        )
        ejes = traspuestos.T
    else:
        figura, ejes = plt.subplots(
            len(RUIDOS), len(CONJUNTOS), figsize=(9.4, 4.9), sharex=True, sharey=True, layout="constrained"
        )
    figura.get_layout_engine().set(wspace=0.06)
    for fila, ruido in enumerate(RUIDOS):
        for columna, nombre in enumerate(CONJUNTOS):
            eje = ejes[fila, columna]
            X_ent, y_ent, X_test, y_test = res["conjuntos"][(nombre, ruido)]
            for X, y, borde in ((X_ent, y_ent, "white"), (X_test, y_test, "black")):
                eje.scatter(X[:, 0], X[:, 1], c=np.where(y > 0, AZUL, NARANJA), s=9, edgecolors=borde, linewidths=0.5)
            eje.set_xlim(-6, 6)
            eje.set_ylim(-6, 6)
            eje.set_xticks([-6, 0, 6] if estrecha else [-6, -3, 0, 3, 6])
            eje.set_yticks([-6, 0, 6] if estrecha else [-6, -3, 0, 3, 6])
            eje.set_aspect("equal")
            if estrecha:
                eje.tick_params(labelsize=8.5)
                if columna == 0:
                    eje.set_title(f"ruido {ruido}", fontsize=10)
                if fila == 0:
                    eje.set_ylabel(NOMBRES[nombre], fontsize=10)
            else:
                if fila == 0:
                    eje.set_title(NOMBRES[nombre], fontsize=11)
                if columna == 0:
                    eje.set_ylabel(f"ruido {ruido}", fontsize=12)
    m = res["metricas"]

    def pct(v):
        return porcentaje(v, 0)

    alt = (
        "Ocho diagramas de dispersión en el cuadrado de −6 a 6, una columna por conjunto, puntos azules (+1) y naranjas (−1); los de "
        "entrenamiento con borde blanco y los de prueba con borde negro. Fila de arriba, sin ruido: un disco azul "
        "rodeado de un anillo naranja; cuatro cuadrantes, azules los de signo igual y naranjas los otros; dos nubes "
        "separadas, azul en (2, 2) y naranja en (−2, −2); dos brazos de espiral entrelazados. Fila de abajo, con "
        f"ruido 50: en el círculo cambia la etiqueta del {pct(m['circulo_50']['etiquetas_cambiadas'])} de los puntos "
        f"y en el XOR la del {pct(m['xor_50']['etiquetas_cambiadas'])}, sin moverlos; las nubes gaussianas se "
        "ensanchan y se mezclan; los brazos de la espiral se vuelven borrosos."
    )
    return figura, alt
