"""Hook: los cuadernos cumplen lo mismo que las demás páginas (maquinaria/sitio/cuadernos.py)."""

from maquinaria.sitio.cuadernos import (  # noqa: F401 (MkDocs busca on_* aquí)
    on_page_content,
    on_post_build,
    on_pre_build,
)
