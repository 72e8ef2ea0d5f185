"""Hook: fórmulas en MathML al construir, sin MathJax (maquinaria/sitio/formulas.py)."""

from maquinaria.sitio.formulas import on_page_content, on_post_build  # noqa: F401 (MkDocs busca on_* aquí)
