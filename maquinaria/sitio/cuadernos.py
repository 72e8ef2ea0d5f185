"""Hook de MkDocs: los cuadernos (mkdocs-jupyter) cumplen lo mismo que las demás páginas.

mkdocs-jupyter convierte cada `docs/cuadernos/*.ipynb` con nbconvert, y el HTML que sale:

* carga MathJax 2 y mermaid desde un CDN (peticiones fuera del sitio): se quitan; las
  fórmulas de los cuadernos se componen en MathML al construir (maquinaria/sitio/formulas.py);
* mete en cada página unos 600 KB de CSS de JupyterLab: se mueven a ficheros compartidos
  `assets/cuadernos/<huella>.css`, que el navegador descarga una vez, sin las reglas de la
  interfaz de JupyterLab que ningún cuaderno usa (de 575 KB a unos pocos);
* incrusta las imágenes en base64: pasan a ficheros junto a la página, con carga perezosa;
* pone a cada imagen el texto alternativo «No description has been provided for this image»:
  se sustituye por el texto de los metadatos de la celda, `"alt"` (una cadena, o una lista
  con un texto por imagen). Con jupytext: `# %% alt="Curva de pérdida que baja de 2,3 a 0,1"`.
  Una imagen sin texto alternativo hace fallar `mkdocs build --strict`;
* no da ancho ni alto a las imágenes: se leen del PNG/JPEG incrustado, para que la página no
  salte al cargar;
* escribe a veces el CSS de Pygments como una lista de Python (CSS no válido): se convierte
  en el CSS que contiene;
* no enlaza el propio cuaderno: bajo el título se ponen «Descargar el cuaderno» (el .ipynb
  que mkdocs-jupyter copia junto a la página) y «Abrir en Colab»;
* deja bloques con barra de desplazamiento a los que no llega el teclado y salidas de rich
  (`model.summary()`) con colores de terminal ilegibles sobre la página (axe): se les da
  `tabindex="0"` y se quitan esos colores.

Además avisa (y `--strict` falla) si una celda de Markdown escribe fórmulas con \\( \\) o
\\[ \\]: el Markdown de nbconvert se come las barras; en los cuadernos van entre $ o $$.
"""

from __future__ import annotations

import ast
import base64
import hashlib
import io
import json
import logging
import posixpath
import re
from pathlib import Path

log = logging.getLogger("mkdocs.hooks.cuadernos")

ALT_POR_DEFECTO = "No description has been provided for this image"
CARPETA_CSS = "assets/cuadernos"
_css: dict[str, str] = {}
_clases: set[str] = set()  # las clases de HTML que usan las páginas de los cuadernos
_imagenes: dict[str, bytes] = {}  # ruta en el sitio -> bytes de las imágenes sacadas del HTML

_MATHJAX_NBCONVERT = re.compile(r"<!-- Load mathjax -->.*?<!-- End of mathjax configuration -->", re.S)
_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script>", re.S | re.I)
_EXTERNO = re.compile(r"""(?:src\s*=\s*["']?|import\s*\(\s*["'`]|import\s+[^;]*?from\s*["'`])\s*(?:https?:)?//""", re.I)
_ESTILO = re.compile(r"<style\b[^>]*>(.*?)</style>", re.S | re.I)
_CELDA = re.compile(r'<div class="jp-Cell [^"]*" id="cell-id=([^"]+)"')
_IMG = re.compile(r"<img\b[^>]*>", re.I)
_ATRIBUTO = re.compile(r"""\s([a-zA-Z_:][-a-zA-Z0-9_:.]*)\s*=\s*("[^"]*"|'[^']*')""")
_DATOS = re.compile(r"^data:image/[a-z+]+;base64,(.*)$", re.S)


def _es_cuaderno(page) -> bool:
    return bool(page.file.abs_src_path) and page.file.abs_src_path.endswith(".ipynb")


def _atributos(etiqueta: str) -> dict[str, str]:
    return {m[1].lower(): m[2][1:-1] for m in _ATRIBUTO.finditer(etiqueta)}


def _escapar(texto: str) -> str:
    return texto.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;").replace(">", "&gt;")


def _quitar_scripts_externos(html: str, pagina: str) -> str:
    html = _MATHJAX_NBCONVERT.sub("", html)

    def revisar(m: re.Match) -> str:
        atributos, cuerpo = m[1], m[2]
        if re.search(r"""src\s*=\s*["']\s*["']""", atributos):  # <script src=""> que deja nbconvert
            return ""
        if "text/x-mathjax-config" in atributos:
            return ""
        if _EXTERNO.search(atributos) or _EXTERNO.search(cuerpo):
            if "mermaid" in cuerpo and re.search(r'class="[^"]*\bjp-Mermaid\b', html):
                log.warning(f"{pagina}: los diagramas mermaid necesitan un CDN y no se verán sin conexión.")
            return ""
        return m[0]

    return _SCRIPT.sub(revisar, html)


