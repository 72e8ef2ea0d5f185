"""Funciones de activación y sus derivadas.

Dibuja las cinco funciones del apartado 1.4 (identidad, escalón, ReLU, tanh y sigmoide)
y sus derivadas, evaluadas con las mismas funciones de `snippets/activaciones.py` que
se muestran en la página.
"""

import numpy as np

from snippets.activaciones import (
    d_escalon,
    d_identidad,
    d_relu,
    d_sigmoide,
    d_tanh,
    escalon,
    identidad,
    relu,
    sigmoide,
    tanh,
)

SEMILLA = 0
FUNCIONES = {
    "identidad": (identidad, d_identidad),
    "escalón": (escalon, d_escalon),
    "ReLU": (relu, d_relu),
    "tanh": (tanh, d_tanh),
    "sigmoide": (sigmoide, d_sigmoide),
}


def calcular():
    x = np.linspace(-4, 4, 801)
    curvas = {nombre: (f(x), df(x)) for nombre, (f, df) in FUNCIONES.items()}
    return {
        "x": x,
        "curvas": curvas,
        "metricas": {
            # Rangos medidos sobre [-4, 4]: los que cita el texto.
            f"rango_{nombre}": [float(y.min()), float(y.max())]
            for nombre, (y, _) in curvas.items()
        }
        | {
            "derivada_max_sigmoide": float(curvas["sigmoide"][1].max()),
            "derivada_max_tanh": float(curvas["tanh"][1].max()),
        },
    }


def dibujar(res, estrecha=False):
    import matplotlib.pyplot as plt

    from maquinaria.formato import numero

    x, curvas = res["x"], res["curvas"]
    en_cero = np.isclose(x, 0)
    # Dos filas de tres: cinco funciones y la leyenda en el sexto hueco.
    # En el móvil, tres filas de dos.
    from maquinaria.estilo import ANCHO_ESTRECHA

    if estrecha:
        figura, ejes = plt.subplots(3, 2, figsize=(ANCHO_ESTRECHA, 7.4), layout="constrained")
    else:
        figura, ejes = plt.subplots(2, 3, figsize=(9.4, 5.6), layout="constrained")
    ejes = ejes.ravel()
    for eje, (nombre, (y, dy)) in zip(ejes, curvas.items()):
        if nombre in ("escalón", "ReLU"):  # sin líneas verticales falsas en los saltos
            dy = np.where(en_cero, np.nan, dy)
        if nombre == "escalón":
            y = np.where(en_cero, np.nan, y)
        # f gruesa debajo y f' discontinua encima: donde coinciden (el escalón y ReLU para x < 0) se ven las dos.
        eje.plot(x, y, lw=3.6, alpha=0.85, label="f(x)", zorder=2)
        eje.plot(x, dy, "--", lw=2, label="f'(x)", zorder=3)
        if nombre == "escalón":
            eje.plot([0], [1], "o", color="C0", ms=6, zorder=4)  # f(0) = 1
            eje.plot([0], [0], "o", mfc="white", mec="C0", ms=6, zorder=4)
            eje.annotate(
                "f' = 0 salvo en 0,\ndonde no existe",
                (-2, 0),
                xytext=(-4.6, 0.45) if estrecha else (-3.8, 0.55),
                fontsize=8.5 if estrecha else 9,
                arrowprops={"arrowstyle": "->", "color": "#607d8b"},
            )
        if nombre == "ReLU":
            eje.plot([0], [0], "o", color="C1", ms=5, zorder=4)  # TensorFlow toma f'(0) = 0
            eje.plot([0], [1], "o", mfc="white", mec="C1", ms=5, zorder=4)
        eje.set_title(nombre)
        eje.set_xlabel("x")
        eje.set_xticks([-4, 0, 4] if estrecha else [-4, -2, 0, 2, 4])
        eje.set_ylim(-1.6, 4.1 if nombre in ("identidad", "ReLU") else 1.6)
        if nombre not in ("identidad", "ReLU"):
            eje.set_yticks([-1, 0, 1] if estrecha else [-1, -0.5, 0, 0.5, 1])
    ejes[-1].axis("off")
    ejes[-1].legend(*ejes[0].get_legend_handles_labels(), loc="center", fontsize=11 if estrecha else 12)
    alt = (
        "Cinco gráficas en dos filas (identidad, escalón y ReLU arriba; tanh y sigmoide abajo), sobre x entre "
        "−4 y 4, cada una con la función (línea continua) y su derivada "
        "(discontinua): la identidad es una recta de pendiente 1; el escalón salta de 0 a 1 en x = 0 y su "
        "derivada es 0; ReLU vale 0 para x negativo y x para x positivo, con derivada 0 o 1; tanh va de −1 a 1 "
        f"con derivada máxima {numero(res['metricas']['derivada_max_tanh'], 0)} en 0; la sigmoide va de 0 a 1 con "
        f"derivada máxima {numero(res['metricas']['derivada_max_sigmoide'], 2)} en 0."
    )
    return figura, alt
