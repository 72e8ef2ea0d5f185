"""Hook: lo desactualizado hace fallar `mkdocs build --strict` (maquinaria/sitio/al_dia.py)."""

from maquinaria.sitio.al_dia import on_pre_build  # noqa: F401 (MkDocs busca on_* aquí)
