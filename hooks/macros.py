"""Macros de las páginas (mkdocs-macros): viven en maquinaria/sitio/macros.py."""

from maquinaria.sitio.macros import define_env  # noqa: F401 (mkdocs-macros la busca aquí)
