"""Regenera las figuras del sitio (y ejecuta sus cuadernos).

    python -m maquinaria                 regenera solo las desactualizadas
    python -m maquinaria NOMBRE...       regenera esas figuras si están desactualizadas
    python -m maquinaria --forzar [N...] regenera aunque estén al día, reentrenando (sin caché de cálculo)
    python -m maquinaria --lista         muestra cada figura y su estado
    python -m maquinaria --comprobar     sale con 1 si alguna está desactualizada (no importa TensorFlow)
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import time
from pathlib import Path

from .claves import ErrorDeFigura
from .registros import disponibles, estado, leer_registro, limpiar_temporales


# argparse no trae traducciones: sus mensajes más comunes, en español.
TRADUCCIONES = [
    (r"unrecognized arguments: (.*)", r"argumentos no reconocidos: \1"),
    (r"argument (\S+): invalid (\w+) value: (.*)", r"el argumento \1 no admite el valor \3"),
    (r"argument (\S+): not allowed with argument (\S+)", r"\1 no se puede usar junto con \2"),
    (r"argument (\S+): expected one argument", r"\1 necesita un valor"),
]


class Argumentos(argparse.ArgumentParser):
    def format_usage(self):
        return super().format_usage().replace("usage:", "uso:", 1)

    def format_help(self):
        return super().format_help().replace("usage:", "uso:", 1)

    def error(self, message):  # en español y con salida 2
        for patron, traduccion in TRADUCCIONES:
            message = re.sub(patron, traduccion, message)
        self.print_usage(sys.stderr)
        print(f"error: {message}", file=sys.stderr)
        sys.exit(2)


def analizar(argv: list[str]) -> argparse.Namespace:
    parser = Argumentos(description="Regenera las figuras de docs/figuras/ (y los cuadernos de docs/cuadernos/) a partir de scripts/.", add_help=False)
    parser.add_argument("nombres", nargs="*", metavar="NOMBRE", help="figuras que regenerar (por defecto, todas)")
    parser.add_argument("-h", "--ayuda", action="help", help="muestra esta ayuda y sale")
    modo = parser.add_mutually_exclusive_group()
    modo.add_argument("--lista", action="store_true", help="lista las figuras y su estado")
    modo.add_argument("--comprobar", action="store_true", help="informa de las desactualizadas y sale con 1 si hay alguna")
    modo.add_argument("--forzar", action="store_true", help="regenera aunque estén al día, sin usar la caché de cálculo")
    parser.add_argument("--limite", type=float, default=300, metavar="SEG", help="tiempo máximo por figura (300 s)")
    parser.add_argument("--trabajos", type=int, default=os.cpu_count() or 1, metavar="N", help="figuras a la vez (núcleos)")
    parser._positionals.title = "argumentos"
    parser._optionals.title = "opciones"
    return parser.parse_args(argv)


def tabla_de_tiempos(nombres: list[str]) -> str:
    filas = []
    for nombre in nombres:
        registro = leer_registro(nombre) or {}
        calculo, dibujo = registro.get("segundos_calculo", 0), registro.get("segundos_dibujo", 0)
        filas.append((calculo + dibujo, nombre, calculo, dibujo))
    lineas = [f"{'figura':<32} {'cálculo':>9} {'dibujo':>8} {'total':>8}"]
    for total, nombre, calculo, dibujo in sorted(filas, reverse=True):
        lineas.append(f"{nombre:<32} {calculo:>8.1f}s {dibujo:>7.1f}s {total:>7.1f}s")
    lineas.append(f"{'suma':<32} {'':>9} {'':>8} {sum(f[0] for f in filas):>7.1f}s")
    return "\n".join(lineas)


def main(argv: list[str]) -> int:
    args = analizar(argv)
    try:
        validos = disponibles()
    except ErrorDeFigura as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    desconocidas = [n for n in args.nombres if n not in validos]
    if desconocidas:
        print(f"error: figura desconocida: {', '.join(desconocidas)}", file=sys.stderr)
        print(f"Figuras disponibles: {', '.join(validos)}", file=sys.stderr)
        return 2
    if not validos:
        print("error: no hay scripts en scripts/figuras/ ni en scripts/cuadernos/", file=sys.stderr)
        return 2
    elegidas = args.nombres or validos
    try:
        # Solo --forzar con nombres explícitos sobrescribe un registro dañado.
        estados = [estado(n, tolerar_danado=args.forzar and bool(args.nombres)) for n in elegidas]
    except ErrorDeFigura as error:
        print(f"error: {error}", file=sys.stderr)
        return 2

    if args.lista:
        for e in estados:
            print(f"{e.nombre:<32} {'al día' if e.al_dia else e.motivo}")
        return 0
    pendientes = [e.nombre for e in estados if args.forzar or not e.al_dia]
    if args.comprobar:
        for e in estados:
            if not e.al_dia:
                print(f"desactualizada: {e.nombre} ({e.motivo})")
        if pendientes:
            print(f"{len(pendientes)} figura(s) desactualizada(s). Regenera con «python -m maquinaria».")
            return 1
        print(f"Las {len(estados)} figuras están al día.")
        return 0
    if not pendientes:
        print(f"Nada que hacer: las {len(estados)} figuras están al día.")
        return 0

    from .ejecutor import ejecutar

    limpiar_temporales()
    inicio = time.perf_counter()
    resultados = ejecutar(pendientes, args.limite, args.trabajos, recalcular=args.forzar)
    print(tabla_de_tiempos(pendientes))
    print(f"Tiempo real: {time.perf_counter() - inicio:.1f} s con {args.trabajos} figura(s) a la vez.")
    fallos = [r for r in resultados if not r.ok]
    for fallo in fallos:
        print(f"error: {fallo.nombre}: {fallo.mensaje}", file=sys.stderr)
    return 1 if fallos else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
