"""Salidas de las páginas: lo que imprime cada bloque de Python, como lo vería el lector.

Tercer tipo de producto de la herramienta, junto a figuras y cuadernos. Para cada página
con código (`docs/.../X.md`), sus bloques de Python (con las secciones de `snippets/` que
incluye, ya resueltas como las resuelve pymdownx.snippets) se ejecutan en orden en un
intérprete nuevo (`python -I`, carpeta vacía) y lo que imprime cada uno queda en
`docs/salidas/X.json`. La clave: el texto de cada bloque, las versiones de lo que
importan y el código que los ejecuta y normaliza; cambiar una sección incluida
desactualiza la salida, cambiar otra parte del snippet no.

Al construir, `maquinaria/sitio/salidas.py` pone cada salida bajo su bloque y falla
(con --strict) si el bloque del HTML no es el que se ejecutó.
"""

from __future__ import annotations

import ast
import html
import json
import os
import re
import subprocess
import sys
import tempfile
import textwrap
import time
from functools import cache
from pathlib import Path

from .claves import (
    PAQUETES_PROYECTO,
    RAIZ,
    Claves,
    ErrorDeFigura,
    PorFichero,
    cierre,
    huella,
    huellas,
    importaciones,
    nombres_importados,
    relativa,
    sha,
    versiones,
)

CARPETA = Path(__file__).resolve().parent
EJECUTOR = CARPETA / "ejecutar_bloques.py"
LIMITE = 600  # segundos por página; el de la herramienta lo pone el proceso padre
ANCHO = 80  # columnas de `model.summary()` y de rich: caben en la columna del sitio
# Lo que distingue al lector real: nada. Solo hilos y semillas del proceso, para que
# dos ejecuciones impriman los mismos bytes (el código de la página siembra lo suyo).
ENTORNO = {
    "MPLBACKEND": "Agg",
    "TF_CPP_MIN_LOG_LEVEL": "3",
    "TF_ENABLE_ONEDNN_OPTS": "0",
    "TF_DETERMINISTIC_OPS": "1",
    "TF_NUM_INTRAOP_THREADS": "1",
    "TF_NUM_INTEROP_THREADS": "1",
    "OMP_NUM_THREADS": "1",
    "OPENBLAS_NUM_THREADS": "1",
    "PYTHONHASHSEED": "0",
    "COLUMNS": str(ANCHO),
    "LINES": "50",
}

_APERTURA = re.compile(r"^(?P<sangria>[ \t]*)(?P<valla>`{3,}|~{3,})[ \t]*(?P<lenguaje>python|py)(?:[ \t{].*)?$")
_INCLUSION = re.compile(r'^(?P<sangria>[ \t]*)-{1,}8<-{1,}[ \t]+"(?P<ruta>[^"]+)"[ \t]*$')
# Como RE_SNIPPET_SECTION de pymdownx.snippets (la marca lleva espacio tras «8<--»).
_MARCA = re.compile(
    r"^.*?-{1,}8<-{1,}[ \t]+\[[ \t]*(?P<tipo>start|end)[ \t]*:[ \t]*(?P<nombre>[a-z][-_0-9a-z]*)[ \t]*\].*$", re.I
)


# --- Los bloques de una página, como los muestra el sitio ----------------------------------


@cache
def _lineas(ruta: Path, contenido: bytes) -> list[str]:
    return contenido.decode("utf-8").splitlines()


def _seccion(ruta_snippet: str, pagina: Path) -> list[str]:
    """Las líneas de `snippets/x.py:seccion` (o del fichero entero), sin marcas, sangría quitada."""
    ruta, _, nombre = ruta_snippet.partition(":")
    fichero = RAIZ / ruta
    if not fichero.is_file():
        raise ErrorDeFigura(f"{relativa(pagina)} incluye «{ruta}», que no existe.")
    lineas = _lineas(fichero, fichero.read_bytes())
    if not nombre:
        return [linea for linea in lineas if not _MARCA.match(linea)]
    dentro, encontradas, vista = False, [], False
    for linea in lineas:
        marca = _MARCA.match(linea)
        if marca:
            if marca["nombre"] == nombre:
                if marca["tipo"].lower() == "end" and dentro:
                    break
                dentro = dentro or marca["tipo"].lower() == "start"
                vista = vista or dentro
            continue  # ninguna marca llega a la página
        if dentro:
            encontradas.append(linea)
    if not vista:
        raise ErrorDeFigura(f"{relativa(pagina)} incluye la sección «{nombre}» de {ruta}, que no existe.")
    return textwrap.dedent("\n".join(encontradas)).split("\n")


def normalizar_codigo(texto: str) -> str:
    """El texto de un bloque, comparable entre el Markdown y el HTML: sin blancos al final."""
    lineas = [linea.rstrip() for linea in texto.replace("\r\n", "\n").split("\n")]
    while lineas and not lineas[0]:
        lineas.pop(0)
    while lineas and not lineas[-1]:
        lineas.pop()
    return "\n".join(lineas)


