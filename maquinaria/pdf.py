"""La unidad entera en un PDF: Chromium imprime la página «imprimir/» del sitio construido.

    python -m mkdocs build --strict -d site
    python -m maquinaria.pdf site            # escribe site/unidad.pdf

No va dentro de `mkdocs build`: imprimir con Chromium tarda bastante más que los 10 s de
presupuesto de la construcción estricta. Se hace sobre el sitio ya construido, sin red:

1. sirve la carpeta del sitio en 127.0.0.1 (un puerto libre) y abre `imprimir/` (la página de
   mkdocs-print-site-plugin, con todas las de la unidad) en el Chromium de Debian, con
   Playwright; cualquier petición fuera de ese servidor se aborta;
2. carga todas las imágenes (las figuras llevan loading="lazy") y espera a que MathJax
   componga las fórmulas y a que estén las fuentes;
3. imprime en A4 con el número de página al pie («3 / 99», del @page de
   `maquinaria/sitio/imprimir.css`) y un esquema de marcadores;
4. lee en el esquema (marcadores) del PDF en qué página empieza cada apartado, escribe esos
   números en el índice (Chromium no sabe hacer `target-counter`) y vuelve a imprimir.

Sale con 1 si la página no existe, si alguna imagen no carga o si queda una fórmula sin
componer: un PDF a medias no sirve.
"""

from __future__ import annotations

import argparse
import io
import re
import sys
import time
from pathlib import Path

from .servidor import ARGUMENTOS, CHROMIUM, servir

PAGINA = "imprimir/"
NOMBRE = "unidad.pdf"


_JS_PREPARAR = """async () => {
  const imagenes = Array.from(document.images);
  await Promise.all(imagenes.map(img => {
    img.loading = "eager";
    if (img.complete) return null;
    return new Promise(listo => { img.addEventListener("load", listo); img.addEventListener("error", listo); });
  }));
  const rotas = [];
  for (const img of imagenes) {
    const bien = await img.decode().then(() => true, () => false);
    if (!bien) rotas.push(img.getAttribute("src"));
  }
  if (window.MathJax && MathJax.startup && MathJax.startup.promise) await MathJax.startup.promise;
  await document.fonts.ready;
  const errores = document.querySelectorAll("mjx-merror").length;
  const sinComponer = Array.from(document.querySelectorAll(".arithmatex"))
    .filter(a => !a.querySelector("mjx-container")).map(a => a.textContent.slice(0, 60));
  return {rotas, errores, sinComponer, formulas: document.querySelectorAll("mjx-container").length,
          imagenes: imagenes.length};
}"""

# Las entradas del índice de print-site: enlaces a #section-..., con el título del apartado.
# Para cada entrada, el título del apartado al que lleva: el de su encabezado (la portada se
# llama «Inicio» en el índice, pero su encabezado es «Redes neuronales»), que es el del esquema.
_JS_INDICE = """() => Array.from(document.querySelectorAll("#print-page-toc a"))
  .map(a => {
    const href = a.getAttribute("href") || "";
    const destino = href.startsWith("#") ? document.getElementById(decodeURIComponent(href.slice(1))) : null;
    const encabezado = destino && (destino.matches("h1, h2, h3") ? destino : destino.querySelector("h1, h2, h3"));
    const texto = (encabezado || a).textContent.replace(/¶/g, "").trim();
    return {href, texto, entrada: a.textContent.trim()};
  })"""

_JS_NUMERAR = """(numeros) => {
  const enlaces = Array.from(document.querySelectorAll("#print-page-toc a"));
  enlaces.forEach((a, i) => {
    if (numeros[i] == null) return;
    let n = a.querySelector(".pdf-pagina");
    if (!n) { n = document.createElement("span"); n.className = "pdf-pagina"; a.appendChild(n); }
    n.textContent = String(numeros[i]);
  });
  if (!document.getElementById("pdf-indice-estilo")) {
    const estilo = document.createElement("style");
    estilo.id = "pdf-indice-estilo";
    estilo.textContent = "#print-page-toc li > a { display: flex; gap: 0.5em; }"
      + " #print-page-toc li > a .pdf-pagina { margin-left: auto; }";
    document.head.appendChild(estilo);
  }
}"""


def _normalizar(texto: str) -> str:
    return re.sub(r"\s+", " ", texto).strip().casefold()


def _esquema(pdf: bytes) -> list[tuple[str, int]]:
    """Los títulos del esquema (marcadores) que Chromium pone al PDF, con su página (1, 2, ...)."""
    from pypdf import PdfReader

    lector = PdfReader(io.BytesIO(pdf))
    entradas: list[tuple[str, int]] = []

    def recorrer(nodos):
        for nodo in nodos:
            if isinstance(nodo, list):
                recorrer(nodo)
            else:
                entradas.append((nodo.title, lector.get_destination_page_number(nodo) + 1))

    recorrer(lector.outline)
    return entradas


