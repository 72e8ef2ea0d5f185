"""El sitio se construye con --strict y la construcción falla cuando algo está roto."""

from __future__ import annotations

import re

import yaml
from conftest import RAIZ, construir

PAGINAS = sorted(p.relative_to(RAIZ / "docs").as_posix() for p in (RAIZ / "docs").rglob("*.md"))


def _nav(entradas):
    for entrada in entradas:
        for valor in entrada.values() if isinstance(entrada, dict) else [entrada]:
            if isinstance(valor, list):
                yield from _nav(valor)
            else:
                yield valor


def _config():
    # mkdocs.yml no lleva etiquetas !!python: basta con el cargador seguro.
    return yaml.safe_load((RAIZ / "mkdocs.yml").read_text(encoding="utf-8"))


def test_construccion_estricta(sitio):
    assert (sitio / "index.html").exists()
    assert (sitio / "1-introduccion" / "1-4-activacion" / "index.html").exists()


def test_la_navegacion_sigue_el_indice_de_la_unidad():
    titulos = [list(e)[0] for e in _config()["nav"]]
    assert titulos[1:6] == [
        "1. Introducción",
        "2. Redes densas",
        "3. Redes convolucionales",
        "4. Otros tipos de redes",
        "5. Webgrafía",
    ]
    subapartados = [list(e)[0].split(" ")[0] for grupo in _config()["nav"][1:5] for e in list(grupo.values())[0]]
    assert [s for s in subapartados if s[0].isdigit()] == [
        "1.1",
        "1.2",
        "1.3",
        "1.4",
        "2.1",
        "2.2",
        "2.3",
        "2.4",
        "3.1",
        "3.2",
        "3.3",
        "4.1",
    ]


def test_cada_pagina_esta_en_la_navegacion():
    en_nav = set(_nav(_config()["nav"]))
    assert set(PAGINAS) <= en_nav


def test_la_configuracion_es_estricta_y_en_espanol():
    config = _config()
    assert config["strict"] is True
    assert config["theme"]["language"] == "es"
    assert config["validation"]["nav"] == {"omitted_files": "warn", "not_found": "warn", "absolute_links": "warn"}
    assert config["validation"]["links"] == {
        "not_found": "warn",
        "anchors": "warn",
        "absolute_links": "warn",
        "unrecognized_links": "warn",
    }
    busqueda = next(p["search"] for p in config["plugins"] if isinstance(p, dict) and "search" in p)
    assert busqueda["lang"] == "es" and "stemmer" in busqueda["pipeline"]


def test_ninguna_pagina_lleva_python_escrito_a_mano():
    """El código de las páginas se incluye de snippets/, donde las pruebas lo importan."""
    bloque = re.compile(r"^(?P<sangria> *)```+ *(?:python|py)\b[^\n]*\n(?P<cuerpo>.*?)^(?P=sangria)```", re.M | re.S)
    culpables = []
    for pagina in PAGINAS:
        texto = (RAIZ / "docs" / pagina).read_text(encoding="utf-8")
        for m in bloque.finditer(texto):
            lineas = [linea.strip() for linea in m["cuerpo"].splitlines() if linea.strip()]
            if not lineas or not all(linea.startswith('--8<-- "snippets/') for linea in lineas):
                culpables.append(f"{pagina}: {lineas[:1]}")
    assert not culpables, "Python escrito en la página en vez de incluido de snippets/:\n" + "\n".join(culpables)


def test_una_ruta_de_snippet_erronea_rompe_la_construccion(copia, tmp_path):
    pagina = copia / "docs" / "1-introduccion" / "1-4-activacion.md"
    texto = pagina.read_text(encoding="utf-8")
    pagina.write_text(
        texto.replace("snippets/activaciones.py:funciones", "snippets/no_existe.py:funciones"), encoding="utf-8"
    )
    proceso = construir(copia, tmp_path / "sitio")
    assert proceso.returncode != 0
    assert "no_existe.py" in proceso.stdout + proceso.stderr


def test_un_ancla_rota_rompe_la_construccion(copia, tmp_path):
    pagina = copia / "docs" / "index.md"
    pagina.write_text(
        pagina.read_text(encoding="utf-8") + "\nVer [softmax](1-introduccion/1-4-activacion.md#no-existe).\n",
        encoding="utf-8",
    )
    proceso = construir(copia, tmp_path / "sitio")
    assert proceso.returncode != 0
    assert "no-existe" in proceso.stdout + proceso.stderr


def test_una_figura_desactualizada_rompe_la_construccion(copia, tmp_path):
    modulo = copia / "snippets" / "activaciones.py"
    modulo.write_text(modulo.read_text(encoding="utf-8") + "\n# cambio\n", encoding="utf-8")
    proceso = construir(copia, tmp_path / "sitio")
    assert proceso.returncode != 0
    assert "desactualizada" in proceso.stdout + proceso.stderr
