"""Las preguntas de autoevaluación: de dónde salen sus respuestas y qué exporta el sitio.

* Cada página de contenido (1.1 ... 4.1) tiene de 3 a 6 preguntas, de los tres tipos.
* Las respuestas salen de los registros de las figuras o de `maquinaria/preguntas/calculos.py`,
  y esas cuentas se comparan aquí con Keras (`count_params()`, formas de salida, activaciones).
* Los ficheros mal escritos (dos opciones correctas, un número escrito a mano, una
  equivocación que cae dentro de la tolerancia...) se rechazan, y la construcción falla.
* `preguntas/moodle.xml` y `preguntas/preguntas.gift` del sitio construido tienen la forma
  que Moodle importa: una categoría por página, tipos, fracciones y tolerancias.
"""

from __future__ import annotations

import math
import re
import xml.etree.ElementTree as ET

import pytest
import yaml
from conftest import RAIZ, construir

from maquinaria import preguntas as modulo
from maquinaria.preguntas import ErrorDePreguntas, calculos, cargar, leer

CONTENIDO = {
    "1-introduccion/1-1-neurona.md": "1.1 ¿Qué es una neurona?",
    "1-introduccion/1-2-red-neuronal.md": "1.2 ¿Qué es una red neuronal?",
    "1-introduccion/1-3-playground.md": "1.3 Experimentación con TensorFlow Playground",
    "1-introduccion/1-4-activacion.md": "1.4 Funciones de activación",
    "2-redes-densas/2-1-definicion.md": "2.1 Definición",
    "2-redes-densas/2-2-perdida.md": "2.2 Función de pérdida",
    "2-redes-densas/2-3-gradiente.md": "2.3 Gradiente descendiente",
    "3-convolucionales/3-1-definicion.md": "3.1 Definición",
    "3-convolucionales/3-2-convolucion.md": "3.2 Capa de convolución",
    "3-convolucionales/3-3-pooling.md": "3.3 Capa de pooling",
    "4-otras/4-1-recurrentes.md": "4.1 Redes recurrentes",
}
TIPOS_MOODLE = {"opcion": "multichoice", "vf": "truefalse", "numerica": "numerical"}


@pytest.fixture(scope="module")
def cuestionarios():
    return cargar()


# --------------------------------------------------------------------------- lo que hay


def test_cada_pagina_de_contenido_tiene_de_3_a_6_preguntas(cuestionarios):
    assert set(cuestionarios) == set(CONTENIDO)
    for pagina, c in cuestionarios.items():
        assert 3 <= len(c.preguntas) <= 6, f"{pagina}: {len(c.preguntas)} preguntas"
        assert len({p.tipo for p in c.preguntas}) >= 2, f"{pagina}: un solo tipo de pregunta"
    todas = [p for c in cuestionarios.values() for p in c.preguntas]
    assert {p.tipo for p in todas} == {"opcion", "numerica", "vf"}


def test_el_markdown_de_las_paginas_no_lleva_las_preguntas():
    """Las preguntas las añade el hook; ninguna página las escribe."""
    for pagina in CONTENIDO:
        texto = (RAIZ / "docs" / pagina).read_text(encoding="utf-8")
        assert "Comprueba lo que sabes" not in texto and 'class="pregunta' not in texto, pagina


def test_ninguna_respuesta_se_escribe_a_mano():
    """En los YAML, las respuestas y las equivocaciones nombran valores; cada valor viene de
    un registro (`dato`) o de una cuenta (`calculo`)."""
    for fichero in modulo.ficheros():
        datos = yaml.safe_load(fichero.read_text(encoding="utf-8"))
        for nombre, espec in (datos.get("valores") or {}).items():
            assert isinstance(espec, dict) and ({"dato", "calculo"} & set(espec)), f"{fichero.name}: {nombre}"
        for p in datos["preguntas"]:
            if p["tipo"] == "numerica":
                assert isinstance(p["respuesta"], str), f"{fichero.name}: {p['id']}"
                assert all(isinstance(e["valor"], str) for e in p.get("errores", [])), f"{fichero.name}: {p['id']}"


