"""Qué se regenera, dónde viven sus registros y cómo se leen y escriben sin perder nada.

Hay tres tipos de producto, con el mismo trato (clave, registro, desactualización):

* figura: `scripts/figuras/X.py` -> `docs/figuras/X.png` (la ancha), `X-estrecha.png` (la
  del móvil, dibujada de los mismos resultados) y su registro `X.json`;
* cuaderno: `scripts/cuadernos/X.py` (jupytext) -> `docs/cuadernos/X.ipynb` ejecutado;
* salidas: los bloques de Python de `docs/.../X.md` -> `docs/salidas/X.json`, lo que
  imprime cada bloque.

Cada registro es un JSON que cumple su esquema (`esquema.py`); uno que no lo cumple está
dañado, y se dice cuál y qué campo.
"""

from __future__ import annotations

import copy
import json
import os
import platform
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from . import esquema
from .claves import (
    RAIZ,
    Claves,
    ErrorDeFigura,
    PorFichero,
    RegistroDanado,
    claves_de_cuaderno,
    claves_de_figura,
    constantes,
    relativa,
)

CACHE = RAIZ / ".cache" / "maquinaria"
CALCULOS = CACHE / "calculos"  # resultados de calcular(), por clave de cálculo
BITACORAS = CACHE / "bitacoras"  # lo que imprime cada trabajador, una carpeta por ejecución
TIEMPOS = CACHE / "tiempos.json"  # segundos de la última ejecución (fuera de git)


@dataclass(frozen=True)
class Tipo:
    nombre: str
    plural: str
    fuentes: Path
    salidas: Path
    extension: str | None  # el fichero que se publica junto al registro (None: solo el registro)
    claves: Callable[[Path], Claves]

    def productos(self) -> dict[str, Path]:
        if self is SALIDAS:
            from .salidas import paginas_con_codigo

            return paginas_con_codigo(self.fuentes)
        return {f.stem: f for f in sorted(self.fuentes.glob("*.py")) if not f.name.startswith("_")}


def _claves_de_salidas(ruta: Path) -> Claves:
    from .salidas import claves_de_pagina

    return claves_de_pagina(ruta)


FIGURAS = Tipo(
    "figura",
    "figuras",
    RAIZ / "scripts" / "figuras",
    RAIZ / "docs" / "figuras",
    ".png",
    lambda ruta: claves_de_figura(ruta, RAIZ / "scripts" / "figuras"),
)
CUADERNOS = Tipo(
    "cuaderno", "cuadernos", RAIZ / "scripts" / "cuadernos", RAIZ / "docs" / "cuadernos", ".ipynb", claves_de_cuaderno
)
SALIDAS = Tipo("salidas", "salidas de página", RAIZ / "docs", RAIZ / "docs" / "salidas", None, _claves_de_salidas)
TIPOS = (FIGURAS, CUADERNOS, SALIDAS)


def escribir_atomico(ruta: Path, datos: bytes) -> bool:
    """Escribe en un temporal de la misma carpeta y lo renombra: o el fichero viejo o el nuevo, nunca medio.

    Si el fichero ya tiene esos bytes no se toca (ni su fecha): devuelve False.
    """
    if ruta.is_file() and ruta.read_bytes() == datos:
        return False
    ruta.parent.mkdir(parents=True, exist_ok=True)
    # El pid en el nombre deja saber, al limpiar, si su escritor sigue vivo.
    descriptor, temporal = tempfile.mkstemp(prefix=f".{ruta.name}.{os.getpid()}.", suffix=".tmp", dir=ruta.parent)
    try:
        with os.fdopen(descriptor, "wb") as fichero:
            fichero.write(datos)
            fichero.flush()
            os.fsync(fichero.fileno())
        os.chmod(temporal, 0o644)  # mkstemp crea 0600; el sitio se sirve a otros
        os.replace(temporal, ruta)
    except BaseException:
        Path(temporal).unlink(missing_ok=True)
        raise
    return True


