"""La promesa al lector: cada bloque de Python del sitio se ejecuta tal cual, en orden, e
imprime lo que la página muestra debajo.

Se lee el HTML que recibe el lector (no el Markdown), se toman los bloques de Python de
cada página en orden y se ejecutan en un intérprete nuevo, en una carpeta vacía y sin el
proyecto en el camino de importación, como quien copia y pega en un Python limpio. Lo que
imprime cada bloque se compara con la salida que la página muestra bajo él.

Para no pagar en cada página la importación de TensorFlow, el intérprete de cada página es
hijo de uno que ya importó numpy y Keras (maquinaria/bloques_precargados.py). Lo que la
página muestra lo imprimió un intérprete nuevo (la herramienta): si importar antes cambiara
algo, estas pruebas fallarían.
"""

from __future__ import annotations

import difflib
import html
import re
from pathlib import Path

import pytest
from conftest import RAIZ

from maquinaria.bloques_precargados import Precargado
from maquinaria.salidas import (
    BLOQUE_HTML,
    SALIDA_HTML,
    bloques_del_html,
    ejecutar_bloques,
    normalizar_codigo,
    paginas_con_codigo,
    recortar,
)

PAGINAS = sorted(p.relative_to(RAIZ / "docs").as_posix() for p in paginas_con_codigo(RAIZ / "docs").values())


def html_de(sitio: Path, pagina: str) -> Path:
    ruta = Path(pagina).with_suffix("")
    return sitio / "index.html" if ruta.name == "index" else sitio / ruta / "index.html"


def bloques_y_salidas(texto_html: str) -> list[tuple[str, str | None]]:
    """Cada bloque de Python del HTML con la salida que muestra justo debajo (o None)."""
    pares = []
    for bloque in BLOQUE_HTML.finditer(texto_html):
        siguiente = SALIDA_HTML.match(texto_html, bloque.end())
        salida = html.unescape(siguiente.group(1)) if siguiente else None
        pares.append((bloques_del_html(bloque.group(0))[0], salida))
    return pares


def diferencias(pagina: str, esperadas: list[str | None], obtenidas: list[str]) -> list[str]:
    errores = []
    for indice, (esperada, obtenida) in enumerate(zip(esperadas, obtenidas), start=1):
        mostrada = recortar(obtenida) if obtenida else None
        if mostrada != esperada:
            diff = "\n".join(
                difflib.unified_diff(
                    (esperada or "").split("\n"),
                    (mostrada or "").split("\n"),
                    "lo que muestra la página",
                    "lo que imprime",
                    lineterm="",
                )
            )
            errores.append(f"{pagina}, bloque {indice}: imprime otra cosa de lo que muestra la página:\n{diff}")
    return errores


@pytest.fixture(scope="module")
def precargado():
    """El intérprete con numpy y Keras ya importados, uno por proceso de pruebas."""
    interprete = Precargado()
    yield interprete
    interprete.cerrar()


@pytest.mark.parametrize("pagina", PAGINAS)
def test_el_codigo_de_la_pagina_se_ejecuta_e_imprime_lo_que_muestra(pagina, sitio, tmp_path, precargado):
    pares = bloques_y_salidas(html_de(sitio, pagina).read_text(encoding="utf-8"))
    assert pares, f"{pagina} no tiene bloques de Python en el HTML"
    resultado = ejecutar_bloques([codigo for codigo, _ in pares], tmp_path, precargado=precargado)
    fallo = resultado["fallo"]
    assert fallo is None, (
        f"El código de {pagina} falla al copiarlo y pegarlo, en el bloque {fallo and fallo['bloque'] + 1}:\n"
        f"{fallo and fallo['traza'][-3000:]}"
    )
    errores = diferencias(pagina, [salida for _, salida in pares], resultado["salidas"])
    assert not errores, "\n\n".join(errores)


def test_se_leen_los_bloques_del_html_en_orden(sitio):
    pares = bloques_y_salidas(html_de(sitio, "1-introduccion/1-4-activacion.md").read_text(encoding="utf-8"))
    assert len(pares) >= 4
    assert pares[0][0].startswith("import numpy as np") and "def relu" in pares[0][0]
    assert "__codelineno" not in "".join(c for c, _ in pares)


def test_cada_bloque_que_imprime_muestra_su_salida(sitio):
    """Desde el HTML: cada bloque con salida en su registro la muestra debajo, y ninguno más."""
    import json

    for pagina in PAGINAS:
        nombre = Path(pagina).stem
        registro = json.loads((RAIZ / "docs" / "salidas" / f"{nombre}.json").read_text(encoding="utf-8"))
        pares = bloques_y_salidas(html_de(sitio, pagina).read_text(encoding="utf-8"))
        assert len(pares) == len(registro["bloques"]), pagina
        for indice, ((_, mostrada), guardado) in enumerate(zip(pares, registro["bloques"]), start=1):
            assert (mostrada is not None) == bool(guardado["salida"]), f"{pagina}, bloque {indice}"


