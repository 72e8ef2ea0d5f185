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


@pytest.mark.parametrize("pagina", PAGINAS)
def test_el_codigo_de_la_pagina_se_ejecuta(pagina, sitio, tmp_path):
    bloques = bloques_python(html_de(sitio, pagina).read_text(encoding="utf-8"))
    if not bloques:
        pytest.skip("la página no tiene código Python")
    programa = tmp_path / "pagina.py"
    programa.write_text("\n\n".join(bloques), encoding="utf-8")
    entorno = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    entorno.update({"MPLBACKEND": "Agg", "TF_CPP_MIN_LOG_LEVEL": "3"})
    proceso = subprocess.run(
        [sys.executable, "-I", programa.name],  # -I: sin el directorio del proyecto ni variables PYTHON*
        cwd=tmp_path,
        env=entorno,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proceso.returncode == 0, f"El código de {pagina} falla al copiarlo y pegarlo:\n{proceso.stderr[-3000:]}"
