"""Hook: las preguntas de autoevaluación y su exportación a Moodle (maquinaria/sitio/preguntas.py)."""

from maquinaria.sitio.preguntas import (  # noqa: F401 (MkDocs busca on_* aquí)
    on_config,
    on_files,
    on_page_markdown,
)
