"""La herramienta como la usa un mantenedor: registros validados, claves exactas, órdenes claras.

Cada prueba rompe algo de verdad en una copia del proyecto (fixture `copia`) y mira qué
dice la herramienta: qué queda desactualizado y por qué, con qué mensaje y qué código de
salida, y qué ficheros cambian (ninguno, cuando algo falla).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import RAIZ, construir
from test_figuras import ejecutar, estados, figura, foto

FIGURAS = RAIZ / "docs" / "figuras"


def _registros(tipo: str) -> dict[str, dict]:
    todos = {}
    for ruta in sorted((RAIZ / "docs").rglob("*.json")):
        try:
            datos = json.loads(ruta.read_text(encoding="utf-8"))
        except ValueError:
            continue
        if isinstance(datos, dict) and datos.get("tipo") == tipo:
            todos[datos["nombre"]] = datos
    return todos


def _desactualizados(copia: Path) -> dict[str, str]:
    return {n: e for n, e in estados(copia).items() if e != "al día"}


# --- 1. Registros validados -----------------------------------------------------------------


@pytest.mark.parametrize(
    "cambio, campo",
    [
        (lambda r: {"clave": r["clave"]}, "nombre"),
        (lambda r: {**r, "ancho": "abc"}, "ancho"),
        (lambda r: {**r, "metricas": {**r["metricas"], "x": float("nan")}}, "metricas.x"),
        (lambda r: {k: v for k, v in r.items() if k != "segundos_calculo"}, "segundos_calculo"),
    ],
)
def test_un_registro_que_no_cumple_el_esquema_esta_danado(copia, cambio, campo):
    ruta = copia / "docs" / "figuras" / "activaciones.json"
    ruta.write_text(json.dumps(cambio(json.loads(ruta.read_text()))), encoding="utf-8")
    antes = foto(copia / "docs" / "figuras")
    for argumentos in (["--comprobar"], [], ["--lista"]):
        proceso = ejecutar(copia, *argumentos)
        assert proceso.returncode == 2, proceso.stdout + proceso.stderr
        assert "Registro dañado" in proceso.stderr and "activaciones" in proceso.stderr
        assert f"«{campo}»" in proceso.stderr
        assert "Traceback" not in proceso.stderr
    assert foto(copia / "docs" / "figuras") == antes


def test_la_construccion_estricta_nombra_el_registro_danado(copia, tmp_path):
    ruta = copia / "docs" / "figuras" / "activaciones.json"
    registro = json.loads(ruta.read_text())
    ruta.write_text(json.dumps({"clave": registro["clave"]}), encoding="utf-8")
    proceso = construir(copia, tmp_path / "sitio")
    salida = proceso.stdout + proceso.stderr
    assert proceso.returncode != 0
    assert "activaciones" in salida and "«nombre» falta" in salida
    assert "KeyError" not in salida


def test_un_texto_donde_va_un_numero_rompe_la_construccion(copia, tmp_path):
    ruta = copia / "docs" / "figuras" / "xor.json"
    registro = json.loads(ruta.read_text())
    registro["metricas"]["pasos"] = "muchos"  # cumple el esquema (es JSON), pero dato() publica números
    ruta.write_text(json.dumps(registro), encoding="utf-8")
    proceso = construir(copia, tmp_path / "sitio")
    assert proceso.returncode != 0
    assert "«pasos» de «xor» debería ser un número" in proceso.stdout + proceso.stderr


def test_los_registros_del_repositorio_cumplen_su_esquema():
    from maquinaria.registros import leer_registro, productos

    for nombre, quien in productos().items():
        assert leer_registro(nombre, quien) is not None, f"falta el registro de {nombre}"


# --- 2. Claves exactas ----------------------------------------------------------------------


def _anadir(ruta: Path, linea: str = "# retoque") -> None:
    ruta.write_text(ruta.read_text(encoding="utf-8") + f"\n{linea}\n", encoding="utf-8")


def test_el_codificador_redibuja_todas_las_figuras_y_nada_mas(copia):
    _anadir(copia / "maquinaria" / "imagen.py")
    cambios = _desactualizados(copia)
    assert set(cambios) == set(_registros("figura"))
    assert set(cambios.values()) == {"solo cambió el dibujo"}


def test_el_estilo_no_toca_los_cuadernos_ni_las_salidas(copia):
    _anadir(copia / "maquinaria" / "estilo.py")
    cambios = _desactualizados(copia)
    assert set(cambios) == set(_registros("figura"))
    assert not set(cambios) & (set(_registros("cuaderno")) | set(_registros("salidas")))


def test_una_pieza_de_dibujo_redibuja_sin_reentrenar_solo_a_quien_la_usa(copia):
    _anadir(copia / "maquinaria" / "graficos.py")
    cambios = _desactualizados(copia)
    usan = {n for n, r in _registros("figura").items() if "maquinaria/graficos.py" in r["dependencias"]}
    assert usan and set(cambios) == usan
    assert set(cambios.values()) == {"solo cambió el dibujo"}


def test_un_modulo_que_solo_importa_dibujar_no_entra_en_el_calculo(copia):
    (copia / "maquinaria" / "pieza_de_prueba.py").write_text("GROSOR = 2\n", encoding="utf-8")
    figura(copia, "con_pieza", "from maquinaria.pieza_de_prueba import GROSOR")
    assert ejecutar(copia, "con_pieza").returncode == 0
    _anadir(copia / "maquinaria" / "pieza_de_prueba.py")
    # La importación es de primer nivel, pero solo la usaría dibujar(): calcular() no la alcanza.
    assert _desactualizados(copia) == {"con_pieza": "solo cambió el dibujo"}


def test_la_siembra_recalcula_las_figuras_y_solo_ellas(copia):
    _anadir(copia / "maquinaria" / "semillas.py", "_RETOQUE = 1")  # código, no un comentario
    cambios = _desactualizados(copia)
    assert set(cambios) == set(_registros("figura"))
    assert set(cambios.values()) == {"cambiaron sus entradas"}


def test_el_ejecutor_de_cuadernos_solo_desactualiza_los_cuadernos(copia):
    _anadir(copia / "maquinaria" / "cuadernos.py")
    assert set(_desactualizados(copia)) == set(_registros("cuaderno"))


def test_el_ejecutor_de_bloques_solo_desactualiza_las_salidas(copia):
    _anadir(copia / "maquinaria" / "ejecutar_bloques.py")
    assert set(_desactualizados(copia)) == set(_registros("salidas"))


def test_un_calculo_compartido_se_entrena_una_vez(copia):
    comparacion = copia / "scripts" / "figuras" / "cnn_comparacion.py"
    filtros = copia / "scripts" / "figuras" / "cnn_filtros.py"
    comparacion.write_text(comparacion.read_text().replace("EPOCAS = 30", "EPOCAS = 2"), encoding="utf-8")
    assert _desactualizados(copia) == {
        "cnn_comparacion": "cambiaron sus entradas",
        "cnn_filtros": "cambiaron sus entradas",
    }
    assert ejecutar(copia, "cnn_filtros", "cnn_comparacion").returncode == 0
    tiempos = json.loads((copia / ".cache" / "maquinaria" / "tiempos.json").read_text())
    # La segunda lee el cálculo que dejó la primera en esta misma ejecución: los mismos segundos.
    assert tiempos["cnn_filtros"]["segundos_calculo"] == tiempos["cnn_comparacion"]["segundos_calculo"]
    bitacoras = list((copia / ".cache" / "maquinaria" / "bitacoras").glob("*/cnn_*.log"))
    assert len(bitacoras) == 2
    filtros.write_text(
        filtros.read_text().replace("def dibujar(", "def dibujar(  # retoque\n    ", 1), encoding="utf-8"
    )
    assert _desactualizados(copia) == {"cnn_filtros": "solo cambió el dibujo"}


# --- 3. Órdenes -----------------------------------------------------------------------------


@pytest.mark.parametrize("opcion", ["-h", "--help", "--ayuda"])
def test_la_ayuda_se_pide_de_tres_maneras(opcion):
    proceso = subprocess.run([sys.executable, "-m", "maquinaria", opcion], cwd=RAIZ, capture_output=True, text=True)
    assert proceso.returncode == 0 and proceso.stdout.startswith("uso: python -m maquinaria")
    assert "--forzar" in proceso.stdout and "muestra esta ayuda" in proceso.stdout


@pytest.mark.parametrize(
    "argumentos, mensaje",
    [
        (["--trabajos", "0"], "--trabajos: debe ser 1 o más"),
        (["--trabajos", "dos"], "--trabajos: «dos» no es un número entero"),
        (["--limite", "0"], "--limite: debe ser un número finito mayor que 0"),
        (["--limite", "nan"], "--limite: debe ser un número finito mayor que 0"),
        (["--limite", "inf"], "--limite: debe ser un número finito mayor que 0"),
        (["--limite", "-3"], "--limite: debe ser un número finito mayor que 0"),
    ],
)
def test_numeros_fuera_de_rango_salen_con_2(argumentos, mensaje):
    proceso = subprocess.run(
        [sys.executable, "-m", "maquinaria", *argumentos, "--comprobar"], cwd=RAIZ, capture_output=True, text=True
    )
    assert proceso.returncode == 2
    assert f"error: {mensaje}" in proceso.stderr
    assert proceso.stderr.count("error:") == 1


def test_un_fallo_se_cuenta_con_un_solo_prefijo(copia):
    figura(copia, "rota", espera='raise ValueError("fallo a propósito")')
    proceso = ejecutar(copia, "rota")
    assert proceso.returncode == 1
    linea = next(linea for linea in proceso.stderr.splitlines() if linea.startswith("error: rota"))
    assert linea.count("error") == 1 and "fallo a propósito" in linea


# --- 4. Nada a medias -----------------------------------------------------------------------


def test_unas_metricas_que_no_caben_en_json_no_dejan_la_imagen_sola(copia):
    figura(copia, "buena")
    assert ejecutar(copia, "buena").returncode == 0
    carpeta = copia / "docs" / "figuras"
    antes = foto(carpeta)
    ruta = copia / "scripts" / "figuras" / "buena.py"
    ruta.write_text(
        ruta.read_text()
        .replace('"media": float(x.mean())', '"media": {1, 2}')
        .replace('eje.plot(res["x"])', 'eje.plot(-res["x"])'),
        encoding="utf-8",
    )
    proceso = ejecutar(copia, "buena")
    assert proceso.returncode == 1
    assert "no se puede guardar" in proceso.stderr and "metricas.media" in proceso.stderr
    assert foto(carpeta) == antes  # la imagen vieja y su registro, intactos


def test_el_limite_termina_tambien_los_procesos_del_trabajador(copia, tmp_path):
    pid = tmp_path / "hijo.pid"
    lanzar = (
        "import subprocess, time; "
        f"h = subprocess.Popen(['sleep', '120']); open({str(pid)!r}, 'w').write(str(h.pid)); time.sleep(120)"
    )
    figura(copia, "con_hijo", espera=lanzar)
    proceso = ejecutar(copia, "con_hijo", "--limite", "5")
    assert proceso.returncode == 1 and "superó el límite de 5 s" in proceso.stderr
    hijo = int(pid.read_text())
    time.sleep(0.5)
    assert not _vive(hijo), "el proceso que lanzó el trabajador sigue vivo"


def _vive(pid: int) -> bool:
    """Vivo y no zombi (un zombi ya está muerto: solo espera a que alguien lo recoja)."""
    try:
        estado = Path(f"/proc/{pid}/status").read_text()
    except FileNotFoundError:
        return False
    return "\nState:\tZ" not in estado


def test_una_bitacora_por_ejecucion_y_producto(copia):
    figura(copia, "anotada", espera='print("hola desde calcular")')
    for _ in range(2):
        assert ejecutar(copia, "--forzar", "anotada").returncode == 0
    bitacoras = sorted((copia / ".cache" / "maquinaria" / "bitacoras").glob("*/anotada.log"))
    assert len(bitacoras) == 2 and bitacoras[0].parent != bitacoras[1].parent
    assert all("hola desde calcular" in b.read_text() for b in bitacoras)


def test_los_temporales_muertos_se_limpian_en_cada_ejecucion(copia):
    muerto = subprocess.Popen(["true"])
    muerto.wait()  # un pid que ya no vive
    temporal = copia / "docs" / "figuras" / f".activaciones.png.{muerto.pid}.abc.tmp"
    temporal.write_bytes(b"medio fichero")
    vivo = copia / "docs" / "figuras" / f".activaciones.png.{os.getpid()}.abc.tmp"
    vivo.write_bytes(b"de otro proceso en marcha")
    proceso = ejecutar(copia)  # nada que hacer: aun así limpia
    assert proceso.returncode == 0 and "Nada que hacer" in proceso.stdout
    assert not temporal.exists() and vivo.exists()


# --- 5. Una regeneración que da los mismos bytes no cambia nada ---------------------------------


def test_forzar_sin_cambios_no_toca_ningun_fichero(copia):
    carpeta = copia / "docs" / "figuras"
    antes = {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in carpeta.iterdir()}
    assert ejecutar(copia, "--forzar", "activaciones", "neurona").returncode == 0
    despues = {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in carpeta.iterdir()}
    assert despues == antes  # ni los segundos del registro: git queda limpio
    tiempos = json.loads((copia / ".cache" / "maquinaria" / "tiempos.json").read_text())
    assert {"activaciones", "neurona"} <= set(tiempos)  # los segundos nuevos, fuera de git


CRONOMETRADA = '''
"""Figura de prueba con un tiempo medido entre sus métricas."""

import time

SEMILLA = 0
{declaracion}


def calcular():
    inicio = time.perf_counter()
    sum(range(10_000))
    return {{"metricas": {{"pasos": 3, "medida": {{"ms_por_paso": 1000 * (time.perf_counter() - inicio)}}}}}}


def dibujar(res, estrecha=False):
    import matplotlib.pyplot as plt

    figura, eje = plt.subplots(figsize=(3, 2))
    eje.plot([0, res["metricas"]["pasos"]])
    return figura, "Una línea de prueba que no depende del tiempo medido."
'''


@pytest.mark.parametrize("declarada", [True, False], ids=["declarada", "sin_declarar"])
def test_un_tiempo_medido_declarado_no_reescribe_el_registro(copia, declarada):
    """Un tiempo medido cambia en cada ejecución: declarado en MEDIDAS_DE_TIEMPO, una regeneración
    forzada deja el registro como estaba (git limpio); sin declarar, lo reescribe."""
    declaracion = 'MEDIDAS_DE_TIEMPO = ("ms_por_paso",)' if declarada else ""
    (copia / "scripts" / "figuras" / "cronometrada.py").write_text(
        CRONOMETRADA.format(declaracion=declaracion), encoding="utf-8"
    )
    registro = copia / "docs" / "figuras" / "cronometrada.json"
    assert ejecutar(copia, "cronometrada").returncode == 0
    antes = registro.read_bytes()
    assert ejecutar(copia, "--forzar", "cronometrada").returncode == 0
    assert (registro.read_bytes() == antes) is declarada


# --- 6. Siembra sin importaciones por efecto secundario -------------------------------------------


SIN_SEMBRAR = '''
"""Figura de prueba que usa Keras solo dentro de calcular()."""

SEMILLA = 3


def calcular():
    import keras

    capa = keras.layers.Dense(4)
    capa.build((None, 2))
    return {"metricas": {"pesos": keras.ops.convert_to_numpy(capa.kernel).ravel().tolist()}}


def dibujar(res, estrecha=False):
    import matplotlib.pyplot as plt
    figura, eje = plt.subplots(figsize=(3, 2))
    eje.plot(res["metricas"]["pesos"])
    return figura, "Los pesos iniciales de una capa densa de prueba."
'''


def test_keras_se_siembra_aunque_el_script_no_lo_importe_arriba(copia):
    (copia / "scripts" / "figuras" / "sin_sembrar.py").write_text(SIN_SEMBRAR, encoding="utf-8")
    pesos = []
    for _ in range(2):
        assert ejecutar(copia, "--forzar", "sin_sembrar").returncode == 0
        pesos.append(json.loads((copia / "docs" / "figuras" / "sin_sembrar.json").read_text())["metricas"]["pesos"])
    assert pesos[0] == pesos[1]


ENTRENA = SIN_SEMBRAR.replace(
    """    capa = keras.layers.Dense(4)
    capa.build((None, 2))
    return {"metricas": {"pesos": keras.ops.convert_to_numpy(capa.kernel).ravel().tolist()}}""",
    """    import numpy as np

    red = keras.Sequential([keras.Input(shape=(2,)), keras.layers.Dense(4, activation="tanh"), keras.layers.Dense(1)])
    red.compile(optimizer="adam", loss="mse")
    X = np.random.default_rng(0).normal(size=(64, 2)).astype("float32")
    red.fit(X, X[:, :1] * X[:, 1:], epochs=3, batch_size=16, verbose=0)
    return {"metricas": {"pesos": keras.ops.convert_to_numpy(red.layers[0].kernel).ravel().tolist()}}""",
)


def test_el_trabajador_precargado_da_lo_mismo_que_uno_recien_arrancado(copia):
    """La herramienta crea cada trabajador por fork de un proceso con Keras ya importado
    (maquinaria/precarga.py); un `python -m maquinaria.trabajador` nuevo da los mismos bytes."""
    from maquinaria.ejecutor import ENTORNO_TRABAJADOR

    assert ENTRENA != SIN_SEMBRAR
    (copia / "scripts" / "figuras" / "entrena.py").write_text(ENTRENA, encoding="utf-8")
    assert ejecutar(copia, "--forzar", "entrena").returncode == 0
    figuras = copia / "docs" / "figuras"
    precargado = ((figuras / "entrena.png").read_bytes(), json.loads((figuras / "entrena.json").read_text()))
    (figuras / "entrena.png").unlink()
    (figuras / "entrena.json").unlink()
    entorno = {**os.environ, **ENTORNO_TRABAJADOR, "MAQUINARIA_RECALCULAR": "1", "MAQUINARIA_EJECUCION": "nuevo"}
    proceso = subprocess.run(
        [sys.executable, "-m", "maquinaria.trabajador", "entrena"], cwd=copia, env=entorno, capture_output=True
    )
    assert proceso.returncode == 0, proceso.stderr.decode()[-2000:]
    nuevo = ((figuras / "entrena.png").read_bytes(), json.loads((figuras / "entrena.json").read_text()))
    assert precargado[0] == nuevo[0]
    assert precargado[1]["metricas"] == nuevo[1]["metricas"]


def test_ningun_script_importa_algo_solo_por_su_efecto():
    for script in sorted((RAIZ / "scripts").rglob("*.py")):
        texto = script.read_text(encoding="utf-8")
        assert "noqa: F401" not in texto, f"{script.relative_to(RAIZ)} importa algo que no usa"


# --- 7. Las pruebas de la herramienta pueden fallar ----------------------------------------------


def _comprobar_dependencia_transitiva(copia: Path) -> None:
    """Lo que asegura test_tocar_un_snippet_desactualiza_solo_a_quien_lo_importa, en pequeño."""
    (copia / "snippets" / "intermedio_prueba.py").write_text("from .activaciones import relu\n", encoding="utf-8")
    figura(copia, "transitiva", "import snippets.intermedio_prueba")
    assert ejecutar(copia, "transitiva").returncode == 0
    _anadir(copia / "snippets" / "activaciones.py")
    assert "transitiva" in _desactualizados(copia)


def test_la_prueba_de_dependencias_detecta_una_clave_que_no_sigue_el_grafo(copia):
    _comprobar_dependencia_transitiva(copia)  # con la herramienta sana, pasa
    claves = copia / "maquinaria" / "claves.py"
    # Roto a propósito: del cierre solo quedan las importaciones directas del script.
    roto = claves.read_text(encoding="utf-8").replace(
        'propios, ext = resolver(analizar(actual)["importa"])',
        'propios, ext = set(), resolver(analizar(actual)["importa"])[1]',
    )
    assert roto != claves.read_text(encoding="utf-8")
    claves.write_text(roto, encoding="utf-8")
    (copia / "scripts" / "figuras" / "transitiva.py").unlink()
    (copia / "docs" / "figuras" / "transitiva.json").unlink()
    with pytest.raises(AssertionError):
        _comprobar_dependencia_transitiva(copia)


# --- Salidas de las páginas (tercer tipo) -----------------------------------------------------


def _incluyen(seccion: str) -> set[str]:
    """Las páginas (por nombre) que incluyen `snippets/x.py:seccion`."""
    return {p.stem for p in (RAIZ / "docs").rglob("*.md") if f'"{seccion}"' in p.read_text(encoding="utf-8")}


def _importan(fichero: str) -> set[str]:
    return {n for n, r in _registros("figura").items() if fichero in r["dependencias"]}


def test_un_snippet_desactualiza_exactamente_sus_salidas_y_figuras(copia):
    neurona = copia / "snippets" / "neurona.py"
    texto = neurona.read_text(encoding="utf-8")
    # Dentro de la sección «umbral»: cambia lo que la página muestra y lo que importan las figuras.
    neurona.write_text(texto.replace("# --8<-- [end:umbral]", "# retoque\n# --8<-- [end:umbral]", 1), encoding="utf-8")
    esperados = _incluyen("snippets/neurona.py:umbral") | _importan("snippets/neurona.py")
    assert _incluyen("snippets/neurona.py:umbral") == {"1-1-neurona"}
    assert set(_desactualizados(copia)) == esperados
    # Fuera de toda sección: ninguna página lo muestra, pero las figuras sí lo importan.
    neurona.write_text(texto + "\n# retoque fuera de las secciones\n", encoding="utf-8")
    assert set(_desactualizados(copia)) == _importan("snippets/neurona.py")


def test_la_construccion_estricta_falla_mientras_una_salida_esta_desactualizada(copia, tmp_path):
    neurona = copia / "snippets" / "neurona.py"
    texto = neurona.read_text(encoding="utf-8")
    neurona.write_text(texto.replace("# --8<-- [end:umbral]", "# retoque\n# --8<-- [end:umbral]", 1), encoding="utf-8")
    proceso = construir(copia, tmp_path / "sitio")
    salida = proceso.stdout + proceso.stderr
    assert proceso.returncode != 0
    assert "Salidas desactualizadas en 1-introduccion/1-1-neurona.md" in salida
    assert "salidas «1-1-neurona»" in salida  # y el aviso de la herramienta, con su nombre


def test_las_salidas_se_regeneran_con_los_mismos_bytes(copia):
    registro = copia / "docs" / "salidas" / "1-1-neurona.json"
    antes = registro.read_bytes()
    assert ejecutar(copia, "--forzar", "1-1-neurona").returncode == 0
    assert registro.read_bytes() == antes


def test_un_bloque_que_falla_se_explica_y_no_cambia_nada(copia):
    neurona = copia / "snippets" / "neurona.py"
    texto = neurona.read_text(encoding="utf-8")
    neurona.write_text(
        texto.replace("# --8<-- [end:umbral]", "raise ValueError('a propósito')\n# --8<-- [end:umbral]", 1),
        encoding="utf-8",
    )
    antes = foto(copia / "docs" / "salidas")
    proceso = ejecutar(copia, "1-1-neurona")
    assert proceso.returncode == 1
    assert "1-1-neurona" in proceso.stderr and "falla al ejecutarse" in (
        proceso.stderr + _bitacora(copia, "1-1-neurona")
    )
    assert foto(copia / "docs" / "salidas") == antes


def _bitacora(copia: Path, nombre: str) -> str:
    return "".join(b.read_text() for b in (copia / ".cache" / "maquinaria" / "bitacoras").glob(f"*/{nombre}.log"))


def test_el_codigo_de_una_pagina_no_importa_el_proyecto(copia):
    """Instalado (editable) o en la carpeta, funcionaría aquí; el lector no lo tiene."""
    pagina = copia / "docs" / "1-introduccion" / "1-1-neurona.md"
    pagina.write_text(
        pagina.read_text(encoding="utf-8") + "\n```python\nfrom maquinaria import formato\n```\n", encoding="utf-8"
    )
    proceso = ejecutar(copia, "--comprobar")
    assert proceso.returncode == 2
    assert "importa «maquinaria»" in proceso.stderr and "1-1-neurona.md" in proceso.stderr
