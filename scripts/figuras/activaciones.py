"""Funciones de activación y sus derivadas.

Dibuja las cinco funciones del apartado 1.4 (identidad, escalón, ReLU, tanh y sigmoide)
y sus derivadas, evaluadas con las mismas funciones de `snippets/activaciones.py` que
se muestran en la página.
"""

import numpy as np

from snippets.activaciones import FUNCIONES

SEMILLA = 0


def calcular():
    x = np.linspace(-4, 4, 801)
    curvas = {nombre: (f(x), df(x)) for nombre, (f, df) in FUNCIONES.items()}
    return {
        "x": x,
        "curvas": curvas,
        "metricas": {
            # Rangos medidos sobre [-4, 4]: los que cita el texto.
            f"rango_{nombre}": [float(y.min()), float(y.max())] for nombre, (y, _) in curvas.items()
        }
        | {"derivada_max_sigmoide": float(curvas["sigmoide"][1].max()), "derivada_max_tanh": float(curvas["tanh"][1].max())},
    }


def dibujar(res):
    import matplotlib.pyplot as plt

    x, curvas = res["x"], res["curvas"]
    figura, ejes = plt.subplots(1, len(curvas), figsize=(14, 3.2), sharex=True)
    for eje, (nombre, (y, dy)) in zip(ejes, curvas.items()):
        if nombre == "escalón":  # sin la línea vertical falsa en el salto
            y = np.where(x == 0, np.nan, y)
        eje.plot(x, y, label="f(x)")
        eje.plot(x, dy, "--", label="f'(x)")
        eje.set_title(nombre)
        eje.set_xlabel("x")
        eje.set_ylim(-1.6, 4.1 if nombre in ("identidad", "ReLU") else 1.6)
    ejes[0].legend(loc="upper left")
    figura.tight_layout()
    alt = (
        "Cinco gráficas sobre x entre -4 y 4, cada una con la función (línea continua) y su derivada "
        "(discontinua): la identidad es una recta de pendiente 1; el escalón salta de 0 a 1 en x = 0 y su "
        "derivada es 0; ReLU vale 0 para x negativo y x para x positivo, con derivada 0 o 1; tanh va de -1 a 1 "
        f"con derivada máxima {res['metricas']['derivada_max_tanh']:.0f} en 0; la sigmoide va de 0 a 1 con "
        f"derivada máxima {res['metricas']['derivada_max_sigmoide']:.2f} en 0.".replace("0.25", "0,25")
    )
    return figura, alt
