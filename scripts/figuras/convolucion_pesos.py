"""Pesos compartidos: los parámetros de `Conv2D(32, 5)` no dependen del tamaño de la imagen; los de una
capa densa con la misma salida, sí

Los parámetros los cuenta Keras (`count_params()`) sobre capas construidas de verdad; la
fórmula de `snippets/convolucion.py` da el tamaño de la salida.
"""

import keras

from snippets.convolucion import tamano_salida

SEMILLA = 0
LADOS = [8, 12, 16, 20, 24, 28]
FILTROS, VENTANA = 32, 5


def calcular():
    conv, densa, salidas = [], [], []
    for lado in LADOS:
        capa = keras.layers.Conv2D(FILTROS, VENTANA)
        forma = capa(keras.Input(shape=(lado, lado, 1))).shape
        assert forma[1] == tamano_salida(lado, VENTANA)
        conv.append(capa.count_params())
        # Una capa densa con tantas neuronas como valores tiene la salida de la convolución,
        # conectada a todos los píxeles de la entrada.
        equivalente = keras.layers.Dense(forma[1] * forma[2] * forma[3])
        equivalente.build((None, lado * lado))
        densa.append(equivalente.count_params())
        salidas.append(list(forma[1:]))
        del equivalente
    return {
        "metricas": {
            "lados": LADOS,
            "conv": conv,
            "densa": densa,
            "salidas": salidas,
            "conv_28": conv[-1],
            "densa_28": densa[-1],
            "veces_28": round(densa[-1] / conv[-1]),
        }
    }


def _miles(n):
    return f"{n:,}".replace(",", "\u202f")


def dibujar(res, estrecha=False):
    import matplotlib.pyplot as plt

    m = res["metricas"]
    from maquinaria.estilo import ANCHO_ESTRECHA

    figura, eje = plt.subplots(figsize=(ANCHO_ESTRECHA, 3.8) if estrecha else (9, 4))
    eje.plot(m["lados"], m["densa"], "o-", label="Dense con la misma salida")
    eje.plot(m["lados"], m["conv"], "s-", label="Conv2D(32, 5x5)")
    eje.set_yscale("log")
    eje.set_xticks(m["lados"], [f"{n}x{n}" for n in m["lados"]], fontsize=8.5 if estrecha else None)
    eje.set_xlabel("tamaño de la imagen de entrada")
    eje.set_ylabel("parámetros (escala logarítmica)")
    for x, d in zip(m["lados"], m["densa"]):
        eje.annotate(
            _miles(d), (x, d), textcoords="offset points", xytext=(0, 8), ha="center", fontsize=8 if estrecha else 9
        )
    eje.annotate(
        _miles(m["conv_28"]),
        (m["lados"][-1], m["conv_28"]),
        textcoords="offset points",
        xytext=(0, 8),
        ha="center",
        fontsize=8 if estrecha else 9,
    )
    eje.set_ylim(100, max(m["densa"]) * 8)
    eje.legend(loc="center right", fontsize=8.5 if estrecha else None)
    figura.tight_layout()
    alt = (
        "Gráfica de parámetros en escala logarítmica frente al tamaño de la imagen, de 8x8 a 28x28. La línea de "
        f"Conv2D con 32 filtros de 5x5 es plana: {_miles(m['conv_28'])} parámetros para todos los tamaños. La línea "
        "de una capa densa con el mismo número de salidas crece muy deprisa, de "
        f"{_miles(m['densa'][0])} parámetros con 8x8 a {_miles(m['densa_28'])} con 28x28."
    )
    return figura, alt
