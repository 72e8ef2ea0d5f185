"""La marca «comprobado» de las páginas: una afirmación y la prueba que la comprueba.

    La fórmula es exactamente tanh(x) {{ comprobado("tests/test_activaciones.py::test_la_formula_de_tanh_de_los_apuntes_es_tanh",
                                                    "la fórmula de la tabla da lo mismo que np.tanh") }}

escribe, detrás de la frase, un enlace pequeño «✓ comprobado» a la función de la prueba en el
repositorio (`{repositorio}/blob/main/tests/test_x.py#L<línea del def>`, calculada al construir)
con un título que dice qué se comprueba. Las páginas de los alumnos no hablan de las pruebas
del sitio: dicen la afirmación y ponen la marca.

Si el fichero o la función no existen (una prueba renombrada o borrada), la macro lanza una
excepción que nombra la página y `mkdocs build --strict` falla: no quedan marcas muertas.
`tests/test_marcas.py` comprueba además el sitio construido (cada marca apunta a un `def`
real) y que la prosa de los alumnos no habla de pruebas.
"""

from __future__ import annotations

import ast
import html
from pathlib import Path, PurePosixPath

from maquinaria.claves import PorFichero

CLASE = "comprobado"
TEXTO = "comprobado"


class ErrorDeComprobado(Exception):
    pass


def _funciones(ruta: Path) -> dict[str, int]:
    """{«test_x» o «Clase::test_x»: línea de su `def`} de un fichero de pruebas."""
    arbol = ast.parse(ruta.read_text(encoding="utf-8"), filename=str(ruta))
    lineas: dict[str, int] = {}
    for nodo in arbol.body:
        if isinstance(nodo, (ast.FunctionDef, ast.AsyncFunctionDef)):
            lineas[nodo.name] = nodo.lineno
        elif isinstance(nodo, ast.ClassDef):
            for hijo in nodo.body:
                if isinstance(hijo, (ast.FunctionDef, ast.AsyncFunctionDef)):
                    lineas[f"{nodo.name}::{hijo.name}"] = hijo.lineno
    return lineas


class Pruebas:
    """Las funciones de prueba del repositorio, leídas con ast (sin importar nada)."""

    def __init__(self, raiz: Path):
        self.raiz = raiz
        self._funciones = PorFichero(_funciones)

    def linea(self, referencia: str) -> tuple[str, str, int]:
        """«tests/test_x.py::test_y» -> (ruta, función, línea del def); ErrorDeComprobado si no existe."""
        fichero, separador, funcion = referencia.partition("::")
        ruta = PurePosixPath(fichero)
        if not separador or not funcion:
            raise ErrorDeComprobado(f"«{referencia}» no es «tests/test_x.py::test_nombre».")
        if ruta.is_absolute() or ".." in ruta.parts or ruta.parts[:1] != ("tests",) or ruta.suffix != ".py":
            raise ErrorDeComprobado(f"«{fichero}» no es un fichero .py dentro de tests/.")
        en_disco = self.raiz / ruta
        if not en_disco.is_file():
            raise ErrorDeComprobado(f"el fichero de pruebas «{fichero}» no existe.")
        funciones = self._funciones(en_disco)
        if funcion not in funciones:
            raise ErrorDeComprobado(f"«{fichero}» no tiene la función de prueba «{funcion}».")
        return ruta.as_posix(), funcion, funciones[funcion]


def marca(url: str | None, referencia: str, que: str) -> str:
    """El HTML de la marca: en línea, una sola línea, sin nada que el Markdown toque."""
    titulo = f"Comprobado con código: {que}" if que else "Comprobado con código"
    atributos = (
        f'class="{CLASE}" data-prueba="{html.escape(referencia)}" '
        f'title="{html.escape(titulo)}" aria-label="{html.escape(titulo)}"'
    )
    if url:
        return f'<a {atributos} href="{html.escape(url)}">{TEXTO}</a>'
    return f"<span {atributos}>{TEXTO}</span>"


def registrar(env, repositorio: str) -> None:
    """Añade la macro `comprobado(prueba, que)` a mkdocs-macros."""
    raiz = Path(env.conf["config_file_path"]).resolve().parent
    pruebas = Pruebas(raiz)

    @env.macro
    def comprobado(prueba: str, que: str = "") -> str:
        """Marca «comprobado» enlazada a la función de prueba `prueba` («tests/test_x.py::test_y»)."""
        pagina = env.page.file.src_uri if getattr(env, "page", None) else "?"
        try:
            fichero, _, linea = pruebas.linea(prueba)
        except ErrorDeComprobado as error:
            raise ErrorDeComprobado(f"{pagina}: comprobado(«{prueba}»): {error}") from None
        if "`" in que or "\\" in que:
            raise ErrorDeComprobado(
                f"{pagina}: la descripción de comprobado(«{prueba}») va en un título: texto llano, "
                f"sin código ni fórmulas ({que!r:.60})."
            )
        url = f"{repositorio}/blob/main/{fichero}#L{linea}" if repositorio else None
        return marca(url, prueba, que)
