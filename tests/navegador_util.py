"""Utilidades de las pruebas del sitio en un navegador real (Chromium de Debian con Playwright).

Aquí viven las comprobaciones; `test_navegador.py` las aplica a cada página del sitio
construido y, para demostrar que muerden, a una copia del sitio rota a propósito.

    with servir(sitio) as origen:                      # http.server en 127.0.0.1, puerto libre
        with sync_playwright() as p:
            navegador = lanzar(p)
            contexto = nuevo_contexto(navegador, origen)
            informe = revisar_pagina(contexto, origen + "1-introduccion/1-4-activacion/")
            informe.problemas()                        # {"consola": [...], "imagenes": [...], ...}
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import re
import threading
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from bs4 import BeautifulSoup

CHROMIUM = "/usr/bin/chromium"
# La red cerrada rechaza las conexiones de fondo de Chromium: se apagan todas.
ARGUMENTOS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
ALT_POR_DEFECTO = "No description has been provided for this image"  # el de mkdocs-jupyter
ALT_MINIMO = 15  # caracteres: «Figura» o «gráfica» no describen nada
PESO_MAXIMO = 1_000_000  # bytes por página: su HTML y sus imágenes
IMPACTOS_GRAVES = ("serious", "critical")


# --------------------------------------------------------------------------- servidor


class _Manejador(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # sin ruido en la salida de pytest
        pass


@contextlib.contextmanager
def servir(raiz: Path):
    """Sirve `raiz` en 127.0.0.1 con un puerto libre; devuelve el origen («http://127.0.0.1:N/»)."""
    servidor = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Manejador, directory=str(raiz)))
    hilo = threading.Thread(target=servidor.serve_forever, daemon=True)
    hilo.start()
    try:
        yield f"http://127.0.0.1:{servidor.server_address[1]}/"
    finally:
        servidor.shutdown()
        servidor.server_close()


def lanzar(playwright):
    return playwright.chromium.launch(executable_path=CHROMIUM, args=ARGUMENTOS)


# --------------------------------------------------------------------------- páginas


def paginas_construidas(sitio: Path) -> list[str]:
    """Rutas de las páginas del sitio construido («», «1-introduccion/1-4-activacion/», ...)."""
    rutas = []
    for html in sorted(sitio.rglob("index.html")):
        relativa = html.parent.relative_to(sitio).as_posix()
        rutas.append("" if relativa == "." else relativa + "/")
    return rutas


def ruta_de_fuente(fuente: str) -> str:
    """La ruta de la página que MkDocs genera para un fichero de docs/ (use_directory_urls)."""
    sin_extension = fuente.rsplit(".", 1)[0]
    if sin_extension == "index" or sin_extension.endswith("/index"):
        sin_extension = sin_extension[: -len("index")]
        return sin_extension
    return sin_extension + "/"


# --------------------------------------------------------------------------- en el navegador

# Fuerza la carga de las imágenes perezosas (loading="lazy") y espera a todas.
_JS_IMAGENES = """async () => {
  const imagenes = Array.from(document.querySelectorAll("img"));
  await Promise.all(imagenes.map(img => {
    img.loading = "eager";
    if (img.complete) return null;
    return new Promise(listo => { img.addEventListener("load", listo); img.addEventListener("error", listo); });
  }));
  // decode() falla si la imagen no se pudo descargar o no es una imagen (vale también para SVG).
  const decodificadas = await Promise.all(imagenes.map(img => img.decode().then(() => true, () => false)));
  return imagenes.map((img, i) => ({
    src: img.getAttribute("src") || "",
    alt: img.getAttribute("alt"),
    cargada: img.complete && decodificadas[i],
    enContenido: !!img.closest("article"),
  }));
}"""

# Espera a que MathJax termine de componer (si la página lo carga).
_JS_MATHJAX = """async () => {
  const m = window.MathJax;
  if (!m || !m.startup || !m.startup.promise) return false;
  await m.startup.promise;
  return true;
}"""

# Texto del artículo que aún parece TeX en crudo (fuera de código y de fórmulas ya compuestas),
# y errores de TeX que MathJax pinta en rojo.
_JS_FORMULAS = r"""() => {
  const articulo = document.querySelector("article") || document.body;
  const crudo = /\\\(|\\\[|\$\$|(^|[^\\$])\$[^\s$](?:[^$]*[^\s\\$])?\$/;
  const fuera = "pre, code, script, style, textarea, kbd, mjx-container, .highlight, .clipboard-copy-txt";
  const restos = [];
  const paseo = document.createTreeWalker(articulo, NodeFilter.SHOW_TEXT);
  while (paseo.nextNode()) {
    const nodo = paseo.currentNode;
    if (nodo.parentElement && nodo.parentElement.closest(fuera)) continue;
    const m = crudo.exec(nodo.textContent);
    if (m) restos.push(nodo.textContent.trim().slice(0, 80));
  }
  const errores = Array.from(document.querySelectorAll("mjx-merror, [data-mjx-error]"))
    .map(e => e.getAttribute("data-mjx-error") || e.textContent);
  // Una fórmula compuesta sin el CSS de sus glifos ocupa su sitio pero no se ve.
  const invisibles = Array.from(document.querySelectorAll("mjx-container")).filter(f => {
    const glifos = Array.from(f.querySelectorAll("mjx-c"));
    return glifos.length && glifos.every(c => getComputedStyle(c, "::before").content === "none");
  }).map(f => (f.querySelector("mjx-assistive-mml, math") || f).textContent.trim().slice(0, 60) || f.outerHTML.slice(0, 60));
  return {restos, errores, invisibles, compuestas: document.querySelectorAll("mjx-container").length};
}"""