def _css_valido(css: str) -> str:
    """mkdocs-jupyter escribe a veces el CSS de Pygments como la lista de Python que lo contiene
    («['pre { line-height: 125%; }\\n...']»): eso no es CSS y el navegador lo descarta entero."""
    if css.startswith(("['", '["')) and css.endswith(("']", '"]')):
        try:
            partes = ast.literal_eval(css)
        except (ValueError, SyntaxError):
            return css
        if isinstance(partes, list) and all(isinstance(p, str) for p in partes):
            return "\n".join(p.strip() for p in partes).strip()
    return css


def _compartir_estilos(html: str, destino: str) -> str:
    def mover(m: re.Match) -> str:
        css = _css_valido(m[1].strip())
        if len(css) < 2048:
            return m[0]
        nombre = hashlib.sha256(css.encode("utf-8")).hexdigest()[:16] + ".css"
        _css[nombre] = css
        ruta = posixpath.relpath(f"{CARPETA_CSS}/{nombre}", posixpath.dirname(destino) or ".")
        return f'<link rel="stylesheet" href="{ruta}">'

    return _ESTILO.sub(mover, html)


def _tamano(src: str) -> tuple[int, int] | None:
    m = _DATOS.match(src)
    if not m:
        return None
    try:
        from PIL import Image

        with Image.open(io.BytesIO(base64.b64decode(m[1]))) as imagen:
            return imagen.size
    except Exception:  # una imagen que PIL no sabe leer (SVG, por ejemplo) se queda sin tamaño
        return None


def _completar_imagen(etiqueta: str, alt: str | None) -> str:
    atributos = _atributos(etiqueta)
    nueva = etiqueta
    if alt is not None:
        nueva = re.sub(r"""\salt\s*=\s*("[^"]*"|'[^']*')""", "", nueva)
        nueva = nueva.replace("<img", f'<img alt="{_escapar(alt)}"', 1)
    if "width" not in atributos or "height" not in atributos:
        tamano = _tamano(atributos.get("src", ""))
        if tamano:
            ancho, alto = tamano
            if "width" in atributos and atributos["width"].isdigit():
                alto = round(alto * int(atributos["width"]) / ancho)
                ancho = int(atributos["width"])
            nueva = re.sub(r"""\s(?:width|height)\s*=\s*("[^"]*"|'[^']*')""", "", nueva)
            nueva = nueva.replace("<img", f'<img width="{ancho}" height="{alto}"', 1)
    return nueva


def _leer_cuaderno(ruta: str) -> dict[str, tuple[int, list[str] | None, str]]:
    """Para cada id de celda: (número de celda, textos "alt" de sus metadatos, primera línea).

    De paso avisa de las fórmulas escritas con \\( \\) o \\[ \\], que nbconvert no respeta."""
    cuaderno = json.loads(Path(ruta).read_text(encoding="utf-8"))
    celdas = {}
    for numero, celda in enumerate(cuaderno.get("cells", []), start=1):
        alt = celda.get("metadata", {}).get("alt")
        if isinstance(alt, str):
            alt = [alt]
        fuente = "".join(celda.get("source", "")) if isinstance(celda.get("source"), list) else celda.get("source", "")
        primera = next((linea.strip() for linea in fuente.splitlines() if linea.strip()), "")
        if "id" in celda:
            celdas[celda["id"]] = (numero, alt, primera[:60])
        if celda.get("cell_type") == "markdown" and re.search(r"\\\(.+?\\\)|\\\[.+?\\\]", fuente, re.S):
            log.warning(
                f"{Path(ruta).name}, celda {numero} («{primera[:60]}»): en los cuadernos las fórmulas van "
                "entre $...$ o $$...$$; el Markdown de nbconvert se come las barras de \\( y \\[."
            )
    return celdas


