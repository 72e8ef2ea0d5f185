"""Hook: búsqueda en español que ignora las tildes (maquinaria/sitio/busqueda.py)."""

from maquinaria.sitio.busqueda import on_post_build  # noqa: F401 (MkDocs busca on_* aquí)
