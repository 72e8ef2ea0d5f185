"""Las preguntas de autoevaluación para Moodle: formato XML de Moodle y GIFT.

Una categoría por página («Redes neuronales/1.1 ¿Qué es una neurona?»), con las mismas
preguntas, respuestas y explicaciones que las páginas:

* opción múltiple → `multichoice` de una sola respuesta: la correcta vale 100 y las demás 0,
  cada una con su explicación;
* verdadero/falso → `truefalse`;
* numérica → `numerical`: la respuesta con su tolerancia (100), las equivocaciones típicas
  con su explicación (0) y, al final, cualquier otra respuesta («*», 0) con la pista.

Los textos van en HTML (las fórmulas como \\( \\), que el filtro MathJax de Moodle compone).
`a_html` es la función que convierte el Markdown de una pregunta; la pone el hook del sitio.
"""

from __future__ import annotations

from collections.abc import Callable
from xml.sax.saxutils import escape

from . import Cuestionario, Pregunta

CURSO = "Redes neuronales"
CORRECTO = "¡Correcto!"
INCORRECTO = "No es correcto."


def _categoria(titulo: str) -> str:
    # En las rutas de categoría de Moodle, «/» separa niveles: una barra del título se dobla.
    return f"$course$/top/{CURSO}/{titulo.replace('/', '//')}"


def _titulo(pagina: str, titulos: dict[str, str]) -> str:
    return titulos.get(pagina, pagina.rsplit("/", 1)[-1].removesuffix(".md"))


def _numero(x: float) -> str:
    return repr(float(x)) if not float(x).is_integer() else str(int(x))


def _texto(contenido: str, formato: str = "html") -> str:
    return f"<text><![CDATA[{contenido.replace(']]>', ']]]]><![CDATA[>')}]]></text>"


def _retro(etiqueta: str, contenido: str) -> str:
    return f'    <{etiqueta} format="html">{_texto(contenido)}</{etiqueta}>'


def _nombre(pagina: str, titulos: dict[str, str], p: Pregunta) -> str:
    return f"{_titulo(pagina, titulos).split(' ', 1)[0]} · {p.id}"


def _pregunta_xml(pagina: str, titulos: dict[str, str], p: Pregunta, a_html: Callable[[str], str]) -> list[str]:
    tipo = {"opcion": "multichoice", "vf": "truefalse", "numerica": "numerical"}[p.tipo]
    ident = f"{pagina.rsplit('/', 1)[-1].removesuffix('.md')}/{p.id}"
    lineas = [
        f'  <question type="{tipo}">',
        f"    <name><text>{escape(_nombre(pagina, titulos, p))}</text></name>",
        f'    <questiontext format="html">{_texto(a_html(p.enunciado))}</questiontext>',
        _retro("generalfeedback", a_html(p.explicacion) if p.explicacion else ""),
        "    <defaultgrade>1</defaultgrade>",
        "    <penalty>0.3333333</penalty>",
        "    <hidden>0</hidden>",
        f"    <idnumber>{escape(ident)}</idnumber>",
    ]
    if p.tipo == "opcion":
        lineas += [
            "    <single>true</single>",
            "    <shuffleanswers>true</shuffleanswers>",
            "    <answernumbering>abc</answernumbering>",
            _retro("correctfeedback", CORRECTO),
            _retro("partiallycorrectfeedback", ""),
            _retro("incorrectfeedback", INCORRECTO),
        ]
        for o in p.opciones:
            lineas += [
                f'    <answer fraction="{100 if o.correcta else 0}" format="html">',
                f"      {_texto(a_html(o.texto))}",
                f'      <feedback format="html">{_texto(a_html(o.explicacion))}</feedback>',
                "    </answer>",
            ]
    elif p.tipo == "vf":
        solucion = f"Es {'verdadero' if p.verdadero else 'falso'}. {a_html(p.explicacion)}"
        for valor in (True, False):
            acierto = valor == p.verdadero
            lineas += [
                f'    <answer fraction="{100 if acierto else 0}" format="moodle_auto_format">',
                f"      <text>{'true' if valor else 'false'}</text>",
                f'      <feedback format="html">'
                f"{_texto(f'{CORRECTO if acierto else INCORRECTO} {solucion}')}</feedback>",
                "    </answer>",
            ]
    else:
        respuestas = [(100, p.valor, p.tolerancia, f"{CORRECTO} {a_html(p.explicacion)}")]
        respuestas += [(0, e.valor, p.tolerancia, f"{INCORRECTO} {a_html(e.explicacion)}") for e in p.errores]
        for fraccion, valor, tolerancia, retro in respuestas:
            lineas += [
                f'    <answer fraction="{fraccion}" format="moodle_auto_format">',
                f"      <text>{_numero(valor)}</text>",
                f"      <tolerance>{_numero(tolerancia)}</tolerance>",
                f'      <feedback format="html">{_texto(retro)}</feedback>',
                "    </answer>",
            ]
        lineas += [
            '    <answer fraction="0" format="moodle_auto_format">',
            "      <text>*</text>",
            "      <tolerance>0</tolerance>",
            f'      <feedback format="html">{_texto(f"{INCORRECTO} {a_html(p.pista)}")}</feedback>',
            "    </answer>",
            "    <unitgradingtype>0</unitgradingtype>",
            "    <unitpenalty>0.1000000</unitpenalty>",
            "    <showunits>3</showunits>",
            "    <unitsleft>0</unitsleft>",
        ]
    lineas.append("  </question>")
    return lineas


