"""Dónde viven las figuras (y los cuadernos) y sus registros, cómo se leen y cómo se escriben sin perder nada.

Hay dos tipos de objetivo, con el mismo trato (clave, registro, caché, desactualización):
las figuras (`scripts/figuras/X.py` -> `docs/figuras/X.png`) y los cuadernos
(`scripts/cuadernos/X.py`, en formato jupytext, -> `docs/cuadernos/X.ipynb` ejecutado).
El registro de cada uno es un JSON junto a su salida.
"""

from __future__ import annotations

import json
import os
import platform
import tempfile
from dataclasses import dataclass
from pathlib import Path

from .claves import RAIZ, Claves, ErrorDeFigura, RegistroDanado, calcular_claves

CACHE = RAIZ / ".cache" / "figuras"


@dataclass(frozen=True)
class Tipo:
    nombre: str
    fuentes: Path
    salidas: Path
    extension: str


FIGURAS = Tipo("figura", RAIZ / "scripts" / "figuras", RAIZ / "docs" / "figuras", ".png")
CUADERNOS = Tipo("cuaderno", RAIZ / "scripts" / "cuadernos", RAIZ / "docs" / "cuadernos", ".ipynb")
TIPOS = (FIGURAS, CUADERNOS)


def escribir_atomico(ruta: Path, datos: bytes) -> None:
    """Escribe en un temporal de la misma carpeta y lo renombra: o el fichero viejo o el nuevo, nunca medio."""
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


def _vivo(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def limpiar_temporales() -> None:
    """Borra los temporales que dejó una ejecución interrumpida (kill -9), no los de otra en curso."""
    for carpeta in (*(t.salidas for t in TIPOS), CACHE):
        for temporal in carpeta.glob(".*.tmp"):
            partes = temporal.name.split(".")
            pid = next((int(p) for p in reversed(partes[:-2]) if p.isdigit()), None)
            if pid is None or not _vivo(pid):
                temporal.unlink(missing_ok=True)


def tipos() -> dict[str, Tipo]:
    """Cada objetivo por su nombre (el del script sin .py), figuras y cuadernos juntos."""
    encontrados: dict[str, Tipo] = {}
    for tipo in TIPOS:
        for fuente in sorted(tipo.fuentes.glob("*.py")):
            if fuente.name.startswith("_"):
                continue
            if fuente.stem in encontrados:
                raise ErrorDeFigura(f"Nombre repetido: «{fuente.stem}» es a la vez figura y cuaderno.")
            encontrados[fuente.stem] = tipo
    return dict(sorted(encontrados.items()))


def disponibles() -> list[str]:
    return list(tipos())


def tipo_de(nombre: str) -> Tipo:
    return CUADERNOS if (CUADERNOS.fuentes / f"{nombre}.py").exists() else FIGURAS


def script_de(nombre: str) -> Path:
    return tipo_de(nombre).fuentes / f"{nombre}.py"


def salida_de(nombre: str) -> Path:
    tipo = tipo_de(nombre)
    return tipo.salidas / f"{nombre}{tipo.extension}"


def registro_de(nombre: str) -> Path:
    return tipo_de(nombre).salidas / f"{nombre}.json"


def leer_registro(nombre: str) -> dict | None:
    ruta = registro_de(nombre)
    if not ruta.exists():
        return None
    try:
        registro = json.loads(ruta.read_text(encoding="utf-8"))
        if not isinstance(registro, dict) or not isinstance(registro.get("clave"), str):
            raise ValueError("no tiene el campo «clave»")
    except ValueError as exc:
        raise RegistroDanado(
            f"Registro dañado: {ruta.relative_to(RAIZ)} ({exc}). "
            f"Bórralo o regenera la figura con «python -m maquinaria --forzar {nombre}»."
        ) from exc
    return registro


def procedencia(nombre: str, claves: Claves) -> dict:
    """Los campos que todo registro lleva: de qué script sale y con qué entradas."""
    return {
        "figura": nombre,
        "script": script_de(nombre).relative_to(RAIZ).as_posix(),
        "clave": claves.total,
        "clave_calculo": claves.calculo,
        "semilla": claves.semilla,
        "dependencias": claves.dependencias,
        "datos": claves.datos,
        "versiones": claves.versiones,
        "python": platform.python_version(),
    }


def guardar_registro(nombre: str, registro: dict) -> None:
    texto = json.dumps(registro, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    escribir_atomico(registro_de(nombre), texto.encode("utf-8"))


@dataclass
class Estado:
    nombre: str
    claves: Claves
    registro: dict | None
    motivo: str | None  # None: al día

    @property
    def al_dia(self) -> bool:
        return self.motivo is None


def estado(nombre: str, tolerar_danado: bool = False) -> Estado:
    """Compara la clave actual con la del registro. Un registro dañado lanza RegistroDanado salvo si se tolera."""
    claves = calcular_claves(script_de(nombre))
    try:
        registro = leer_registro(nombre)
    except RegistroDanado:
        if not tolerar_danado:
            raise
        return Estado(nombre, claves, None, "registro dañado")
    if registro is None:
        motivo = "sin generar"
    elif not salida_de(nombre).exists():
        motivo = f"falta {salida_de(nombre).name}"
    elif registro["clave"] != claves.total:
        motivo = "solo cambió el dibujo" if registro.get("clave_calculo") == claves.calculo else "cambiaron sus entradas"
    else:
        motivo = None
    return Estado(nombre, claves, registro, motivo)