@dataclass
class Informe:
    url: str
    estado: int | None = None
    consola: list[str] = field(default_factory=list)
    externas: list[str] = field(default_factory=list)
    imagenes: list[dict] = field(default_factory=list)
    formulas: dict = field(default_factory=dict)
    axe: list[dict] = field(default_factory=list)

    def problemas(self) -> dict[str, list[str]]:
        """Lo que falla, agrupado por comprobación (vacío si la página está bien)."""
        p = {
            "carga": [] if self.estado == 200 else [f"la página respondió {self.estado}"],
            "consola": list(self.consola),
            "peticiones externas": sorted(set(self.externas)),
            "imágenes rotas": [i["src"][:100] for i in self.imagenes if not i["cargada"]],
            "texto alternativo": [
                f"{i['src'][:80]}: alt={i['alt']!r}"
                for i in self.imagenes
                if i["enContenido"] and not alt_valido(i["alt"], i["src"])
            ],
            "fórmulas sin componer": [f"«{r}»" for r in self.formulas.get("restos", [])],
            "errores de TeX": list(self.formulas.get("errores", [])),
            "fórmulas invisibles (sin glifos)": [f"«{f}»" for f in self.formulas.get("invisibles", [])],
            "accesibilidad (axe)": [
                f"{v['id']} ({v['impact']}): {v['help']} en {', '.join(str(n['target']) for n in v['nodes'][:3])}"
                for v in self.axe
            ],
        }
        return {clave: valor for clave, valor in p.items() if valor}


def alt_valido(alt: str | None, src: str = "") -> bool:
    """Un texto alternativo que describe algo: no vacío, no el de mkdocs-jupyter, no el nombre del fichero."""
    if alt is None:
        return False
    alt = alt.strip()
    nombre = Path(urlsplit(src).path).name if not src.startswith("data:") else ""
    return len(alt) >= ALT_MINIMO and alt != ALT_POR_DEFECTO and alt != nombre and alt != Path(nombre).stem


def nuevo_contexto(navegador, origen: str, esquema: str = "light"):
    """Un contexto que no deja salir ninguna petición de `origen`: las aborta y las apunta en contexto.externas."""
    contexto = navegador.new_context(color_scheme=esquema, viewport={"width": 1280, "height": 900})
    contexto.set_default_timeout(20_000)
    contexto.externas = []

    def filtrar(ruta):
        url = ruta.request.url
        if url.startswith(origen) or url.startswith("data:") or url.startswith("blob:"):
            ruta.continue_()
        else:
            contexto.externas.append(url)
            ruta.abort()

    contexto.route("**/*", filtrar)
    return contexto


def revisar_pagina(contexto, url: str, *, axe: bool = True) -> Informe:
    """Abre `url` en una pestaña nueva de `contexto` (ver nuevo_contexto) y devuelve lo que se ve en ella."""
    from axe_playwright_python.sync_playwright import Axe

    informe = Informe(url)
    contexto.externas.clear()
    pagina = contexto.new_page()
    try:
        pagina.on("console", lambda m: informe.consola.append(m.text) if m.type == "error" else None)
        pagina.on("pageerror", lambda e: informe.consola.append(f"excepción: {e}"))
        respuesta = pagina.goto(url, wait_until="load")
        informe.estado = respuesta.status if respuesta else None
        informe.imagenes = pagina.evaluate(_JS_IMAGENES)
        pagina.evaluate(_JS_MATHJAX)
        pagina.evaluate("() => document.fonts.ready.then(() => true)")  # las fuentes de MathJax
        informe.formulas = pagina.evaluate(_JS_FORMULAS)
        if axe:
            resultado = Axe().run(pagina)
            informe.axe = [v for v in resultado.response["violations"] if v.get("impact") in IMPACTOS_GRAVES]
        informe.externas = list(contexto.externas)  # también las que salgan mientras trabaja axe
    finally:
        pagina.close()
    return informe


# --------------------------------------------------------------------------- en el HTML (sin navegador)

_ATRIBUTOS_QUE_CARGAN = {
    "script": ["src"], "img": ["src", "srcset"], "source": ["src", "srcset"], "iframe": ["src"],
    "video": ["src", "poster"], "audio": ["src"], "embed": ["src"], "object": ["data"], "track": ["src"],
    "input": ["src"],
}
_RELS_QUE_CARGAN = {"stylesheet", "preload", "modulepreload", "prefetch", "preconnect", "dns-prefetch", "icon", "manifest", "apple-touch-icon"}
_URL_CSS = re.compile(r"""(?:url\(\s*["']?|@import\s+["'])\s*((?:https?:)?//[^"')\s]+)""", re.I)