def _poner_textos_alternativos(html: str, page, pagina: str) -> str:
    celdas = _leer_cuaderno(page.file.abs_src_path)
    marcas = list(_CELDA.finditer(html))
    trozos = [html[: marcas[0].start()] if marcas else html]
    for i, marca in enumerate(marcas):
        fin = marcas[i + 1].start() if i + 1 < len(marcas) else len(html)
        trozo = html[marca.start() : fin]
        numero, textos, primera = celdas.get(marca[1], (None, None, ""))
        usadas = 0

        def poner(m: re.Match, numero=numero, textos=textos, primera=primera, marca=marca) -> str:
            nonlocal usadas
            alt = _atributos(m[0]).get("alt", "").strip()
            if alt and alt != ALT_POR_DEFECTO:
                return _completar_imagen(m[0], None)
            usadas += 1
            if textos and len(textos) >= usadas and str(textos[usadas - 1]).strip():
                return _completar_imagen(m[0], str(textos[usadas - 1]).strip())
            donde = f"celda {numero} («{primera}»)" if numero else f"celda con id {marca[1]}"
            log.warning(
                f"{pagina}, {donde}: la imagen {usadas} no tiene texto alternativo. Añade a los "
                'metadatos de la celda "alt": "descripción en español de lo que muestra" (una lista '
                'si la celda da varias imágenes; con jupytext: # %% alt="...").'
            )
            return _completar_imagen(m[0], None)

        trozos.append(_IMG.sub(poner, trozo))
    resultado = "".join(trozos)
    for m in _IMG.finditer(trozos[0]):
        if _atributos(m[0]).get("alt", "").strip() in ("", ALT_POR_DEFECTO):
            log.warning(f"{pagina}: una imagen fuera de las celdas no tiene texto alternativo.")
    return resultado


# Salidas HTML de la biblioteca rich (model.summary() de Keras, por ejemplo): un <pre> con scroll
# y colores pensados para un terminal oscuro, que sobre el fondo de la página no se leen.
_SALIDA_RICH = re.compile(r'<pre style="([^"]*overflow-x:\s*auto[^"]*)">(.*?)</pre>', re.S)
_COLOR_EN_LINEA = re.compile(r"(?:text-decoration-)?color:\s*#[0-9a-fA-F]{3,8}\s*;?\s*")


def _salida_legible(m: re.Match) -> str:
    cuerpo = re.sub(
        r'style="([^"]*)"',
        lambda s: f'style="{_COLOR_EN_LINEA.sub("", s[1]).strip()}"',
        m[2],
    ).replace(' style=""', "")
    return f'<pre tabindex="0" style="{m[1]}">{cuerpo}</pre>'


_PARRAFO_COLAB = re.compile(r"<p>(?:(?!</p>).)*?colab\.research\.google\.com(?:(?!</p>).)*?</p>", re.S)
_FIN_DEL_TITULO = re.compile(r"</h1>")


def _poner_enlaces(html: str, page, config) -> str:
    """«Descargar el cuaderno» y «Abrir en Colab», justo bajo el título.

    mkdocs-jupyter copia el .ipynb junto a la página (cuadernos/NOMBRE/NOMBRE.ipynb). Si el
    cuaderno trae su propio párrafo con el enlace a Colab, este lo sustituye."""
    fuente = page.file.src_uri
    fichero = posixpath.basename(fuente)
    enlaces = [f'<a href="{_escapar(fichero)}" download>Descargar el cuaderno</a>']
    repositorio = re.match(r"https?://github\.com/([^/\s]+/[^/\s]+?)/?$", (config.get("repo_url") or "").strip())
    if repositorio:
        colab = f"https://colab.research.google.com/github/{repositorio[1]}/blob/main/docs/{fuente}"
        enlaces.append(f'<a href="{_escapar(colab)}">Abrir en Colab</a>')
    parrafo = f'<p class="enlaces-cuaderno">{"".join(enlaces)}</p>'
    html, cambios = _PARRAFO_COLAB.subn(lambda m: parrafo, html, count=1)
    if not cambios:
        html, cambios = _FIN_DEL_TITULO.subn(lambda m: m[0] + parrafo, html, count=1)
    if not cambios:
        html = parrafo + html
    return html


_CLASE_EN_HTML = re.compile(r"""\bclass\s*=\s*["']([^"']*)["']""", re.I)
_CLASE_EN_SELECTOR = re.compile(r"\.(-?[_a-zA-Z][-_a-zA-Z0-9]*)")
# «.jupyter-wrapper :root» o «.jupyter-wrapper body» (nbconvert antepone el contenedor a todo):
# nada dentro del contenedor es la raíz ni el <body>. Solo en «:root» hay 80 KB de iconos.
# Lo negado no hace falta que exista: «.jp-Cell:not(.jp-mod-active)» vale para toda celda.
_NEGACION = re.compile(r":not\([^()]*\)")
_IMPOSIBLE = re.compile(r"\S\s+(?::root|html|body)\b")


def _selectores(preludio) -> list[str]:
    """Los selectores de una lista («a, b:is(.c, .d)» da «a» y «b:is(.c, .d)»)."""
    import tinycss2

    trozos, actual = [], []
    for token in preludio:
        if token.type == "literal" and token.value == ",":
            trozos.append(actual)
            actual = []
        else:
            actual.append(token)
    trozos.append(actual)
    return [tinycss2.serialize(t).strip() for t in trozos if tinycss2.serialize(t).strip()]


