"""Lanza los trabajadores, uno por producto, con límite de tiempo, en paralelo y con barra de progreso.

Cada plaza de trabajo tiene un proceso precargado (maquinaria/precarga.py) que crea por fork
un trabajador por producto. Cada trabajador es un grupo de procesos propio: al pasarse del límite (o al interrumpir
la herramienta) se termina el grupo entero, con los procesos que haya lanzado (el núcleo
de un cuaderno, el intérprete de una página). Lo que imprime va a su bitácora, una por
ejecución y producto. Una figura que toma el cálculo de otra (CALCULO_DE) espera a que
esa termine, para no entrenar dos veces lo mismo.
"""

from __future__ import annotations

import os
import sys
import threading
import time
from concurrent.futures import FIRST_COMPLETED, ThreadPoolExecutor, wait
from dataclasses import dataclass
from pathlib import Path

from .claves import RAIZ, constantes, relativa
from .precarga import Cliente, terminar_grupo
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


# Lo que hay que terminar si la herramienta se interrumpe: los grupos de los trabajadores
# (por su pid) y los procesos precargados.
_EN_MARCHA: set[int] = set()
_PRECARGADOS: list[Cliente] = []


def _ultima_linea(bitacora: Path) -> str:
    lineas = bitacora.read_text(encoding="utf-8", errors="replace").strip().splitlines()
    ultima = next((linea.strip() for linea in reversed(lineas) if linea.strip()), "sin salida")
    return ultima.removeprefix("error: ")


def _precargado(entorno: dict, keras: bool, bitacora: Path) -> Cliente:
    """Un `python -m maquinaria.precarga` (ver ese módulo): crea por fork, uno tras otro, los
    trabajadores de una plaza, con TensorFlow, Keras y matplotlib ya importados."""
    orden = [sys.executable, "-m", "maquinaria.precarga", *(["--keras"] if keras else [])]
    return Cliente(orden, cwd=RAIZ, entorno=entorno, bitacora=bitacora, en_marcha=_EN_MARCHA)


def _ejecutar(nombre: str, limite: float, carpeta: Path, precargado: Cliente) -> Resultado:
    bitacora = carpeta / f"{nombre}.log"
    inicio = time.perf_counter()
    try:
        codigo = precargado.ejecutar(f"{nombre}\t{bitacora}", limite)
    except RuntimeError as error:
        return Resultado(nombre, False, time.perf_counter() - inicio, str(error))
    segundos = time.perf_counter() - inicio
    if codigo is None:
        return Resultado(nombre, False, segundos, f"superó el límite de {limite:g} s")
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
    todos = productos()
    # Keras se precarga si alguna figura lo alcanza (las páginas y los cuadernos lo importan
    # en su propio intérprete, no en el trabajador).
    keras = any(todos[n].tipo.nombre == "figura" and todos[n].claves().usa_keras for n in nombres)
    plazas = threading.local()

    def precargado() -> Cliente:
        if getattr(plazas, "proceso", None) is None or not plazas.proceso.vivo():
            plazas.proceso = _precargado(entorno, keras, carpeta / f"precarga-{len(_PRECARGADOS) + 1}.log")
            _PRECARGADOS.append(plazas.proceso)
        return plazas.proceso

    resultados: list[Resultado] = []
    en_curso: list[str] = []
    hechos: dict[str, bool] = {}
    with tqdm(total=len(nombres), unit="prod", desc="Regenerando", dynamic_ncols=True, file=sys.stderr) as barra:

        def lanzar(nombre: str) -> Resultado:
            en_curso.append(nombre)
            barra.set_postfix_str(", ".join(en_curso))
            try:
                return _ejecutar(nombre, limite, carpeta, precargado())
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
            for pid in list(_EN_MARCHA):
                terminar_grupo(pid)
            raise
        finally:
            grupo.shutdown(wait=True, cancel_futures=True)
            while _PRECARGADOS:
                _PRECARGADOS.pop().cerrar()
    return resultados
