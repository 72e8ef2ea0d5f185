"""Dibujos al estilo del Playground para las figuras del apartado 1.3 (maquinaria, no código del lector).

El mapa de decisión con los puntos encima, las curvas de pérdida (la media de las
repeticiones con una banda del mínimo al máximo) y la figura de comparación de variantes.
Los números de títulos y rótulos pasan por `maquinaria.formato`; las marcas de los ejes las
pone en español el trabajador.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.colors import BoundaryNorm, LinearSegmentedColormap
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from maquinaria.formato import numero

NARANJA, AZUL = "#f59322", "#0877bd"  # los colores del Playground: -1 naranja, +1 azul
# 31 tonos de naranja a azul sobre [-1, 1], como el mapa de calor del Playground.
TONOS = LinearSegmentedColormap.from_list("playground", [NARANJA, "#e8eaeb", AZUL], N=31)
NIVELES = BoundaryNorm(np.linspace(-1, 1, 32), 31)
CURVAS = ["#37474f", "#9c27b0", "#009688", "#795548", "#e91e63", "#607d8b"]  # ni azul ni naranja


def dibujar_mapa(eje, mapa, X_ent, y_ent, X_test=None, y_test=None, titulo="", limite=6.0, tamano_titulo=10):
    """La salida de la red en [-6, 6]² (de naranja, -1, a azul, +1) y los puntos encima.

    Puntos de entrenamiento con borde blanco; de prueba, con borde negro.
    """
    eje.imshow(
        mapa,
        extent=(-limite, limite, -limite, limite),
        origin="lower",
        cmap=TONOS,
        norm=NIVELES,
        interpolation="nearest",
    )
    for X, y, borde in ((X_ent, y_ent, "white"), (X_test, y_test, "black")):
        if X is None:
            continue
        eje.scatter(X[:, 0], X[:, 1], c=np.where(y > 0, AZUL, NARANJA), s=10, edgecolors=borde, linewidths=0.5)
    eje.set_xlim(-limite, limite)
    eje.set_ylim(-limite, limite)
    eje.set_xticks([-6, -3, 0, 3, 6])
    eje.set_yticks([-6, -3, 0, 3, 6])
    eje.set_aspect("equal")
    eje.grid(False)
    eje.set_title(titulo, fontsize=tamano_titulo)


def dibujar_perdidas(eje, curvas, titulo="", log=False, banda=True):
    """curvas: {etiqueta: (ent, test)}, cada una repeticiones x épocas (o solo épocas).

    Un color por red; línea continua para entrenamiento y discontinua para prueba: la media de
    las repeticiones, con una banda sombreada del mínimo al máximo de la de prueba.
    """
    leyenda = []
    for color, (etiqueta, (ent, test)) in zip(CURVAS, curvas.items()):
        ent, test = np.atleast_2d(ent), np.atleast_2d(test)
        epocas = np.arange(1, ent.shape[1] + 1)
        eje.plot(epocas, ent.mean(axis=0), color=color, lw=1.6)
        eje.plot(epocas, test.mean(axis=0), "--", color=color, lw=1.6)
        if banda and len(test) > 1:
            eje.fill_between(epocas, test.min(axis=0), test.max(axis=0), color=color, alpha=0.15, lw=0)
        leyenda.append(Line2D([], [], color=color, lw=2, label=etiqueta))
    leyenda += [
        Line2D([], [], color="#9e9e9e", lw=1.6, label="entrenamiento (media)"),
        Line2D([], [], color="#9e9e9e", lw=1.6, ls="--", label="prueba (media)"),
    ]
    if banda:
        leyenda.append(Patch(color="#9e9e9e", alpha=0.3, label="prueba: mín.–máx."))
    eje.legend(handles=leyenda, fontsize=9, loc="best")
    eje.set_xlabel("época")
    if log:
        eje.set_yscale("log")
    eje.set_title(titulo, fontsize=10)


def figura_comparacion(comparacion, titulos=None, log=False, ancho=9.4, estrecha=False):
    """Un mapa de decisión por variante (el de su repetición mediana) y un panel con las pérdidas.

    Cada mapa dice en su título qué semilla muestra y la pérdida de prueba media de todas las
    repeticiones (la que cita el texto). Las curvas son medias con su banda de mínimo a máximo.
    Con dos variantes, todo en una fila; con más, los mapas arriba y las pérdidas debajo.
    `estrecha` (el móvil): los mapas de dos en dos, las pérdidas debajo a todo lo ancho y su
    leyenda en el hueco que deja un número impar de mapas, o bajo el panel.
    """
    from maquinaria.estilo import ANCHO_ESTRECHA

    etiquetas = list(comparacion)
    titulos = titulos or {}
    n = len(etiquetas)
    repeticiones = len(comparacion[etiquetas[0]]["test"])
    hueco = None
    if estrecha:
        filas = (n + 1) // 2
        figura = plt.figure(figsize=(ANCHO_ESTRECHA, 2.45 * filas + 3.4), layout="constrained")
        arriba, abajo = figura.subfigures(2, 1, height_ratios=[2.45 * filas, 3.4])
        rejilla = arriba.subplots(filas, 2, squeeze=False).ravel()
        mapas = list(rejilla[:n])
        if n % 2:
            hueco = rejilla[-1]
            hueco.set_axis_off()
        eje_perdidas = abajo.subplots()
    elif n <= 2:
        figura, ejes = plt.subplots(
            1,
            n + 1,
            figsize=(ancho, 3.9),
            gridspec_kw={"width_ratios": [1] * n + [1.25]},
            layout="constrained",
        )
        mapas, eje_perdidas = ejes[:n], ejes[-1]
    else:
        figura = plt.figure(figsize=(ancho, ancho / n + 3.1), layout="constrained")
        arriba, abajo = figura.subfigures(2, 1, height_ratios=[ancho / n + 0.7, 2.4])
        mapas = arriba.subplots(1, n)
        eje_perdidas = abajo.subplots()
    figura.get_layout_engine().set(wspace=0.06)  # que no se toquen el 6 y el −6 de dos mapas vecinos
    curvas = {}
    for i, (eje, etiqueta) in enumerate(zip(mapas, etiquetas)):
        variante = comparacion[etiqueta]
        r = variante["resumen"]
        titulo = titulos.get(etiqueta, etiqueta)
        dibujar_mapa(
            eje,
            variante["mapa"],
            *variante["datos"],
            f"{titulo}\nprueba (media): {numero(r['perdida_test'], 3)}\nmapa: semilla {r['mediana']['semilla']}",
            tamano_titulo=9 if estrecha else 10,
        )
        if estrecha:
            eje.set_xticks([-6, 0, 6])
            eje.set_yticks([-6, 0, 6])
            eje.tick_params(labelsize=8.5, labelleft=i % 2 == 0)
        elif i > 0:
            eje.tick_params(labelleft=False)  # los mismos ejes que el primer mapa
        curvas[titulo] = (variante["ent"], variante["test"])
    titulo_perdidas = (
        f"Pérdida, media de {repeticiones} repeticiones"
        if estrecha
        else f"Pérdida del Playground, media de {repeticiones} repeticiones"
    )
    dibujar_perdidas(eje_perdidas, curvas, log=log, titulo=titulo_perdidas)
    leyenda = eje_perdidas.get_legend()
    if estrecha:
        leyenda.remove()
        asas = leyenda.legend_handles
        textos = [t.get_text() for t in leyenda.get_texts()]
        if hueco is not None:  # la leyenda, en el hueco del último mapa
            hueco.legend(asas, textos, loc="center", fontsize=8.5, frameon=False)
        else:  # bajo el panel, en dos columnas
            eje_perdidas.legend(
                asas, textos, loc="upper center", bbox_to_anchor=(0.5, -0.22), ncols=2, fontsize=8.5, frameon=False
            )
    elif n > 2:  # la leyenda, a la derecha del panel ancho, sin tapar las curvas
        leyenda.set_loc("center left")
        leyenda.set_bbox_to_anchor((1.01, 0.5))
    return figura
