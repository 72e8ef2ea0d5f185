"""La promesa al lector: cada bloque de Python del sitio se ejecuta tal cual, en orden.

Se lee el HTML que recibe el lector (no el Markdown), se juntan los bloques de Python de
cada página en orden y se ejecutan en un intérprete nuevo, en una carpeta vacía y sin el
proyecto en el camino de importación, como quien copia y pega en un Python limpio.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import RAIZ

PAGINAS = sorted(p.relative_to(RAIZ / "docs").as_posix() for p in (RAIZ / "docs").rglob("*.md"))


def html_de(sitio: Path, pagina: str) -> Path:
    ruta = Path(pagina).with_suffix("")
    return sitio / "index.html" if ruta.name == "index" else sitio / ruta / "index.html"


def bloques_python(html: str) -> list[str]:
    sopa = BeautifulSoup(html, "html.parser")
    bloques = []
    for contenedor in sopa.select("div.language-python, div.language-py"):
        codigo = contenedor.find("code")
        for numeracion in codigo.select(".linenos, .lineno"):
            numeracion.decompose()
        bloques.append(codigo.get_text())
    return bloques


def ejecutar_como_lector(bloques: list[str], carpeta: Path) -> subprocess.CompletedProcess:
    """Los bloques, en orden, en un intérprete nuevo y en una carpeta vacía."""
    programa = carpeta / "pagina.py"
    programa.write_text("\n\n".join(bloques), encoding="utf-8")
    entorno = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    entorno.update({"MPLBACKEND": "Agg", "TF_CPP_MIN_LOG_LEVEL": "3"})
    return subprocess.run(
        [sys.executable, "-I", programa.name],  # -I: sin el directorio del proyecto ni variables PYTHON*
        cwd=carpeta,
        env=entorno,
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.mark.parametrize("pagina", PAGINAS)
def test_el_codigo_de_la_pagina_se_ejecuta(pagina, sitio, tmp_path):
    bloques = bloques_python(html_de(sitio, pagina).read_text(encoding="utf-8"))
    if not bloques:
        pytest.skip("la página no tiene código Python")
    proceso = ejecutar_como_lector(bloques, tmp_path)
    assert proceso.returncode == 0, f"El código de {pagina} falla al copiarlo y pegarlo:\n{proceso.stderr[-3000:]}"


def test_se_leen_los_bloques_del_html_en_orden(sitio):
    bloques = bloques_python(html_de(sitio, "1-introduccion/1-4-activacion.md").read_text(encoding="utf-8"))
    assert len(bloques) >= 4
    assert bloques[0].startswith("import numpy as np") and "def relu" in bloques[0]
    assert "__codelineno" not in "".join(bloques)


def test_la_prueba_detecta_codigo_roto_y_el_proyecto_no_es_importable(tmp_path):
    assert ejecutar_como_lector(["x = 1", "assert x == 2"], tmp_path).returncode != 0
    proceso = ejecutar_como_lector(["import snippets"], tmp_path)
    assert proceso.returncode != 0 and "ModuleNotFoundError" in proceso.stderr
