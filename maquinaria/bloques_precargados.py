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

import importlib.util
import os
import sys

PRECARGA = ("numpy", "keras")  # lo que tarda: TensorFlow entra con Keras
CARPETA = os.path.dirname(os.path.abspath(__file__))


def _cargar(nombre: str):
    """Un módulo de esta carpeta por su ruta: con -I, el proyecto no está en el camino de importación."""
    espec = importlib.util.spec_from_file_location(nombre, os.path.join(CARPETA, f"{nombre}.py"))
    modulo = importlib.util.module_from_spec(espec)
    espec.loader.exec_module(modulo)
    return modulo


def _servir() -> None:
    import importlib

    morir_con_el_padre = _cargar("precarga").morir_con_el_padre
    ejecutor = _cargar("ejecutar_bloques")
    morir_con_el_padre()
    for modulo in PRECARGA:
        importlib.import_module(modulo)
    for linea in sys.stdin:
        carpeta, errores = linea.rstrip("\n").split("\t")
        pid = os.fork()
        if pid == 0:
            codigo = 1
            try:
                os.setsid()  # su propio grupo: un límite de tiempo lo termina con lo que lance
                morir_con_el_padre()
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
        self.cliente = None

    def ejecutar(self, carpeta: str, limite: float) -> tuple[int, str]:
        """Ejecuta .bloques.json de `carpeta` en un hijo; devuelve su código y su stderr."""
        import tempfile
        from pathlib import Path

        from .precarga import Cliente
        from .salidas import entorno_del_lector

        if self.cliente is None or not self.cliente.vivo():
            self._cwd = tempfile.TemporaryDirectory(prefix="bloques-precargados-")
            orden = [sys.executable, "-I", os.path.abspath(__file__)]
            bitacora = Path(self._cwd.name) / "precarga.log"
            self.cliente = Cliente(orden, cwd=self._cwd.name, entorno=entorno_del_lector(), bitacora=bitacora)
        errores = Path(self._cwd.name) / "stderr"  # fuera de la carpeta de la página
        codigo = self.cliente.ejecutar(f"{carpeta}\t{errores}", limite)
        if codigo is None:
            raise TimeoutError(f"la página tardó más de {limite:.0f} s")
        texto = errores.read_text(encoding="utf-8", errors="replace")
        errores.unlink()
        return codigo, texto

    def cerrar(self) -> None:
        if self.cliente is not None:
            self.cliente.cerrar()
            self._cwd.cleanup()
            self.cliente = None


if __name__ == "__main__":
    _servir()