def es_externa(url: str) -> bool:
    url = url.strip()
    return url.startswith("//") or bool(re.match(r"^[a-z][a-z0-9+.-]*://", url, re.I))


def referencias_externas(html: str) -> list[str]:
    """Recursos que la página pediría fuera de su servidor (scripts, estilos, imágenes, fuentes...)."""
    sopa = BeautifulSoup(html, "html.parser")
    fuera = []
    for etiqueta, atributos in _ATRIBUTOS_QUE_CARGAN.items():
        for elemento in sopa.find_all(etiqueta):
            for atributo in atributos:
                valor = elemento.get(atributo) or ""
                for parte in valor.split(",") if atributo == "srcset" else [valor]:
                    url = parte.strip().split(" ")[0]
                    if url and es_externa(url):
                        fuera.append(f"<{etiqueta} {atributo}> {url}")
    for enlace in sopa.find_all("link"):
        rel = set(enlace.get("rel") or [])
        if rel & _RELS_QUE_CARGAN and es_externa(enlace.get("href") or ""):
            fuera.append(f"<link rel={' '.join(sorted(rel))}> {enlace['href']}")
    for estilo in sopa.find_all("style"):
        fuera += [f"<style> {u}" for u in _URL_CSS.findall(estilo.get_text())]
    for elemento in sopa.find_all(style=True):
        fuera += [f"style= {u}" for u in _URL_CSS.findall(elemento["style"])]
    return fuera


def urls_externas_en_css(css: str) -> list[str]:
    return _URL_CSS.findall(css)


def imagenes_locales(html: str) -> list[str]:
    """Los src de las imágenes de la página (también las incrustadas como data:)."""
    return [img.get("src") or "" for img in BeautifulSoup(html, "html.parser").find_all("img")]


def imagenes_sin_dimensiones(html: str) -> list[str]:
    return [
        (img.get("src") or "")[:80]
        for img in BeautifulSoup(html, "html.parser").find_all("img")
        if not (img.get("width") and img.get("height"))
    ]


def peso_de_pagina(sitio: Path, html: Path) -> tuple[int, dict[str, int]]:
    """Bytes que descarga la página por sí misma: su HTML y sus imágenes (no el tema compartido)."""
    partes = {html.relative_to(sitio).as_posix(): html.stat().st_size}
    carpeta = html.parent.relative_to(sitio).as_posix()
    base = "/" if carpeta == "." else f"/{carpeta}/"
    for src in imagenes_locales(html.read_text(encoding="utf-8")):
        if not src or src.startswith("data:") or es_externa(src):
            continue  # las incrustadas ya cuentan en el HTML; las externas las caza otra prueba
        ruta = unquote(urlsplit(urljoin(base, src)).path).lstrip("/")
        fichero = sitio / ruta
        if fichero.is_file():
            partes[ruta] = fichero.stat().st_size
    return sum(partes.values()), partes


# --------------------------------------------------------------------------- búsqueda

_JS_RESULTADOS = """() => ({
  meta: (document.querySelector(".md-search-result__meta") || {}).textContent || "",
  enlaces: Array.from(document.querySelectorAll(".md-search-result__item a.md-search-result__link"))
    .map(a => a.href),
})"""


def abrir_buscador(contexto, origen: str):
    """Una pestaña en la portada con el buscador abierto y vacío."""
    pagina = contexto.new_page()
    pagina.goto(origen, wait_until="load")
    pagina.locator("input.md-search__input").click()
    # «Teclee para comenzar búsqueda»: lo que Material muestra cuando el worker está listo y no hay consulta
    pagina.vacio = pagina.evaluate(
        "JSON.parse(document.getElementById('__config').textContent).translations['search.result.placeholder']"
    )
    pagina.wait_for_function(
        "vacio => document.querySelector('.md-search-result__meta').textContent === vacio", arg=pagina.vacio
    )
    return pagina


def buscar(pagina, consulta: str, espera: float = 15.0) -> list[str]:
    """Busca `consulta` y devuelve las rutas de las páginas de los resultados, en orden.

    Se escribe de una vez (fill + una tecla, que es lo que escucha Material), así el worker
    recibe una sola consulta y no hay resultados a medias de lo que se estaba tecleando.
    """
    entrada = pagina.locator("input.md-search__input")
    entrada.fill("")
    entrada.press("End")
    pagina.wait_for_function("vacio => document.querySelector('.md-search-result__meta').textContent === vacio", arg=pagina.vacio)
    entrada.fill(consulta)
    entrada.press("End")
    pagina.wait_for_function(
        "vacio => document.querySelector('.md-search-result__meta').textContent !== vacio",
        arg=pagina.vacio, timeout=espera * 1000,
    )
    enlaces = pagina.evaluate(_JS_RESULTADOS)["enlaces"]
    rutas = []
    for enlace in enlaces:
        ruta = urlsplit(enlace).path.lstrip("/")
        if ruta not in rutas:
            rutas.append(ruta)
    return rutas
