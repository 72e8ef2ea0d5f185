"""Dibujos al estilo del Playground: el mapa de decisión con los puntos y las curvas de pérdida."""

# --8<-- [start:dibujo]
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.colors import BoundaryNorm, LinearSegmentedColormap
from matplotlib.ticker import FuncFormatter

NARANJA, AZUL = "#f59322", "#0877bd"  # los colores del Playground: -1 naranja, +1 azul
# 31 tonos de naranja a azul sobre [-1, 1], como el mapa de calor del Playground.
TONOS = LinearSegmentedColormap.from_list("playground", [NARANJA, "#e8eaeb", AZUL], N=31)
NIVELES = BoundaryNorm(np.linspace(-1, 1, 32), 31)
CURVAS = ["#37474f", "#9c27b0", "#009688", "#795548", "#e91e63", "#607d8b"]  # ni azul ni naranja


def con_coma(eje, ejes="xy"):
    """Números de los ejes con coma decimal."""
    formato = FuncFormatter(lambda v, _: f"{v:g}".replace(".", ",").replace("-", "\u2212"))
    if "x" in ejes:
        eje.xaxis.set_major_formatter(formato)
    if "y" in ejes:
        eje.yaxis.set_major_formatter(formato)


def dibujar_mapa(eje, mapa, X_ent, y_ent, X_test=None, y_test=None, titulo="", limite=6.0):
    """La salida de la red en [-6, 6]² (de naranja, -1, a azul, +1) y los puntos encima.

    Puntos de entrenamiento con borde blanco; de prueba, con borde negro.
    """
    eje.imshow(mapa, extent=(-limite, limite, -limite, limite), origin="lower", cmap=TONOS, norm=NIVELES,
               interpolation="nearest")
    for X, y, borde in ((X_ent, y_ent, "white"), (X_test, y_test, "black")):
        if X is None:
            continue
        colores = np.where(y > 0, AZUL, NARANJA)
        eje.scatter(X[:, 0], X[:, 1], c=colores, s=10, edgecolors=borde, linewidths=0.5)
    eje.set_xlim(-limite, limite)
    eje.set_ylim(-limite, limite)
    eje.set_xticks([-6, -3, 0, 3, 6])
    eje.set_yticks([-6, -3, 0, 3, 6])
    eje.set_aspect("equal")
    eje.grid(False)
    eje.set_title(titulo, fontsize=11)
    con_coma(eje)


def dibujar_perdidas(eje, curvas, titulo="Pérdida (la del Playground)", log=False):
    """curvas: {etiqueta: (pérdidas de entrenamiento, pérdidas de prueba)} por época.

    Un color por red; línea continua para entrenamiento y discontinua para prueba.
    """
    from matplotlib.lines import Line2D

    leyenda = []
    for color, (etiqueta, (ent, test)) in zip(CURVAS, curvas.items()):
        epocas = np.arange(1, len(ent) + 1)
        eje.plot(epocas, ent, color=color, lw=1.6)
        eje.plot(epocas, test, "--", color=color, lw=1.6)
        leyenda.append(Line2D([], [], color=color, lw=2, label=etiqueta))
    leyenda += [Line2D([], [], color="#9e9e9e", lw=1.6, label="entrenamiento"),
                Line2D([], [], color="#9e9e9e", lw=1.6, ls="--", label="prueba")]
    eje.legend(handles=leyenda, fontsize=9, loc="best")
    eje.set_xlabel("época")
    if log:
        eje.set_yscale("log")
    eje.set_title(titulo, fontsize=11)
    con_coma(eje)


# --8<-- [end:dibujo]


def figura_comparacion(comparacion, titulos=None, log=False, ancho=9.4):
    """Un mapa de decisión por variante (repetición mediana) y un panel con sus curvas de pérdida.

    Con dos variantes, todo en una fila (las pérdidas a la derecha); con más, los mapas en una
    fila y las pérdidas debajo, a todo el ancho. Como mucho 9,4 pulgadas de ancho: la columna
    del sitio la muestra sin reducir la letra.
    """
    etiquetas = list(comparacion)
    titulos = titulos or {}
    n = len(etiquetas)
    if n <= 2:
        figura, ejes = plt.subplots(
            1, n + 1, figsize=(ancho, 3.7), gridspec_kw={"width_ratios": [1] * n + [1.25]}, layout="constrained",
        )
        mapas, eje_perdidas = ejes[:n], ejes[-1]
    else:
        figura = plt.figure(figsize=(ancho, ancho / n + 2.9), layout="constrained")
        arriba, abajo = figura.subfigures(2, 1, height_ratios=[ancho / n + 0.5, 2.4])
        mapas = arriba.subplots(1, n)
        eje_perdidas = abajo.subplots()
    figura.get_layout_engine().set(wspace=0.06)  # que no se toquen el 6 y el −6 de dos mapas vecinos
    curvas = {}
    for i, (eje, etiqueta) in enumerate(zip(mapas, etiquetas)):
        variante = comparacion[etiqueta]
        X_ent, y_ent, X_test, y_test = variante["datos"]
        m = variante["resumen"]["mediana"]
        titulo = titulos.get(etiqueta, etiqueta)
        dibujar_mapa(eje, variante["mapa"], X_ent, y_ent, X_test, y_test,
                     f"{titulo}\nprueba: {m['perdida_test']:.3f}".replace(".", ","))
        if i > 0:
            eje.tick_params(labelleft=False)  # los mismos ejes que el primer mapa
        s = variante["resumen"]["mediana"]["semilla"]
        curvas[titulo] = (variante["ent"][s], variante["test"][s])
    dibujar_perdidas(eje_perdidas, curvas, log=log)
    if n > 2:  # la leyenda, a la derecha del panel ancho, sin tapar las curvas
        eje_perdidas.get_legend().set_loc("center left")
        eje_perdidas.get_legend().set_bbox_to_anchor((1.01, 0.5))
    return figura


if __name__ == "__main__":
    from snippets.playground import crear_modelo, datos_playground, entrenar, mapa_de_decision

    # --8<-- [start:solucion_dibujo]
    X_ent, y_ent, X_test, y_test = datos_playground("xor", ruido=0, entrenamiento=70, semilla=0)
    modelo = crear_modelo((4,))
    entrenar(modelo, X_ent, y_ent, X_test, y_test, epocas=5)
    eje_xy, mapa = mapa_de_decision(modelo)
    figura, (eje_mapa, eje_perdidas) = plt.subplots(1, 2, figsize=(9, 4))
    dibujar_mapa(eje_mapa, mapa, X_ent, y_ent, X_test, y_test, titulo="XOR, 4 neuronas")
    perdidas = entrenar(modelo, X_ent, y_ent, X_test, y_test, epocas=5)  # 5 épocas más
    dibujar_perdidas(eje_perdidas, {"4 neuronas": (perdidas["entrenamiento"], perdidas["prueba"])})
    figura.savefig("mapa_xor.png", dpi=100)
    print("guardado mapa_xor.png")
    # --8<-- [end:solucion_dibujo]
