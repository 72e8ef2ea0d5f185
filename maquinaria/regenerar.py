"""Regenera lo desactualizado: figuras, cuadernos y salidas de las páginas.

python -m maquinaria                 regenera solo lo desactualizado
python -m maquinaria NOMBRE...       esos productos, si están desactualizados
python -m maquinaria --forzar [N...] aunque estén al día, reentrenando (sin caché de cálculo)
python -m maquinaria --lista         cada producto y su estado
python -m maquinaria --comprobar     sale con 1 si algo está desactualizado (no importa TensorFlow)
"""

from __future__ import annotations

import argparse
import math
import os
import re
import sys
import time

from .claves import ErrorDeFigura
from .registros import disponibles, estado, leer_registro, limpiar_temporales, productos, tiempos_de

# argparse no trae traducciones: sus mensajes más comunes, en español.
TRADUCCIONES = [
    (r"unrecognized arguments: (.*)", r"argumentos no reconocidos: \1"),
    (r"argument (\S+): invalid (\w+) value: (.*)", r"el argumento \1 no admite el valor \3"),
    (r"argument (\S+): not allowed with argument (\S+)", r"\1 no se puede usar junto con \2"),
    (r"argument (\S+): expected one argument", r"\1 necesita un valor"),
    (r"argument (\S+): (.*)", r"\1: \2"),
]


class Argumentos(argparse.ArgumentParser):
    def format_usage(self):
        return super().format_usage().replace("usage:", "uso:", 1)

    def format_help(self):
        return super().format_help().replace("usage:", "uso:", 1)

    def error(self, message):  # en español, con salida 2 y un solo «error:»
        for patron, traduccion in TRADUCCIONES:
            message, cambios = re.subn(patron, traduccion, message)
            if cambios:
                break
        self.print_usage(sys.stderr)
        print(f"error: {message}", file=sys.stderr)
        sys.exit(2)


def _entero_positivo(texto: str) -> int:
    try:
        valor = int(texto)
    except ValueError:
        raise argparse.ArgumentTypeError(f"«{texto}» no es un número entero") from None
    if valor < 1:
        raise argparse.ArgumentTypeError(f"debe ser 1 o más (se dio {valor})")
    return valor


def _segundos_positivos(texto: str) -> float:
    try:
        valor = float(texto)
    except ValueError:
        raise argparse.ArgumentTypeError(f"«{texto}» no es un número de segundos") from None
    if not math.isfinite(valor) or valor <= 0:
        raise argparse.ArgumentTypeError(f"debe ser un número finito mayor que 0 (se dio {texto})")
    return valor


def analizar(argv: list[str]) -> argparse.Namespace:
    parser = Argumentos(
        prog="python -m maquinaria",
        description="Regenera las figuras (docs/figuras/), los cuadernos (docs/cuadernos/) y las "
        "salidas de las páginas (docs/salidas/) que estén desactualizados.",
        add_help=False,
    )
    parser.add_argument("nombres", nargs="*", metavar="NOMBRE", help="productos que regenerar (por defecto, todos)")
    parser.add_argument("-h", "--help", "--ayuda", action="help", help="muestra esta ayuda y sale")
    modo = parser.add_mutually_exclusive_group()
    modo.add_argument("--lista", action="store_true", help="lista los productos y su estado")
    modo.add_argument("--comprobar", action="store_true", help="informa de lo desactualizado y sale con 1 si hay algo")
    modo.add_argument(
        "--forzar", action="store_true", help="regenera aunque estén al día, sin usar la caché de cálculo"
    )
    parser.add_argument(
        "--limite",
        type=_segundos_positivos,
        default=300,
        metavar="SEG",
        help="tiempo máximo por producto, en segundos (300)",
    )
    parser.add_argument(
        "--trabajos",
        type=_entero_positivo,
        default=os.cpu_count() or 1,
        metavar="N",
        help="productos a la vez (tantos como núcleos)",
    )
    parser._positionals.title = "argumentos"
    parser._optionals.title = "opciones"
    return parser.parse_args(argv)


