"""Estilo común de los gráficos: fondo blanco (legible en los modos claro y oscuro) y letra clara.

Cada figura se dibuja dos veces: la ancha (portátil, unos 1 040 px) y la estrecha (móvil):
`ANCHO_ESTRECHA` pulgadas a `PPP_ESTRECHA` puntos por pulgada, unos 760 px que el móvil
muestra a unos 358 px CSS; así 8 puntos dan 21 px de imagen y unos 10 px CSS en pantalla.
"""

import matplotlib

matplotlib.use("Agg")

PPP = 110  # puntos por pulgada: nítido sin pesar demasiado
PPP_ESTRECHA = 190
ANCHO_ESTRECHA = 4.0  # pulgadas: 760 px
COLORES = ["#3f51b5", "#ff5722", "#009688", "#9c27b0", "#795548", "#607d8b", "#e91e63", "#8bc34a"]


def aplicar(estrecha: bool = False) -> None:
    from cycler import cycler

    matplotlib.rcdefaults()
    ppp = PPP_ESTRECHA if estrecha else PPP
    matplotlib.rcParams.update(
        {
            "figure.dpi": ppp,
            "savefig.dpi": ppp,
            "figure.facecolor": "white",
            "axes.facecolor": "white",
            "savefig.facecolor": "white",
            "font.family": "DejaVu Sans",
            # En la estrecha, un punto menos: la figura mide menos de la mitad en pulgadas.
            "font.size": 10 if estrecha else 11,
            "axes.titlesize": 10.5 if estrecha else 12,
            "axes.grid": True,
            "grid.alpha": 0.3,
            "axes.spines.top": False,
            "axes.spines.right": False,
            "axes.prop_cycle": cycler(color=COLORES),
            "axes.formatter.use_locale": False,
            "lines.linewidth": 2,
        }
    )