def test_las_respuestas_numericas_son_las_de_los_registros(cuestionarios):
    """Unas cuantas, contra el registro leído aquí directamente."""
    import json

    def metrica(figura, *claves):
        valor = json.loads((RAIZ / "docs" / "figuras" / f"{figura}.json").read_text(encoding="utf-8"))["metricas"]
        for clave in claves:
            valor = valor[clave]
        return valor

    def pregunta(pagina, ident):
        return next(p for p in cuestionarios[pagina].preguntas if p.id == ident)

    assert pregunta("1-introduccion/1-1-neurona.md", "suma-ponderada").valor == metrica("neurona", "z")
    assert pregunta("1-introduccion/1-2-red-neuronal.md", "parametros-total").valor == metrica("red_diagrama", "total")
    assert pregunta("2-redes-densas/2-1-definicion.md", "sensibilidad").valor == pytest.approx(
        100 * metrica("metricas_binaria", "sensibilidad")
    )
    assert pregunta("2-redes-densas/2-3-gradiente.md", "tasa-limite").valor == metrica(
        "gradiente_superficie", "tasa_limite"
    )
    assert pregunta("3-convolucionales/3-2-convolucion.md", "parametros-conv").valor == metrica(
        "convolucion_pesos", "conv_28"
    )


def test_cambiar_un_registro_cambia_la_respuesta(monkeypatch):
    """La respuesta se lee del registro al construir: si el registro cambia, la pregunta también."""
    original = modulo.leer_registro

    def registro_cambiado(nombre):
        r = original(nombre)
        if nombre == "neurona":
            r = {**r, "metricas": {**r["metricas"], "z": 1.25}}
        return r

    monkeypatch.setattr(modulo, "leer_registro", registro_cambiado)
    c = leer(modulo.CARPETA / "1-1-neurona.yml")
    p = next(p for p in c.preguntas if p.id == "suma-ponderada")
    assert p.valor == 1.25 and "1{,}25" in p.explicacion


# --------------------------------------------------------------------------- ficheros mal escritos


def _fichero(tmp_path, texto: str):
    ruta = tmp_path / "prueba.yml"
    ruta.write_text(texto, encoding="utf-8")
    return ruta


BASE = """
pagina: 1-introduccion/1-2-red-neuronal.md
valores:
  total: {dato: "red_diagrama:total"}
  pesos: {dato: "red_diagrama:pesos.0"}
  mitad: {dato: "xor:ln2", decimales: 3}
preguntas:
"""

MAL_ESCRITOS = {
    "numero a mano": """  - {id: a, tipo: numerica, enunciado: x, respuesta: 41, pista: p, explicacion: e}""",
    "respuesta sin valor": ("  - {id: a, tipo: numerica, enunciado: x, respuesta: cuarenta, pista: p, explicacion: e}"),
    "dos correctas": """  - id: a
    tipo: opcion
    enunciado: x
    opciones:
      - {texto: uno, correcta: true, explicacion: e}
      - {texto: dos, correcta: true, explicacion: e}""",
    "ninguna correcta": """  - id: a
    tipo: opcion
    enunciado: x
    opciones:
      - {texto: uno, explicacion: e}
      - {texto: dos, explicacion: e}""",
    "opcion sin explicacion": """  - id: a
    tipo: opcion
    enunciado: x
    opciones:
      - {texto: uno, correcta: true, explicacion: e}
      - {texto: dos}""",
    "error dentro de la tolerancia": """  - id: a
    tipo: numerica
    enunciado: x
    respuesta: total
    tolerancia: 100
    pista: p
    explicacion: e
    errores: [{valor: pesos, explicacion: e}]""",
    "decimal sin tolerancia": ("  - {id: a, tipo: numerica, enunciado: x, respuesta: mitad, pista: p, explicacion: e}"),
    "coma dentro de una formula": (
        '  - {id: a, tipo: vf, enunciado: "\\\\(\\\\ln 2 = {{mitad}}\\\\)", verdadero: true, explicacion: e}'
    ),
    "valor desconocido": """  - {id: a, tipo: vf, enunciado: "{{no_existe}}", verdadero: true, explicacion: e}""",
    "vf escrito como texto": """  - {id: a, tipo: vf, enunciado: x, verdadero: "sí", explicacion: e}""",
}


@pytest.mark.parametrize("caso", sorted(MAL_ESCRITOS))
def test_un_fichero_mal_escrito_se_rechaza(caso, tmp_path):
    with pytest.raises(ErrorDePreguntas):
        leer(_fichero(tmp_path, BASE + MAL_ESCRITOS[caso]))


