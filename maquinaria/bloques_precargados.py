"""Los bloques de una página, ejecutados por un intérprete con Keras ya importado.

    python -I bloques_precargados.py      # el proceso precargado (lo lanza Precargado)

La herramienta ejecuta cada página en un `python -I` recién abierto (ejecutar_bloques.py)
y guarda lo que imprime. La prueba de copiar y pegar lo repite para cada página, y pagar
en cada una los cinco segundos de importar TensorFlow era un tercio de su tiempo. Este
proceso importa una vez numpy y Keras, sin ejecutar nada de TensorFlow, y crea con `fork`
un hijo por página que ejecuta ejecutar_bloques.main en la carpeta de la página: espacio
de nombres vacío, carpeta vacía, sin el proyecto en el camino de importación (`-I`), el
mismo entorno. Lo único que el hijo hereda son esos módulos ya importados.

Por eso no vale para una página que toque `os.environ` (una variable puesta antes de
importar Keras ya no haría nada): esa se ejecuta en un intérprete nuevo. Y como la
herramienta guarda lo que imprime un intérprete nuevo, la prueba compara lo de aquí con
aquello: si importar antes cambiara algo, fallaría.

Protocolo: una línea por página con su carpeta y el fichero de su stderr; el proceso responde con el pid del hijo
y, cuando acaba, con su código de salida. Solo la biblioteca estándar, como el ejecutor.
"""

import os
import signal
import sys

PRECARGA = ("numpy", "keras")  # lo que tarda: TensorFlow entra con Keras


def _morir_con_el_padre() -> None:
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG (Linux)
    except (OSError, AttributeError):
        pass


def _servir() -> None:
    import importlib
    import importlib.util

    _morir_con_el_padre()
    espec = importlib.util.spec_from_file_location(
        "ejecutar_bloques", os.path.join(os.path.dirname(os.path.abspath(__file__)), "ejecutar_bloques.py")
    )
    ejecutor = importlib.util.module_from_spec(espec)
    espec.loader.exec_module(ejecutor)
    for modulo in PRECARGA:
        importlib.import_module(modulo)
    print("listo", flush=True)
    for linea in sys.stdin:
        carpeta, errores = linea.rstrip("\n").split("\t")
        pid = os.fork()
        if pid == 0:
            codigo = 1
            try:
                os.setsid()  # su propio grupo: un límite de tiempo lo termina con lo que lance
                _morir_con_el_padre()
                os.chdir(carpeta)
                fd = os.open(errores, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
                os.dup2(fd, 2)
                os.close(fd)
                nulo = os.open(os.devnull, os.O_RDONLY)
                os.dup2(nulo, 0)
                os.close(nulo)
                sys.stdin = open(os.devnull, encoding="utf-8")
                codigo = ejecutor.main(".bloques.json", ".salidas.json")
            finally:
                sys.stderr.flush()
                os._exit(codigo)
        print(pid, flush=True)
        _, estado = os.waitpid(pid, 0)
        print(os.waitstatus_to_exitcode(estado), flush=True)


class Precargado:
    """El proceso precargado, arrancado al primer uso; uno por proceso que lo use."""

    def __init__(self) -> None:
        self.proceso = None

    def _arrancar(self) -> None:
        import subprocess
        import tempfile

        from .salidas import entorno_del_lector

        self._cwd = tempfile.TemporaryDirectory(prefix="bloques-precargados-")
        self.proceso = subprocess.Popen(
            [sys.executable, "-I", os.path.abspath(__file__)],
            cwd=self._cwd.name,
            env=entorno_del_lector(),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        if self.proceso.stdout.readline().strip() != "listo":
            raise RuntimeError("el intérprete precargado no arrancó (¿se importan numpy y keras?)")

    def ejecutar(self, carpeta: str, limite: float) -> tuple[int, str]:
        """Ejecuta .bloques.json de `carpeta` en un hijo; devuelve su código y su stderr."""
        import selectors

        if self.proceso is None or self.proceso.poll() is not None:
            self._arrancar()
        errores = os.path.join(self._cwd.name, "stderr")  # fuera de la carpeta de la página
        self.proceso.stdin.write(f"{carpeta}\t{errores}\n")
        self.proceso.stdin.flush()
        pid = int(self.proceso.stdout.readline())
        with selectors.DefaultSelector() as selector:
            selector.register(self.proceso.stdout, selectors.EVENT_READ)
            if not selector.select(timeout=limite):
                os.killpg(pid, signal.SIGKILL)  # el hijo y lo que lanzara
                self.proceso.stdout.readline()
                raise TimeoutError(f"la página tardó más de {limite:.0f} s")
        codigo = int(self.proceso.stdout.readline())
        with open(errores, encoding="utf-8", errors="replace") as f:
            texto = f.read()
        os.unlink(errores)
        return codigo, texto

    def cerrar(self) -> None:
        if self.proceso is not None:
            self.proceso.stdin.close()
            self.proceso.wait()
            self._cwd.cleanup()
            self.proceso = None


if __name__ == "__main__":
    _servir()
