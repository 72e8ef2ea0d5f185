"""El único formateador de números del sitio: coma decimal, signo menos U+2212, miles."""

from __future__ import annotations

import matplotlib.pyplot as plt  # sin pantalla, matplotlib elige solo el motor Agg
import pytest
from matplotlib.ticker import FuncFormatter

from maquinaria.formato import MENOS, espanolizar, numero, porcentaje


@pytest.mark.parametrize(
    "valor, decimales, esperado",
    [
        (0.53125, 3, "0,531"),
        (-2.5, None, f"{MENOS}2,5"),
        (2778, None, "2778"),  # cuatro cifras: sin separar
        (12345, None, "12\u202f345"),
        (1234567.891, 2, "1\u202f234\u202f567,89"),
        (-0.0001, 3, "0,000"),  # sin «−0,000»
        (5.3125, 4, "5,3125"),
    ],
)
def test_numero(valor, decimales, esperado):
    assert numero(valor, decimales) == esperado


def test_porcentaje_y_escalares_de_numpy():
    import numpy as np

    assert porcentaje(0.9321) == "93,2\u00a0%"
    assert numero(np.float32(0.25), 2) == "0,25" and numero(np.int64(7)) == "7"


def test_los_ejes_salen_en_espanol_y_los_propios_se_respetan():
    figura, (a, b) = plt.subplots(1, 2)
    a.plot([-1.5, 0, 1.5], [0.25, 0.5, 0.75])
    b.plot([0, 1], [0, 1])
    propio = FuncFormatter(lambda v, _: "propio")
    b.xaxis.set_major_formatter(propio)
    espanolizar(figura)
    figura.canvas.draw()
    marcas = [t.get_text() for t in a.get_xticklabels() + a.get_yticklabels() if t.get_text()]
    assert marcas and not any("." in m or "-" in m for m in marcas)
    assert any("," in m for m in marcas) and any(MENOS in m for m in marcas)
    assert b.xaxis.get_major_formatter() is propio
    plt.close(figura)
