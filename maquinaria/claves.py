"""Claves de contenido, sin importar TensorFlow ni ejecutar nada.

Una clave resume todo lo que puede cambiar un resultado: el código, cada módulo del
proyecto que ese código importa (siguiendo el grafo de importaciones con `ast`, no una
lista a mano), los datos que declara, su semilla y las versiones de las bibliotecas.

Una figura tiene dos claves:

* `calculo`: lo que alcanza `calcular()` (las definiciones del script que usa, sus
  importaciones y el cierre de estas), la siembra del trabajador y las versiones de lo
  que importa. Retocar `dibujar()` o un módulo que solo usa el dibujo no reentrena; un
  comentario o un cambio de formato tampoco (cuenta el árbol sintáctico, no los bytes).
* `total`: la de cálculo más los bytes del script entero, del cierre de `dibujar()` y de
  los módulos de la maquinaria que dan forma al PNG: el estilo, el formato de los
  números y el codificador de la imagen (con las versiones de matplotlib, NumPy y Pillow).

Un cuaderno y las salidas de una página tienen una sola clave (`total`).
"""

from __future__ import annotations

import ast
import atexit
import hashlib
import importlib.metadata
import json
import os
import re
import sys
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

RAIZ = Path(__file__).resolve().parents[1]
MAQUINARIA = RAIZ / "maquinaria"
# Paquetes de primer nivel que viven en el repositorio.
PAQUETES_PROYECTO = ("snippets", "scripts", "maquinaria")
# Lo que la maquinaria añade al resultado de cada tipo, aunque el script no lo importe.
SIEMBRA = MAQUINARIA / "semillas.py"  # semillas e hilos: deciden los números
# El trabajador también: dibuja las dos variantes y escribe el registro de la figura.
DIBUJO = (MAQUINARIA / "estilo.py", MAQUINARIA / "formato.py", MAQUINARIA / "imagen.py", MAQUINARIA / "trabajador.py")
CUADERNO = MAQUINARIA / "cuadernos.py"  # inserta celdas y escribe el .ipynb
# Bibliotecas cuya versión entra siempre: la siembra usa NumPy; el PNG, matplotlib y Pillow.
SIEMPRE_CALCULO = ("numpy",)
# matplotlib da forma a la imagen también a través de sus dependencias: la disposición
# (kiwisolver), las curvas de nivel (contourpy), las fuentes (fontTools) y las fórmulas (pyparsing).
SIEMPRE_DIBUJO = ("numpy", "matplotlib", "PIL", "kiwisolver", "contourpy", "fontTools", "pyparsing")
SIEMPRE_CUADERNO = ("nbclient", "nbformat", "jupytext", "ipykernel")
# Nombre de importación -> distribución, para no recorrer todas las instaladas.
DISTRIBUCIONES = {
    "numpy": "numpy",
    "matplotlib": "matplotlib",
    "PIL": "pillow",
    "kiwisolver": "kiwisolver",
    "contourpy": "contourpy",
    "fontTools": "fonttools",
    "pyparsing": "pyparsing",
    "keras": "keras",
    "tensorflow": "tensorflow-cpu",
    "sklearn": "scikit-learn",
    "scipy": "scipy",
    "nbclient": "nbclient",
    "nbformat": "nbformat",
    "jupytext": "jupytext",
    "ipykernel": "ipykernel",
}


class ErrorDeFigura(Exception):
    """Error con un mensaje para el usuario, en español."""


class RegistroDanado(ErrorDeFigura):
    """Un registro que no se puede leer o no cumple el esquema: solo --forzar con su nombre lo sobrescribe."""


@dataclass
class Claves:
    calculo: str
    total: str
    semilla: int | None
    dependencias: list[str] = field(default_factory=list)
    datos: list[str] = field(default_factory=list)
    versiones: dict[str, str] = field(default_factory=dict)
    usa_keras: bool = False  # el cálculo alcanza Keras o TensorFlow: el trabajador los siembra


def sha(datos: bytes) -> str:
    return hashlib.sha256(datos).hexdigest()


def relativa(ruta: Path) -> str:
    try:
        return ruta.relative_to(RAIZ).as_posix()
    except ValueError:
        return str(ruta)


class PorFichero:
    """Lo que `calcular(ruta, *args)` saca de un fichero, recordado mientras el fichero no cambie
    de instante ni de tamaño: una construcción pregunta cientos de veces por los mismos pocos
    ficheros (registros, páginas, pruebas). Un fichero que no existe: FileNotFoundError."""

    def __init__(self, calcular):
        self.calcular = calcular
        self._hechos: dict[tuple, tuple[tuple[int, int], object]] = {}

    def __call__(self, ruta: Path, *args):
        estado = ruta.stat()
        firma = (estado.st_mtime_ns, estado.st_size)
        hecho = self._hechos.get((ruta, *args))
        if hecho is None or hecho[0] != firma:
            hecho = (firma, self.calcular(ruta, *args))
            self._hechos[(ruta, *args)] = hecho
        return hecho[1]


