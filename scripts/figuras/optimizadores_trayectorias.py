"""SGD, SGD con momento, RMSprop y Adam sobre la superficie de pérdida de la recta

La misma pérdida MSE de la recta w·x + b que en la figura de las tasas de aprendizaje y el
mismo punto de partida. Cada camino son pasos reales de un optimizador de Keras
(`apply_gradients` sobre la variable [w, b]), con la tasa indicada.
"""

import numpy as np

from snippets.gradiente import datos_recta, perdida_recta
from snippets.optimizadores import OPTIMIZADORES, camino_keras

SEMILLA = 0
INICIO = (-1.0, 4.0)
PASOS = 60
# «Cerca del mínimo»: pérdida como mucho un 10 % por encima de la mínima
MARGEN = 0.10


def calcular():
    x, y = datos_recta(semilla=SEMILLA)
    w_opt, b_opt = np.polyfit(x, y, 1)
    optima = float(perdida_recta(w_opt, b_opt, x, y))
    umbral = optima * (1 + MARGEN)
    caminos, perdidas, resumen = {}, {}, {}
    for nombre, crear in OPTIMIZADORES.items():
        optimizador = crear()
        camino = camino_keras(optimizador, x, y, INICIO, PASOS)
        perdida = perdida_recta(camino[:, 0], camino[:, 1], x, y)
        caminos[nombre], perdidas[nombre] = camino, perdida
        cerca = np.flatnonzero(perdida <= umbral)
        primero = int(cerca[0]) if len(cerca) else None
        # ¿Vuelve a alejarse del mínimo después de haber llegado cerca?
        se_aleja = bool(primero is not None and (perdida[primero:] > umbral).any())
        config = optimizador.get_config()
        resumen[nombre] = {
            "tasa": round(float(config["learning_rate"]), 6),
            "perdida_final": float(perdida[-1]),
            "pasos_hasta_cerca": primero,
            "se_aleja_despues": se_aleja,
            "distancia_final": float(np.hypot(camino[-1, 0] - w_opt, camino[-1, 1] - b_opt)),
        }
    llegan = {n: r["pasos_hasta_cerca"] for n, r in resumen.items() if r["pasos_hasta_cerca"] is not None}
    return {
        "W_B": np.meshgrid(np.linspace(-1.5, 4.5, 241), np.linspace(-5, 5.5, 241)),
        "x": x,
        "y": y,
        "caminos": caminos,
        "perdidas": perdidas,
        "optimo": (w_opt, b_opt),
        "metricas": {
            "pasos": PASOS,
            "inicio": list(INICIO),
            "margen": MARGEN,
            "perdida_optima": optima,
            "umbral": umbral,
            "optimizadores": resumen,
            "orden": list(OPTIMIZADORES),
            "no_llegan": [n for n in resumen if n not in llegan],
            "mas_rapido": min(llegan, key=llegan.get) if llegan else None,
        },
    }


def dibujar(res, estrecha=False):
    import matplotlib.pyplot as plt

    from maquinaria.formato import numero

    m = res["metricas"]
    W, B = res["W_B"]
    Z = perdida_recta(W, B, res["x"], res["y"])
    # En el móvil: los cuatro caminos de dos en dos y la pérdida debajo
    from maquinaria.estilo import ANCHO_ESTRECHA

    if estrecha:
        figura = plt.figure(figsize=(ANCHO_ESTRECHA, 8.0), layout="constrained")
        rejilla = figura.add_gridspec(3, 2)
        ejes = [figura.add_subplot(rejilla[f, c]) for f in range(2) for c in range(2)]
        der = figura.add_subplot(rejilla[2, :])
    else:
        figura = plt.figure(figsize=(9.5, 6.4), layout="constrained")
        rejilla = figura.add_gridspec(2, 4)
        ejes = [figura.add_subplot(rejilla[0, c]) for c in range(4)]
        der = figura.add_subplot(rejilla[1, :])
    niveles = np.geomspace(m["perdida_optima"] * 1.05, Z.max(), 12)
    colores = plt.rcParams["axes.prop_cycle"].by_key()["color"]
    for eje, (nombre, camino), color in zip(ejes, res["caminos"].items(), colores):
        eje.contour(W, B, Z, levels=niveles, colors="#b0bec5", linewidths=0.7)
        eje.plot(camino[:, 0], camino[:, 1], "o-", color=color, ms=2, lw=1)
        eje.plot(*camino[0], "s", color="#263238", ms=5)
        eje.plot(*res["optimo"], "*", color="black", ms=11)
        eje.set_xlim(W.min(), W.max())
        eje.set_ylim(B.min(), B.max())
        tasa = numero(m["optimizadores"][nombre]["tasa"])
        eje.set_title(f"{nombre}\ntasa {tasa}", color=color, fontsize=10.5)
        eje.set_xlabel("w")
        eje.grid(False)
    for eje in ejes[:: 2 if estrecha else 4]:
        eje.set_ylabel("b")
    for (nombre, perdida), color in zip(res["perdidas"].items(), colores):
        der.semilogy(np.arange(len(perdida)), perdida, color=color, label=nombre)
    der.axhline(m["perdida_optima"], color="black", lw=1, ls=":", label="mínimo")
    der.axhline(m["umbral"], color="#78909c", lw=1, ls="--", label="mínimo + 10 %")
    der.set_xlabel("paso")
    der.set_title("pérdida (MSE, escala log)")
    if estrecha:  # bajo la gráfica: dentro taparía las curvas
        der.legend(ncol=2, fontsize=8.5, loc="upper center", bbox_to_anchor=(0.5, -0.3), frameon=False)
    else:
        der.legend(ncol=3)
    partes = []
    for nombre in m["orden"]:
        r = m["optimizadores"][nombre]
        llega = (
            f"llega cerca del mínimo en el paso {r['pasos_hasta_cerca']}"
            if r["pasos_hasta_cerca"] is not None
            else "no llega cerca del mínimo"
        )
        partes.append(f"{nombre} con tasa {numero(r['tasa'])} {llega} y termina en {numero(r['perdida_final'], 3)}")
    alt = (
        "Cuatro gráficas de curvas de nivel elípticas y alargadas de la pérdida en el plano (w, b), con el mínimo "
        "marcado con una estrella, y en cada una el camino de un optimizador de Keras que sale de (−1, 4). Debajo, "
        f"una gráfica ancha con la pérdida de los cuatro en escala logarítmica durante {m['pasos']} pasos: "
        + "; ".join(partes)
        + f". El mínimo es {numero(m['perdida_optima'], 3)}."
    )
    return figura, alt
