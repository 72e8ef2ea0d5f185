"""Lanza los trabajadores, uno por figura, con límite de tiempo, en paralelo y con barra de progreso."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass

from .claves import RAIZ
from .registros import CACHE

ENTORNO_TRABAJADOR = {
    # Un hilo por figura y semillas fijas: mismos números y mismos bytes en cada ejecución.
    "TF_NUM_INTRAOP_THREADS": "1",
    "TF_NUM_INTEROP_THREADS": "1",
    "OMP_NUM_THREADS": "1",
    "OPENBLAS_NUM_THREADS": "1",
    "PYTHONHASHSEED": "0",
    "TF_DETERMINISTIC_OPS": "1",
    "TF_ENABLE_ONEDNN_OPTS": "0",
    "TF_CPP_MIN_LOG_LEVEL": "3",
    "MPLBACKEND": "Agg",
}


@dataclass
class Resultado:
    nombre: str
    ok: bool
    segundos: float
    mensaje: str = ""


def _ejecutar(nombre: str, limite: float, recalcular: bool) -> Resultado:
    CACHE.mkdir(parents=True, exist_ok=True)
    registro_salida = CACHE / f"{nombre}.log"
    entorno = {**os.environ, **ENTORNO_TRABAJADOR, "FIGURAS_RECALCULAR": "1" if recalcular else ""}
    inicio = time.perf_counter()
    with open(registro_salida, "wb") as salida:
        proceso = subprocess.Popen(
            [sys.executable, "-m", "maquinaria.trabajador", nombre],
            cwd=RAIZ,
            env=entorno,
            stdout=salida,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
        )
        try:
            codigo = proceso.wait(timeout=limite)
        except subprocess.TimeoutExpired:
            proceso.kill()
            proceso.wait()
            return Resultado(nombre, False, time.perf_counter() - inicio, f"superó el límite de {limite:g} s")
    segundos = time.perf_counter() - inicio
    if codigo != 0:
        lineas = registro_salida.read_text(encoding="utf-8", errors="replace").strip().splitlines()
        ultima = next((l for l in reversed(lineas) if l.strip()), "sin salida")
        return Resultado(nombre, False, segundos, f"{ultima} (salida completa en {registro_salida.relative_to(RAIZ)})")
    return Resultado(nombre, True, segundos)


def ejecutar(nombres: list[str], limite: float, trabajos: int, recalcular: bool = False) -> list[Resultado]:
    """Genera las figuras; con `recalcular` no se usa la caché de cálculo (--forzar)."""
    from tqdm import tqdm

    resultados: list[Resultado] = []
    en_curso: list[str] = []
    with tqdm(total=len(nombres), unit="fig", desc="Figuras", dynamic_ncols=True, file=sys.stderr) as barra:

        def lanzar(nombre: str) -> Resultado:
            en_curso.append(nombre)
            barra.set_postfix_str(", ".join(en_curso))
            try:
                return _ejecutar(nombre, limite, recalcular)
            finally:
                en_curso.remove(nombre)

        with ThreadPoolExecutor(max_workers=max(1, trabajos)) as grupo:
            futuros = [grupo.submit(lanzar, n) for n in nombres]
            for futuro in as_completed(futuros):
                resultado = futuro.result()
                resultados.append(resultado)
                estado = "hecha" if resultado.ok else "FALLO"
                barra.write(f"  {estado}: {resultado.nombre} ({resultado.segundos:.1f} s) {resultado.mensaje}".rstrip())
                barra.set_postfix_str(", ".join(en_curso))
                barra.update()
    return resultados