def paginas_de_apartados(pdf: bytes, titulos: list[str]) -> list[int | None]:
    """Para cada título del índice, su página, leída del esquema del PDF.

    Se recorren los dos en orden: «Comprueba lo que sabes» sale una vez por apartado, y
    cada aparición del índice corresponde a la siguiente del esquema."""
    esquema = [(_normalizar(t), n) for t, n in _esquema(pdf)]
    numeros: list[int | None] = []
    actual = 0
    for titulo in titulos:
        buscado = _normalizar(titulo)
        i = next((j for j in range(actual, len(esquema)) if esquema[j][0] == buscado), None)
        numeros.append(None if i is None else esquema[i][1])
        if i is not None:
            actual = i + 1
    return numeros


def generar(sitio: Path, destino: Path | None = None) -> dict:
    """Imprime `sitio/imprimir/` en `destino` (por defecto `sitio/unidad.pdf`); devuelve medidas."""
    from playwright.sync_api import sync_playwright

    sitio = Path(sitio).resolve()
    destino = Path(destino) if destino else sitio / NOMBRE
    if not (sitio / PAGINA / "index.html").exists():
        raise SystemExit(
            f"No encuentro {PAGINA}index.html en {sitio}: construye antes el sitio "
            "(python -m mkdocs build --strict -d CARPETA) con el plugin print-site."
        )
    inicio = time.perf_counter()
    with servir(sitio, comprimir=False) as origen, sync_playwright() as p:
        navegador = p.chromium.launch(executable_path=CHROMIUM, args=ARGUMENTOS)
        try:
            contexto = navegador.new_context(viewport={"width": 1100, "height": 1400})
            externas: list[str] = []

            def filtrar(ruta):
                url = ruta.request.url
                if url.startswith(origen) or url.startswith(("data:", "blob:")):
                    ruta.continue_()
                else:
                    externas.append(url)
                    ruta.abort()

            contexto.route("**/*", filtrar)
            pagina = contexto.new_page()
            pagina.set_default_timeout(120_000)
            pagina.goto(origen + PAGINA, wait_until="load")
            estado = pagina.evaluate(_JS_PREPARAR)
            problemas = []
            if estado["rotas"]:
                problemas.append(f"imágenes que no cargan: {estado['rotas'][:5]}")
            if estado["errores"] or estado["sinComponer"]:
                problemas.append(f"fórmulas con error o sin componer: {estado['sinComponer'][:5]}")
            if problemas:
                raise SystemExit("No se imprime un PDF a medias:\n  " + "\n  ".join(problemas))
            pagina.emulate_media(media="print")
            opciones = dict(
                format="A4",
                print_background=True,
                prefer_css_page_size=True,  # el tamaño, los márgenes y «3 / 99» van en el @page del sitio
                outline=True,
                tagged=True,
            )
            primera = pagina.pdf(**opciones)
            indice = pagina.evaluate(_JS_INDICE)
            numeros = paginas_de_apartados(primera, [e["texto"] for e in indice])
            pagina.evaluate(_JS_NUMERAR, numeros)
            pdf = pagina.pdf(**opciones)
            # Los números del índice ocupan poco: si algo se movió de página, se corrige una vez más.
            nuevos = paginas_de_apartados(pdf, [e["texto"] for e in indice])
            if nuevos != numeros:
                pagina.evaluate(_JS_NUMERAR, nuevos)
                pdf = pagina.pdf(**opciones)
                numeros = nuevos
        finally:
            navegador.close()
    destino.parent.mkdir(parents=True, exist_ok=True)
    temporal = destino.with_suffix(".pdf.tmp")
    temporal.write_bytes(pdf)
    temporal.replace(destino)
    return {
        "destino": destino,
        "segundos": time.perf_counter() - inicio,
        "bytes": len(pdf),
        "imagenes": estado["imagenes"],
        "formulas": estado["formulas"],
        "indice": [(e["entrada"], n) for e, n in zip(indice, numeros)],
        "externas": externas,
    }


def main(argv: list[str] | None = None) -> int:
    analizador = argparse.ArgumentParser(
        prog="python -m maquinaria.pdf",
        description="Imprime la unidad entera (la página imprimir/ del sitio construido) en un PDF.",
    )
    analizador.add_argument("sitio", nargs="?", default="site", help="carpeta del sitio construido (por defecto: site)")
    analizador.add_argument("-o", "--salida", help=f"ruta del PDF (por defecto: SITIO/{NOMBRE})")
    argumentos = analizador.parse_args(argv)
    medidas = generar(Path(argumentos.sitio), Path(argumentos.salida) if argumentos.salida else None)
    from .formato import numero

    print(
        f"{medidas['destino']}: {numero(medidas['bytes'] / 1e6, 1)} MB, {medidas['imagenes']} imágenes, "
        f"{medidas['formulas']} fórmulas, {len(medidas['indice'])} entradas en el índice, "
        f"{numero(medidas['segundos'], 1)} s."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
