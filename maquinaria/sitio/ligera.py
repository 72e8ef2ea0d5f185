"""Hook de MkDocs: la primera carga, ligera y sin tareas largas en un móvil (#18, punto 4).

Lighthouse (perfil de móvil, `python -m maquinaria.medir_lighthouse`) medía un rendimiento de
50 a 97 y lo que lo hundía era el tiempo de bloqueo del hilo principal, no los bytes. Lo que
hace este hook, sobre el HTML ya escrito de cada página (también la página para imprimir, que
print-site escribe en su on_post_build, antes que los hooks):

* Los scripts del tema (`bundle.*.js`, `print-site.js`, `preguntas.js`) con `defer`: se
  ejecutan en el mismo orden, al terminar de leer el HTML y antes de DOMContentLoaded, pero ya
  no bloquean el primer dibujo de la página.
* El índice de búsqueda (`search/search_index.json`, unos 50 kB comprimido) se pide cuando el
  lector va a buscar (toca o enfoca el buscador, o pulsa su atajo), no al abrir cada página:
  Material lo pide con un XMLHttpRequest al arrancar; un script pequeño en el <head> retiene
  ese envío hasta entonces. Mientras llega, Material muestra «Inicializando búsqueda».
* El código resaltado con menos elementos: Pygments envuelve cada nombre (`<span class="n">`)
  y cada espacio (`<span class="w">`) en su propio elemento, aunque el tema pinta los nombres
  con el color del propio código y los espacios sin estilo. Los elementos del código son la
  mitad de los de las páginas con mucho código (4 100 de 6 400 en 2.3), cada uno cuesta al
  calcular estilos y diseño, y esas dos envolturas son un tercio de ellos: se quitan, y el
  texto y los colores son los mismos.
* El botón de copiar de cada bloque de código, escrito en el HTML: el que pone Material
  (`content.code.copy`) lo inserta al cargar, bloque a bloque, y cada inserción obligaba a
  recalcular el diseño de toda la página al medir el bloque siguiente; con treinta bloques, la
  mayor parte del tiempo de bloqueo en un móvil. Es el mismo marcado que genera Material
  (`nav.md-code__nav > button.md-code__button`, con `data-clipboard-target`) y lo atiende el
  mismo Clipboard.js del tema, que Material arranca siempre; la opción queda desactivada en
  mkdocs.yml para que no ponga otro. El destino apunta al `<pre>` por un atributo propio
  (`data-copia`), no por el `id` que Material le da al montarlo.
* La página para imprimir con sus figuras en `loading="lazy"` (las demás páginas ya las traen así
  de la macro `figura()`); `python -m maquinaria.pdf` las carga todas antes de imprimir.

Antes, extra.css no dibujaba los bloques de código fuera de la pantalla (`content-visibility:
auto`): con Material midiendo cada bloque al cargar, cada medida de un bloque sin dibujar
obligaba a dibujarlo, y el tiempo de bloqueo de 2.1 era el doble (Lighthouse: 1 130 ms frente
a 435 ms sin esa regla). La opción `content.lazy` de Material, que montaría los bloques al
verse, en esta versión (9.8.1) no llega a montarlos nunca.

Las figuras siguen todas en `loading="lazy"`: en todas las páginas el elemento mayor del primer
dibujo (LCP) es un párrafo, y la primera figura queda a más de dos pantallas y media del
principio en un móvil; traerla al cargar solo añadiría bytes.
"""

from __future__ import annotations

import itertools
import re
from pathlib import Path

