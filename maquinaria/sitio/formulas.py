"""Hook de MkDocs: las fórmulas se componen al construir, en MathML, sin motor en el navegador.

Antes cada página cargaba MathJax (1,1 MB), tuviera fórmulas o no. Ahora cada fórmula TeX se
convierte en MathML al construir (latex2mathml, Python puro) y Chromium, Firefox y Safari la
dibujan por sí mismos: ni JavaScript ni fuentes que descargar.

* Páginas de Markdown: pymdownx.arithmatex (genérico) deja `<span class="arithmatex">\\(...\\)</span>`
  y `<div class="arithmatex">\\[...\\]</div>`; se sustituyen por `<math>`.
* Cuadernos (mkdocs-jupyter): las celdas de Markdown llegan con `$...$` y `$$...$$` en crudo;
  se convierten las que están fuera de código.

Las fórmulas en bloque van dentro de un `<div class="formula">` que se desplaza a lo ancho
en un móvil, con sombra en el borde que tiene más (extra.css), y alcanzable con el teclado.
Una fórmula que latex2mathml no entiende hace fallar `mkdocs build --strict`. Las tablas, que
también se desplazan a lo ancho en un móvil, reciben `tabindex="0"` por lo mismo.

Para la búsqueda, el MathML queda fuera del índice (`data-search-exclude`: su texto sale
pegado, «∑i=1nwixi») y en su lugar se indexa una versión en texto, `z = ∑<sub>i</sub> w<sub>i</sub>x<sub>i</sub> + b`,
en un `<span hidden>` que el lector no ve.
"""

from __future__ import annotations

import html as html_lib
import logging
import re
import xml.etree.ElementTree as ET

from latex2mathml.converter import convert

log = logging.getLogger("mkdocs.hooks.formulas")

_ARITHMATEX = re.compile(
    r'<(?P<etiqueta>span|div) class="arithmatex">\s*'
    r"(?:\\\((?P<linea>.*?)\\\)|\\\[(?P<bloque>.*?)\\\])"
    r"\s*</(?P=etiqueta)>",
    re.DOTALL,
)
# En los cuadernos: lo que no se toca (código, salidas, scripts, estilos) y las etiquetas.
_INTOCABLE = re.compile(r"(<(pre|code|script|style|textarea|math)\b.*?</\2>|<[^>]+>)", re.DOTALL | re.IGNORECASE)
_DOLARES = re.compile(r"\$\$(?P<bloque>.+?)\$\$|(?<![\\$\w])\$(?P<linea>[^\s$](?:[^$]*?[^\s\\$])?)\$(?!\w)", re.DOTALL)
# Lo que delata una orden de TeX que latex2mathml no conoce: la deja escrita tal cual.
_ORDEN_SIN_CONVERTIR = re.compile(r"<m(?:i|o|text)>\\[A-Za-z]+</m(?:i|o|text)>")


def mathml(tex: str, bloque: bool, pagina: str) -> str:
    """La fórmula `tex` en MathML (en bloque o en línea); avisa si latex2mathml no la entiende."""
    tex = html_lib.unescape(tex).strip()
    try:
        resultado = convert(tex, display="block" if bloque else "inline")
    except Exception as error:  # noqa: BLE001 (latex2mathml lanza varias excepciones propias)
        log.warning(f"{pagina}: no puedo componer la fórmula «{tex[:80]}»: {error}")
        return html_lib.escape(tex)
    if _ORDEN_SIN_CONVERTIR.search(resultado):
        log.warning(f"{pagina}: la fórmula «{tex[:80]}» usa una orden de TeX que latex2mathml no conoce.")
    resultado = resultado.replace("<math ", "<math data-search-exclude ", 1)
    resultado += f'<span class="formula-texto" hidden>{texto_de_mathml(resultado)}</span>'
    if bloque:
        return f'<div class="formula" tabindex="0" role="group" aria-label="Fórmula">{resultado}</div>'
    return resultado


# --------------------------------------------------------------------------- MathML en texto

_NS = "{http://www.w3.org/1998/Math/MathML}"
_OPERADORES_CON_ESPACIO = set("=+−<>≤≥≠≈⟺⇒→←×∈∉⊂")
_ACENTOS = {
    "^": "\u0302",
    "ˆ": "\u0302",
    "¯": "\u0304",
    "‾": "\u0304",
    "~": "\u0303",
    "˜": "\u0303",
    "→": "\u20d7",
    "˙": "\u0307",
}


