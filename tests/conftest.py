"""Utilidades comunes de las pruebas: construir el sitio de verdad y copiar el proyecto."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

RAIZ = Path(__file__).resolve().parents[1]
MKDOCS = [sys.executable, "-m", "mkdocs"]
ENTORNO = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
# Lo que necesita una copia del proyecto para construir el sitio y regenerar figuras.
PARTES_DEL_PROYECTO = [
    "mkdocs.yml",
    "pyproject.toml",
    "docs",
    "snippets",
    "scripts",
    "maquinaria",
    "hooks",
    "overrides",
    "tests",  # las marcas «comprobado» de las páginas apuntan a sus funciones
]


def construir(raiz: Path, destino: Path) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` real; devuelve el proceso para mirar su salida."""
    return subprocess.run(
        [*MKDOCS, "build", "--strict", "-f", str(raiz / "mkdocs.yml"), "-d", str(destino)],
        cwd=raiz,
        env=ENTORNO,
        capture_output=True,
        text=True,
    )


@pytest.fixture(scope="session")
def sitio(tmp_path_factory) -> Path:
    """El sitio construido con --strict, una vez por proceso de pruebas."""
    destino = tmp_path_factory.mktemp("sitio")
    proceso = construir(RAIZ, destino)
    assert proceso.returncode == 0, f"mkdocs build --strict falló:\n{proceso.stdout}\n{proceso.stderr}"
    return destino


@pytest.fixture
def copia(tmp_path) -> Path:
    """Una copia del proyecto en la que una prueba puede romper cosas sin tocar el original."""
    destino = tmp_path / "proyecto"
    destino.mkdir()
    for parte in PARTES_DEL_PROYECTO:
        origen = RAIZ / parte
        if origen.is_dir():
            shutil.copytree(origen, destino / parte, ignore=shutil.ignore_patterns("__pycache__"))
        elif origen.exists():
            shutil.copy2(origen, destino / parte)
    return destino


# --------------------------------------------------------------------------- el navegador


@pytest.fixture(scope="module")
def origen(sitio):
    """El sitio construido, servido en 127.0.0.1 con gzip (maquinaria/servidor.py)."""
    from maquinaria.servidor import servir

    with servir(sitio) as url:
        yield url


@pytest.fixture(scope="module")
def navegador():
    """El Chromium de Debian por Playwright, uno por fichero de pruebas."""
    from navegador_util import CHROMIUM, lanzar

    if not Path(CHROMIUM).exists():
        pytest.fail(f"Falta Chromium en {CHROMIUM}: sudo apt-get install chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = lanzar(p)
        yield chromium
        chromium.close()