# Lo que se inserta al principio del <head>: antes que el bundle de Material.
DIFERIR_INDICE = """<script id="indice-diferido">
/* maquinaria/sitio/ligera.py: el índice de búsqueda se pide cuando el lector va a buscar. */
(function () {
  var abrir = XMLHttpRequest.prototype.open, enviar = XMLHttpRequest.prototype.send;
  var retenidos = [], suelto = false;
  function soltar() {
    if (suelto) return;
    suelto = true;
    retenidos.forEach(function (r) { enviar.apply(r[0], r[1]); });
    retenidos = [];
  }
  XMLHttpRequest.prototype.open = function (metodo, url) {
    this.indiceDeBusqueda = /\\/search\\/search_index\\.json(?:[?#]|$)/.test(String(url));
    return abrir.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    if (this.indiceDeBusqueda && !suelto) { retenidos.push([this, arguments]); return; }
    return enviar.apply(this, arguments);
  };
  function enBuscador(e) {
    var t = e.target;
    return t && t.closest && t.closest(".md-search, label[for='__search'], #__search") ? soltar() : null;
  }
  ["focusin", "pointerdown", "touchstart", "mouseover", "change"].forEach(function (tipo) {
    document.addEventListener(tipo, enBuscador, { capture: true, passive: true });
  });
  // Los atajos de teclado de Material para abrir el buscador.
  document.addEventListener("keydown", function (e) {
    if (["s", "S", "f", "F", "/"].indexOf(e.key) >= 0) soltar();
  }, { capture: true, passive: true });
  // Una dirección con ?q=... abre el buscador con esa consulta.
  if (/[?&]q=/.test(location.search)) soltar();
})();
</script>"""

_SCRIPT_DEL_TEMA = re.compile(
    r'<script src="(?P<src>[^"]*(?:assets/javascripts/bundle\.[0-9a-f]+\.min\.js|js/print-site\.js'
    r'|assets/preguntas/preguntas\.js))"></script>'
)
_PRE = re.compile(r"<pre\b[^>]*>.*?</pre>", re.S)
# Hojas de Pygments (sin etiquetas dentro) que se pintan igual sin su <span>.
_SIN_ESTILO_PROPIO = re.compile(r'<span class="(?:n|w)">([^<]*)</span>')
# Un <pre> con su <code> dentro (tras el <span> vacío de Pygments): lo que Material monta como
# bloque de código. Las salidas (<pre><samp>) no llevan botón de copiar.
_CODIGO = re.compile(r"<pre(?P<atributos>(?:\s[^>]*)?)>(?P<vacio>(?:<span></span>)?)<code\b")
BOTON_DE_COPIAR = (
    '<nav class="md-code__nav"><button class="md-code__button" title="Copiar al portapapeles"'
    ' data-clipboard-target="pre[data-copia=\'{n}\'] > code" data-md-type="copy"></button></nav>'
)
_IMG_SIN_LOADING = re.compile(r"<img\b(?![^>]*\bloading=)")


def _con_botones(html: str) -> str:
    if '<pre data-copia="' in html:  # ya los tiene
        return html
    numeros = itertools.count()

    def con_boton(m: re.Match) -> str:
        n = next(numeros)
        return f'<pre data-copia="{n}"{m["atributos"]}>{m["vacio"]}{BOTON_DE_COPIAR.format(n=n)}<code'

    return _CODIGO.sub(con_boton, html)


def aligerar(html: str, *, imprimir: bool = False) -> str:
    """El HTML de una página con los cambios del docstring del módulo (idempotente)."""
    if "<head>" in html and 'id="indice-diferido"' not in html:
        html = html.replace("<head>", "<head>\n" + DIFERIR_INDICE, 1)
    html = _SCRIPT_DEL_TEMA.sub(r'<script defer src="\g<src>"></script>', html)
    html = _PRE.sub(lambda m: _SIN_ESTILO_PROPIO.sub(r"\1", m[0]), html)
    html = _con_botones(html)
    if imprimir:
        html = _IMG_SIN_LOADING.sub('<img loading="lazy"', html)
    return html


def on_post_build(config, **kwargs):
    sitio = Path(config["site_dir"])
    for ruta in sitio.rglob("*.html"):
        html = ruta.read_text(encoding="utf-8")
        nuevo = aligerar(html, imprimir=ruta.relative_to(sitio).as_posix() == "imprimir/index.html")
        if nuevo != html:
            ruta.write_text(nuevo, encoding="utf-8")