def test_un_valor_sin_origen_se_rechaza(tmp_path):
    texto = BASE.replace('total: {dato: "red_diagrama:total"}', "total: 41") + (
        "  - {id: a, tipo: numerica, enunciado: x, respuesta: total, pista: p, explicacion: e}"
    )
    with pytest.raises(ErrorDePreguntas, match="a mano"):
        leer(_fichero(tmp_path, texto))


def test_el_fichero_base_de_estas_pruebas_si_vale(tmp_path):
    """Para que los rechazos de arriba se deban a lo que cada caso rompe."""
    c = leer(
        _fichero(
            tmp_path, BASE + "  - {id: a, tipo: numerica, enunciado: x, respuesta: total, pista: p, explicacion: e}"
        )
    )
    assert c.preguntas[0].valor == 41


def test_un_fichero_roto_rompe_la_construccion(copia, tmp_path):
    fichero = copia / "maquinaria" / "preguntas" / "1-1-neurona.yml"
    fichero.write_text(
        fichero.read_text(encoding="utf-8").replace('{dato: "neurona:z"', '{dato: "neurona:no_existe"'),
        encoding="utf-8",
    )
    (copia / "maquinaria" / "preguntas" / "9-9-sin-pagina.yml").write_text(
        BASE.replace("1-introduccion/1-2-red-neuronal.md", "9-no-existe/9-9.md")
        + "  - {id: a, tipo: vf, enunciado: x, verdadero: true, explicacion: e}\n",
        encoding="utf-8",
    )
    proceso = construir(copia, tmp_path / "sitio")
    salida = proceso.stdout + proceso.stderr
    assert proceso.returncode != 0
    assert "no_existe" in salida


# --------------------------------------------------------------------------- las cuentas, contra Keras


@pytest.fixture(scope="module")
def keras():
    import keras

    return keras


def _parametros(keras, forma, capa) -> int:
    """Los parámetros de `capa` una vez construida sobre entradas de `forma` (sin el lote)."""
    keras.Sequential([keras.Input(shape=forma), capa])
    return capa.count_params()


@pytest.mark.parametrize("entradas, unidades", [(3, 1), (3, 4), (64, 32), (32, 10), (2, 4), (4, 2), (1, 16)])
def test_parametros_densa_como_keras(keras, entradas, unidades):
    assert calculos.parametros_densa(entradas, unidades) == _parametros(
        keras, (entradas,), keras.layers.Dense(unidades)
    )
    assert calculos.pesos_densa(entradas, unidades) == entradas * unidades


def test_parametros_red_como_keras(keras):
    modelo = keras.Sequential(
        [keras.Input(shape=(2,)), keras.layers.Dense(4), keras.layers.Dense(2), keras.layers.Dense(1)]
    )
    assert calculos.parametros_red(2, 4, 2, 1) == modelo.count_params()


@pytest.mark.parametrize("alto, canales, filtros", [(3, 1, 16), (5, 1, 32), (3, 16, 8)])
def test_parametros_conv2d_como_keras(keras, alto, canales, filtros):
    capa = keras.layers.Conv2D(filtros, alto)
    assert calculos.parametros_conv2d(alto, alto, canales, filtros) == _parametros(keras, (28, 28, canales), capa)


@pytest.mark.parametrize(
    "lado, filtro, paso, relleno",
    [
        (7, 3, 1, "valid"),
        (7, 3, 1, "same"),
        (28, 3, 2, "same"),
        (28, 3, 2, "valid"),
        (28, 5, 1, "valid"),
        (8, 3, 1, "same"),
    ],
)
def test_lado_de_la_convolucion_como_keras(keras, lado, filtro, paso, relleno):
    capa = keras.layers.Conv2D(1, filtro, strides=paso, padding=relleno)
    salida = capa.compute_output_shape((1, lado, lado, 1))
    assert calculos.lado_salida(lado, filtro, paso, relleno) == salida[1] == salida[2]


@pytest.mark.parametrize(
    "lado, ventana, paso, relleno", [(24, 2, 2, "valid"), (24, 2, 1, "valid"), (7, 2, 2, "valid"), (7, 2, 2, "same")]
)
def test_lado_del_pooling_como_keras(keras, lado, ventana, paso, relleno):
    capa = keras.layers.MaxPooling2D(ventana, strides=paso, padding=relleno)
    salida = capa.compute_output_shape((1, lado, lado, 1))
    assert calculos.lado_salida(lado, ventana, paso, relleno) == salida[1] == salida[2]
    assert calculos.parametros_pooling() == _parametros(
        keras, (lado, lado, 1), keras.layers.MaxPooling2D(ventana, strides=paso, padding=relleno)
    )