def _texto(nodo) -> str:
    etiqueta = nodo.tag.replace(_NS, "")
    hijos = list(nodo)
    if etiqueta in ("mi", "mn", "mtext", "ms"):
        return html_lib.escape((nodo.text or "").replace("\xa0", " "), quote=False)
    if etiqueta == "mo":
        simbolo = (nodo.text or "").strip()
        if simbolo in _OPERADORES_CON_ESPACIO:
            return f" {html_lib.escape(simbolo, quote=False)} "
        if simbolo == ",":
            return ", "
        return html_lib.escape(simbolo, quote=False)
    if etiqueta == "mspace":
        return " "
    if etiqueta in ("annotation", "mphantom", "annotation-xml"):
        return ""
    partes = [_texto(h) for h in hijos]
    if etiqueta in ("msub", "munder") and len(partes) == 2:
        return f"{partes[0]}<sub>{partes[1].strip()}</sub>"
    if etiqueta == "msup" and len(partes) == 2:
        return f"{partes[0]}<sup>{partes[1].strip()}</sup>"
    if etiqueta in ("msubsup", "munderover") and len(partes) == 3:
        return f"{partes[0]}<sub>{partes[1].strip()}</sub><sup>{partes[2].strip()}</sup>"
    if etiqueta == "mover" and len(partes) == 2:
        acento = _ACENTOS.get(partes[1].strip())
        return f"{partes[0]}{acento}" if acento else f"{partes[0]}<sup>{partes[1].strip()}</sup>"
    if etiqueta == "mfrac" and len(partes) == 2:
        return f"{_agrupar(partes[0])}/{_agrupar(partes[1])}"
    if etiqueta == "msqrt":
        return f"√{_agrupar(''.join(partes))}"
    if etiqueta == "mroot" and len(partes) == 2:
        return f"<sup>{partes[1].strip()}</sup>√{_agrupar(partes[0])}"
    if etiqueta == "mtr":
        return " ".join(partes)
    if etiqueta == "mtable":
        return "; ".join(p.strip() for p in partes)
    return "".join(partes)


def _agrupar(texto: str) -> str:
    texto = texto.strip()
    simple = re.sub(r"</?su[bp]>", "", texto)
    return texto if re.fullmatch(r"[\w.,]+", simple) else f"({texto})"


def texto_de_mathml(mathml_: str) -> str:
    """Una versión en texto de la fórmula (con <sub> y <sup>, que el índice de búsqueda conserva)."""
    raiz = ET.fromstring(mathml_.replace(" data-search-exclude", ""))
    return re.sub(r"\s+", " ", _texto(raiz)).strip()


def _cuaderno(html: str, pagina: str) -> str:
    trozos = _INTOCABLE.split(html)
    # split con dos grupos: [texto, intocable, etiqueta, texto, intocable, etiqueta, ...]
    salida = []
    for i, trozo in enumerate(trozos):
        if i % 3 == 0:
            trozo = _DOLARES.sub(
                lambda m: (
                    mathml(m["bloque"], True, pagina) if m["bloque"] is not None else mathml(m["linea"], False, pagina)
                ),
                trozo,
            )
            salida.append(trozo)
        elif i % 3 == 1:
            salida.append(trozo)
    return "".join(salida)


_TABLA = re.compile(r"<table(?![^>]*\btabindex=)")


def on_page_content(html, page, config, files, **kwargs):
    pagina = page.file.src_uri
    # Las tablas anchas se desplazan dentro de la columna (Material las envuelve al cargar):
    # que se alcancen con el teclado, como las fórmulas en bloque.
    html = _TABLA.sub('<table tabindex="0"', html)
    html = _ARITHMATEX.sub(
        lambda m: mathml(m["bloque"] if m["bloque"] is not None else m["linea"], m["bloque"] is not None, pagina), html
    )
    if pagina.endswith(".ipynb"):
        html = _cuaderno(html, pagina)
    return html


def on_post_build(config, **kwargs):
    """La página para imprimir (print-site) junta el HTML de las páginas antes que este hook: se
    convierten aquí sus fórmulas, para que el PDF las tenga compuestas como el sitio."""
    from pathlib import Path

    for ruta in Path(config["site_dir"]).glob("imprimir/index.html"):
        html = ruta.read_text(encoding="utf-8")
        nuevo = _ARITHMATEX.sub(
            lambda m: mathml(
                m["bloque"] if m["bloque"] is not None else m["linea"], m["bloque"] is not None, "imprimir/"
            ),
            html,
        )
        if nuevo != html:
            ruta.write_text(nuevo, encoding="utf-8")