def bloques_de_pagina(pagina: Path) -> list[str]:
    """Los bloques de Python de una página en orden, con sus inclusiones resueltas."""
    bloques, actual, apertura = [], None, None
    for linea in pagina.read_text(encoding="utf-8").splitlines():
        if actual is None:
            encontrada = _APERTURA.match(linea)
            if encontrada:
                actual, apertura = [], encontrada
            continue
        sangria, valla = apertura["sangria"], apertura["valla"]
        cuerpo = linea[len(sangria) :] if linea.startswith(sangria) else linea.lstrip()
        if cuerpo.strip().startswith(valla[0] * len(valla)) and cuerpo.strip().strip(valla[0]) == "":
            bloques.append(normalizar_codigo("\n".join(actual)))
            actual = None
            continue
        inclusion = _INCLUSION.match(cuerpo)
        if inclusion:
            actual.extend(
                inclusion["sangria"] + linea if linea else linea for linea in _seccion(inclusion["ruta"], pagina)
            )
        else:
            actual.append(cuerpo)
    return [b for b in bloques if b]


def _con_codigo(pagina: Path) -> bool:
    return any(_APERTURA.match(linea) for linea in pagina.read_text(encoding="utf-8").splitlines())


# Una construcción pregunta cientos de veces por los productos, y las páginas cambian poco.
_tiene_codigo = PorFichero(_con_codigo)


def paginas_con_codigo(docs: Path) -> dict[str, Path]:
    """Cada página con algún bloque de Python, por su nombre (el del fichero sin .md)."""
    paginas = {}
    for pagina in sorted(docs.rglob("*.md")):
        if _tiene_codigo(pagina):
            if pagina.stem in paginas:
                raise ErrorDeFigura(f"Dos páginas con código se llaman «{pagina.stem}»: cambia el nombre de una.")
            paginas[pagina.stem] = pagina
    return paginas


def incluidos(pagina: Path) -> list[Path]:
    rutas = set()
    for linea in pagina.read_text(encoding="utf-8").splitlines():
        inclusion = _INCLUSION.match(linea.strip() and linea.lstrip())
        if inclusion:
            rutas.add(RAIZ / inclusion["ruta"].partition(":")[0])
    return sorted(rutas)


def claves_de_pagina(pagina: Path) -> Claves:
    bloques = bloques_de_pagina(pagina)
    try:
        arboles = [ast.parse(b) for b in bloques]
    except SyntaxError as exc:
        raise ErrorDeFigura(f"Error de sintaxis en un bloque de {relativa(pagina)}: {exc.msg}") from exc
    for indice, arbol_bloque in enumerate(arboles, start=1):
        ajenos = [m for m in nombres_importados([arbol_bloque], pagina) if m[0] in PAQUETES_PROYECTO]
        if ajenos:  # instalado o en la carpeta del proyecto, funcionaría aquí; en Colab, no
            raise ErrorDeFigura(
                f"El bloque {indice} de {relativa(pagina)} importa «{'.'.join(ajenos[0])}», que el lector "
                "no tiene: el código de una página solo importa bibliotecas."
            )
    propios, externos = importaciones(arboles, pagina)
    dependencias, mas = cierre(propios)
    vers = versiones(externos | mas)
    total = huella(
        bloques=[sha(b.encode()) for b in bloques],
        dependencias=huellas([*dependencias, EJECUTOR, Path(__file__).resolve()]),
        entorno=ENTORNO,
        versiones=vers,
    )
    fuentes = [relativa(p) for p in [*incluidos(pagina), *dependencias]]
    return Claves(total, total, None, sorted(set(fuentes)), [], vers)


# --- Ejecutar y normalizar ----------------------------------------------------------------

_ANSI = re.compile(r"\x1b\[[0-9;?]*[ -/]*[@-~]")
# Los tiempos de Keras («- 0s», «- 3ms/step»): cambian en cada ejecución y no enseñan nada.
_TIEMPO_KERAS = re.compile(r" - \d+(?:\.\d+)?(?:s|ms|us|µs)(?:/(?:step|epoch|sample))?(?= |$)")


def normalizar_salida(texto: str) -> str:
    """Lo que se ve en una terminal: sin colores, cada \\r sobrescribe su línea, sin tiempos."""
    texto = _ANSI.sub("", texto)
    lineas = []
    for linea in texto.split("\n"):
        linea = linea.rsplit("\r", 1)[-1] if "\r" in linea.rstrip("\r") else linea.rstrip("\r")
        while "\b" in linea:
            linea = re.sub(r"[^\b]\b", "", linea, count=1).lstrip("\b")
        lineas.append(_TIEMPO_KERAS.sub("", linea).rstrip())
    return "\n".join(lineas).strip("\n")


def entorno_del_lector() -> dict[str, str]:
    """El entorno del intérprete que ejecuta una página: el de quien lo lanza, sin PYTHON* ni
    MAQUINARIA_*, con ENTORNO encima."""
    entorno = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "MAQUINARIA_"))}
    entorno.update(ENTORNO)
    return entorno


