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
* Cada bloque de código con su alto previsto (`contain-intrinsic-size`, en `style`): extra.css
  no dibuja los bloques fuera de la pantalla (`content-visibility: auto`) y les supone 14em de
  alto hasta que se ven; un bloque de 80 líneas mide 100em. Al desplazarse la página crecía y
  todo lo de debajo se movía: axe (el de Lighthouse) medía el pie de página cuando ya lo tapaba
  un bloque de código y daba un contraste de 1,06 en 1.3 (apéndice). El alto de un bloque es
  1,19em por línea y 3,16em de márgenes (medido en Chromium: 19,04 px por línea y 50,5 px).
* La página para imprimir con sus figuras en `loading="lazy"` (las demás páginas ya las traen así
  de la macro `figura()`); `python -m maquinaria.pdf` las carga todas antes de imprimir.

Material monta todos los bloques de código al cargar (botón de copiar, medida de si se
desplazan): decenas de recálculos del diseño en una sola tarea, lo que más bloquea en las páginas
con mucho código. Su opción `content.lazy`, que los montaría al verse, en esta versión (9.8.1) no
llega a montarlos nunca: sin botón de copiar (lo vigila tests/test_ligera.py). Lo que sí se
puede, menos elementos en cada bloque, lo hace este hook.

Las figuras siguen todas en `loading="lazy"`: en todas las páginas el elemento mayor del primer
dibujo (LCP) es un párrafo, y la primera figura queda a más de dos pantallas y media del
principio en un móvil; traerla al cargar solo añadiría bytes.
"""

from __future__ import annotations

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
_BLOQUE = re.compile(r'(<div class="[^"]*\bhighlight\b[^"]*")>(<pre\b[^>]*>.*?</pre>)', re.S)
EM_POR_LINEA, EM_DE_MARGENES = 1.19, 3.16
_IMG_SIN_LOADING = re.compile(r"<img\b(?![^>]*\bloading=)")


def _con_alto_previsto(bloque: re.Match) -> str:
    codigo = re.sub(r"<[^>]+>", "", bloque[2])
    lineas = codigo.count("\n") + (0 if codigo.endswith("\n") else 1)
    alto = EM_POR_LINEA * lineas + EM_DE_MARGENES
    return f'{bloque[1]} style="contain-intrinsic-size: auto {alto:.2f}em">{bloque[2]}'


def aligerar(html: str, *, imprimir: bool = False) -> str:
    """El HTML de una página con los cambios del docstring del módulo (idempotente)."""
    if "<head>" in html and 'id="indice-diferido"' not in html:
        html = html.replace("<head>", "<head>\n" + DIFERIR_INDICE, 1)
    html = _SCRIPT_DEL_TEMA.sub(r'<script defer src="\g<src>"></script>', html)
    html = _PRE.sub(lambda m: _SIN_ESTILO_PROPIO.sub(r"\1", m[0]), html)
    html = _BLOQUE.sub(_con_alto_previsto, html)
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