@pytest.mark.parametrize("entradas, unidades", [(1, 16), (3, 8)])
def test_parametros_recurrentes_como_keras(keras, entradas, unidades):
    assert calculos.parametros_simple_rnn(entradas, unidades) == _parametros(
        keras, (None, entradas), keras.layers.SimpleRNN(unidades)
    )
    assert calculos.parametros_lstm(entradas, unidades) == _parametros(
        keras, (None, entradas), keras.layers.LSTM(unidades)
    )


def test_una_simple_rnn_acepta_secuencias_de_cualquier_longitud(keras):
    """La respuesta «verdadero» de 4.1 (longitud-variable), comprobada."""
    import numpy as np

    modelo = keras.Sequential([keras.Input(shape=(None, 1)), keras.layers.SimpleRNN(4), keras.layers.Dense(1)])
    for pasos in (20, 200, 3):
        assert modelo.predict(np.zeros((2, pasos, 1), "float32"), verbose=0).shape == (2, 1)
    p = next(p for p in cargar()["4-otras/4-1-recurrentes.md"].preguntas if p.id == "longitud-variable")
    assert p.verdadero is True


@pytest.mark.parametrize(
    "nombre, keras_nombre", [("sigmoide", "sigmoid"), ("tanh", "tanh"), ("relu", "relu"), ("identidad", "linear")]
)
def test_activaciones_como_keras(keras, nombre, keras_nombre):
    import numpy as np

    x = np.linspace(-30, 30, 61).astype("float32")
    esperado = keras.ops.convert_to_numpy(getattr(keras.activations, keras_nombre)(x))
    assert np.allclose([calculos.activacion(nombre, v) for v in x], esperado, atol=1e-6)


def test_que_activaciones_estan_acotadas():
    assert calculos.acotada("sigmoide") and calculos.acotada("tanh")
    assert not calculos.acotada("relu") and not calculos.acotada("identidad")
    assert calculos.derivada_maxima("sigmoide") == pytest.approx(0.25, abs=1e-6)
    assert calculos.derivada_maxima("tanh") == pytest.approx(1.0, abs=1e-6)


def test_las_cuentas_coinciden_con_los_registros(cuestionarios):
    """Donde la página cita un registro y calculos.py sabe la fórmula, dicen lo mismo."""
    import json

    def m(figura):
        return json.loads((RAIZ / "docs" / "figuras" / f"{figura}.json").read_text(encoding="utf-8"))["metricas"]

    assert calculos.parametros_red(*m("red_diagrama")["neuronas"]) == m("red_diagrama")["total"]
    assert calculos.parametros_densa(64, 32) == m("densas_curvas")["parametros_oculta"]
    assert calculos.pasos_por_epoca(m("densas_curvas")["n_entrenamiento"], 32) == m("densas_curvas")["pasos_por_epoca"]
    assert calculos.parametros_conv2d(3, 3, 1, 16) == m("cnn_comparacion")["cnn"]["capas"][0][1]
    assert calculos.parametros_conv2d(5, 5, 1, 32) == m("convolucion_pesos")["conv_28"]
    assert calculos.lado_salida(7, 3) == m("convolucion_relleno")["valid"]["forma_salida"][0]
    assert calculos.lado_salida(7, 2, 2, "same") == m("pooling_paso")["same"]["forma_salida"][0]
    # Los modelos de 4.1: la capa recurrente de 16 unidades y una Dense(1) detrás.
    salida = calculos.parametros_densa(16, 1)
    assert calculos.parametros_simple_rnn(1, 16) + salida == m("rnn_prediccion")["parametros_rnn"]
    assert calculos.parametros_lstm(1, 16) + salida == m("rnn_prediccion")["parametros_lstm"]
    assert calculos.derivada_maxima("sigmoide") == pytest.approx(m("activaciones")["derivada_max_sigmoide"], abs=1e-6)
    assert calculos.entropia_binaria(0.5) == pytest.approx(m("perdidas_error")["ce_p"]["p050"])


