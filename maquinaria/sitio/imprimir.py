"""La página para imprimir (mkdocs-print-site-plugin, imprimir/) con las figuras estrechas bien.

El plugin junta el HTML de todas las páginas y reescribe las rutas de cada `<img src>` para la
carpeta imprimir/, pero no las de `<source srcset>`: en un móvil, la variante estrecha de cada
figura apuntaría a una ruta relativa a la página original. Aquí cada `srcset` de un `<picture>`
pasa a la carpeta de la `<img>` que lo acompaña (las dos imágenes viven juntas en figuras/).
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

_PICTURE = re.compile(r"<picture>(?P<dentro>.*?)</picture>", re.S)
_SRCSET = re.compile(r'(<source\b[^>]*\ssrcset=")([^"]+)(")')
_SRC = re.compile(r'<img\b[^>]*\ssrc="([^"]+)"')


def _arreglar(picture: re.Match) -> str:
    dentro = picture["dentro"]
    img = _SRC.search(dentro)
    if not img:
        return picture[0]
    carpeta = posixpath.dirname(img[1])
    dentro = _SRCSET.sub(lambda m: m[1] + posixpath.join(carpeta, posixpath.basename(m[2])) + m[3], dentro)
    return f"<picture>{dentro}</picture>"


def arreglar_srcset(html: str) -> str:
    return _PICTURE.sub(_arreglar, html)


def on_post_build(config, **kwargs):
    for ruta in Path(config["site_dir"]).glob("imprimir/index.html"):
        html = ruta.read_text(encoding="utf-8")
        nuevo = arreglar_srcset(html)
        if nuevo != html:
            ruta.write_text(nuevo, encoding="utf-8")
