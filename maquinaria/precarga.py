"""Un proceso precargado por plaza de trabajo: `python -m maquinaria.precarga [--keras]`.

Importar TensorFlow y Keras cuesta unos segundos de CPU, y pagarlos en cada figura era la
tercera parte de una regeneración completa. Este proceso los importa una vez (con --keras;
matplotlib y NumPy siempre) y, por cada nombre que recibe por la entrada estándar, crea con
fork un trabajador que empieza con ellos ya cargados. El trabajador sigue siendo un proceso
propio por producto: lo que siembra, entrena o dibuja muere con él, y el siguiente nace otra
vez de este proceso, que no ha ejecutado nada (TensorFlow crea su contexto y sus hilos al
primer uso, en el hijo, nunca aquí).

Protocolo, una línea por mensaje: entra «NOMBRE<TAB>BITÁCORA»; sale el pid del hijo y,
cuando termina, su código de salida (negativo si lo mató una señal). El hijo es jefe de
su propio grupo de procesos (el ejecutor lo termina entero con killpg) y muere si muere
este proceso, que a su vez muere si muere el ejecutor (PR_SET_PDEATHSIG).
"""

from __future__ import annotations

import os
import select
import signal
import subprocess
import sys
import time
import traceback
from pathlib import Path


def morir_con_el_padre() -> None:
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG (Linux)
    except (OSError, AttributeError):
        pass


def terminar_grupo(pid: int) -> None:
    try:
        os.killpg(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass


class Cliente:
    """El lado de quien pide: lanza un proceso precargado (`orden`) y le pasa una línea por
    trabajo; el proceso responde el pid del hijo y, al acabar, su código. Lo usan el ejecutor
    (este módulo, una plaza cada uno) y la prueba de copiar y pegar (bloques_precargados.py).
    `en_marcha`: un conjunto en el que apuntar el pid mientras el hijo trabaja."""

    def __init__(self, orden: list[str], *, cwd, entorno: dict, bitacora: Path, en_marcha: set[int] | None = None):
        self.bitacora = bitacora
        self.en_marcha = set() if en_marcha is None else en_marcha
        with open(bitacora, "wb") as errores:
            self.proceso = subprocess.Popen(
                orden,
                cwd=cwd,
                env=entorno,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=errores,
                start_new_session=True,
                preexec_fn=morir_con_el_padre,  # si quien lo lanza muere (kill -9), él también
            )
        self._leido = b""

    def vivo(self) -> bool:
        return self.proceso.poll() is None

    def _linea(self, limite: float | None) -> str | None:
        """La siguiente línea del proceso; None si no llega antes de `limite` segundos."""
        fin = None if limite is None else time.monotonic() + limite
        while b"\n" not in self._leido:
            espera = None if fin is None else max(0.0, fin - time.monotonic())
            listos, _, _ = select.select([self.proceso.stdout], [], [], espera)
            if not listos:
                return None
            trozo = os.read(self.proceso.stdout.fileno(), 4096)
            if not trozo:
                ultima = (self.bitacora.read_text(errors="replace").strip().splitlines() or [""])[-1]
                raise RuntimeError(f"el proceso precargado terminó: {ultima.removeprefix('error: ')}")
            self._leido += trozo
        linea, self._leido = self._leido.split(b"\n", 1)
        return linea.decode()

    def ejecutar(self, linea: str, limite: float) -> int | None:
        """El código de salida del hijo, o None si superó el límite (y se terminó su grupo)."""
        self.proceso.stdin.write(f"{linea}\n".encode())
        self.proceso.stdin.flush()
        pid = int(self._linea(None))
        self.en_marcha.add(pid)
        try:
            codigo = self._linea(limite)
            if codigo is None:
                terminar_grupo(pid)
                self._linea(None)  # el precargado lo recoge (waitpid) y da su código
                return None
            return int(codigo)
        finally:
            self.en_marcha.discard(pid)

    def cerrar(self) -> None:
        try:
            self.proceso.stdin.close()
            self.proceso.wait(timeout=10)
        except (OSError, subprocess.TimeoutExpired):
            terminar_grupo(self.proceso.pid)
            self.proceso.wait()


def _hijo(nombre: str, bitacora: str, padre: int) -> None:
    """En el proceso hijo: nunca vuelve."""
    codigo = 1
    try:
        os.setsid()  # su propio grupo: killpg lo termina con lo que lance
        morir_con_el_padre()
        if os.getppid() != padre:  # el padre murió antes de pedirlo
            os._exit(1)
        salida = os.open(bitacora, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        os.dup2(salida, 1)
        os.dup2(salida, 2)
        os.close(salida)
        nulo = os.open(os.devnull, os.O_RDONLY)
        os.dup2(nulo, 0)
        os.close(nulo)
        sys.argv = ["maquinaria.trabajador", nombre]
        from .trabajador import principal

        codigo = principal(nombre)
    except SystemExit as salida_:
        codigo = salida_.code if isinstance(salida_.code, int) else 1
    except BaseException:
        traceback.print_exc()
        codigo = 1
    finally:
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        finally:
            os._exit(codigo)


def main(argv: list[str]) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot  # noqa: F401  (se importa para que los hijos la encuentren cargada)
    import numpy  # noqa: F401  (ídem)

    if "--keras" in argv:
        import keras  # noqa: F401  (ídem; importar no crea el contexto de TensorFlow)
        import tensorflow  # noqa: F401  (ídem)
    from . import trabajador  # noqa: F401  (ídem: la maquinaria que usa cada hijo)

    canal = os.fdopen(os.dup(1), "w", buffering=1)
    os.dup2(os.open(os.devnull, os.O_WRONLY), 1)  # nada más escribe en el canal
    padre = os.getpid()
    for linea in sys.stdin:
        nombre, bitacora = linea.rstrip("\n").split("\t")
        sys.stdout.flush()
        sys.stderr.flush()
        pid = os.fork()
        if pid == 0:
            canal.close()
            _hijo(nombre, bitacora, padre)
        canal.write(f"{pid}\n")
        _, estado = os.waitpid(pid, 0)
        canal.write(f"{os.waitstatus_to_exitcode(estado)}\n")


if __name__ == "__main__":
    main(sys.argv[1:])