# --------------------------------------------------------------------------- el sitio construido


def test_cada_pagina_muestra_sus_preguntas(sitio, cuestionarios):
    from bs4 import BeautifulSoup

    for pagina, c in cuestionarios.items():
        html = (sitio / pagina.removesuffix(".md") / "index.html").read_text(encoding="utf-8")
        sopa = BeautifulSoup(html, "html.parser")
        titulo = sopa.find(id="comprueba-lo-que-sabes")
        assert titulo is not None and titulo.name == "h2", pagina
        formularios = sopa.select("article form.pregunta")
        assert [f["data-tipo"] for f in formularios] == [p.tipo for p in c.preguntas], pagina
        for f, p in zip(formularios, c.preguntas):
            if p.tipo == "numerica":
                assert float(f["data-valor"]) == p.valor and float(f["data-tolerancia"]) == p.tolerancia
            assert f.select_one(".pregunta-resultado[aria-live=polite]") is not None
        # En el índice de la página, para llegar a ellas
        assert sopa.select_one('nav.md-nav--secondary a[href="#comprueba-lo-que-sabes"]') is not None, pagina


def test_la_portada_enlaza_moodle_gift_la_version_imprimible_y_el_pdf(sitio):
    from bs4 import BeautifulSoup

    sopa = BeautifulSoup((sitio / "index.html").read_text(encoding="utf-8"), "html.parser")
    enlaces = {a["href"] for a in sopa.select("article a[href]")}
    for destino in ("preguntas/moodle.xml", "preguntas/preguntas.gift", "imprimir/", "unidad.pdf"):
        assert destino in enlaces, f"falta el enlace a {destino}: {sorted(enlaces)}"
    for destino in ("preguntas/moodle.xml", "preguntas/preguntas.gift", "imprimir/index.html"):
        assert (sitio / destino).is_file(), destino
    # unidad.pdf lo añade `python -m maquinaria.pdf` al sitio construido (tests/test_pdf.py)


def _texto(elemento, camino: str) -> str:
    nodo = elemento.find(camino)
    return "" if nodo is None or nodo.text is None else nodo.text


def test_moodle_xml_tiene_la_forma_que_importa_moodle(sitio, cuestionarios):
    raiz = ET.parse(sitio / "preguntas" / "moodle.xml").getroot()
    assert raiz.tag == "quiz"
    categorias: list[str] = []
    por_categoria: dict[str, list[ET.Element]] = {}
    for q in raiz.findall("question"):
        if q.get("type") == "category":
            categorias.append(_texto(q, "category/text"))
            por_categoria[categorias[-1]] = []
            continue
        assert categorias, "una pregunta antes de la primera categoría"
        por_categoria[categorias[-1]].append(q)
    assert categorias == [f"$course$/top/Redes neuronales/{t}" for t in CONTENIDO.values()]
    ids = []
    for c, categoria in zip(cuestionarios.values(), categorias):
        xml = por_categoria[categoria]
        assert [q.get("type") for q in xml] == [TIPOS_MOODLE[p.tipo] for p in c.preguntas], categoria
        for q, p in zip(xml, c.preguntas):
            donde = f"{categoria}: {p.id}"
            ids.append(_texto(q, "idnumber"))
            assert _texto(q, "name/text") and _texto(q, "questiontext/text").strip(), donde
            assert q.find("questiontext").get("format") == "html"
            respuestas = q.findall("answer")
            fracciones = [float(a.get("fraction")) for a in respuestas]
            assert all(0 <= f <= 100 for f in fracciones), donde
            assert all(_texto(a, "feedback/text").strip() for a in respuestas), (
                f"{donde}: una respuesta sin explicación"
            )
            if q.get("type") == "multichoice":
                assert _texto(q, "single") == "true"
                assert len(respuestas) == len(p.opciones) >= 2
                assert sorted(fracciones) == [0.0] * (len(fracciones) - 1) + [100.0], donde  # una correcta: suman 100
                assert sum(fracciones) == 100
            elif q.get("type") == "truefalse":
                assert [_texto(a, "text") for a in respuestas] == ["true", "false"]
                assert sorted(fracciones) == [0.0, 100.0]
                correcta = respuestas[fracciones.index(100.0)]
                assert _texto(correcta, "text") == ("true" if p.verdadero else "false"), donde
            else:
                assert fracciones[0] == 100 and all(f == 0 for f in fracciones[1:]), donde
                assert float(_texto(respuestas[0], "text")) == pytest.approx(p.valor, rel=1e-12), donde
                for a in respuestas:
                    tolerancia = float(_texto(a, "tolerance"))
                    assert tolerancia >= 0 and math.isfinite(tolerancia), donde
                    if _texto(a, "text") != "*":
                        float(_texto(a, "text"))  # un número con punto decimal, como lo lee Moodle
                assert float(_texto(respuestas[0], "tolerance")) == p.tolerancia
                assert _texto(respuestas[-1], "text") == "*", f"{donde}: falta la respuesta para cualquier otro valor"
                # Ninguna equivocación cae dentro del intervalo de la respuesta correcta
                for a in respuestas[1:-1]:
                    assert abs(float(_texto(a, "text")) - p.valor) > p.tolerancia, donde
    assert len(ids) == len(set(ids)), "idnumber repetidos"


