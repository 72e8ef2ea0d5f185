"""Hook: primera carga ligera en un móvil (maquinaria/sitio/ligera.py)."""

from maquinaria.sitio.ligera import on_post_build  # noqa: F401 (MkDocs busca on_* aquí)
