"""Mide los presupuestos del proyecto en esta máquina y los imprime en una tabla.

    python -m maquinaria.medir_presupuestos            construcción estricta y regeneración sin nada pendiente
    python -m maquinaria.medir_presupuestos --completo también la regeneración forzada de todos los productos

Presupuestos: `mkdocs build --strict` < 10 s; regenerar sin nada desactualizado < 1 s y sin
importar TensorFlow; regenerar todo < 5 min. (El de las pruebas, < 6 min, lo da pytest:
`python3 dev.py pruebas` termina con su tiempo total y las pruebas más lentas.)
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

RAIZ = Path(__file__).resolve().parents[1]


def cronometrar(orden: list[str], **opciones) -> tuple[float, subprocess.CompletedProcess]:
    inicio = time.perf_counter()
    proceso = subprocess.run(orden, cwd=RAIZ, capture_output=True, text=True, **opciones)
    return time.perf_counter() - inicio, proceso


def main() -> int:
    filas = []
    entorno = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    with tempfile.TemporaryDirectory() as destino:
        segundos, proceso = cronometrar(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", destino], env=entorno
        )
    filas.append(("mkdocs build --strict", segundos, 10, proceso.returncode == 0))

    figuras = [sys.executable, "-m", "maquinaria"]
    segundos, proceso = cronometrar([sys.executable, "-X", "importtime", *figuras[1:]])
    sin_tf = "tensorflow" not in proceso.stderr
    filas.append(
        (
            "regeneración sin nada pendiente" + ("" if sin_tf else " (¡importó TensorFlow!)"),
            segundos,
            1,
            proceso.returncode == 0 and sin_tf,
        )
    )

    if "--completo" in sys.argv:
        segundos, proceso = cronometrar([*figuras, "--forzar"])
        print(proceso.stdout)
        filas.append(
            ("regeneración forzada de todo (figuras, cuadernos, salidas)", segundos, 300, proceso.returncode == 0)
        )

    print(f"{'medida':<48} {'segundos':>9} {'límite':>7}  estado")
    for nombre, segundos, limite, ok in filas:
        estado = "bien" if ok and segundos <= limite else "MAL"
        print(f"{nombre:<48} {segundos:>9.2f} {limite:>7}  {estado}")
    return 0 if all(ok and s <= tope for _, s, tope, ok in filas) else 1


if __name__ == "__main__":
    sys.exit(main())
