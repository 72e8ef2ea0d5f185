"""El esquema de los registros (docs/*/NOMBRE.json): qué campos llevan y de qué tipo.

La herramienta y la construcción del sitio validan cada registro al leerlo: uno que no
cumple el esquema está «dañado» y el mensaje nombra el fichero y el campo. Así un
registro recortado o editado a mano no llega a publicarse, ni rompe la construcción
con un KeyError que no dice de qué figura es.

Un esquema es un diccionario campo -> tipo: un tipo de Python, una tupla de tipos, una
lista de un tipo (`[str]`), un diccionario anidado, o una función que valida el valor y
devuelve un texto con el problema (o None).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

Validador = Callable[[Any], "str | None"]


class ErrorDeEsquema(ValueError):
    """Un campo que falta o no es del tipo debido; `campo` lo nombra con su ruta."""

    def __init__(self, campo: str, problema: str):
        super().__init__(f"el campo «{campo}» {problema}")
        self.campo = campo


def _nombre_de_tipo(tipo) -> str:
    nombres = {
        int: "un entero",
        float: "un número",
        str: "un texto",
        bool: "verdadero o falso",
        dict: "un diccionario",
        list: "una lista",
        type(None): "nulo",
    }
    if isinstance(tipo, tuple):
        return " o ".join(_nombre_de_tipo(t) for t in tipo)
    return nombres.get(tipo, getattr(tipo, "__name__", str(tipo)))


def _es(valor, tipo) -> bool:
    tipos = tipo if isinstance(tipo, tuple) else (tipo,)
    for t in tipos:
        if t is float and isinstance(valor, (int, float)) and not isinstance(valor, bool):
            return math.isfinite(valor)
        if t is int and isinstance(valor, int) and not isinstance(valor, bool):
            return True
        if t not in (int, float) and isinstance(valor, t):
            return True
    return False


def valor_json(valor, ruta: str) -> None:
    """Las métricas: números finitos, textos, booleanos, nulos, listas y diccionarios."""
    if isinstance(valor, dict):
        for clave, dentro in valor.items():
            if not isinstance(clave, str):
                raise ErrorDeEsquema(ruta, "tiene una clave que no es texto")
            valor_json(dentro, f"{ruta}.{clave}")
    elif isinstance(valor, list):
        for indice, dentro in enumerate(valor):
            valor_json(dentro, f"{ruta}.{indice}")
    elif isinstance(valor, float) and not math.isfinite(valor):
        raise ErrorDeEsquema(ruta, "no es un número finito")
    elif not isinstance(valor, (str, int, float, bool, type(None))):
        raise ErrorDeEsquema(ruta, f"no se puede guardar en JSON ({type(valor).__name__})")


def validar(datos: Any, esquema: dict, ruta: str = "") -> None:
    if not isinstance(datos, dict):
        raise ErrorDeEsquema(ruta or "(raíz)", "debe ser un diccionario")
    for campo, tipo in esquema.items():
        donde = f"{ruta}.{campo}" if ruta else campo
        if campo not in datos:
            raise ErrorDeEsquema(donde, "falta")
        valor = datos[campo]
        if isinstance(tipo, dict):
            validar(valor, tipo, donde)
        elif isinstance(tipo, list):
            if not isinstance(valor, list):
                raise ErrorDeEsquema(donde, "debe ser una lista")
            for indice, elemento in enumerate(valor):
                if isinstance(tipo[0], dict):
                    validar(elemento, tipo[0], f"{donde}.{indice}")
                elif not _es(elemento, tipo[0]):
                    raise ErrorDeEsquema(f"{donde}.{indice}", f"debe ser {_nombre_de_tipo(tipo[0])}")
        elif callable(tipo) and not isinstance(tipo, type):
            problema = tipo(valor)
            if problema:
                raise ErrorDeEsquema(donde, problema)
        elif not _es(valor, tipo):
            raise ErrorDeEsquema(donde, f"debe ser {_nombre_de_tipo(tipo)} (es {valor!r:.40})")


def _hexadecimal(valor) -> str | None:
    if not (isinstance(valor, str) and len(valor) == 64 and all(c in "0123456789abcdef" for c in valor)):
        return "debe ser una huella sha256 (64 cifras hexadecimales)"
    return None


def _positivo(valor) -> str | None:
    return None if _es(valor, int) and valor > 0 else "debe ser un entero mayor que 0"


def _segundos(valor) -> str | None:
    return None if _es(valor, float) and valor >= 0 else "debe ser un número de segundos ≥ 0"


def _no_vacio(valor) -> str | None:
    return None if isinstance(valor, str) and valor.strip() else "debe ser un texto no vacío"


def _pixeles(valor) -> str | None:
    return None if _es(valor, float) and valor > 0 else "debe ser un tamaño en píxeles mayor que 0"


def _metricas(valor) -> str | None:
    if not isinstance(valor, dict):
        return "debe ser un diccionario"
    valor_json(valor, "metricas")
    return None


PROCEDENCIA = {
    "nombre": _no_vacio,
    "script": _no_vacio,
    "clave": _hexadecimal,
    "semilla": (int, type(None)),
    "dependencias": [str],
    "datos": [str],
    "versiones": dict,
    "python": str,
}

FIGURA = {
    **PROCEDENCIA,
    "tipo": lambda v: None if v == "figura" else "debe ser «figura»",
    "clave_calculo": _hexadecimal,
    "titulo": _no_vacio,
    "imagen": _no_vacio,
    "ancho": _positivo,
    "alto": _positivo,
    "bytes": _positivo,
    # El texto más pequeño que se dibujó, en píxeles de la imagen (puntos × ppp / 72).
    "texto_px": _pixeles,
    # La misma figura dibujada para pantallas estrechas (el móvil): NOMBRE-estrecha.png.
    "estrecha": {
        "imagen": _no_vacio,
        "ancho": _positivo,
        "alto": _positivo,
        "bytes": _positivo,
        "texto_px": _pixeles,
    },
    "alt": _no_vacio,
    "segundos_calculo": _segundos,
    "segundos_dibujo": _segundos,
    "metricas": _metricas,
}

CUADERNO = {
    **PROCEDENCIA,
    "tipo": lambda v: None if v == "cuaderno" else "debe ser «cuaderno»",
    "titulo": _no_vacio,
    "cuaderno": _no_vacio,
    "colab": _no_vacio,
    "segundos": _segundos,
    "metricas": _metricas,
}

SALIDAS = {
    **PROCEDENCIA,
    "tipo": lambda v: None if v == "salidas" else "debe ser «salidas»",
    "pagina": _no_vacio,
    "segundos": _segundos,
    "bloques": [{"huella": _hexadecimal, "salida": str}],
}

POR_TIPO = {"figura": FIGURA, "cuaderno": CUADERNO, "salidas": SALIDAS}
# Lo que cambia en cada ejecución sin que cambie el resultado: no obliga a reescribir.
TIEMPOS = ("segundos", "segundos_calculo", "segundos_dibujo")
