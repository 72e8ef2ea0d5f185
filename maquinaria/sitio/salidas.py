"""Hook de MkDocs: bajo cada bloque de Python, lo que imprime, leído de docs/salidas/.

Los bloques del HTML se comparan con los que se ejecutaron (por su huella): si una
página cambió y su registro no, o faltan salidas, se avisa y `--strict` falla, igual que
con una figura desactualizada. Las salidas no son código: van en `<pre><samp>`, sin
botón de copiar, y la prueba de copiar y pegar no las ejecuta.
"""

from __future__ import annotations

import logging

from ..claves import ErrorDeFigura, sha
from ..registros import SALIDAS, Producto, leer_registro
from ..salidas import BLOQUE_HTML, html_de_salida, normalizar_codigo, texto_de_bloque

log = logging.getLogger("mkdocs.hooks.salidas")


def on_page_content(html, page, config, files, **kwargs):
    if not page.file.src_uri.endswith(".md"):
        return html
    bloques = list(BLOQUE_HTML.finditer(html))
    if not bloques:
        return html
    nombre = page.file.src_uri.rsplit("/", 1)[-1].removesuffix(".md")
    quien = Producto(nombre, SALIDAS, SALIDAS.fuentes / page.file.src_uri)
    try:
        registro = leer_registro(nombre, quien)
    except ErrorDeFigura as error:
        log.warning(str(error))
        return html
    if registro is None:
        log.warning(f"Faltan las salidas de {page.file.src_uri}: genéralas con «python -m maquinaria {nombre}».")
        return html
    guardados = registro["bloques"]
    huellas = [sha(normalizar_codigo(texto_de_bloque(b.group(0))).encode()) for b in bloques]
    if huellas != [g["huella"] for g in guardados]:
        distinto = next((i for i, (a, b) in enumerate(zip(huellas, guardados)) if a != b["huella"]), len(guardados))
        log.warning(
            f"Salidas desactualizadas en {page.file.src_uri}: el bloque {distinto + 1} no es el que se ejecutó "
            f"({len(huellas)} bloques en la página, {len(guardados)} en el registro). "
            f"Regenéralas con «python -m maquinaria {nombre}»."
        )
        return html
    partes, hasta = [], 0
    for bloque, guardado in zip(bloques, guardados):
        partes.append(html[hasta : bloque.end()])
        if guardado["salida"]:
            partes.append(html_de_salida(guardado["salida"]))
        hasta = bloque.end()
    partes.append(html[hasta:])
    return "".join(partes)
