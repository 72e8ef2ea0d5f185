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

import functools
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from bs4 import BeautifulSoup

# El sitio se sirve comprimido con gzip, como GitHub Pages (maquinaria/servidor.py).
from maquinaria.servidor import ARGUMENTOS, CHROMIUM, servir  # noqa: F401 (las pruebas los importan de aquí)

ALT_POR_DEFECTO = "No description has been provided for this image"  # el de mkdocs-jupyter
ALT_MINIMO = 15  # caracteres: «Figura» o «gráfica» no describen nada
PESO_MAXIMO = 1_000_000  # bytes por página: su HTML y sus imágenes
IMPACTOS_GRAVES = ("serious", "critical")
ANCHOS = {"movil": (390, 844), "portatil": (1280, 900)}  # un móvil y un portátil, en píxeles CSS


# --------------------------------------------------------------------------- servidor


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

# Texto del artículo que aún parece TeX en crudo (fuera de código y de fórmulas ya compuestas en
# MathML), órdenes de TeX que latex2mathml dejó escritas tal cual y fórmulas que no ocupan sitio.
_JS_FORMULAS = r"""() => {
  const articulo = document.querySelector("article") || document.body;
  const crudo = /\\\(|\\\[|\$\$|(^|[^\\$])\$[^\s$](?:[^$]*[^\s\\$])?\$/;
  const fuera = "pre, code, script, style, textarea, kbd, math, .formula-texto, .highlight, .clipboard-copy-txt";
  const restos = [];
  const paseo = document.createTreeWalker(articulo, NodeFilter.SHOW_TEXT);
  while (paseo.nextNode()) {
    const nodo = paseo.currentNode;
    if (nodo.parentElement && nodo.parentElement.closest(fuera)) continue;
    const m = crudo.exec(nodo.textContent);
    if (m) restos.push(nodo.textContent.trim().slice(0, 80));
  }
  const formulas = Array.from(articulo.querySelectorAll("math"));
  const errores = formulas.flatMap(f => Array.from(f.querySelectorAll("mi, mo, mtext, merror"))
    .filter(e => e.tagName.toLowerCase() === "merror" || /^\\[A-Za-z]+$/.test(e.textContent.trim()))
    .map(e => e.textContent.trim()));
  const invisibles = formulas.filter(f => {
    // Las de una solución plegada o una explicación que aún no se muestra no se ven: está bien.
    const plegada = f.closest("details");
    if (f.closest("[hidden]") || (plegada && !plegada.open)) return false;
    const r = f.getBoundingClientRect();
    return r.width < 1 || r.height < 1;
  }).map(f => f.textContent.trim().slice(0, 60));
  return {restos, errores, invisibles, compuestas: formulas.length};
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
            "fórmulas invisibles": [f"«{f}»" for f in self.formulas.get("invisibles", [])],
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


def nuevo_contexto(navegador, origen: str, esquema: str = "light", ancho: str = "portatil"):
    """Un contexto que no deja salir ninguna petición de `origen`: las aborta y las apunta en contexto.externas.

    `ancho`: "portatil" (1280 × 900) o "movil" (390 × 844, con la etiqueta viewport de móvil y tres
    píxeles por píxel CSS). Sin pantalla táctil: con ella, Material quita a propósito el tabindex
    de los bloques de código desplazables (sin teclado no hace falta) y axe no lo entendería."""
    w, h = ANCHOS[ancho]
    movil = ancho == "movil"
    contexto = navegador.new_context(
        color_scheme=esquema,
        viewport={"width": w, "height": h},
        is_mobile=movil,
        device_scale_factor=3 if movil else 1,
    )
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


def _escuchar(pagina, informe: Informe) -> None:
    """Antes de abrir: los errores de la consola y las excepciones, al informe."""
    pagina.on("console", lambda m: informe.consola.append(m.text) if m.type == "error" else None)
    pagina.on("pageerror", lambda e: informe.consola.append(f"excepción: {e}"))


def _revisar_abierta(pagina, contexto, informe: Informe, respuesta, axe: bool) -> None:
    """Lo que se ve en una página ya cargada: imágenes, fórmulas, axe y peticiones externas."""
    from axe_playwright_python.sync_playwright import Axe

    informe.estado = respuesta.status if respuesta else None
    informe.imagenes = pagina.evaluate(_JS_IMAGENES)
    informe.formulas = pagina.evaluate(_JS_FORMULAS)
    if axe:
        resultado = Axe().run(pagina)
        informe.axe = [v for v in resultado.response["violations"] if v.get("impact") in IMPACTOS_GRAVES]
    informe.externas = list(contexto.externas)  # también las que salgan mientras trabaja axe


def revisar_pagina(contexto, url: str, *, axe: bool = True) -> Informe:
    """Abre `url` en una pestaña nueva de `contexto` (ver nuevo_contexto) y devuelve lo que se ve en ella."""
    informe = Informe(url)
    contexto.externas.clear()
    pagina = contexto.new_page()
    try:
        _escuchar(pagina, informe)
        respuesta = pagina.goto(url, wait_until="load")
        _revisar_abierta(pagina, contexto, informe, respuesta, axe)
    finally:
        pagina.close()
    return informe


# --------------------------------------------------------------------------- en el HTML (sin navegador)

_ATRIBUTOS_QUE_CARGAN = {
    "script": ["src"],
    "img": ["src", "srcset"],
    "source": ["src", "srcset"],
    "iframe": ["src"],
    "video": ["src", "poster"],
    "audio": ["src"],
    "embed": ["src"],
    "object": ["data"],
    "track": ["src"],
    "input": ["src"],
}
_RELS_QUE_CARGAN = {
    "stylesheet",
    "preload",
    "modulepreload",
    "prefetch",
    "preconnect",
    "dns-prefetch",
    "icon",
    "manifest",
    "apple-touch-icon",
}
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
    pagina.wait_for_function(
        "vacio => document.querySelector('.md-search-result__meta').textContent === vacio", arg=pagina.vacio
    )
    entrada.fill(consulta)
    entrada.press("End")
    pagina.wait_for_function(
        "vacio => document.querySelector('.md-search-result__meta').textContent !== vacio",
        arg=pagina.vacio,
        timeout=espera * 1000,
    )
    enlaces = pagina.evaluate(_JS_RESULTADOS)["enlaces"]
    rutas = []
    for enlace in enlaces:
        ruta = urlsplit(enlace).path.lstrip("/")
        if ruta not in rutas:
            rutas.append(ruta)
    return rutas


def resultados_de_busqueda(pagina) -> list[dict]:
    """Lo que muestra cada resultado de la última búsqueda: ruta, texto visible y marcas."""
    return pagina.evaluate("""() => Array.from(document.querySelectorAll(".md-search-result__item")).flatMap(item =>
      Array.from(item.querySelectorAll("a.md-search-result__link")).map(a => ({
        ruta: new URL(a.href).pathname.replace(/^\\//, ""),
        texto: a.innerText,
        marcasAnidadas: a.querySelectorAll("mark mark").length,
      })))""")


# Restos de marcado o de TeX que un lector vería como texto en un resultado de búsqueda.
# («k>Capa de pooling», «<mar<mark>k>», «&lt;»); un «b > 0» de una fórmula no lo es.
MARCADO_EN_TEXTO = re.compile(r"</?[a-zA-Z]|[a-zA-Z\"'/]>|&[a-z]+;|&#\d+;")
TEX_EN_TEXTO = re.compile(r"\\[a-zA-Z]+|\\[()\[\]]|\$\$|[_^]\{")


# --------------------------------------------------------------------------- lectura en móvil y portátil


# Lo que se mide en cada página a un ancho dado (ver revisar_lectura).
_JS_LECTURA = r"""() => {
  const articulo = document.querySelector("article.md-content__inner") || document.querySelector("article");
  const problemas = {};
  const anota = (clave, texto) => { (problemas[clave] = problemas[clave] || []).push(texto); };
  const estilo = e => getComputedStyle(e);
  const nombre = e =>
    (e.className && e.className.toString ? e.className.toString() : e.tagName).slice(0, 50) || e.tagName;
  const raiz = document.scrollingElement || document.documentElement;

  // 1. La página entera no se desplaza a lo ancho.
  if (raiz.scrollWidth > raiz.clientWidth + 1)
    anota("la página se desplaza a lo ancho", `${raiz.scrollWidth} px de contenido en ${raiz.clientWidth} px`);

  // 2. El botón de copiar no tapa código, ni al principio ni desplazado hasta el final.
  const botones = Array.from(document.querySelectorAll(".md-code__nav, .zeroclipboard-container"))
    .filter(b => b.getBoundingClientRect().width > 0);
  for (const boton of botones) {
    const bloque = boton.closest("pre, .jp-InputArea-editor");
    const codigo = bloque && (bloque.querySelector("code") || bloque.querySelector("pre"));
    if (!codigo) continue;
    const desplazable =
      codigo.scrollWidth > codigo.clientWidth ? codigo : (codigo.closest(".highlight-ipynb") || codigo);
    for (const posicion of [0, desplazable.scrollWidth]) {
      desplazable.scrollLeft = posicion;
      const b = boton.getBoundingClientRect();
      const visible = desplazable.getBoundingClientRect();
      const rango = document.createRange();
      rango.selectNodeContents(codigo);
      const tapada = Array.from(rango.getClientRects()).find(r =>
        r.width > 0 && r.left < Math.min(b.right, visible.right) && r.right > Math.max(b.left, visible.left) &&
        r.top < b.bottom - 1 && r.bottom > b.top + 1);
      if (tapada) {
        const primera = codigo.textContent.trim().split("\n")[0].slice(0, 60);
        anota("el botón de copiar tapa código", `${primera} (desplazado ${posicion} px)`);
        break;
      }
    }
    desplazable.scrollLeft = 0;
  }

  // 3. Lo que no cabe (fórmulas, tablas, salidas) se desplaza, y una sombra en el borde lo avisa.
  const contenedores = Array.from(articulo.querySelectorAll(
    ".formula, .md-typeset__scrollwrap, .jp-RenderedText.jp-OutputArea-output, .jp-OutputArea-output pre"));
  for (const c of contenedores) {
    if (c.scrollWidth <= c.clientWidth + 1) continue;
    const s = estilo(c);
    if (s.overflowX === "visible") continue;  // lo desplaza (o lo corta) un contenedor, que también se revisa
    if (!["auto", "scroll"].includes(s.overflowX))
      anota("contenido cortado", `${nombre(c)}: ${c.scrollWidth} px en ${c.clientWidth} px sin desplazamiento`);
    else if (!/radial-gradient/.test(s.backgroundImage))
      anota("desplazable sin aviso",
        `${nombre(c)}: «${c.textContent.trim().slice(0, 50)}» se desplaza sin sombra en el borde`);
  }
  // Una fórmula o tabla más ancha que la columna fuera de uno de esos contenedores queda cortada o desborda.
  for (const e of articulo.querySelectorAll("math, table")) {
    const ancho = e.getBoundingClientRect().width;
    if (ancho <= articulo.clientWidth + 1) continue;
    if (!e.closest(".formula, .md-typeset__scrollwrap, .jp-OutputArea-output, .jp-RenderedHTMLCommon table, pre"))
      anota("contenido cortado",
        `${e.tagName.toLowerCase()} de ${Math.round(ancho)} px fuera de un contenedor desplazable`);
  }

  // 4. Cuadernos: ninguna salida cortada por un overflow: hidden, y la misma columna que el resto.
  for (const salida of articulo.querySelectorAll(".jp-OutputArea-output")) {
    for (let e = salida; e && e !== articulo; e = e.parentElement) {
      const s = estilo(e);
      if (["hidden", "clip"].includes(s.overflowX) && e.scrollWidth > e.clientWidth + 1) {
        const inicio = salida.textContent.trim().slice(0, 40);
        anota("salida del cuaderno cortada", `${nombre(e)}: ${e.scrollWidth} px en ${e.clientWidth} px («${inicio}»)`);
        break;
      }
    }
  }
  const columna =
    articulo.clientWidth - parseFloat(estilo(articulo).paddingLeft) - parseFloat(estilo(articulo).paddingRight);
  for (const celda of Array.from(articulo.querySelectorAll(".jp-RenderedMarkdown")).slice(0, 3)) {
    const ancho = celda.getBoundingClientRect().width;
    if (ancho < columna - 4)
      anota("columna del cuaderno más estrecha", `${Math.round(ancho)} px frente a ${Math.round(columna)} px`);
  }
  if (window.innerWidth < 600) {
    for (const editor of Array.from(articulo.querySelectorAll(".jp-InputArea-editor")).slice(0, 3)) {
      const ancho = editor.getBoundingClientRect().width;
      if (ancho < columna - 4)
        anota("código del cuaderno más estrecho que la columna",
          `${Math.round(ancho)} px frente a ${Math.round(columna)} px`);
    }
  }

  // 5. El pie de la página, en español; los pies de figura, breves (script y semilla, sin segundos).
  const pie = (document.querySelector(".md-footer-meta") || {}).innerText || "";
  if (/made with|material for mkdocs/i.test(pie)) anota("pie de página en inglés", pie.trim().slice(0, 80));
  for (const f of articulo.querySelectorAll("figure.figura-generada figcaption")) {
    const texto = f.textContent.replace(/\s+/g, " ").trim();
    if (/\d+(?:,\d+)?\s*s\b|generada por|segundos/i.test(texto))
      anota("pie de figura con tiempos o proceso", texto.slice(0, 90));
    const procedencia = f.querySelector(".procedencia");
    if (!procedencia || !procedencia.querySelector("a[href*='scripts/figuras/']")
        || !/semilla \d+/.test(procedencia.textContent))
      anota("pie de figura sin procedencia (script y semilla)", texto.slice(0, 90));
    else if (parseFloat(estilo(procedencia).fontSize) >= parseFloat(estilo(f).fontSize))
      anota("procedencia tan grande como el pie", texto.slice(0, 90));
  }
  return problemas;
}"""


OSCURO = "label[title='Cambiar a modo oscuro']"  # el interruptor de Material (mkdocs.yml, palette)


def revisar_lectura(
    contexto,
    url: str,
    *,
    axe_en_oscuro: bool = False,
    completa: bool = False,
    presupuesto: int | None = None,
    figuras: list[str] | None = None,
) -> dict[str, list[str]]:
    """Abre `url` (al ancho de `contexto`, en modo claro), mide lo que estorba la lectura, pasa al
    modo oscuro con el interruptor de la cabecera, como haría el lector, y lo mide otra vez. Las
    claves del resultado llevan el modo: «claro: …» y «oscuro: …». Una sola carga para todo:

    * `presupuesto`: bytes (gzip) que puede pesar esa primera carga, sin caché (_peso);
    * `figuras`: las figuras que pone la página, en orden; en cada modo se comprueba qué imagen
      carga cada una y a qué tamaño se lee su texto (problemas_de_figuras);
    * `completa`: en claro, también lo de revisar_pagina (consola, imágenes, fórmulas, axe)."""
    pagina = contexto.new_page()
    problemas: dict[str, list[str]] = {}
    peticiones: list = []
    try:
        informe = Informe(url)
        contexto.externas.clear()
        _escuchar(pagina, informe)
        pagina.on("requestfinished", lambda peticion: peticiones.append(peticion))
        respuesta = pagina.goto(url, wait_until="load")
        if presupuesto is not None:
            # Antes de que las comprobaciones carguen las figuras perezosas: lo que pide la página sola.
            peso, partes = _peso(pagina, peticiones)
            if peso > presupuesto:
                mayores = ", ".join(
                    f"{u.rsplit('/', 1)[-1] or u} {b / 1000:.1f} kB"
                    for u, b in sorted(partes.items(), key=lambda kv: -kv[1])[:5]
                )
                problemas["claro: primera carga"] = [f"{peso / 1000:.1f} kB > {presupuesto / 1000:.0f} kB ({mayores})"]
        if completa:
            _revisar_abierta(pagina, contexto, informe, respuesta, axe=True)
            for clave, lista in informe.problemas().items():
                problemas[f"claro: {clave}"] = lista
        movil = pagina.viewport_size["width"] <= ANCHO_ESTRECHO
        for modo in ("claro", "oscuro"):
            if modo == "oscuro":
                pagina.click(OSCURO)
                # Y que acaben las transiciones de color del tema: axe mediría a mitad de una.
                pagina.wait_for_function(
                    "document.body.dataset.mdColorScheme === 'slate' && document.getAnimations()"
                    ".every(a => !(a instanceof CSSTransition) || a.playState !== 'running')"
                )
            # Material decide tras medir (ResizeObserver) qué bloques de código se desplazan: dos cuadros.
            pagina.evaluate(
                "() => document.fonts.ready.then(() => new Promise("
                "r => requestAnimationFrame(() => requestAnimationFrame(r))))"
            )
            for clave, lista in pagina.evaluate(_JS_LECTURA).items():
                problemas[f"{modo}: {clave}"] = lista
            if figuras is not None:
                if mal := problemas_de_figuras(figuras, pagina.evaluate(_JS_FIGURAS), movil):
                    problemas[f"{modo}: figuras"] = mal
            if axe_en_oscuro and modo == "oscuro":
                from axe_playwright_python.sync_playwright import Axe

                graves = [v for v in Axe().run(pagina).response["violations"] if v.get("impact") in IMPACTOS_GRAVES]
                if graves:
                    problemas["oscuro: accesibilidad (axe)"] = [
                        f"{v['id']}: {v['help']} en {', '.join(str(n['target']) for n in v['nodes'][:3])}"
                        for v in graves
                    ]
    finally:
        pagina.close()
    return problemas


# --------------------------------------------------------------------------- figuras legibles

FIGURAS = Path(__file__).resolve().parents[1] / "docs" / "figuras"
TEXTO_MINIMO = 9  # px CSS: la letra más pequeña que se lee sin ampliar
ANCHO_ESTRECHO = 720  # px CSS: hasta aquí se sirve la versión estrecha (<picture>, media max-width)


@functools.cache
def registros_de_figuras() -> dict[str, dict]:
    """Nombre de cada figura -> su registro (docs/figuras/NOMBRE.json)."""
    return {
        p.stem: json.loads(p.read_text(encoding="utf-8"))
        for p in sorted(FIGURAS.glob("*.json"))
        if not p.stem.endswith("-estrecha")
    }


def figuras_de_paginas() -> dict[str, list[str]]:
    """Ruta de cada página -> las figuras que pone con {{ figura("...") }}, en orden."""
    docs = FIGURAS.parent
    paginas = {}
    for fuente in sorted(docs.rglob("*.md")):
        nombres = re.findall(r"""\{\{\s*figura\(\s*["']([^"']+)["']""", fuente.read_text(encoding="utf-8"))
        if nombres:
            paginas[ruta_de_fuente(fuente.relative_to(docs).as_posix())] = nombres
    return paginas


# Cada figura del artículo: la imagen que cargó el navegador y el tamaño al que la muestra.
_JS_FIGURAS = """async () => {
  const imagenes = Array.from(document.querySelectorAll("article figure.figura-generada img"));
  const fotograma = () => new Promise(listo => requestAnimationFrame(() => requestAnimationFrame(listo)));
  const vistas = [];
  // Una a una, como las ve el lector al llegar a ellas: en pantalla y cargadas.
  for (const img of imagenes) {
    img.scrollIntoView({block: "center"});
    img.loading = "eager";
    if (!img.complete) await new Promise(listo => {
      img.addEventListener("load", listo); img.addEventListener("error", listo);
    });
    await img.decode().catch(() => null);
    await fotograma();
    vistas.push({
      src: img.currentSrc,
      ancho: img.getBoundingClientRect().width,
      natural: img.naturalWidth,
    });
  }
  window.scrollTo(0, 0);
  return vistas;
}"""


def problemas_de_figuras(esperadas: list[str], vistas: list[dict], movil: bool) -> list[str]:
    """Cada figura carga su versión (la estrecha en un móvil) y su texto más pequeño, tal como se
    muestra, mide al menos TEXTO_MINIMO px CSS (el registro guarda ese tamaño en la imagen)."""
    if len(vistas) != len(esperadas):
        return [f"{len(vistas)} figuras en la página y {len(esperadas)} en su Markdown"]
    registros = registros_de_figuras()
    problemas = []
    for nombre, vista in zip(esperadas, vistas):
        registro = registros[nombre]
        datos = registro["estrecha"] if movil else registro
        archivo = vista["src"].rsplit("/", 1)[-1]
        if archivo != datos["imagen"]:
            problemas.append(f"{nombre}: cargó {archivo or 'nada'}, no {datos['imagen']}")
            continue
        if vista["natural"] != datos["ancho"]:
            problemas.append(f"{nombre}: {vista['natural']} px de ancho natural, el registro dice {datos['ancho']}")
            continue
        texto = vista["ancho"] / vista["natural"] * datos["texto_px"]
        if texto < TEXTO_MINIMO:
            problemas.append(
                f"{nombre}: texto de {texto:.1f} px CSS ({datos['texto_px']} px en {datos['ancho']} px "
                f"mostrados a {vista['ancho']:.0f} px)"
            )
    return problemas


# --------------------------------------------------------------------------- peso de la primera carga

PRESUPUESTO_SIN_FORMULAS = 150_000  # bytes comprimidos (gzip), primera carga
PRESUPUESTO_CUALQUIERA = 500_000


def _peso(pagina, peticiones: list) -> tuple[int, dict[str, int]]:
    """Bytes que ha descargado la pestaña (comprimidos, con cabeceras) cuando la red queda en calma,
    abierta sin caché: HTML, tema, índice de búsqueda si lo pidiera, imágenes visibles."""
    pagina.wait_for_load_state("networkidle")
    partes: dict[str, int] = {}
    for peticion in list(peticiones):
        tamanos = peticion.sizes()
        partes[peticion.url] = (
            partes.get(peticion.url, 0) + tamanos["responseBodySize"] + tamanos["responseHeadersSize"]
        )
    return sum(partes.values()), partes
