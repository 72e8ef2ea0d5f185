"""Hook: las figuras estrechas de la página para imprimir, con su ruta (maquinaria/sitio/imprimir.py)."""

from maquinaria.sitio.imprimir import on_post_build  # noqa: F401 (MkDocs busca on_* aquí)
