"""Hook de MkDocs: búsqueda en español que ignora las tildes y entiende las flexiones.

lunr (el buscador de Material) no pliega las tildes, y Material añade un comodín a cada
término de la consulta, con lo que lunr deja de lematizarla: «activacion», «neuronas» o
incluso «activación» no encontraban nada. El remedio vive en `maquinaria/sitio/busqueda.js`, que este
hook añade al final del soporte de español de lunr (`lunr.es.min.js`) del sitio construido;
ese fichero solo lo carga el web worker de búsqueda. El índice (`search_index.json`) no se
toca: el worker lo pliega y lematiza al cargarlo, igual que la consulta.
"""

from __future__ import annotations

import logging
from pathlib import Path

log = logging.getLogger("mkdocs.hooks.busqueda")

CODIGO = Path(__file__).with_name("busqueda.js")
DESTINO = Path("assets", "javascripts", "lunr", "min", "lunr.es.min.js")
MARCA = "/* maquinaria/sitio/busqueda.js */"


def on_post_build(config, **kwargs):
    ruta = Path(config["site_dir"]) / DESTINO
    if not ruta.exists():
        log.warning(
            f"No encuentro {DESTINO.as_posix()} en el sitio: la búsqueda en español no plegará "
            "las tildes. ¿Ha cambiado Material o el idioma del plugin de búsqueda?"
        )
        return
    texto = ruta.read_text(encoding="utf-8")
    if MARCA in texto:  # `mkdocs serve` puede reconstruir sin volver a copiar el tema
        return
    ruta.write_text(f"{texto}\n{MARCA}\n{CODIGO.read_text(encoding='utf-8')}", encoding="utf-8")
