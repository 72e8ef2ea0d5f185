"""Lanza los trabajadores, uno por producto, con límite de tiempo, en paralelo y con barra de progreso.

Cada trabajador es un grupo de procesos propio: al pasarse del límite (o al interrumpir
la herramienta) se termina el grupo entero, con los procesos que haya lanzado (el núcleo
de un cuaderno, el intérprete de una página). Lo que imprime va a su bitácora, una por
ejecución y producto. Una figura que toma el cálculo de otra (CALCULO_DE) espera a que
esa termine, para no entrenar dos veces lo mismo.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from concurrent.futures import FIRST_COMPLETED, ThreadPoolExecutor, wait
from dataclasses import dataclass
from pathlib import Path

from .claves import RAIZ, constantes, relativa
from .registros import BITACORAS, productos

ENTORNO_TRABAJADOR = {
    # Un hilo por producto y semillas fijas: mismos números y mismos bytes en cada ejecución.
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


_EN_MARCHA: set[subprocess.Popen] = set()


def _morir_con_el_padre() -> None:
    """En el hijo, antes de ejecutar: si la herramienta muere (kill -9), el trabajador también."""
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG (Linux)
    except (OSError, AttributeError):
        pass


def _terminar_grupo(proceso: subprocess.Popen) -> None:
    try:
        os.killpg(proceso.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    proceso.wait()


def _ultima_linea(bitacora: Path) -> str:
    lineas = bitacora.read_text(encoding="utf-8", errors="replace").strip().splitlines()
    ultima = next((linea.strip() for linea in reversed(lineas) if linea.strip()), "sin salida")
    return ultima.removeprefix("error: ")


def _ejecutar(nombre: str, limite: float, carpeta: Path, entorno: dict) -> Resultado:
    bitacora = carpeta / f"{nombre}.log"
    inicio = time.perf_counter()
    with open(bitacora, "wb") as salida:
        proceso = subprocess.Popen(
            [sys.executable, "-m", "maquinaria.trabajador", nombre],
            cwd=RAIZ,
            env=entorno,
            stdout=salida,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,  # su propio grupo: se puede terminar con todo lo que lance
            preexec_fn=_morir_con_el_padre,
        )
        _EN_MARCHA.add(proceso)
        try:
            codigo = proceso.wait(timeout=limite)
        except subprocess.TimeoutExpired:
            _terminar_grupo(proceso)
            return Resultado(nombre, False, time.perf_counter() - inicio, f"superó el límite de {limite:g} s")
        finally:
            _EN_MARCHA.discard(proceso)
    segundos = time.perf_counter() - inicio
    if codigo != 0:
        return Resultado(
            nombre, False, segundos, f"{_ultima_linea(bitacora)} (salida completa en {relativa(bitacora)})"
        )
    return Resultado(nombre, True, segundos)


def _esperas(nombres: list[str]) -> dict[str, str]:
    """Qué producto pendiente espera a cuál (las figuras que comparten cálculo)."""
    todos = productos()
    esperas = {}
    for nombre in nombres:
        proveedor = (
            constantes(todos[nombre].fuente).get("CALCULO_DE") if todos[nombre].tipo.nombre == "figura" else None
        )
        if proveedor in nombres:
            esperas[nombre] = proveedor
    return esperas


def ejecutar(nombres: list[str], limite: float, trabajos: int, recalcular: bool = False) -> list[Resultado]:
    """Genera los productos; con `recalcular` no se usa la caché de cálculo (--forzar)."""
    from tqdm import tqdm

    ejecucion = f"{time.strftime('%Y%m%d-%H%M%S')}-{os.getpid()}"
    carpeta = BITACORAS / ejecucion
    carpeta.mkdir(parents=True, exist_ok=True)
    entorno = {
        **os.environ,
        **ENTORNO_TRABAJADOR,
        "MAQUINARIA_RECALCULAR": "1" if recalcular else "",
        "MAQUINARIA_EJECUCION": ejecucion,
    }
    esperas = _esperas(nombres)
    resultados: list[Resultado] = []
    en_curso: list[str] = []
    hechos: dict[str, bool] = {}
    with tqdm(total=len(nombres), unit="prod", desc="Regenerando", dynamic_ncols=True, file=sys.stderr) as barra:

        def lanzar(nombre: str) -> Resultado:
            en_curso.append(nombre)
            barra.set_postfix_str(", ".join(en_curso))
            try:
                return _ejecutar(nombre, limite, carpeta, entorno)
            finally:
                en_curso.remove(nombre)

        pendientes = list(nombres)
        grupo = ThreadPoolExecutor(max_workers=max(1, trabajos))
        try:
            futuros = {}
            while pendientes or futuros:
                for nombre in list(pendientes):
                    proveedor = esperas.get(nombre)
                    if proveedor is None or proveedor in hechos:
                        pendientes.remove(nombre)
                        if proveedor is not None and not hechos[proveedor]:
                            resultado = Resultado(
                                nombre, False, 0.0, f"no se generó: falló «{proveedor}», de quien toma el cálculo"
                            )
                            resultados.append(resultado)
                            hechos[nombre] = False
                            barra.update()
                            continue
                        futuros[grupo.submit(lanzar, nombre)] = nombre
                if not futuros:
                    continue
                listos, _ = wait(futuros, return_when=FIRST_COMPLETED)
                for futuro in listos:
                    futuros.pop(futuro)
                    resultado = futuro.result()
                    resultados.append(resultado)
                    hechos[resultado.nombre] = resultado.ok
                    estado = "hecho" if resultado.ok else "FALLO"
                    barra.write(
                        f"  {estado}: {resultado.nombre} ({resultado.segundos:.1f} s) {resultado.mensaje}".rstrip()
                    )
                    barra.set_postfix_str(", ".join(en_curso))
                    barra.update()
        except BaseException:  # Ctrl+C: no quedan trabajadores huérfanos ni figuras a medias
            pendientes.clear()
            for proceso in list(_EN_MARCHA):
                _terminar_grupo(proceso)
            raise
        finally:
            grupo.shutdown(wait=True, cancel_futures=True)
    return resultados
