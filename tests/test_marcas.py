"""Las páginas de los alumnos hablan a los alumnos: la marca «comprobado» y nada de prosa sobre pruebas.

Una afirmación que comprueba una prueba del repositorio se escribe tal cual, dicha al alumno,
seguida de la marca `{{ comprobado("tests/test_x.py::test_y", "qué se comprueba") }}`
(maquinaria/sitio/comprobado.py): un enlace pequeño «comprobado» a la función de la prueba.
Aquí se vigila que:

* la prosa de las páginas de los alumnos (todas menos docs/figuras.md, la de mantenimiento, y
  con los cuadernos), fuera del código y de las marcas, no habla de las pruebas del sitio;
* cada marca del sitio construido enlaza a la línea del `def` de una función de prueba que
  existe, con un título que dice qué se comprueba;
* una marca que nombra una prueba que no existe rompe la construcción estricta.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import RAIZ, construir
from test_copiar_pegar import html_de

from maquinaria.sitio.comprobado import ErrorDeComprobado, Pruebas

REPOSITORIO = "https://github.com/redes-neuronales/redes-neuronales"
MANTENIMIENTO = {"figuras.md"}  # la página para quien mantiene el sitio: ahí sí se habla de pruebas

# Lo que no es prosa del alumno: código (también las celdas de los cuadernos), fórmulas, las
# propias marcas y los enlaces de sección.
NO_ES_PROSA = ", ".join(
    ["pre", "code", "kbd", "samp", "script", "style", "math", "svg", ".comprobado", ".headerlink"]
    + [".md-content__button", ".jp-InputArea", ".jp-OutputArea"]
)
_VERBOS = r"(?:comprueba|comprueban|verifica|verifican|compara|comparan|lee|leen|repite|repiten|garantiza|garantizan|vigila|vigilan)"
PROSA_DE_PRUEBAS = re.compile(
    "|".join(
        [
            r"\bpruebas?\s+del\s+sitio\b",  # «las pruebas del sitio comprueban...»
            r"\bpruebas?\s+automáticas?\b",
            r"\bpytest\b",
            r"\btests?/",  # «tests/test_mnist.py»
            r"\btest_\w+",  # un fichero o una función de prueba
            # «la prueba X comprueba», «las pruebas lo comprueban», «una prueba lee cada enlace»;
            # no «la prueba final», «la prueba se hace con 150 puntos», «exactitud de prueba».
            rf"\b(?:la|las|una|unas|otra|otras|esta|estas|cada)\s+pruebas?\s+(?:[\w`]+\s+){{0,3}}?{_VERBOS}\b",
            rf"\b(?:lo|la|los|las)\s+{_VERBOS}\s+(?:una|la|las|unas)\s+pruebas?\b",  # «lo comprueba una prueba»
            r"\bel\s+sitio\s+se\s+(?:construye\s+y\s+se\s+)?prueba\b",
        ]
    ),
    re.I,
)

# Frases que hubo en las páginas y que la regla tiene que encontrar...
ANTIGUAS = [
    "La fórmula y model.count_params() dan el mismo total, y las pruebas del sitio lo comprueban con varias formas de red.",
    "la fórmula de la tabla es exactamente tanh(x); las pruebas del sitio lo comprueban contra keras.activations.tanh.",
    "La de ReLU es 0 o 1. Las pruebas comparan cada una con la que calcula tf.GradientTape.",
    "Las pruebas comprueban la tabla de arriba en Keras: la forma de la red, los pesos y sesgos iniciales",
    "y una prueba lee cada enlace como lo lee el Playground y lo compara con esa descripción.",
    "Una prueba comprueba que el resultado es el mismo que con model.fit para la misma red",
    "El sitio se construye y se prueba sin conexión. La prueba tests/test_mnist.py escribe un mnist.npz",
    "Otra prueba comprueba que, sin ese cambio, Keras rechaza el fichero e intenta descargar el auténtico.",
    "Las pruebas lo comprueban justo por debajo y justo por encima de ese valor.",
    "el gradiente es (p − y) / n: la diferencia entre lo predicho y lo correcto. Las pruebas lo comprueban con esos mismos números.",
    "las pruebas comprueban que cada paso de descenso_gradiente es exactamente θ − η∇L(θ)",
    "Lo comprueba una prueba con Keras.",
    "Ejecuta pytest para verlo.",
]
# ...y frases de las páginas en que «prueba» es el conjunto de prueba, o «comprueba» habla al alumno.
LEGITIMAS = [
    "Separamos el 20 % de las imágenes para la prueba final:",
    "la red acierta el 95,3 % de las 360 imágenes de prueba, con una pérdida de 0,150.",
    "A cambio, la prueba se hace con solo 150 puntos, y una medida con menos puntos es menos fiable.",
    "la prueba se usa una sola vez, al final.",
    "Las dos redes se entrenan y se prueban con el mismo reparto: 80 % para entrenar y 20 % para la prueba final.",
    "Por eso en la prueba las medias no salen exactamente 0.",
    "La distancia entre la pérdida de prueba y la de entrenamiento sube con el ruido.",
    "Comprueba tus cuentas con Keras.",
    "Comprueba lo que sabes",
    "Prueba también con 2 y con 4 neuronas.",
    "La última línea comprueba que el paso sirve: con los pesos nuevos la salida está más cerca de 1.",
    "El código lo comprueba con las funciones de Keras y con dos capas Dense.",
    "Necesitas Python (el código se ha probado con Python 3.11 a 3.12).",
    "Con otras versiones puede que también funcione, pero no lo hemos comprobado.",
    "con la exactitud de prueba y el conjunto de prueba",
]


def paginas_de_alumnos() -> list[str]:
    """Las páginas de docs/ que leen los alumnos (las .md y los cuadernos), por su ruta en docs/."""
    docs = RAIZ / "docs"
    paginas = [p.relative_to(docs).as_posix() for p in docs.rglob("*.md")]
    paginas += [p.relative_to(docs).as_posix() for p in (docs / "cuadernos").glob("*.ipynb")]
    return sorted(p for p in paginas if p not in MANTENIMIENTO)


def prosa(html: str) -> str:
    """El texto del artículo que lee el alumno (y los textos alternativos), sin código ni marcas."""
    articulo = BeautifulSoup(html, "html.parser").select_one("article")
    assert articulo is not None
    alternativos = [img.get("alt", "") for img in articulo.find_all("img")]
    for elemento in articulo.select(NO_ES_PROSA):
        elemento.decompose()
    return re.sub(r"\s+", " ", articulo.get_text(" ") + " " + " ".join(alternativos))


def frases_sobre_pruebas(texto: str) -> list[str]:
    """Cada coincidencia, con un poco de contexto para encontrarla en la página."""
    return [texto[max(0, m.start() - 60) : m.end() + 60].strip() for m in PROSA_DE_PRUEBAS.finditer(texto)]


@pytest.mark.parametrize("frase", ANTIGUAS)
def test_la_regla_encuentra_las_frases_sobre_pruebas(frase):
    assert frases_sobre_pruebas(frase), frase


@pytest.mark.parametrize("frase", LEGITIMAS)
def test_la_regla_deja_el_conjunto_de_prueba_y_lo_que_se_dice_al_alumno(frase):
    assert not frases_sobre_pruebas(frase), frase


def test_las_paginas_de_los_alumnos_no_hablan_de_las_pruebas_del_sitio(sitio):
    paginas = paginas_de_alumnos()
    assert "index.md" in paginas and "cuadernos/demoKeras1.ipynb" in paginas and "figuras.md" not in paginas
    culpables = []
    for pagina in paginas:
        for frase in frases_sobre_pruebas(prosa(html_de(sitio, pagina).read_text(encoding="utf-8"))):
            culpables.append(f"  {pagina}: …{frase}…")
    assert not culpables, (
        "Prosa sobre las pruebas del sitio en páginas de alumnos. Escribe la afirmación, dicha al "
        'alumno, seguida de {{ comprobado("tests/test_x.py::test_y", "qué se comprueba") }}, o lleva '
        "la frase a docs/figuras.md si solo habla de la maquinaria:\n" + "\n".join(culpables)
    )


def _def_en_linea(fichero: Path, linea: int) -> str | None:
    """El nombre de la función (o «Clase::función») cuyo `def` está en esa línea."""
    for nodo in ast.parse(fichero.read_text(encoding="utf-8")).body:
        hijos = nodo.body if isinstance(nodo, ast.ClassDef) else []
        for candidato in [nodo, *hijos]:
            if isinstance(candidato, (ast.FunctionDef, ast.AsyncFunctionDef)) and candidato.lineno == linea:
                return f"{nodo.name}::{candidato.name}" if candidato is not nodo else candidato.name
    return None


def test_cada_marca_enlaza_al_def_de_una_prueba_que_existe(sitio):
    marcas = []
    for html in sorted(sitio.rglob("*.html")):
        sopa = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
        marcas += [(html.relative_to(sitio).as_posix(), m) for m in sopa.select(".comprobado")]
    # Las del artículo de cada página (la página para imprimir las repite todas).
    propias = [(p, m) for p, m in marcas if not p.startswith("imprimir/")]
    assert len(propias) >= 30, f"solo {len(propias)} marcas «comprobado» en el sitio"
    malas = []
    for pagina, marca in marcas:
        referencia = marca.get("data-prueba", "")
        fichero, _, funcion = referencia.partition("::")
        esperado = f"{REPOSITORIO}/blob/main/{fichero}#L"
        href = marca.get("href", "")
        if marca.name != "a" or not href.startswith(esperado) or not href[len(esperado) :].isdigit():
            malas.append(f"{pagina}: {referencia} enlaza a {href!r}")
            continue
        ruta = RAIZ / fichero
        linea = int(href[len(esperado) :])
        if not ruta.is_file() or _def_en_linea(ruta, linea) != funcion:
            malas.append(f"{pagina}: {href} no es el def de {funcion}")
        titulo = marca.get("title", "")
        if not titulo.startswith("Comprobado con código: ") or marca.get("aria-label") != titulo:
            malas.append(f"{pagina}: {referencia} sin título que diga qué se comprueba ({titulo!r})")
        if marca.get_text(strip=True) != "comprobado":
            malas.append(f"{pagina}: {referencia} dice {marca.get_text(strip=True)!r}")
    assert not malas, "\n".join(malas)


@pytest.mark.parametrize(
    "referencia, motivo",
    [
        ("tests/test_no_existe.py::test_algo", "no existe"),
        ("tests/test_activaciones.py::test_que_nadie_escribio", "no tiene la función de prueba"),
        ("tests/test_activaciones.py", "no es «tests/test_x.py::test_nombre»"),
        ("snippets/activaciones.py::tanh", "dentro de tests/"),
        ("tests/../snippets/activaciones.py::tanh", "dentro de tests/"),
    ],
)
def test_una_referencia_que_no_es_una_prueba_es_un_error(referencia, motivo):
    with pytest.raises(ErrorDeComprobado, match=re.escape(motivo)):
        Pruebas(RAIZ).linea(referencia)


def test_la_linea_es_la_del_def():
    fichero, funcion, linea = Pruebas(RAIZ).linea("tests/test_marcas.py::test_la_linea_es_la_del_def")
    lineas = (RAIZ / fichero).read_text(encoding="utf-8").splitlines()
    assert lineas[linea - 1].startswith(f"def {funcion}(")


def test_una_prueba_renombrada_rompe_la_construccion(copia, tmp_path):
    pagina = copia / "docs" / "1-introduccion" / "1-4-activacion.md"
    texto = pagina.read_text(encoding="utf-8")
    assert "test_activaciones.py::test_derivadas_contra_gradienttape" in texto
    # La prueba cambia de nombre y la página no: la marca quedaría muerta.
    prueba = copia / "tests" / "test_activaciones.py"
    prueba.write_text(
        prueba.read_text(encoding="utf-8").replace(
            "def test_derivadas_contra_gradienttape(", "def test_derivadas_como_gradienttape("
        ),
        encoding="utf-8",
    )
    proceso = construir(copia, tmp_path / "sitio")
    salida = proceso.stdout + proceso.stderr
    assert proceso.returncode != 0
    assert "1-introduccion/1-4-activacion.md" in salida and "test_derivadas_contra_gradienttape" in salida
    assert "no tiene la función de prueba" in salida