def test_las_salidas_no_son_codigo(sitio):
    texto = html_de(sitio, "1-introduccion/1-1-neurona.md").read_text(encoding="utf-8")
    salidas = re.findall(r'<div class="salida"[^>]*>.*?</div>', texto, re.S)
    assert salidas
    for salida in salidas:
        assert "<code" not in salida and "language-" not in salida  # sin botón de copiar
        assert 'aria-label="Salida"' in salida


@pytest.mark.parametrize("con_precarga", [False, True], ids=["nuevo", "precargado"])
def test_la_prueba_detecta_codigo_roto_y_el_proyecto_no_es_importable(tmp_path, precargado, con_precarga):
    interprete = precargado if con_precarga else None
    assert ejecutar_bloques(["x = 1", "assert x == 2"], tmp_path, precargado=interprete)["fallo"]["bloque"] == 1
    resultado = ejecutar_bloques(["import snippets"], tmp_path, precargado=interprete)
    assert resultado["fallo"] and "ModuleNotFoundError" in resultado["fallo"]["traza"]


ENTRENA_E_IMPRIME = [
    "import keras\nimport numpy as np",
    "keras.utils.set_random_seed(0)\n"
    "red = keras.Sequential([keras.Input(shape=(2,)), keras.layers.Dense(3), keras.layers.Dense(1)])\n"
    "red.compile(optimizer='adam', loss='mse')\n"
    "X = np.random.default_rng(0).normal(size=(32, 2)).astype('float32')\n"
    "h = red.fit(X, X[:, :1], epochs=3, batch_size=8, verbose=2)\n"
    "print(repr(red.layers[0].get_weights()[0].ravel().tolist()), h.history['loss'])",
    "import os, sys\nprint(sorted(k for k in globals() if not k.startswith('__')), os.listdir('.'))\n"
    "print(sorted(m for m in sys.modules if m.split('.')[0] in ('snippets', 'maquinaria', 'ejecutar_bloques')))",
]


def test_el_interprete_precargado_imprime_lo_mismo_que_uno_nuevo(tmp_path, precargado):
    """Los mismos bytes (pesos entrenados incluidos), el mismo espacio de nombres vacío al empezar,
    la misma carpeta y nada del proyecto importado."""
    nuevo = ejecutar_bloques(ENTRENA_E_IMPRIME, tmp_path)
    de_la_precarga = ejecutar_bloques(ENTRENA_E_IMPRIME, tmp_path, precargado=precargado)
    assert nuevo["fallo"] is None and de_la_precarga["fallo"] is None, (nuevo["fallo"], de_la_precarga["fallo"])
    assert de_la_precarga["salidas"] == nuevo["salidas"]
    assert nuevo["salidas"][2] == "['X', 'h', 'keras', 'np', 'os', 'red', 'sys'] ['.bloques.json']\n[]"


def test_una_pagina_que_toca_el_entorno_va_a_un_interprete_nuevo(tmp_path):
    class SinUsar:
        def ejecutar(self, *argumentos):
            raise AssertionError("una página con os.environ no debe ir al intérprete precargado")

    bloques = ["import os\nos.environ['KERAS_BACKEND'] = 'tensorflow'\nprint('ok')"]
    assert ejecutar_bloques(bloques, tmp_path, precargado=SinUsar())["salidas"] == ["ok"]


def test_la_prueba_detecta_una_salida_que_no_es_la_que_se_imprime(tmp_path):
    obtenidas = ejecutar_bloques(["print(2 + 2)", "x = 1", "print('hola')"], tmp_path)["salidas"]
    assert obtenidas == ["4", "", "hola"]
    assert diferencias("p.md", ["4", None, "hola"], obtenidas) == []
    errores = diferencias("p.md", ["5", None, "hola"], obtenidas)
    assert len(errores) == 1 and errores[0].startswith("p.md, bloque 1: imprime otra cosa")
    assert diferencias("p.md", ["4", "algo", "hola"], obtenidas)  # una salida de más también


def test_el_markdown_y_el_html_dan_los_mismos_bloques(sitio):
    """La herramienta lee los bloques del Markdown; el sitio, del HTML: deben coincidir."""
    from maquinaria.salidas import bloques_de_pagina

    for pagina in PAGINAS:
        del_html = [normalizar_codigo(c) for c, _ in bloques_y_salidas(html_de(sitio, pagina).read_text("utf-8"))]
        assert bloques_de_pagina(RAIZ / "docs" / pagina) == del_html, pagina


def test_cada_solucion_que_calcula_muestra_su_resultado(sitio):
    """Una «Solución» con código muestra lo que imprime: el lector comprueba la suya sin ejecutarla."""
    sin_resultado = []
    for pagina in PAGINAS:
        texto = html_de(sitio, pagina).read_text(encoding="utf-8")
        for solucion in re.finditer(r'<details class="success"[^>]*>(.*?)</details>', texto, re.S):
            cuerpo = solucion.group(1)
            if BLOQUE_HTML.search(cuerpo) and not SALIDA_HTML.search(cuerpo):
                resumen = re.search(r"<summary>(.*?)</summary>", cuerpo, re.S)
                sin_resultado.append(f"{pagina}: «{resumen.group(1) if resumen else '?'}»")
    assert not sin_resultado, "Soluciones sin resultado: " + "; ".join(sin_resultado)
