"""Ortografía: la prosa del sitio construido pasa hunspell con el diccionario español de Debian.

Se revisa lo que lee el lector (el HTML del artículo de cada página y los textos alternativos
de sus imágenes), sin el código, las fórmulas, las direcciones web ni la línea de procedencia
de las figuras. Tampoco la cursiva: en el sitio, los términos en otro idioma van en cursiva
(*batch*, *padding*, los títulos de libros) o como `código`; y los identificadores (con
dígitos, `_`, puntos o mayúsculas en medio: Conv2D, model.fit, TensorFlow) no son palabras.
Los términos técnicos bien escritos que el diccionario no conoce y van en redonda (Keras,
softmax, MNIST...) se apuntan en `tests/ortografia/palabras.txt`, uno por línea.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import RAIZ

DICCIONARIO = Path("/usr/share/hunspell/es_ES.dic")
LISTA = RAIZ / "tests" / "ortografia" / "palabras.txt"

# Lo que no es prosa: código, fórmulas, botones y la procedencia de las figuras.
NO_ES_PROSA = ", ".join(
    [
        "pre",
        "code",
        "kbd",
        "samp",
        "script",
        "style",
        "math",
        "svg",
        "[hidden]",
        "em",
        "i",
        "cite",  # extranjerismos y títulos, en cursiva
        ".arithmatex",
        "mjx-container",
        ".MathJax",
        ".headerlink",
        ".md-content__button",
        "figcaption small",
        # cuadernos: la entrada y la salida de las celdas de código son programa, no prosa
        ".jp-InputArea-prompt",
        ".jp-OutputArea-prompt",
        ".jp-CodeCell .jp-InputArea",
        ".jp-OutputArea",
        ".clipboard-copy-txt",
        ".zeroclipboard-container",
    ]
)
URL = re.compile(r"\b(?:https?://|www\.)\S+", re.I)
# Fórmulas en crudo ($...$ y $$...$$), por si alguna quedara sin componer en MathML.
TEX = re.compile(r"\$\$.+?\$\$|\$[^$\n]+?\$", re.S)
TROZO = re.compile(r"[\w'’.-]+")
# Identificadores, no palabras: con dígitos o _, con puntos dentro (model.fit) o con mayúsculas
# en medio (MaxPooling, TensorFlow, GitHub). Los nombres de figuras y capas no son prosa.
IDENTIFICADOR = re.compile(r"[\d_]|\w\.\w|[a-zß-ÿ][A-ZÀ-Þ]")


def prosa(html: str) -> str:
    """El texto que lee el lector en el artículo de una página, más los textos alternativos."""
    sopa = BeautifulSoup(html, "html.parser")
    articulo = sopa.select_one("article") or sopa
    alternativos = [img.get("alt", "") for img in articulo.find_all("img")]
    for elemento in articulo.select(NO_ES_PROSA):
        elemento.decompose()
    texto = articulo.get_text(" ") + "\n" + "\n".join(alternativos)
    return TEX.sub(" ", URL.sub(" ", texto))


def palabras(texto: str) -> set[str]:
    encontradas = set()
    for trozo in TROZO.findall(texto):
        trozo = trozo.strip(".-'’")
        if not trozo or IDENTIFICADOR.search(trozo):
            continue
        for parte in re.split(r"[-'’.]", trozo):  # scikit-learn -> scikit, learn
            if len(parte) > 1 and parte.isalpha():
                encontradas.add(parte)
    return encontradas


def lista_del_proyecto() -> set[str]:
    lineas = LISTA.read_text(encoding="utf-8").splitlines()
    return {linea.strip() for linea in lineas if linea.strip() and not linea.startswith("#")}


def desconocidas_para_hunspell(candidatas: set[str]) -> set[str]:
    """Las palabras que hunspell (es_ES) no reconoce."""
    if not candidatas:
        return set()
    proceso = subprocess.run(
        ["hunspell", "-d", str(DICCIONARIO.with_suffix("")), "-l", "-i", "utf-8"],
        input="\n".join(sorted(candidatas)) + "\n",
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=True,
    )
    return set(proceso.stdout.split())


def erratas(textos: dict[str, str], lista: set[str]) -> dict[str, list[str]]:
    """Para cada página, las palabras que ni hunspell ni la lista del proyecto conocen."""
    minusculas = {p.lower() for p in lista}
    por_pagina = {pagina: palabras(texto) for pagina, texto in textos.items()}
    desconocidas = desconocidas_para_hunspell(set().union(*por_pagina.values()) if por_pagina else set())
    resultado = {}
    for pagina, suyas in por_pagina.items():
        malas = sorted(p for p in suyas & desconocidas if p.lower() not in minusculas)
        if malas:
            resultado[pagina] = malas
    return resultado


@pytest.fixture(scope="module", autouse=True)
def _hunspell():
    if not shutil.which("hunspell") or not DICCIONARIO.exists():
        pytest.fail("Faltan hunspell o el diccionario español: sudo apt-get install hunspell hunspell-es")


def test_la_prosa_del_sitio_no_tiene_erratas(sitio):
    textos = {
        html.relative_to(sitio).as_posix(): prosa(html.read_text(encoding="utf-8"))
        for html in sorted(sitio.rglob("*.html"))
    }
    malas = erratas(textos, lista_del_proyecto())
    assert not malas, (
        "Palabras que hunspell (es_ES) no reconoce. Corrígelas o, si son términos técnicos bien "
        f"escritos, añádelas a {LISTA.relative_to(RAIZ)}:\n"
        + "\n".join(f"  {pagina}: {', '.join(lista)}" for pagina, lista in sorted(malas.items()))
    )


def test_la_lista_del_proyecto_solo_tiene_lo_que_hunspell_no_sabe():
    lineas = [
        linea.strip()
        for linea in LISTA.read_text(encoding="utf-8").splitlines()
        if linea.strip() and not linea.startswith("#")
    ]
    repetidas = sorted({linea for linea in lineas if lineas.count(linea) > 1})
    assert not repetidas, f"Palabras repetidas en {LISTA.name}: {repetidas}"
    sobran = sorted(set(lineas) - desconocidas_para_hunspell(set(lineas)))
    assert not sobran, f"hunspell ya conoce estas palabras; quítalas de {LISTA.name}: {sobran}"


def test_una_errata_se_detecta_y_el_codigo_las_formulas_y_las_urls_no_cuentan():
    html = """
    <article>
      <h1>1.1 Qué es una nuerona</h1>
      <p>Una neurona calcula <code>np.sumaa</code> y \\(xyzw\\) ver <a href="#">https://ejemplo.org/rarezaa</a>.</p>
      <p><span class="arithmatex">\\(\\mathrm{qwrtp}\\)</span> con Keras y un <em>stride</em> de 2.</p>
      <pre><code>def funcionn(): pass</code></pre>
      <figure><img alt="Curva de perdidaa">
        <figcaption>Pie. <small>Generada por scripts/raroo.py</small></figcaption></figure>
    </article>
    """
    texto = prosa(html)
    assert "sumaa" not in texto and "qwrtp" not in texto and "funcionn" not in texto
    assert "rarezaa" not in texto and "raroo" not in texto and "stride" not in texto
    malas = erratas({"pagina": texto}, {"Keras"})
    assert malas == {"pagina": ["nuerona", "perdidaa", "xyzw"]}
