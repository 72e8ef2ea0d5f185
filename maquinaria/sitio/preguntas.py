"""Hook de MkDocs: las preguntas de autoevaluación de cada página y su exportación a Moodle.

Las preguntas viven en `maquinaria/preguntas/*.yml` (ver su `__init__.py`), no en el
Markdown de las páginas: este hook las añade al final de la página que nombra cada fichero,
bajo el título «Comprueba lo que sabes», así que una página con fichero de preguntas las
recibe sin que su Markdown cambie. Además:

* sirve `assets/preguntas/preguntas.js` y `.css` (el comportamiento: sin red, con teclado);
* genera `preguntas/moodle.xml` (formato XML de Moodle, una categoría por página) y
  `preguntas/preguntas.gift` (GIFT) con las mismas preguntas;
* añade a la portada los enlaces a esas exportaciones, a la versión imprimible y al PDF.

Los textos de las preguntas son Markdown: se convierten con las mismas extensiones que las
páginas (fórmulas con arithmatex, código en línea...). Un fichero de preguntas mal escrito,
o que nombra una página que no existe, es un aviso, y `mkdocs build --strict` falla.
No importa TensorFlow: los números salen de los registros y de `calculos.py`.
"""

from __future__ import annotations

import html
import logging
import re
from pathlib import Path

import markdown
from mkdocs.structure.files import File

from ..preguntas import CARPETA, Cuestionario, ErrorDePreguntas, Pregunta, cargar, exportar

log = logging.getLogger("mkdocs.hooks.preguntas")

TITULO = "Comprueba lo que sabes"
JS = "assets/preguntas/preguntas.js"
CSS = "assets/preguntas/preguntas.css"
CSS_IMPRIMIR = "assets/preguntas/imprimir.css"
MOODLE = "preguntas/moodle.xml"
GIFT = "preguntas/preguntas.gift"
PDF = "unidad.pdf"  # lo pone en el sitio construido `python -m maquinaria.pdf`
IMPRIMIR = "imprimir/"  # la página de mkdocs-print-site-plugin
AQUI = Path(__file__).resolve().parent

_estado: dict = {"cuestionarios": {}, "md": None}


def _markdown(config) -> markdown.Markdown:
    return markdown.Markdown(extensions=config["markdown_extensions"], extension_configs=config["mdx_configs"])


def a_html(texto: str, md: markdown.Markdown, en_linea: bool = True) -> str:
    """Markdown de una pregunta a HTML; en línea, sin el <p> que lo envuelve."""
    salida = md.reset().convert(texto).strip()
    if en_linea:
        m = re.fullmatch(r"<p>(.*)</p>", salida, re.S)
        if m and "<p>" not in m[1]:
            return m[1]
    return salida


def _titulos(nav, titulos=None) -> dict[str, str]:
    titulos = {} if titulos is None else titulos
    for entrada in nav or []:
        if isinstance(entrada, dict):
            for titulo, valor in entrada.items():
                if isinstance(valor, list):
                    _titulos(valor, titulos)
                else:
                    titulos[str(valor)] = str(titulo)
    return titulos


# --------------------------------------------------------------------------- eventos


def on_config(config, **kwargs):
    _estado["md"] = _markdown(config)
    try:
        _estado["cuestionarios"] = cargar()
    except ErrorDePreguntas as error:
        log.warning(f"Preguntas (maquinaria/preguntas/): {error}")
        _estado["cuestionarios"] = {}
    for lista, ruta in (
        (config["extra_javascript"], JS),
        (config["extra_css"], CSS),
        (config["extra_css"], CSS_IMPRIMIR),
    ):
        if ruta not in [str(x) for x in lista]:
            lista.append(ruta)
    return config


def on_files(files, config, **kwargs):
    cuestionarios: dict[str, Cuestionario] = _estado["cuestionarios"]
    for pagina, c in cuestionarios.items():
        if files.get_file_from_path(pagina) is None:
            log.warning(f"{c.fichero.name}: la página «{pagina}» no existe en docs/.")
    titulos = _titulos(config["nav"])
    md = _estado["md"]
    for ruta, contenido in (
        (JS, (AQUI / "preguntas.js").read_text(encoding="utf-8")),
        (CSS, (AQUI / "preguntas.css").read_text(encoding="utf-8")),
        (CSS_IMPRIMIR, (AQUI / "imprimir.css").read_text(encoding="utf-8")),
        (MOODLE, exportar.moodle_xml(cuestionarios, titulos, lambda t: a_html(t, md))),
        (GIFT, exportar.gift(cuestionarios, titulos, lambda t: a_html(t, md))),
    ):
        files.append(File.generated(config, ruta, content=contenido))
    return files


def on_page_markdown(markdown_texto, page, config, files, **kwargs):
    c = _estado["cuestionarios"].get(page.file.src_uri)
    if page.is_homepage:
        markdown_texto += _portada(config)
    if c is None or not c.preguntas:
        return markdown_texto
    return f"{markdown_texto.rstrip()}\n\n## {TITULO}\n\n{_seccion(c, _estado['md'])}\n"


# --------------------------------------------------------------------------- HTML


