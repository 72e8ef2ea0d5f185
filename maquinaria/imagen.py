"""Del dibujo de matplotlib al PNG publicado: números en español y bytes deterministas."""

from __future__ import annotations

import io

from .formato import espanolizar


def png_determinista(figura) -> tuple[bytes, int, int]:
    """PNG sin marcas de fecha ni de software, con paleta de 256 colores para que pese poco.

    Antes se ponen los ejes en español (coma decimal, signo menos U+2212), de modo que
    ninguna figura publica un número con punto aunque su script no lo pida.
    """
    from PIL import Image

    espanolizar(figura)
    bruto = io.BytesIO()
    figura.savefig(bruto, format="png", metadata={"Software": None})
    imagen = Image.open(bruto).convert("RGB")
    paleta = imagen.quantize(colors=256, dither=Image.Dither.NONE)
    salida = io.BytesIO()
    paleta.save(salida, format="PNG", optimize=True)
    return salida.getvalue(), imagen.width, imagen.height
