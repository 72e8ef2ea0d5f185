"""Claves de contenido de las figuras, sin importar TensorFlow ni ejecutar nada.

La clave de una figura resume todo lo que puede cambiar su resultado: el script,
cada módulo del proyecto que importa (siguiendo el grafo de importaciones con `ast`,
no una lista a mano), los ficheros de datos que declara, su semilla y las versiones
de las bibliotecas de las que depende su salida.

Hay dos claves: `calculo` deja fuera la función `dibujar` (retocar el estilo de un
gráfico no obliga a reentrenar) y `total` lo incluye todo.
"""

from __future__ import annotations

import ast
import hashlib
import importlib.metadata
import json
import sys
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

RAIZ = Path(__file__).resolve().parents[1]
# Paquetes de primer nivel que viven en el repositorio.
PAQUETES_PROYECTO = ("snippets", "scripts", "maquinaria")
# Bibliotecas cuya salida entra siempre en una figura (cálculo, dibujo y PNG).
SIEMPRE = ("numpy", "matplotlib", "PIL")
# El estilo común de los gráficos solo afecta al dibujo: entra en la clave total, no en la de cálculo.
ESTILO = RAIZ / "maquinaria" / "estilo.py"
# Nombre de importación -> distribución, para no recorrer todas las instaladas.
DISTRIBUCIONES = {
    "numpy": "numpy",
    "matplotlib": "matplotlib",
    "PIL": "pillow",
    "keras": "keras",
    "tensorflow": "tensorflow-cpu",
    "sklearn": "scikit-learn",
    "scipy": "scipy",
    "nbclient": "nbclient",
    "jupytext": "jupytext",
}


class ErrorDeFigura(Exception):
    """Error con un mensaje para el usuario, en español."""


class RegistroDanado(ErrorDeFigura):
    """El JSON de una figura no se puede leer: solo --forzar con su nombre lo sobrescribe."""


@dataclass
class Claves:
    calculo: str
    total: str
    semilla: int | None
    dependencias: list[str] = field(default_factory=list)
    datos: list[str] = field(default_factory=list)
    versiones: dict[str, str] = field(default_factory=dict)


def _sha(datos: bytes) -> str:
    return hashlib.sha256(datos).hexdigest()


def _arbol(ruta: Path) -> ast.Module:
    try:
        return ast.parse(ruta.read_bytes(), filename=str(ruta))
    except SyntaxError as exc:
        raise ErrorDeFigura(f"Error de sintaxis en {ruta.relative_to(RAIZ)}, línea {exc.lineno}: {exc.msg}") from exc


def _modulo_en_proyecto(partes: list[str]) -> list[Path]:
    """Ficheros que ejecuta `import a.b.c` dentro del repositorio (los __init__ incluidos)."""
    if not partes or partes[0] not in PAQUETES_PROYECTO:
        return []
    ficheros, carpeta = [], RAIZ
    for parte in partes:
        if (carpeta / parte / "__init__.py").is_file():
            carpeta = carpeta / parte
            ficheros.append(carpeta / "__init__.py")
        elif (carpeta / f"{parte}.py").is_file():
            ficheros.append(carpeta / f"{parte}.py")
            break
        elif (carpeta / parte).is_dir():  # paquete de espacio de nombres
            carpeta = carpeta / parte
        else:
            break
    return ficheros


def _paquete_de(ruta: Path) -> list[str]:
    """Partes del paquete al que pertenece un fichero del proyecto."""
    relativa = ruta.relative_to(RAIZ).with_suffix("")
    partes = list(relativa.parts)
    return partes[:-1] if partes[-1] != "__init__" else partes[:-1]


def _importaciones(ruta: Path) -> tuple[set[Path], set[str]]:
    """Ficheros del proyecto y módulos externos (primer nivel) que importa un fichero."""
    propios: set[Path] = set()
    externos: set[str] = set()
    for nodo in ast.walk(_arbol(ruta)):
        nombres: list[list[str]] = []
        if isinstance(nodo, ast.Import):
            nombres = [alias.name.split(".") for alias in nodo.names]
        elif isinstance(nodo, ast.ImportFrom):
            if nodo.level:
                base = _paquete_de(ruta)[: len(_paquete_de(ruta)) - (nodo.level - 1)]
            else:
                base = []
            modulo = base + (nodo.module.split(".") if nodo.module else [])
            nombres = [modulo] + [modulo + [alias.name] for alias in nodo.names]
        for partes in nombres:
            if not partes:
                continue
            if partes[0] in PAQUETES_PROYECTO:
                propios.update(_modulo_en_proyecto(partes))
            elif partes[0] not in sys.stdlib_module_names:
                externos.add(partes[0])
    return propios, externos