def ejecutar_bloques(bloques: list[str], carpeta: Path, limite: float = LIMITE, precargado=None) -> dict:
    """Ejecuta los bloques como el lector (intérprete nuevo, -I, carpeta vacía) y devuelve sus salidas.

    Con `precargado` (bloques_precargados.Precargado, el de la prueba de copiar y pegar), en un
    hijo de un intérprete que ya importó numpy y Keras: lo mismo sin pagar la importación, salvo
    en una página que toque os.environ, que va a un intérprete nuevo."""
    entrada, salida = carpeta / ".bloques.json", carpeta / ".salidas.json"
    entrada.write_text(json.dumps(bloques, ensure_ascii=False), encoding="utf-8")
    if precargado is not None and not any("environ" in b for b in bloques):
        codigo, errores = precargado.ejecutar(str(carpeta.resolve()), limite)
    else:
        proceso = subprocess.run(
            [sys.executable, "-I", str(EJECUTOR), entrada.name, salida.name],
            cwd=carpeta,
            env=entorno_del_lector(),
            capture_output=True,
            text=True,
            timeout=limite,
        )
        codigo, errores = proceso.returncode, proceso.stderr
    if not salida.exists():
        raise ErrorDeFigura(f"el intérprete terminó sin dejar salidas (código {codigo}): {errores[-1500:]}")
    resultado = json.loads(salida.read_text(encoding="utf-8"))
    entrada.unlink()
    salida.unlink()
    resultado["salidas"] = [normalizar_salida(s) for s in resultado["salidas"]]
    resultado["stderr"] = errores
    return resultado


def ejecutar_pagina(quien) -> None:
    """El trabajo del trabajador para una página: ejecutar, comprobar y guardar el registro."""
    from .registros import guardar, procedencia

    claves = quien.claves()
    bloques = bloques_de_pagina(quien.fuente)
    inicio = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix=f"pagina-{quien.nombre}-") as carpeta:
        resultado = ejecutar_bloques(bloques, Path(carpeta))
    segundos = time.perf_counter() - inicio
    if resultado["fallo"]:
        fallo = resultado["fallo"]
        raise ErrorDeFigura(
            f"El bloque {fallo['bloque'] + 1} de {relativa(quien.fuente)} falla al ejecutarse:\n{fallo['traza']}"
        )
    registro = {
        **procedencia(quien, claves),
        "pagina": relativa(quien.fuente),
        "segundos": round(segundos, 2),
        "bloques": [
            {"huella": sha(codigo.encode()), "salida": texto} for codigo, texto in zip(bloques, resultado["salidas"])
        ],
    }
    guardar(quien, registro)


# --- En el HTML: leer los bloques y poner las salidas -----------------------------------------

# Un bloque de Python como lo escribe pymdownx.highlight: un <div> sin otros <div> dentro.
# El div puede llevar más atributos.
BLOQUE_HTML = re.compile(r'<div class="language-(?:python|py) highlight"[^>]*>.*?</div>', re.S)
_ETIQUETA = re.compile(r"<[^>]+>")
_NUMERACION = re.compile(r'<span class="(?:linenos|lineno)[^"]*"[^>]*>.*?</span>', re.S)


def texto_de_bloque(fragmento: str) -> str:
    """El texto que copia el lector de un bloque del HTML (sin la numeración de líneas)."""
    codigo = re.search(r"<code[^>]*>(.*?)</code>", fragmento, re.S)
    interior = codigo.group(1) if codigo else fragmento
    interior = _NUMERACION.sub("", interior)
    interior = re.sub(r'<a [^>]*id="__codelineno[^"]*"[^>]*></a>', "", interior)
    return html.unescape(_ETIQUETA.sub("", interior))


def bloques_del_html(texto_html: str) -> list[str]:
    return [texto_de_bloque(m.group(0)) for m in BLOQUE_HTML.finditer(texto_html)]


LINEAS_MAXIMAS = 40  # una salida más larga se muestra con su principio y su final


def recortar(texto: str, maximo: int = LINEAS_MAXIMAS) -> str:
    """Las primeras y las últimas líneas de una salida larga, con las que se omiten contadas."""
    lineas = texto.split("\n")
    if len(lineas) <= maximo:
        return texto
    cabeza, cola = maximo // 2 - 2, maximo // 2 - 2
    omitidas = len(lineas) - cabeza - cola
    return "\n".join([*lineas[:cabeza], f"… ({omitidas} líneas omitidas) …", *lineas[-cola:]])


def html_de_salida(texto: str) -> str:
    """Un bloque de salida: no es código (sin botón de copiar), se anuncia como «Salida»."""
    return (
        '<div class="salida" role="group" aria-label="Salida">'
        f'<pre tabindex="0"><samp>{html.escape(recortar(texto), quote=False)}</samp></pre></div>'
    )


SALIDA_HTML = re.compile(r'<div class="salida"[^>]*><pre[^>]*><samp>(.*?)</samp></pre></div>', re.S)