def moodle_xml(cuestionarios: dict[str, Cuestionario], titulos: dict[str, str], a_html: Callable[[str], str]) -> str:
    lineas = ['<?xml version="1.0" encoding="UTF-8"?>', "<quiz>"]
    for pagina, c in cuestionarios.items():
        titulo = _titulo(pagina, titulos)
        lineas += [
            '  <question type="category">',
            f"    <category><text>{escape(_categoria(titulo))}</text></category>",
            f'    <info format="html"><text>'
            f"{escape(f'Preguntas de autoevaluación del apartado {titulo}.')}</text></info>",
            "  </question>",
        ]
        for p in c.preguntas:
            lineas += _pregunta_xml(pagina, titulos, p, a_html)
    lineas.append("</quiz>")
    return "\n".join(lineas) + "\n"


# --------------------------------------------------------------------------- GIFT

_ESPECIALES = str.maketrans({c: f"\\{c}" for c in "~=#{}:\\"})


def _g(texto: str) -> str:
    """Texto para GIFT: sin saltos de línea y con sus caracteres especiales escapados."""
    return " ".join(texto.split()).translate(_ESPECIALES)


def gift(cuestionarios: dict[str, Cuestionario], titulos: dict[str, str], a_html: Callable[[str], str]) -> str:
    bloques = []
    for pagina, c in cuestionarios.items():
        bloques.append(f"$CATEGORY: {_categoria(_titulo(pagina, titulos))}")
        for p in c.preguntas:
            cabeza = f"::{_g(_nombre(pagina, titulos, p))}::[html]{_g(a_html(p.enunciado))} "
            if p.tipo == "opcion":
                opciones = " ".join(
                    f"{'=' if o.correcta else '~'}{_g(a_html(o.texto))}#{_g(a_html(o.explicacion))}" for o in p.opciones
                )
                cuerpo = f"{{{opciones}}}"
            elif p.tipo == "vf":
                # {T#retro si se equivoca#retro si acierta}
                solucion = f"Es {'verdadero' if p.verdadero else 'falso'}. {a_html(p.explicacion)}"
                marca_vf = "TRUE" if p.verdadero else "FALSE"
                cuerpo = f"{{{marca_vf}#{_g(INCORRECTO + ' ' + solucion)}#{_g(CORRECTO + ' ' + solucion)}}}"
            else:
                partes = [f"={_numero(p.valor)}:{_numero(p.tolerancia)}#{_g(CORRECTO + ' ' + a_html(p.explicacion))}"]
                partes += [
                    f"=%0%{_numero(e.valor)}:{_numero(p.tolerancia)}#{_g(INCORRECTO + ' ' + a_html(e.explicacion))}"
                    for e in p.errores
                ]
                cuerpo = "{#" + " ".join(partes) + "}"
            general = f"####{_g(a_html(p.explicacion))}" if p.explicacion and p.tipo == "opcion" else ""
            bloques.append(cabeza + cuerpo[:-1] + general + "}")
        bloques.append("")
    return "\n\n".join(bloques).rstrip() + "\n"
