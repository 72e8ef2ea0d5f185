"""Ejecuta los bloques de una página como los ejecuta el lector y guarda lo que imprime cada uno.

    python -I ejecutar_bloques.py BLOQUES.json SALIDAS.json

Se lanza con `python -I` en una carpeta vacía: sin el proyecto en el camino de
importación ni variables PYTHON*, como quien copia y pega en un Python recién abierto.
Todos los bloques comparten un mismo espacio de nombres, en orden, como en un cuaderno.
Solo usa la biblioteca estándar: no importa nada del proyecto.

SALIDAS.json: {"salidas": [texto de cada bloque], "fallo": null} o, si un bloque lanza
una excepción, {"salidas": [...hasta ese bloque], "fallo": {"bloque": i, "traza": "..."}}.
"""

import io
import json
import sys
import traceback


class _Ambos(io.TextIOBase):
    """stdout de un bloque: se guarda (y nada más; el proceso padre no lo necesita)."""

    def __init__(self):
        self.texto = io.StringIO()

    def write(self, s):
        return self.texto.write(s)

    def isatty(self):  # Keras dibuja barras de progreso solo en una terminal
        return False


def main(entrada: str, salida: str) -> int:
    with open(entrada, encoding="utf-8") as f:
        bloques = json.load(f)
    espacio = {"__name__": "__main__", "__builtins__": __builtins__}
    salidas, fallo = [], None
    original = sys.stdout
    for indice, codigo in enumerate(bloques):
        captura = _Ambos()
        sys.stdout = captura
        try:
            exec(compile(codigo, f"<bloque {indice + 1}>", "exec"), espacio)
        except BaseException:  # noqa: BLE001 (el fallo de un bloque se informa, no se oculta)
            fallo = {"bloque": indice, "traza": traceback.format_exc()}
        finally:
            sys.stdout.flush()
            sys.stdout = original
        salidas.append(captura.texto.getvalue())
        if fallo:
            break
    with open(salida, "w", encoding="utf-8") as f:
        json.dump({"salidas": salidas, "fallo": fallo}, f, ensure_ascii=False)
    return 1 if fallo else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
