"""Hook de MkDocs: una figura desactualizada o sin generar hace fallar `mkdocs build --strict`.

Solo calcula claves de contenido (ast + sha256), sin importar TensorFlow.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

RAIZ = Path(__file__).resolve().parents[1]
if str(RAIZ) not in sys.path:
    sys.path.insert(0, str(RAIZ))

from scripts.pipeline.claves import ErrorDeFigura  # noqa: E402
from scripts.pipeline.registros import estado, disponibles  # noqa: E402

log = logging.getLogger("mkdocs.hooks.figuras")


def on_pre_build(config, **kwargs):
    for nombre in disponibles():
        try:
            e = estado(nombre)
        except ErrorDeFigura as error:
            log.warning(str(error))
            continue
        if not e.al_dia:
            log.warning(
                f"Figura desactualizada: «{nombre}» ({e.motivo}). "
                f"Regenérala con «python scripts/figuras.py {nombre}»."
            )
