"""Ejecuta un cuaderno escrito como script de jupytext y guarda el .ipynb con sus salidas.

`scripts/cuadernos/X.py` (formato «percent») -> `docs/cuadernos/X.ipynb`, que mkdocs-jupyter
muestra con sus salidas y que el lector puede descargar o abrir en Colab. Se ejecuta en una
carpeta vacía, como lo haría el lector, con el mismo núcleo de Python que el proyecto.
"""

from __future__ import annotations

import os
import tempfile
import time

from .claves import RAIZ, ErrorDeFigura
from .registros import Producto, guardar, procedencia

LIMITE_CELDA = 600  # segundos; el límite de la figura entera lo pone el proceso padre


def repositorio() -> str:
    """El `repo_url` de mkdocs.yml (leído como YAML, sin ejecutar sus etiquetas)."""
    import yaml

    class Cargador(yaml.SafeLoader):
        pass

    # mkdocs.yml puede llevar etiquetas !!python/name:...: se leen como texto.
    Cargador.add_multi_constructor("tag:yaml.org,2002:python/", lambda cargador, sufijo, nodo: None)
    configuracion = yaml.load((RAIZ / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Cargador) or {}
    return str(configuracion.get("repo_url") or "").rstrip("/")


def enlace_colab(nombre: str) -> str:
    repo = repositorio().removeprefix("https://github.com/")
    return f"https://colab.research.google.com/github/{repo}/blob/main/docs/cuadernos/{nombre}.ipynb"


def ejecutar_cuaderno(quien: Producto) -> None:
    import jupytext
    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    nombre, fuente = quien.nombre, quien.fuente
    claves = quien.claves()
    cuaderno = jupytext.read(fuente, fmt="py:percent")
    cuaderno.metadata.pop("jupytext", None)
    cuaderno.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    # El enlace a Colab va justo después del título (la primera celda, si empieza por «# »).
    primera = cuaderno.cells[0] if cuaderno.cells else None
    con_titulo = primera is not None and primera.cell_type == "markdown" and primera.source.startswith("# ")
    cuaderno.cells.insert(
        1 if con_titulo else 0,
        # Para quien abre el .ipynb descargado; en el sitio, el hook lo cambia por sus enlaces.
        nbformat.v4.new_markdown_cell(f"[Abrir en Colab]({enlace_colab(nombre)})"),
    )
    # El núcleo hereda el entorno del trabajador; sin MPLBACKEND=Agg usa el backend «inline» y guarda las imágenes.
    os.environ.pop("MPLBACKEND", None)
    inicio = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix=f"cuaderno-{nombre}-") as carpeta:
        cliente = NotebookClient(
            cuaderno,
            timeout=LIMITE_CELDA,
            kernel_name="python3",
            resources={"metadata": {"path": carpeta}},
            record_timing=False,  # sin marcas de tiempo: mismos bytes en cada ejecución
        )
        try:
            cliente.execute()
        except CellExecutionError as error:
            raise ErrorDeFigura(f"El cuaderno «{nombre}» falla al ejecutarse:\n{error}") from error
    segundos = time.perf_counter() - inicio
    # Ids de celda deterministas (nbformat los crea al azar).
    for indice, celda in enumerate(cuaderno.cells):
        celda["id"] = f"celda-{indice:03d}"
    texto = nbformat.writes(cuaderno) + "\n"

    titulo = next(
        (
            linea.lstrip("# ").strip()
            for celda in cuaderno.cells
            if celda.cell_type == "markdown"
            for linea in celda.source.splitlines()
            if linea.startswith("# ")
        ),
        nombre,
    )
    imagenes = sum(
        1
        for celda in cuaderno.cells
        if celda.cell_type == "code"
        for salida in celda.get("outputs", [])
        if "image/png" in salida.get("data", {})
    )
    guardar(
        quien,
        {
            **procedencia(quien, claves),
            "titulo": titulo,
            "cuaderno": f"{nombre}.ipynb",
            "colab": enlace_colab(nombre),
            "segundos": round(segundos, 2),
            "metricas": {
                "celdas": len(cuaderno.cells),
                "celdas_de_codigo": sum(c.cell_type == "code" for c in cuaderno.cells),
                "imagenes": imagenes,
            },
        },
        texto.encode("utf-8"),
    )
