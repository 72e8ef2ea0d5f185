"""Hook de MkDocs: lo desactualizado, sin generar o dañado hace fallar `mkdocs build --strict`.

Figuras, cuadernos y salidas de las páginas. Solo calcula claves de contenido (ast +
sha256) y valida los registros contra su esquema, sin importar TensorFlow.
"""

from __future__ import annotations

import logging

from ..claves import ErrorDeFigura
from ..registros import estado, productos

log = logging.getLogger("mkdocs.hooks.al_dia")


def on_pre_build(config, **kwargs):
    try:
        todos = productos()
    except ErrorDeFigura as error:
        log.warning(str(error))
        return
    for nombre, quien in todos.items():
        try:
            e = estado(nombre, quien=quien)
        except ErrorDeFigura as error:  # un registro dañado: el mensaje nombra fichero y campo
            log.warning(str(error))
            continue
        if not e.al_dia:
            log.warning(
                f"Desactualizado: {quien.tipo.nombre} «{nombre}» ({e.motivo}). "
                f"Regenéralo con «python -m maquinaria {nombre}»."
            )