def _portada(config) -> str:
    """La nota de la portada; la versión imprimible solo si el plugin print-site está activo."""
    lineas = [
        "",
        "",
        '!!! info "Para clase"',
        "",
        f"    - Cada apartado termina con unas preguntas para comprobar lo que sabes («{TITULO}»).",
        f"    - Las mismas preguntas, para importarlas en Moodle: [XML de Moodle]({MOODLE}) "
        f"(una categoría por apartado) o [GIFT]({GIFT}).",
    ]
    if "print-site" in config["plugins"]:
        # Enlaces HTML: la página de print-site y el PDF no son ficheros de docs/ que MkDocs valide;
        # las pruebas comprueban que existen en el sitio construido.
        lineas.append(
            f'    - Toda la unidad en una sola página: <a href="{IMPRIMIR}">versión para imprimir</a> '
            f'y <a href="{PDF}">la unidad en PDF</a>.'
        )
    return "\n".join(lineas) + "\n"


def _atributo(texto: str) -> str:
    return html.escape(texto, quote=True)


def _retro(caso: str, contenido: str) -> str:
    return f'<div class="pregunta-retro" data-caso="{caso}" hidden>{contenido}</div>'


def _pregunta(p: Pregunta, numero: int, total: int, prefijo: str, md) -> str:
    ident = f"{prefijo}-{p.id}"
    enunciado = a_html(p.enunciado, md)
    datos = [f'data-tipo="{p.tipo}"']
    cuerpo: list[str] = []
    retros: list[str] = []
    if p.tipo in ("opcion", "vf"):
        if p.tipo == "opcion":
            opciones = [(str(i), a_html(o.texto, md)) for i, o in enumerate(p.opciones)]
            correcta = str(next(i for i, o in enumerate(p.opciones) if o.correcta))
            for i, o in enumerate(p.opciones):
                retros.append(_retro(f"opcion-{i}", a_html(o.explicacion, md)))
            if p.explicacion:
                retros.append(_retro("correcta", a_html(p.explicacion, md)))
        else:
            opciones = [("v", "Verdadero"), ("f", "Falso")]
            correcta = "v" if p.verdadero else "f"
            retros.append(
                _retro(
                    "solucion",
                    f"Es <strong>{'verdadero' if p.verdadero else 'falso'}</strong>. {a_html(p.explicacion, md)}",
                )
            )
        datos.append(f'data-correcta="{correcta}"')
        cuerpo.append('<div class="pregunta-opciones">')
        for valor, texto in opciones:
            cuerpo.append(
                f'<label class="pregunta-opcion"><input type="radio" name="{ident}" value="{valor}"> '
                f"<span>{texto}</span></label>"
            )
        cuerpo.append("</div>")
    else:
        datos += [f'data-valor="{p.valor!r}"', f'data-tolerancia="{p.tolerancia!r}"']
        unidad = f' <span class="pregunta-unidad">{html.escape(p.unidad)}</span>' if p.unidad else ""
        cuerpo.append(
            f'<div class="pregunta-numerica"><label for="{ident}-respuesta">Tu respuesta</label> '
            f'<input type="text" id="{ident}-respuesta" name="respuesta" inputmode="decimal" '
            f'autocomplete="off" spellcheck="false" size="10">{unidad}</div>'
        )
        for i, e in enumerate(p.errores):
            retros.append(
                f'<div class="pregunta-retro" data-caso="error-{i}" data-valor="{e.valor!r}" hidden>'
                f"{a_html(e.explicacion, md)}</div>"
            )
        retros.append(_retro("pista", a_html(p.pista, md)))
        retros.append(_retro("correcta", a_html(p.explicacion, md)))
    return "\n".join(
        [
            f'<form class="pregunta" id="{ident}" {" ".join(datos)} novalidate>',
            "<fieldset>",
            f'<legend><span class="pregunta-numero">Pregunta {numero} de {total}.</span> {enunciado}</legend>',
            *cuerpo,
            '<p class="pregunta-acciones"><button type="submit" class="md-button">Comprobar</button></p>',
            '<div class="pregunta-resultado" role="status" aria-live="polite">',
            '<p class="pregunta-veredicto"></p>',
            *retros,
            "</div>",
            "</fieldset>",
            "</form>",
        ]
    )


def _seccion(c: Cuestionario, md) -> str:
    # Ids únicos en todo el sitio: la página «imprimir/» junta todas las preguntas.
    prefijo = "pregunta-" + Path(c.pagina).stem
    total = len(c.preguntas)
    partes = [
        f'<div class="autoevaluacion" data-preguntas="{total}">',
        '<p class="autoevaluacion-ayuda">Elige o escribe tu respuesta y pulsa «Comprobar» (o Intro). '
        "Puedes responder las veces que quieras: nada sale de tu navegador. En las respuestas "
        "numéricas vale la coma o el punto decimal.</p>",
    ]
    partes += [_pregunta(p, i, total, prefijo, md) for i, p in enumerate(c.preguntas, start=1)]
    partes.append("</div>")
    # Sin líneas en blanco: Markdown deja intacto el bloque HTML entero.
    return "\n".join(partes)


__all__ = ["on_config", "on_files", "on_page_markdown", "a_html", "CARPETA"]
