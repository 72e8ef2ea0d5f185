"""Hook de MkDocs: una figura desactualizada o sin generar hace fallar `mkdocs build --strict`.

Solo calcula claves de contenido (ast + sha256), sin importar TensorFlow.
"""

from __future__ import annotations

import logging

from ..claves import ErrorDeFigura
from ..registros import disponibles, estado

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
                f"Regenérala con «python -m maquinaria {nombre}»."
            )
