"""Hook: bajo cada bloque de Python, lo que imprime (maquinaria/sitio/salidas.py)."""

from maquinaria.sitio.salidas import on_page_content  # noqa: F401 (MkDocs busca on_* aquí)