def _vivo(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def limpiar_temporales() -> int:
    """Borra los temporales que dejó una ejecución interrumpida (kill -9), no los de otra en curso."""
    borrados = 0
    for carpeta in (*(t.salidas for t in TIPOS), CALCULOS, CACHE):
        if not carpeta.is_dir():
            continue
        for temporal in carpeta.glob(".*.tmp"):
            partes = temporal.name.split(".")
            pid = next((int(p) for p in reversed(partes[:-2]) if p.isdigit()), None)
            if pid is None or not _vivo(pid):
                temporal.unlink(missing_ok=True)
                borrados += 1
    return borrados


@dataclass(frozen=True)
class Producto:
    nombre: str
    tipo: Tipo
    fuente: Path

    @property
    def registro(self) -> Path:
        return self.tipo.salidas / f"{self.nombre}.json"

    @property
    def salida(self) -> Path:
        return self.tipo.salidas / f"{self.nombre}{self.tipo.extension or '.json'}"

    @property
    def salida_estrecha(self) -> Path | None:
        """La segunda imagen de una figura: la estrecha, para pantallas pequeñas."""
        return self.tipo.salidas / f"{self.nombre}-estrecha.png" if self.tipo is FIGURAS else None

    def claves(self) -> Claves:
        return self.tipo.claves(self.fuente)


def productos() -> dict[str, Producto]:
    """Cada producto por su nombre (el del script o la página sin extensión), de los tres tipos."""
    encontrados: dict[str, Producto] = {}
    for tipo in TIPOS:
        for nombre, fuente in tipo.productos().items():
            if nombre in encontrados:
                otro = encontrados[nombre]
                raise ErrorDeFigura(
                    f"Nombre repetido: «{nombre}» es a la vez {otro.tipo.nombre} ({relativa(otro.fuente)}) "
                    f"y {tipo.nombre} ({relativa(fuente)})."
                )
            encontrados[nombre] = Producto(nombre, tipo, fuente)
    return dict(sorted(encontrados.items()))


def disponibles() -> list[str]:
    return list(productos())


def producto(nombre: str) -> Producto:
    encontrado = productos().get(nombre)
    if encontrado is None:
        raise ErrorDeFigura(f"No hay figura, cuaderno ni página con código llamado «{nombre}».")
    return encontrado


def _leer_y_validar(ruta: Path, tipo: str, nombre: str) -> dict:
    try:
        registro = json.loads(ruta.read_text(encoding="utf-8"))
        esquema.validar(registro, esquema.POR_TIPO[tipo])
    except (ValueError, UnicodeDecodeError) as exc:
        raise RegistroDanado(
            f"Registro dañado: {relativa(ruta)} ({tipo} «{nombre}»): {exc}. "
            f"Regenéralo con «python -m maquinaria {nombre}»."
        ) from exc
    return registro


# Una construcción pide cientos de números a unos pocos registros (dato(), figura()...).
_LEIDOS = PorFichero(_leer_y_validar)


def leer_registro(nombre: str, quien: Producto | None = None) -> dict | None:
    """El registro validado contra su esquema; None si no existe. Dañado: RegistroDanado."""
    quien = quien or producto(nombre)
    try:
        registro = _LEIDOS(quien.registro, quien.tipo.nombre, nombre)
    except FileNotFoundError:
        return None
    return copy.deepcopy(registro)  # quien lo pide puede cambiarlo


def procedencia(quien: Producto, claves: Claves) -> dict:
    """Los campos que todo registro lleva: de qué fuente sale y con qué entradas."""
    return {
        "nombre": quien.nombre,
        "tipo": quien.tipo.nombre,
        "script": relativa(quien.fuente),
        "clave": claves.total,
        "semilla": claves.semilla,
        "dependencias": claves.dependencias,
        "datos": claves.datos,
        "versiones": claves.versiones,
        "python": platform.python_version(),
    }


def texto_de_registro(quien: Producto, registro: dict) -> bytes:
    """El registro validado y serializado: si no cumple el esquema, no se escribe nada."""
    try:
        esquema.validar(registro, esquema.POR_TIPO[quien.tipo.nombre])
        texto = json.dumps(registro, ensure_ascii=False, indent=2, sort_keys=True, allow_nan=False) + "\n"
    except (ValueError, TypeError) as exc:
        raise ErrorDeFigura(f"El registro de «{quien.nombre}» no se puede guardar: {exc}") from exc
    return texto.encode("utf-8")


def _sin_claves(valor, claves: frozenset):
    if isinstance(valor, dict):
        return {k: _sin_claves(v, claves) for k, v in valor.items() if k not in claves}
    if isinstance(valor, list):
        return [_sin_claves(v, claves) for v in valor]
    return valor


def sin_tiempos(registro: dict | None, medidas: tuple[str, ...] = ()) -> dict | None:
    """El registro sin sus segundos ni las métricas que son tiempos medidos (las que el script
    declara en MEDIDAS_DE_TIEMPO, a cualquier profundidad): lo que no cambia de una ejecución a
    otra con las mismas entradas."""
    if registro is None:
        return None
    resto = {k: v for k, v in registro.items() if k not in esquema.TIEMPOS}
    if medidas and isinstance(resto.get("metricas"), dict):
        resto["metricas"] = _sin_claves(resto["metricas"], frozenset(medidas))
    return resto


def guardar(quien: Producto, registro: dict, salida: bytes | None = None, otras: dict | None = None) -> bool:
    """Escribe la salida (y `otras`: {ruta: bytes}, la imagen estrecha) y después el registro
    (que, con la clave nueva, es lo que las da por buenas).

    Todo se prepara antes de escribir: un registro que no cumple el esquema no deja nada
    a medias. Si solo cambiarían los segundos (o los tiempos medidos, MEDIDAS_DE_TIEMPO), no se reescribe nada: una regeneración
    que da los mismos bytes deja git limpio. Devuelve si algo cambió en disco.
    """
    texto = texto_de_registro(quien, registro)
    anterior = None
    if quien.registro.exists():
        try:
            anterior = json.loads(quien.registro.read_text(encoding="utf-8"))
        except ValueError:
            anterior = None
    # Un tiempo medido (ms por paso de fit...) cambia en cada ejecución: como los segundos, no
    # basta para reescribir el registro. Si cambia cualquier otra cosa, se escribe entero.
    medidas = tuple(constantes(quien.fuente).get("MEDIDAS_DE_TIEMPO", ())) if quien.tipo is FIGURAS else ()
    igual_salvo_tiempos = anterior is not None and sin_tiempos(anterior, medidas) == sin_tiempos(
        json.loads(texto), medidas
    )
    cambio = False
    if salida is not None:
        cambio = escribir_atomico(quien.salida, salida)
    for ruta, datos in (otras or {}).items():
        cambio = escribir_atomico(ruta, datos) or cambio
    if cambio or not igual_salvo_tiempos:
        cambio = escribir_atomico(quien.registro, texto) or cambio
    anotar_tiempos(quien.nombre, {k: registro[k] for k in esquema.TIEMPOS if k in registro})
    return cambio


def anotar_tiempos(nombre: str, tiempos: dict) -> None:
    """Los segundos de esta ejecución, en la caché (fuera de git), para la tabla de la herramienta."""
    try:
        todos = json.loads(TIEMPOS.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        todos = {}
    todos[nombre] = tiempos
    escribir_atomico(TIEMPOS, json.dumps(todos, indent=1, sort_keys=True).encode())


def tiempos_de(nombre: str, registro: dict | None) -> dict:
    """Los segundos más recientes: los de esta máquina si los hay, si no los del registro."""
    try:
        propios = json.loads(TIEMPOS.read_text(encoding="utf-8")).get(nombre)
    except (OSError, ValueError):
        propios = None
    return propios or {k: v for k, v in (registro or {}).items() if k in esquema.TIEMPOS}


@dataclass
class Estado:
    producto: Producto
    claves: Claves
    registro: dict | None
    motivo: str | None  # None: al día

    @property
    def nombre(self) -> str:
        return self.producto.nombre

    @property
    def al_dia(self) -> bool:
        return self.motivo is None


def estado(nombre: str, tolerar_danado: bool = False, quien: Producto | None = None) -> Estado:
    """Compara la clave actual con la del registro. Un registro dañado lanza RegistroDanado salvo si se tolera."""
    quien = quien or producto(nombre)
    claves = quien.claves()
    try:
        registro = leer_registro(nombre, quien)
    except RegistroDanado:
        if not tolerar_danado:
            raise
        return Estado(quien, claves, None, "registro dañado")
    if registro is None:
        motivo = "sin generar"
    elif not quien.salida.exists():
        motivo = f"falta {quien.salida.name}"
    elif quien.salida_estrecha is not None and not quien.salida_estrecha.exists():
        motivo = f"falta {quien.salida_estrecha.name}"
    elif registro["clave"] != claves.total:
        solo_dibujo = quien.tipo is FIGURAS and registro.get("clave_calculo") == claves.calculo
        motivo = "solo cambió el dibujo" if solo_dibujo else "cambiaron sus entradas"
    else:
        motivo = None
    return Estado(quien, claves, registro, motivo)
