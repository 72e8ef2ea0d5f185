"""Un servidor local del sitio construido, que comprime con gzip como un servidor de verdad.

Lo usan las pruebas del navegador (tests/navegador_util.py) y la medida de Lighthouse
(maquinaria/medir_lighthouse.py). Sin compresión, el peso medido en Chromium sería el de
los ficheros sin comprimir, no el que descarga un lector de GitHub Pages.

    with servir(Path("/tmp/sitio")) as origen:   # «http://127.0.0.1:N/»
        ...
"""

from __future__ import annotations

import contextlib
import functools
import gzip
import http.server
import io
import os
import threading
from pathlib import Path
from typing import ClassVar
from urllib.parse import urlsplit

# El Chromium de Debian y sus banderas, para todo lo que abre el sitio en un navegador (el PDF,
# Lighthouse y las pruebas): la red cerrada rechaza sus conexiones de fondo y se apagan todas.
CHROMIUM = "/usr/bin/chromium"
ARGUMENTOS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


# Lo que un servidor web comprime: texto. Las imágenes PNG y las fuentes ya van comprimidas.
COMPRIMIBLES = {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".ipynb", ".map", ".md"}


class _Manejador(http.server.SimpleHTTPRequestHandler):
    comprimir = True
    extensions_map: ClassVar[dict[str, str]] = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".ipynb": "application/x-ipynb+json",
    }

    def log_message(self, *args):  # sin ruido en la salida
        pass

    def send_head(self):
        ruta = Path(self.translate_path(self.path))
        if ruta.is_dir():
            if not urlsplit(self.path).path.endswith("/"):
                return super().send_head()  # la redirección a «carpeta/» la hace SimpleHTTPRequestHandler
            ruta = ruta / "index.html"
        acepta = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (self.comprimir and acepta and ruta.is_file() and ruta.suffix.lower() in COMPRIMIBLES):
            return super().send_head()
        cuerpo = gzip.compress(ruta.read_bytes(), compresslevel=6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(ruta)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(cuerpo)))
        self.send_header("Last-Modified", self.date_time_string(int(os.stat(ruta).st_mtime)))
        self.end_headers()
        return io.BytesIO(cuerpo)


@contextlib.contextmanager
def servir(raiz: Path, comprimir: bool = True):
    """Sirve `raiz` en 127.0.0.1 con un puerto libre; devuelve el origen («http://127.0.0.1:N/»)."""
    manejador = type("Manejador", (_Manejador,), {"comprimir": comprimir})
    servidor = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(manejador, directory=str(raiz)))
    hilo = threading.Thread(target=servidor.serve_forever, daemon=True)
    hilo.start()
    try:
        yield f"http://127.0.0.1:{servidor.server_address[1]}/"
    finally:
        servidor.shutdown()
        servidor.server_close()
