"""Hook de MkDocs: búsqueda en español que ignora las tildes y entiende las flexiones.

lunr (el buscador de Material) no pliega las tildes, y Material añade un comodín a cada
término de la consulta, con lo que lunr deja de lematizarla: «activacion», «neuronas» o
incluso «activación» no encontraban nada. El remedio vive en `maquinaria/sitio/busqueda.js`, que este
hook añade al final del soporte de español de lunr (`lunr.es.min.js`) del sitio construido;
ese fichero solo lo carga el web worker de búsqueda. El índice (`search_index.json`) no se
toca salvo en una cosa: se le quitan los bloques de código (`<pre>`). Son un tercio del índice,
que cada página descarga al abrirse, y en los resultados se veían como código cortado; las
palabras de código que cita la prosa (`Dense`, `fit`...) se siguen encontrando.
"""

from __future__ import annotations

import json
import logging
import re
from pathlib import Path

log = logging.getLogger("mkdocs.hooks.busqueda")

CODIGO = Path(__file__).with_name("busqueda.js")
DESTINO = Path("assets", "javascripts", "lunr", "min", "lunr.es.min.js")
MARCA = "/* maquinaria/sitio/busqueda.js */"
INDICE = Path("search", "search_index.json")
_BLOQUE_DE_CODIGO = re.compile(r"\s*<pre>.*?</pre>\s*", re.S)


def _aligerar_indice(sitio: Path) -> None:
    ruta = sitio / INDICE
    if not ruta.exists():
        log.warning(f"No encuentro {INDICE.as_posix()} en el sitio: ¿falta el plugin de búsqueda?")
        return
    indice = json.loads(ruta.read_text(encoding="utf-8"))
    # Las preguntas de autoevaluación (sus explicaciones dan las respuestas) y la página para
    # imprimir (todo el sitio otra vez) no son lo que se busca: fuera del índice, que pesa menos.
    indice["docs"] = [
        d
        for d in indice.get("docs", [])
        if not d.get("title", "").startswith("Comprueba lo que sabes")
        and not d.get("location", "").startswith("imprimir/")
    ]
    for documento in indice.get("docs", []):
        documento["text"] = _BLOQUE_DE_CODIGO.sub(" ", documento.get("text", "")).strip()
    ruta.write_text(json.dumps(indice, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def on_post_build(config, **kwargs):
    _aligerar_indice(Path(config["site_dir"]))
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