@cache
def _arbol_en_cache(ruta: Path, contenido: bytes) -> ast.Module:
    try:
        return ast.parse(contenido, filename=str(ruta))
    except SyntaxError as exc:
        raise ErrorDeFigura(f"Error de sintaxis en {relativa(ruta)}, línea {exc.lineno}: {exc.msg}") from exc


def arbol(ruta: Path) -> ast.Module:
    return _arbol_en_cache(ruta, ruta.read_bytes())


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
    try:
        partes = list(ruta.relative_to(RAIZ).with_suffix("").parts)
    except ValueError:
        return []
    return partes[:-1]


def nombres_importados(nodos, ruta: Path) -> list[list[str]]:
    """Los módulos que importan unos nodos de `ruta`, como listas de partes (los relativos, resueltos)."""
    nombres: list[list[str]] = []
    for raiz in nodos:
        for nodo in ast.walk(raiz):
            if isinstance(nodo, ast.Import):
                nombres += [alias.name.split(".") for alias in nodo.names]
            elif isinstance(nodo, ast.ImportFrom):
                paquete = _paquete_de(ruta)
                base = paquete[: len(paquete) - (nodo.level - 1)] if nodo.level else []
                modulo = base + (nodo.module.split(".") if nodo.module else [])
                nombres += [modulo] + [modulo + [alias.name] for alias in nodo.names]
    return [partes for partes in nombres if partes]


def resolver(nombres: list[list[str]]) -> tuple[set[Path], set[str]]:
    """Ficheros del proyecto y módulos externos (primer nivel) de unos nombres importados."""
    propios: set[Path] = set()
    externos: set[str] = set()
    for partes in nombres:
        if partes[0] in PAQUETES_PROYECTO:
            propios.update(_modulo_en_proyecto(partes))
        elif partes[0] not in sys.stdlib_module_names:
            externos.add(partes[0])
    return propios, externos


def importaciones(nodos, ruta: Path) -> tuple[set[Path], set[str]]:
    """Ficheros del proyecto y módulos externos (primer nivel) que importan unos nodos de `ruta`."""
    return resolver(nombres_importados(nodos, ruta))


# --- Análisis guardado ------------------------------------------------------------------
# Analizar con ast cada fichero en cada ejecución cuesta segundos; lo que sale de un
# fichero (la huella de su código, lo que importa) depende solo de sus bytes y de este
# módulo, así que se guarda en .cache/ por huella de contenido. Qué fichero es cada
# módulo importado se resuelve siempre de nuevo, mirando el disco.

ANALISIS = RAIZ / ".cache" / "maquinaria" / "analisis.json"
_VERSION = sha(Path(__file__).read_bytes())[:16]
_analisis: dict | None = None
_analisis_cambiado = False


def _memoria() -> dict:
    global _analisis
    if _analisis is None:
        try:
            guardado = json.loads(ANALISIS.read_text(encoding="utf-8"))
            _analisis = guardado["entradas"] if guardado.get("version") == _VERSION else {}
        except (OSError, ValueError, KeyError, TypeError):
            _analisis = {}
        atexit.register(_guardar_memoria)
    return _analisis


def _guardar_memoria() -> None:
    if not _analisis_cambiado:
        return
    try:
        ANALISIS.parent.mkdir(parents=True, exist_ok=True)
        temporal = ANALISIS.with_name(f".{ANALISIS.name}.{os.getpid()}.tmp")
        temporal.write_text(json.dumps({"version": _VERSION, "entradas": _analisis}), encoding="utf-8")
        os.replace(temporal, ANALISIS)
    except OSError:
        pass  # sin caché se recalcula: nada se pierde


def analizar(ruta: Path, raiz: str | None = None) -> dict:
    """{"codigo": huella del código sin docstrings, "importa": nombres importados} de un
    fichero entero o de lo que alcanza su función `raiz`, leído de la caché si sus bytes no cambiaron."""
    global _analisis_cambiado
    contenido = ruta.read_bytes()
    clave = f"{relativa(ruta)}:{raiz or ''}:{sha(contenido)}"
    memoria = _memoria()
    if clave not in memoria:
        modulo = _arbol_en_cache(ruta, contenido)
        nodos = [modulo] if raiz is None else alcance(modulo, raiz)
        memoria[clave] = {
            "codigo": sha("\n".join(codigo(n) for n in nodos).encode()),
            "importa": nombres_importados(nodos, ruta),
        }
        _analisis_cambiado = True
    return memoria[clave]