def _depurar(css: str, clases: set[str]) -> str:
    """El CSS de JupyterLab (575 KB) sin las reglas cuyos selectores piden clases que ningún
    cuaderno del sitio usa (las de la interfaz de JupyterLab: barras, menús, diálogos...)."""
    import tinycss2

    salida = []
    for regla in tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True):
        if regla.type == "qualified-rule":
            vivos = [
                s
                for s in _selectores(regla.prelude)
                if set(_CLASE_EN_SELECTOR.findall(_NEGACION.sub("", s))) <= clases and not _IMPOSIBLE.search(s)
            ]
            if vivos:
                salida.append(f"{','.join(vivos)}{{{tinycss2.serialize(regla.content).strip()}}}")
        elif regla.type == "at-rule":
            if regla.lower_at_keyword in ("media", "supports", "layer") and regla.content is not None:
                dentro = _depurar(tinycss2.serialize(regla.content), clases)
                if dentro:
                    salida.append(f"@{regla.at_keyword}{tinycss2.serialize(regla.prelude)}{{{dentro}}}")
            else:
                salida.append(tinycss2.serialize([regla]).strip())
        # los errores de análisis (CSS no válido) no pasan
    return "\n".join(salida)


_IMG_INCRUSTADA = re.compile(r"""(<img\b[^>]*?\ssrc=)(["'])data:image/(png|jpeg|gif|webp);base64,([^"']+)\2""", re.I)


def _sacar_imagenes(html: str, destino: str) -> str:
    """Las imágenes incrustadas (base64) pasan a ficheros junto a la página, con carga perezosa:
    el HTML pesa menos y el navegador solo las descarga al acercarse a ellas."""
    carpeta = posixpath.dirname(destino)

    def sacar(m: re.Match) -> str:
        datos = base64.b64decode(m[4])
        extension = "jpg" if m[3].lower() == "jpeg" else m[3].lower()
        nombre = f"{hashlib.sha256(datos).hexdigest()[:16]}.{extension}"
        _imagenes[posixpath.join(carpeta, nombre)] = datos
        return f"{m[1]}{m[2]}{nombre}{m[2]} loading={m[2]}lazy{m[2]} decoding={m[2]}async{m[2]}"

    return _IMG_INCRUSTADA.sub(sacar, html)


def on_pre_build(config, **kwargs):
    _css.clear()
    _clases.clear()
    _imagenes.clear()


def on_page_content(html, page, config, files, **kwargs):
    if not _es_cuaderno(page):
        return html
    pagina = page.file.src_uri
    html = _quitar_scripts_externos(html, pagina)
    html = _compartir_estilos(html, page.file.dest_uri)
    html = _poner_textos_alternativos(html, page, pagina)
    # El botón de copiar de mkdocs-jupyter, en español y sin el atributo «,» que le sobra.
    html = html.replace('", aria-label="Copy to Clipboard"', '" aria-label="Copiar al portapapeles"')
    html = html.replace('aria-label="Copy to Clipboard"', 'aria-label="Copiar al portapapeles"')
    html = html.replace(">Copied!<", ">¡Copiado!<")
    # El texto que copia ese botón repite el código de la celda: fuera del índice de búsqueda.
    html = re.sub(
        r'<div class="clipboard-copy-txt"(?![^>]*data-search-exclude)',
        '<div class="clipboard-copy-txt" data-search-exclude',
        html,
    )
    # Los bloques de código anchos tienen barra de desplazamiento: que se alcancen con el teclado.
    html = html.replace('<div class="highlight-ipynb', '<div tabindex="0" class="highlight-ipynb')
    html = _SALIDA_RICH.sub(_salida_legible, html)
    html = _poner_enlaces(html, page, config)
    html = _sacar_imagenes(html, page.file.dest_uri)
    for m in _CLASE_EN_HTML.finditer(html):
        _clases.update(m[1].split())
    return html


def on_post_build(config, **kwargs):
    for ruta, datos in _imagenes.items():
        fichero = Path(config["site_dir"]) / ruta
        fichero.parent.mkdir(parents=True, exist_ok=True)
        fichero.write_bytes(datos)
    if not _css:
        return
    carpeta = Path(config["site_dir"]) / CARPETA_CSS
    carpeta.mkdir(parents=True, exist_ok=True)
    # Material y el propio sitio ponen clases fuera del HTML del cuaderno (modo oscuro, etc.).
    clases = _clases | {"jupyter-wrapper"}
    for nombre, css in _css.items():
        (carpeta / nombre).write_text(_depurar(css, clases), encoding="utf-8")
