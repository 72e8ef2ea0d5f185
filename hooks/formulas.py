"""Hook: fórmulas en MathML al construir, sin MathJax (maquinaria/sitio/formulas.py)."""

from maquinaria.sitio.formulas import on_page_content  # noqa: F401 (MkDocs busca on_* aquí)
