"""Gradiente descendiente sobre la superficie de pérdida de una regresión lineal

La pérdida MSE del modelo y = w·x + b con 50 puntos generados alrededor de y = 2x − 1,
dibujada como curvas de nivel en el plano (w, b). Cada camino son pasos reales de
`descenso_gradiente` (gradientes de `tf.GradientTape`) con una tasa de aprendizaje
distinta, desde el mismo punto de partida.
"""

import numpy as np

from maquinaria.formato import numero
from snippets.gradiente import datos_recta, descenso_gradiente, perdida_recta

SEMILLA = 0
INICIO = (-1.0, 4.0)
PASOS = 40
TASAS = [0.02, 0.1, 0.145, 0.16]


def calcular():
    x, y = datos_recta(semilla=SEMILLA)
    # La pérdida es cuadrática en (w, b): su hessiana es constante
    hessiana = 2 * np.array([[np.mean(x * x), np.mean(x)], [np.mean(x), 1.0]])
    autovalores = np.linalg.eigvalsh(hessiana)
    caminos = {t: descenso_gradiente(x, y, INICIO, t, PASOS) for t in TASAS}
    perdidas = {t: perdida_recta(c[:, 0], c[:, 1], x, y) for t, c in caminos.items()}
    w_opt, b_opt = np.polyfit(x, y, 1)
    W, B = np.meshgrid(np.linspace(-1.5, 4.5, 241), np.linspace(-5, 5.5, 241))
    return {
        "W": W,
        "B": B,
        "Z": perdida_recta(W, B, x, y),
        "caminos": caminos,
        "perdidas": perdidas,
        "optimo": (w_opt, b_opt),
        "metricas": {
            "pasos": PASOS,
            "inicio": list(INICIO),
            "tasas": TASAS,
            "w_optimo": float(w_opt),
            "b_optimo": float(b_opt),
            "perdida_optima": float(perdida_recta(w_opt, b_opt, x, y)),
            "perdida_inicial": float(perdidas[TASAS[0]][0]),
            "perdida_final": [float(perdidas[t][-1]) for t in TASAS],  # en el orden de TASAS
            "autovalores": [float(v) for v in autovalores],
            "tasa_limite": float(2 / autovalores.max()),
        },
    }


def dibujar(res, estrecha=False):
    import matplotlib.pyplot as plt

    m = res["metricas"]
    # Tres caminos arriba; abajo, el cuarto y la pérdida de los cuatro, que ocupa dos columnas
    # En el móvil: los cuatro caminos de dos en dos y la pérdida debajo, a todo lo ancho
    from maquinaria.estilo import ANCHO_ESTRECHA

    if estrecha:
        figura = plt.figure(figsize=(ANCHO_ESTRECHA, 7.8), layout="constrained")
        rejilla = figura.add_gridspec(3, 2)
        ejes = [figura.add_subplot(rejilla[f, c]) for f in range(2) for c in range(2)]
        ejes.append(figura.add_subplot(rejilla[2, :]))
    else:
        figura = plt.figure(figsize=(9.5, 6.4), layout="constrained")
        rejilla = figura.add_gridspec(2, 3)
        ejes = [figura.add_subplot(rejilla[0, c]) for c in range(3)]
        ejes += [figura.add_subplot(rejilla[1, 0]), figura.add_subplot(rejilla[1, 1:])]
    niveles = np.geomspace(m["perdida_optima"] * 1.05, res["Z"].max(), 12)
    colores = plt.rcParams["axes.prop_cycle"].by_key()["color"]
    for eje, (tasa, camino), color in zip(ejes, res["caminos"].items(), colores):
        eje.contour(res["W"], res["B"], res["Z"], levels=niveles, colors="#b0bec5", linewidths=0.7)
        # Si el camino se sale del gráfico, se dibuja hasta el primer paso que sale
        fuera = (np.abs(camino[:, 0] - 1.5) > 3) | (np.abs(camino[:, 1] - 0.25) > 5.25)
        hasta = int(np.argmax(fuera)) + 1 if fuera.any() else len(camino)
        eje.plot(camino[:hasta, 0], camino[:hasta, 1], "o-", color=color, ms=2.5, lw=1)
        eje.plot(*camino[0], "s", color="#263238", ms=5)
        eje.plot(*res["optimo"], "*", color="black", ms=11)
        eje.set_xlim(res["W"].min(), res["W"].max())
        eje.set_ylim(res["B"].min(), res["B"].max())
        eje.set_title(f"tasa {numero(tasa)}", color=color)
        eje.set_xlabel("w")
        eje.grid(False)
    for eje in ejes[:4]:
        eje.set_ylabel("b")
    der = ejes[-1]
    for (tasa, perdida), color in zip(res["perdidas"].items(), colores):
        der.semilogy(np.arange(len(perdida)), perdida, color=color, label=f"tasa {numero(tasa)}")
    der.axhline(m["perdida_optima"], color="black", lw=1, ls=":", label="mínimo")
    der.set_ylim(m["perdida_optima"] * 0.7, 1e3)
    der.set_xlabel("paso")
    der.set_title("pérdida (MSE, escala log)")
    if estrecha:
        der.legend(loc="upper center", bbox_to_anchor=(0.5, -0.3), ncol=3, fontsize=8.5, frameon=False)
    else:
        der.legend(loc="center right", bbox_to_anchor=(1, 0.64), ncol=2)
    f = m["perdida_final"]

    def coma(v, d=2):
        return numero(v, d)

    t = [numero(v) for v in m["tasas"]]
    alt = (
        "Cuatro gráficas (tres arriba y una abajo a la izquierda) de curvas de nivel elípticas y alargadas de la "
        "pérdida en el plano (w, b), con el mínimo "
        f"marcado con una estrella en w = {coma(m['w_optimo'])}, b = {coma(m['b_optimo'])}, y en cada una el camino "
        f"que sale de (−1, 4) con una tasa de aprendizaje: con tasa {t[0]} avanza despacio y se queda lejos; con "
        f"{t[1]} baja al valle y lo recorre hacia el mínimo; con {t[2]} zigzaguea de un lado a otro del valle "
        f"mientras se acerca; con {t[3]} los saltos crecen en cada paso y el camino se sale del "
        f"gráfico. Abajo a la derecha, una quinta gráfica más ancha con la pérdida en escala logarítmica en cada paso: tras {m['pasos']} pasos vale "
        f"{coma(f[0])}, {coma(f[1])}, {coma(f[2])} y {coma(f[3], 0)} respectivamente, frente al "
        f"mínimo {coma(m['perdida_optima'], 3)}."
    )
    return figura, alt
