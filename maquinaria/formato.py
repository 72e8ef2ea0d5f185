"""Los números como se escriben en el sitio: coma decimal, signo menos (U+2212) y miles.

Un solo formateador para las macros de las páginas, los títulos y rótulos de las
figuras y, como formateador de matplotlib, las marcas de todos sus ejes.

    numero(0.53125, 3)   -> '0,531'
    numero(-2.5)         -> '−2,5'        (sin decimales fijados: los que hagan falta)
    numero(12345)        -> '12 345'      (espacio fino; cuatro cifras no se separan)
    porcentaje(0.9321)   -> '93,2 %'
"""

from __future__ import annotations

import math

MENOS = "\u2212"
MILES = "\u202f"  # espacio fino (la RAE separa los miles con un espacio, no con punto)


def numero(valor, decimales: int | None = None) -> str:
    """`valor` con coma decimal y signo menos; `decimales=None` usa el formato corto (:g)."""
    if isinstance(valor, bool) or not isinstance(valor, (int, float)):
        # Escalares de NumPy: se convierten; el resto (texto) se devuelve tal cual.
        if hasattr(valor, "item"):
            return numero(valor.item(), decimales)
        return str(valor)
    if isinstance(valor, float) and not math.isfinite(valor):
        return {math.inf: "∞", -math.inf: f"{MENOS}∞"}.get(valor, "NaN")
    if isinstance(valor, int) and decimales is None:
        texto = f"{valor:,}"
    elif decimales is None:
        texto = f"{valor:,.6g}"
    else:
        texto = f"{valor:,.{decimales}f}"
    if "e" in texto:  # notación científica de :g: 1e-05 -> 1·10⁻⁵ no hace falta aquí
        texto = texto.replace(",", "")
    entero = texto.split(".")[0].split("e")[0].replace(",", "").lstrip("-")
    if len(entero) <= 4:  # la RAE no separa los números de cuatro cifras
        texto = texto.replace(",", "")
    if texto.startswith("-") and texto.strip("-0.,") == "":
        texto = texto[1:]  # −0,000 se escribe 0,000
    return texto.replace(",", MILES).replace(".", ",").replace("-", MENOS)


def porcentaje(fraccion: float, decimales: int = 1) -> str:
    """Una fracción (0,932) como porcentaje con su espacio: «93,2 %»."""
    return f"{numero(100 * fraccion, decimales)}\u00a0%"


def _formato_espanol():
    """La clase del formateador de ejes en español (creada una vez, al importar matplotlib)."""
    global _FormatoEspanol
    if _FormatoEspanol is None:
        from matplotlib.ticker import ScalarFormatter

        class FormatoEspanol(ScalarFormatter):
            """ScalarFormatter (desplazamientos y escalas incluidos) que escribe en español."""

            def __call__(self, x, pos=None):
                return _a_espanol(super().__call__(x, pos))

            def get_offset(self):
                return _a_espanol(super().get_offset())

            def format_data_short(self, value):
                return _a_espanol(super().format_data_short(value))

        _FormatoEspanol = FormatoEspanol
    return _FormatoEspanol


_FormatoEspanol = None


def formateador_de_ejes():
    """Formateador de matplotlib para las marcas de un eje: coma decimal y U+2212."""
    return _formato_espanol()()


def _a_espanol(texto: str) -> str:
    return texto.replace(".", ",").replace("-", MENOS)


def espanolizar(figura) -> None:
    """Pasa al español cada eje lineal de `figura` (barras de color incluidas).

    Cambia la clase del formateador que ya tiene el eje, sin perder sus ajustes; los ejes
    con un formateador propio (texto fijo, logarítmicos) se dejan como están.
    """
    from matplotlib.ticker import ScalarFormatter

    for eje in figura.get_axes():
        for eje_xy in (eje.xaxis, eje.yaxis):
            actual = eje_xy.get_major_formatter()
            if type(actual) is ScalarFormatter:
                actual.__class__ = _formato_espanol()
