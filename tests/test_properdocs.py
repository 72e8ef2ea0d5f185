"""El relevo de MkDocs 1.6: el mismo sitio se construye con ProperDocs, en estricto y sin avisos.

ProperDocs es la continuación de MkDocs 1.6 (mismo mkdocs.yml, mismos plugins y hooks);
si un día MkDocs 1.x deja de poder instalarse, el sitio se construye con `python -m properdocs`.
"""

from __future__ import annotations

import subprocess
import sys

from conftest import ENTORNO, RAIZ


def test_el_sitio_se_construye_con_properdocs(tmp_path):
    destino = tmp_path / "sitio"
    proceso = subprocess.run(
        [sys.executable, "-m", "properdocs", "build", "--strict", "-f", str(RAIZ / "mkdocs.yml"), "-d", str(destino)],
        cwd=RAIZ,
        env=ENTORNO,
        capture_output=True,
        text=True,
        timeout=600,
    )
    salida = proceso.stdout + proceso.stderr
    assert proceso.returncode == 0, salida
    assert "WARNING" not in salida, salida
    assert "properdocs" in salida.lower() or (destino / "sitemap.xml").exists()
    # Lo que añaden los plugins y los hooks está: macros, cuadernos, preguntas, Moodle, imprimir
    neurona = (destino / "1-introduccion" / "1-1-neurona" / "index.html").read_text(encoding="utf-8")
    assert 'id="comprueba-lo-que-sabes"' in neurona and 'class="figura-generada"' in neurona
    assert "{{" not in neurona
    assert (destino / "cuadernos" / "demoKeras1" / "index.html").exists()
    assert (destino / "preguntas" / "moodle.xml").exists()
    assert (destino / "imprimir" / "index.html").exists()
    generador = next(
        linea
        for linea in (destino / "index.html").read_text(encoding="utf-8").splitlines()
        if 'name="generator"' in linea
    )
    assert "properdocs" in generador.lower(), generador
