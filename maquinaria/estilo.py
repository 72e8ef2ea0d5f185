"""Estilo común de los gráficos: fondo blanco (legible en los modos claro y oscuro) y letra clara."""

import matplotlib

matplotlib.use("Agg")

PPP = 110  # puntos por pulgada: nítido sin pesar demasiado
COLORES = ["#3f51b5", "#ff5722", "#009688", "#9c27b0", "#795548", "#607d8b", "#e91e63", "#8bc34a"]


def aplicar() -> None:
    from cycler import cycler

    matplotlib.rcdefaults()
    matplotlib.rcParams.update(
        {
            "figure.dpi": PPP,
            "savefig.dpi": PPP,
            "figure.facecolor": "white",
            "axes.facecolor": "white",
            "savefig.facecolor": "white",
            "font.family": "DejaVu Sans",
            "font.size": 11,
            "axes.titlesize": 12,
            "axes.grid": True,
            "grid.alpha": 0.3,
            "axes.spines.top": False,
            "axes.spines.right": False,
            "axes.prop_cycle": cycler(color=COLORES),
            "axes.formatter.use_locale": False,
            "lines.linewidth": 2,
        }
    )
