"""Del dibujo de matplotlib al PNG publicado: números en español y bytes deterministas."""

from __future__ import annotations

import io
from contextlib import contextmanager

from .formato import espanolizar


@contextmanager
def _midiendo_texto(tamanos: list[float]):
    """Anota, en píxeles de la imagen, el tamaño de cada texto que matplotlib dibuja de verdad.

    Marcas de los ejes, títulos, leyendas, anotaciones, barras de color: todo lo que pinta
    es un `Text` (o una subclase que llama a `Text.draw`). Un texto invisible o vacío no
    se dibuja y no cuenta.
    """
    from matplotlib.text import Text

    original = Text.draw

    def draw(self, renderer, *args, **kwargs):
        if self.get_visible() and self.get_text().strip() and self.get_alpha() != 0:
            tamanos.append(renderer.points_to_pixels(self.get_fontsize()))
        return original(self, renderer, *args, **kwargs)

    Text.draw = draw
    try:
        yield
    finally:
        Text.draw = original


def png_determinista(figura, ppp: float | None = None) -> tuple[bytes, int, int, float]:
    """PNG sin marcas de fecha ni de software, con paleta de 256 colores para que pese poco.

    Antes se ponen los ejes en español (coma decimal, signo menos U+2212), de modo que
    ninguna figura publica un número con punto aunque su script no lo pida. `ppp`: los
    puntos por pulgada (por defecto, los del estilo). Devuelve también el texto más
    pequeño dibujado, en píxeles de la imagen (tamaño en puntos × ppp / 72).
    """
    from PIL import Image

    espanolizar(figura)
    bruto = io.BytesIO()
    tamanos: list[float] = []
    with _midiendo_texto(tamanos):
        figura.savefig(bruto, format="png", metadata={"Software": None}, **({"dpi": ppp} if ppp else {}))
    imagen = Image.open(bruto).convert("RGB")
    paleta = imagen.quantize(colors=256, dither=Image.Dither.NONE)
    salida = io.BytesIO()
    paleta.save(salida, format="PNG", optimize=True)
    texto_px = round(min(tamanos), 2) if tamanos else 0.0
    return salida.getvalue(), imagen.width, imagen.height, texto_px