def cierre(inicio: set[Path]) -> tuple[list[Path], set[str]]:
    """Cierre transitivo de unos módulos del proyecto (ellos incluidos) y los externos que tocan."""
    pendientes, vistos, externos = list(inicio), set(inicio), set()
    while pendientes:
        actual = pendientes.pop()
        propios, ext = resolver(analizar(actual)["importa"])
        externos |= ext
        for fichero in propios - vistos:
            vistos.add(fichero)
            pendientes.append(fichero)
    return sorted(vistos), externos


def _nombres_definidos(nodo: ast.stmt) -> set[str]:
    if isinstance(nodo, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        return {nodo.name}
    if isinstance(nodo, (ast.Import, ast.ImportFrom)):
        return {(a.asname or a.name).split(".")[0] for a in nodo.names}
    destinos = nodo.targets if isinstance(nodo, ast.Assign) else [getattr(nodo, "target", None)]
    return {n.id for d in destinos if d is not None for n in ast.walk(d) if isinstance(n, ast.Name)}


def alcance(modulo: ast.Module, raiz: str) -> list[ast.stmt]:
    """Las sentencias de primer nivel que alcanza la función `raiz` (ella incluida), en orden.

    Se siguen los nombres que usa cada definición alcanzada. Lo que no es una definición
    (una expresión suelta, un `if` de primer nivel) se ejecuta al importar: entra siempre.
    """
    definiciones: dict[str, list[ast.stmt]] = {}
    siempre = []
    for nodo in modulo.body:
        nombres = _nombres_definidos(nodo)
        if not nombres:
            if not (isinstance(nodo, ast.Expr) and isinstance(nodo.value, ast.Constant)):  # docstring
                siempre.append(nodo)
        for nombre in nombres:
            definiciones.setdefault(nombre, []).append(nodo)
    if raiz not in definiciones:
        return []
    alcanzadas: list[ast.stmt] = []
    pendientes = [*definiciones[raiz], *siempre]
    while pendientes:
        nodo = pendientes.pop()
        if any(nodo is n for n in alcanzadas):
            continue
        alcanzadas.append(nodo)
        usados = {n.id for n in ast.walk(nodo) if isinstance(n, ast.Name)}
        for nombre in usados:
            pendientes.extend(definiciones.get(nombre, []))
    return sorted(alcanzadas, key=lambda n: n.lineno)


def _normalizado(distribucion: str) -> str:
    return re.sub(r"[-_.]+", "-", distribucion).lower()  # PEP 503


@cache
def _instaladas() -> dict[str, str]:
    """La versión de cada distribución instalada, en una sola pasada (la primera del camino de
    importación gana, como en importlib.metadata.version): preguntar una a una recorre el
    camino cada vez, y una construcción pregunta por quince."""
    versiones: dict[str, str] = {}
    for distribucion in importlib.metadata.distributions():
        nombre = distribucion.metadata["Name"]
        if nombre:
            versiones.setdefault(_normalizado(nombre), distribucion.version)
    return versiones


@cache
def _paquetes() -> dict[str, list[str]]:
    return importlib.metadata.packages_distributions()


@cache
def _version(modulo: str) -> str | None:
    distribucion = DISTRIBUCIONES.get(modulo)
    if distribucion is None:
        candidatas = _paquetes().get(modulo)
        if not candidatas:
            return None
        distribucion = candidatas[0]
    return _instaladas().get(_normalizado(distribucion))


def versiones(externos: set[str]) -> dict[str, str]:
    modulos = set(externos)
    if "keras" in modulos:  # Keras calcula con el motor de TensorFlow
        modulos.add("tensorflow")
    # La versión de Python no entra: las bibliotecas fijadas deciden los números.
    encontradas = {m: _version(m) for m in sorted(modulos)}
    return {m: v for m, v in encontradas.items() if v}


def constantes(ruta: Path) -> dict:
    """Constantes literales de módulo (SEMILLA, DATOS, CALCULO_DE...) leídas sin ejecutar el script."""
    valores = {}
    for nodo in arbol(ruta).body:
        if isinstance(nodo, ast.Assign) and len(nodo.targets) == 1 and isinstance(nodo.targets[0], ast.Name):
            nombre = nodo.targets[0].id
            if nombre.isupper():
                try:
                    valores[nombre] = ast.literal_eval(nodo.value)
                except ValueError:
                    pass
    return valores


def huella(**partes) -> str:
    return sha(json.dumps(partes, sort_keys=True).encode())


def huellas(ficheros) -> dict[str, str]:
    """Huella de los bytes de cada fichero: cualquier cambio, un comentario incluido, cuenta."""
    return {relativa(f): sha(f.read_bytes()) for f in ficheros}


def codigo(nodo: ast.AST) -> str:
    """El árbol sintáctico sin docstrings: ni comentarios, ni formato, ni documentación cuentan."""
    copia = ast.parse(ast.unparse(nodo))  # una copia: el árbol en caché no se toca
    for dentro in ast.walk(copia):
        cuerpo = getattr(dentro, "body", None)
        if (
            isinstance(cuerpo, list)
            and cuerpo
            and isinstance(cuerpo[0], ast.Expr)
            and isinstance(cuerpo[0].value, ast.Constant)
            and isinstance(cuerpo[0].value.value, str)
        ):
            dentro.body = cuerpo[1:] or [ast.Pass()]
    return ast.dump(copia)


def huellas_de_codigo(ficheros) -> dict[str, str]:
    """Huella del código (su árbol, sin docstrings): comentarios, formato y documentación no cuentan."""
    return {relativa(f): analizar(f)["codigo"] for f in ficheros}


def _datos(ruta: Path, declarados: list) -> dict[str, str]:
    resultado = {}
    for dato in (str(d) for d in declarados):
        fichero = RAIZ / dato
        if not fichero.is_file():
            raise ErrorDeFigura(f"Faltan datos: {relativa(ruta)} declara «{dato}», que no existe.")
        resultado[dato] = sha(fichero.read_bytes())
    return resultado


def _parte(ruta: Path, raiz: str | None) -> tuple[str, list[Path], set[str]]:
    """Huella del código, cierre de módulos del proyecto y externos de la función `raiz` (None: todo)."""
    analisis = analizar(ruta, raiz)
    propios, externos = resolver(analisis["importa"])
    dependencias, mas = cierre(propios)
    return analisis["codigo"], dependencias, externos | mas


def claves_de_figura(ruta: Path, scripts: Path | None = None) -> Claves:
    ruta = ruta.resolve()
    valores = constantes(ruta)
    semilla = valores.get("SEMILLA")
    datos = _datos(ruta, valores.get("DATOS", []))
    proveedor = valores.get("CALCULO_DE")
    if proveedor:  # comparte el cálculo de otra figura: su clave de cálculo es la de aquella
        fuente = (scripts or ruta.parent) / f"{proveedor}.py"
        if not fuente.is_file():
            raise ErrorDeFigura(f"{relativa(ruta)} toma el cálculo de «{proveedor}», que no existe.")
        origen = claves_de_figura(fuente, scripts)
        calculo, semilla, usa_keras = origen.calculo, origen.semilla, origen.usa_keras
        deps_calculo, ext_calculo = [], set()
    else:
        fuente_calculo, deps_calculo, ext_calculo = _parte(ruta, "calcular")
        vers_calculo = versiones(ext_calculo | set(SIEMPRE_CALCULO))
        usa_keras = bool({"keras", "tensorflow"} & ext_calculo)
        # Del cálculo cuenta el código, no su formato: reformatear o comentar no reentrena.
        calculo = huella(
            script=fuente_calculo,
            dependencias=huellas_de_codigo([*deps_calculo, SIEMBRA]),
            datos=datos,
            semilla=semilla,
            versiones=vers_calculo,
        )
    _, deps_todo, ext_todo = _parte(ruta, None)
    vers = versiones(ext_todo | ext_calculo | set(SIEMPRE_DIBUJO))
    dependencias = sorted(set(deps_todo) | set(deps_calculo))
    # Del total, los bytes: cualquier retoque redibuja (barato; el cálculo sale de la caché).
    total = huella(
        calculo=calculo,
        script=sha(ruta.read_bytes()),
        dependencias=huellas([*dependencias, *DIBUJO, SIEMBRA]),
        versiones=vers,
    )
    return Claves(calculo, total, semilla, [relativa(d) for d in dependencias], list(datos), vers, usa_keras)


def claves_de_cuaderno(ruta: Path) -> Claves:
    ruta = ruta.resolve()
    valores = constantes(ruta)
    datos = _datos(ruta, valores.get("DATOS", []))
    _, dependencias, externos = _parte(ruta, None)
    vers = versiones(externos | set(SIEMPRE_CUADERNO))
    total = huella(
        script=sha(ruta.read_bytes()),
        dependencias=huellas([*dependencias, CUADERNO]),
        datos=datos,
        versiones=vers,
    )
    return Claves(total, total, valores.get("SEMILLA"), [relativa(d) for d in dependencias], list(datos), vers)