def cierre(ruta: Path) -> tuple[list[Path], set[str]]:
    """Cierre transitivo de las importaciones del proyecto y los módulos externos que tocan."""
    pendientes, vistos, externos = [ruta], {ruta}, set()
    while pendientes:
        actual = pendientes.pop()
        propios, ext = _importaciones(actual)
        externos |= ext
        for fichero in propios - vistos:
            vistos.add(fichero)
            pendientes.append(fichero)
    vistos.discard(ruta)
    return sorted(vistos), externos


@lru_cache(maxsize=None)
def _version(modulo: str) -> str | None:
    distribucion = DISTRIBUCIONES.get(modulo)
    if distribucion is None:
        candidatas = importlib.metadata.packages_distributions().get(modulo)
        if not candidatas:
            return None
        distribucion = candidatas[0]
    try:
        return importlib.metadata.version(distribucion)
    except importlib.metadata.PackageNotFoundError:
        return None


def versiones(externos: set[str]) -> dict[str, str]:
    modulos = set(externos) | set(SIEMPRE)
    if "keras" in modulos:  # Keras calcula con el motor de TensorFlow
        modulos.add("tensorflow")
    # La versión de Python no entra: las bibliotecas fijadas deciden los números.
    encontradas = {m: _version(m) for m in sorted(modulos)}
    return {m: v for m, v in encontradas.items() if v}


def constantes(ruta: Path) -> dict:
    """Constantes literales de módulo (SEMILLA, DATOS...) leídas sin ejecutar el script."""
    valores = {}
    for nodo in _arbol(ruta).body:
        if isinstance(nodo, ast.Assign) and len(nodo.targets) == 1 and isinstance(nodo.targets[0], ast.Name):
            nombre = nodo.targets[0].id
            if nombre.isupper():
                try:
                    valores[nombre] = ast.literal_eval(nodo.value)
                except ValueError:
                    pass
    return valores


def fuente_de_calculo(ruta: Path) -> bytes:
    """El script sin su función `dibujar`: lo que decide los resultados numéricos."""
    lineas = ruta.read_bytes().splitlines(keepends=True)
    for nodo in _arbol(ruta).body:
        if isinstance(nodo, ast.FunctionDef) and nodo.name == "dibujar":
            inicio = min([nodo.lineno] + [d.lineno for d in nodo.decorator_list]) - 1
            del lineas[inicio : nodo.end_lineno]
            break
    return b"".join(lineas)


def calcular_claves(ruta: Path) -> Claves:
    ruta = ruta.resolve()
    dependencias, externos = cierre(ruta)
    valores = constantes(ruta)
    semilla = valores.get("SEMILLA")
    datos = [str(d) for d in valores.get("DATOS", [])]
    huellas_datos = {}
    for dato in datos:
        fichero = RAIZ / dato
        if not fichero.is_file():
            raise ErrorDeFigura(f"Faltan datos: {ruta.relative_to(RAIZ)} declara «{dato}», que no existe.")
        huellas_datos[dato] = _sha(fichero.read_bytes())
    vers = versiones(externos)
    comun = {
        "dependencias": {str(d.relative_to(RAIZ)): _sha(d.read_bytes()) for d in dependencias},
        "datos": huellas_datos,
        "semilla": semilla,
        "versiones": vers,
    }

    def huella(fuente: bytes) -> str:
        return _sha(json.dumps({"script": _sha(fuente), **comun}, sort_keys=True).encode())

    return Claves(
        calculo=huella(fuente_de_calculo(ruta)),
        total=huella(ruta.read_bytes() + ESTILO.read_bytes()),
        semilla=semilla,
        dependencias=sorted(comun["dependencias"]),
        datos=datos,
        versiones=vers,
    )