_SIN_ESCAPAR = r"(?<!\\)"


def test_gift_tiene_una_pregunta_por_pregunta_y_llaves_equilibradas(sitio, cuestionarios):
    texto = (sitio / "preguntas" / "preguntas.gift").read_text(encoding="utf-8")
    bloques = [b.strip() for b in texto.split("\n\n") if b.strip()]
    categorias = [b for b in bloques if b.startswith("$CATEGORY:")]
    assert [c.split(": ", 1)[1] for c in categorias] == [
        f"$course$/top/Redes neuronales/{t}" for t in CONTENIDO.values()
    ]
    preguntas = [b for b in bloques if b.startswith("::")]
    esperadas = [p for c in cuestionarios.values() for p in c.preguntas]
    assert len(preguntas) == len(esperadas)
    for bloque, p in zip(preguntas, esperadas):
        assert "\n" not in bloque, p.id
        abren = len(re.findall(_SIN_ESCAPAR + r"\{", bloque))
        cierran = len(re.findall(_SIN_ESCAPAR + r"\}", bloque))
        assert abren == cierran == 1, f"{p.id}: {abren} llaves abiertas y {cierran} cerradas sin escapar"
        respuesta = bloque[re.search(_SIN_ESCAPAR + r"\{", bloque).end() :]
        if p.tipo == "numerica":
            m = re.match(r"#=([-0-9.e]+):([0-9.e]+)#", respuesta)
            assert m and float(m[1]) == pytest.approx(p.valor) and float(m[2]) == p.tolerancia, p.id
        elif p.tipo == "vf":
            assert respuesta.startswith("TRUE#" if p.verdadero else "FALSE#"), p.id
        else:
            correctas = re.findall(_SIN_ESCAPAR + r"=", respuesta)
            incorrectas = re.findall(_SIN_ESCAPAR + r"~", respuesta)
            assert len(correctas) == 1 and len(incorrectas) == len(p.opciones) - 1, p.id


def test_moodle_xml_roto_se_detecta(sitio, cuestionarios, tmp_path, monkeypatch):
    """Una fracción mal puesta (dos correctas) hace fallar la prueba de la forma de Moodle."""
    original = (sitio / "preguntas" / "moodle.xml").read_text(encoding="utf-8")
    roto = original.replace('<answer fraction="0" format="html">', '<answer fraction="100" format="html">', 1)
    assert roto != original
    copia = tmp_path / "sitio"
    (copia / "preguntas").mkdir(parents=True)
    (copia / "preguntas" / "moodle.xml").write_text(roto, encoding="utf-8")
    with pytest.raises(AssertionError):
        test_moodle_xml_tiene_la_forma_que_importa_moodle(copia, cuestionarios)


def test_las_preguntas_se_construyen_sin_tensorflow():
    """El hook y las cuentas no importan TensorFlow ni Keras (la construcción tiene 10 s)."""
    import subprocess
    import sys

    codigo = (
        "import sys, maquinaria.sitio.preguntas as h\n"
        "from maquinaria.preguntas import cargar\n"
        "cargar()\n"
        "print(sorted(m for m in ('tensorflow', 'keras', 'torch', 'jax') if m in sys.modules))\n"
    )
    proceso = subprocess.run([sys.executable, "-c", codigo], cwd=RAIZ, capture_output=True, text=True)
    assert proceso.returncode == 0, proceso.stderr
    assert proceso.stdout.strip() == "[]"