def _segundos(nombre: str, registro: dict | None) -> float:
    t = tiempos_de(nombre, registro)
    return t.get("segundos_calculo", t.get("segundos", 0.0)) + t.get("segundos_dibujo", 0.0)


def tabla_de_tiempos(nombres: list[str]) -> str:
    filas = []
    for nombre in nombres:
        try:
            registro = leer_registro(nombre)
        except ErrorDeFigura:
            registro = None
        t = tiempos_de(nombre, registro)
        calculo = t.get("segundos_calculo", t.get("segundos", 0))
        dibujo = t.get("segundos_dibujo", 0)
        filas.append((calculo + dibujo, nombre, calculo, dibujo))
    lineas = [f"{'producto':<32} {'cálculo':>9} {'dibujo':>8} {'total':>8}"]
    for total, nombre, calculo, dibujo in sorted(filas, reverse=True):
        lineas.append(f"{nombre:<32} {calculo:>8.1f}s {dibujo:>7.1f}s {total:>7.1f}s")
    lineas.append(f"{'suma':<32} {'':>9} {'':>8} {sum(f[0] for f in filas):>7.1f}s")
    return "\n".join(lineas)


def main(argv: list[str]) -> int:
    args = analizar(argv)
    try:
        todos = productos()
    except ErrorDeFigura as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    desconocidos = [n for n in args.nombres if n not in todos]
    if desconocidos:
        print(f"error: nombre desconocido: {', '.join(desconocidos)}", file=sys.stderr)
        print(f"Disponibles: {', '.join(todos)}", file=sys.stderr)
        return 2
    if not todos:
        print(
            "error: no hay scripts en scripts/figuras/ ni en scripts/cuadernos/, ni páginas con código", file=sys.stderr
        )
        return 2
    if not args.comprobar:
        limpiar_temporales()  # lo que dejó una ejecución muerta, en cada ejecución
    elegidos = args.nombres or list(todos)
    try:
        # Un registro dañado solo se sobrescribe si se nombra: nunca en una pasada general.
        estados = [estado(n, tolerar_danado=bool(args.nombres), quien=todos[n]) for n in elegidos]
    except ErrorDeFigura as error:
        print(f"error: {error}", file=sys.stderr)
        return 2

    if args.lista:
        for e in estados:
            print(f"{e.nombre:<32} {e.producto.tipo.nombre:<9} {'al día' if e.al_dia else e.motivo}")
        return 0
    pendientes = [e.nombre for e in estados if args.forzar or not e.al_dia]
    # Los más largos primero (según su última vez): con dos núcleos, el último en
    # empezar no es el que más tarda y la ejecución acaba antes.
    pendientes.sort(key=lambda n: -_segundos(n, next(e.registro for e in estados if e.nombre == n)))
    if args.comprobar:
        for e in estados:
            if not e.al_dia:
                print(f"desactualizado: {e.nombre} ({e.producto.tipo.nombre}: {e.motivo})")
        if pendientes:
            print(f"{len(pendientes)} producto(s) desactualizado(s). Regenera con «python -m maquinaria».")
            return 1
        print(f"Los {len(estados)} productos están al día.")
        return 0
    if not pendientes:
        print(f"Nada que hacer: los {len(estados)} productos están al día.")
        return 0

    from .ejecutor import ejecutar

    inicio = time.perf_counter()
    try:
        resultados = ejecutar(pendientes, args.limite, args.trabajos, recalcular=args.forzar)
    except KeyboardInterrupt:
        print("\nInterrumpido: lo ya terminado queda guardado; lo demás, como estaba.", file=sys.stderr)
        return 130
    print(tabla_de_tiempos(pendientes))
    print(f"Tiempo real: {time.perf_counter() - inicio:.1f} s con {args.trabajos} a la vez.")
    fallos = [r for r in resultados if not r.ok]
    for fallo in fallos:
        print(f"error: {fallo.nombre}: {fallo.mensaje}", file=sys.stderr)
    return 1 if fallos else 0


__all__ = ["main", "disponibles"]
