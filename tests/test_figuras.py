"""La herramienta de figuras: claves por contenido, registros, atomicidad y mensajes.

Todo se ejecuta de verdad sobre una copia del proyecto (fixture `copia`), con el mismo
`python -m maquinaria` que usan los mantenedores.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from conftest import RAIZ

FIGURA_RAPIDA = '''
"""Figura de prueba {nombre}."""
import numpy as np
{importacion}
SEMILLA = 0
{extra}

def calcular():
    {espera}
    x = np.random.default_rng(SEMILLA).normal(size=50)
    return {{"x": x, "metricas": {{"media": float(x.mean())}}}}


def dibujar(res, estrecha=False):
    import matplotlib.pyplot as plt
    figura, eje = plt.subplots(figsize=(3, 2))
    eje.plot(res["x"])
    return figura, "Cincuenta valores aleatorios de prueba."
'''


def figura(proyecto: Path, nombre: str, importacion: str = "", espera: str = "", extra: str = "") -> Path:
    ruta = proyecto / "scripts" / "figuras" / f"{nombre}.py"
    ruta.write_text(
        FIGURA_RAPIDA.format(nombre=nombre, importacion=importacion, espera=espera or "pass", extra=extra),
        encoding="utf-8",
    )
    return ruta


def ejecutar(proyecto: Path, *argumentos: str, **opciones) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "maquinaria", *argumentos],
        cwd=proyecto,
        capture_output=True,
        text=True,
        **opciones,
    )


def foto(carpeta: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(carpeta.iterdir()) if p.is_file()}


def estados(proyecto: Path) -> dict[str, str]:
    salida = ejecutar(proyecto, "--lista").stdout
    return {linea.split()[0]: linea.split(maxsplit=2)[2] for linea in salida.splitlines()}


def test_las_figuras_del_repositorio_estan_al_dia_sin_importar_tensorflow():
    proceso = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "maquinaria", "--comprobar"],
        cwd=RAIZ,
        capture_output=True,
        text=True,
    )
    assert proceso.returncode == 0, proceso.stdout + proceso.stderr
    importados = {linea.split("|")[-1].strip().split(".")[0] for linea in proceso.stderr.splitlines() if "|" in linea}
    assert "tensorflow" not in importados and "keras" not in importados and "matplotlib" not in importados


def test_nombre_desconocido_sale_con_2_y_no_escribe_nada(copia):
    antes = foto(copia / "docs" / "figuras")
    proceso = ejecutar(copia, "no_existe", "--forzar")
    assert proceso.returncode == 2
    assert "nombre desconocido: no_existe" in proceso.stderr
    assert "Disponibles:" in proceso.stderr
    opcion = ejecutar(copia, "--nada")
    assert opcion.returncode == 2 and "argumentos no reconocidos: --nada" in opcion.stderr
    assert foto(copia / "docs" / "figuras") == antes


def test_registro_danado_sale_con_2_y_no_cambia_nada(copia):
    (copia / "docs" / "figuras" / "activaciones.json").write_text("{roto", encoding="utf-8")
    antes = foto(copia / "docs" / "figuras")
    proceso = ejecutar(copia)
    assert proceso.returncode == 2
    assert "Registro dañado" in proceso.stderr and "activaciones.json" in proceso.stderr
    assert foto(copia / "docs" / "figuras") == antes
    # --forzar con su nombre lo repara.
    assert ejecutar(copia, "--forzar", "activaciones").returncode == 0
    assert ejecutar(copia, "--comprobar", "activaciones").returncode == 0


def test_datos_que_faltan_salen_con_2(copia):
    figura(copia, "con_datos", extra='DATOS = ["datos/no_esta.csv"]')
    proceso = ejecutar(copia, "con_datos")
    assert proceso.returncode == 2
    assert "Faltan datos" in proceso.stderr and "datos/no_esta.csv" in proceso.stderr
    assert not (copia / "docs" / "figuras" / "con_datos.png").exists()


def test_tocar_un_snippet_desactualiza_solo_a_quien_lo_importa(copia):
    # b importa snippets.intermedio, que importa activaciones: dependencia transitiva.
    (copia / "snippets" / "intermedio.py").write_text("from .activaciones import relu\n", encoding="utf-8")
    (copia / "snippets" / "aparte.py").write_text("VALOR = 1\n", encoding="utf-8")
    figura(copia, "usa_activaciones", "from snippets.activaciones import relu")
    figura(copia, "usa_intermedio", "import snippets.intermedio")
    figura(copia, "usa_aparte", "from snippets import aparte")
    nuevas = ["usa_activaciones", "usa_intermedio", "usa_aparte"]
    assert ejecutar(copia, *nuevas).returncode == 0
    antes = {n for n, e in estados(copia).items() if e != "al día"}  # vacío en un repositorio al día
    assert not antes & {"activaciones", *nuevas}

    aparte = copia / "snippets" / "aparte.py"
    aparte.write_text(aparte.read_text() + "# retoque\n", encoding="utf-8")
    assert {n for n, e in estados(copia).items() if e != "al día"} - antes == {"usa_aparte"}
    ejecutar(copia, "usa_aparte")

    activaciones = copia / "snippets" / "activaciones.py"
    activaciones.write_text(activaciones.read_text() + "# retoque\n", encoding="utf-8")
    # Las del sitio que importan activaciones (según sus registros) y las dos de prueba que lo hacen.
    del_sitio = {
        r.stem
        for r in (copia / "docs" / "figuras").glob("*.json")
        if "snippets/activaciones.py" in json.loads(r.read_text())["dependencias"]
    }
    assert "activaciones" in del_sitio
    assert {n for n, e in estados(copia).items() if e != "al día"} - antes == del_sitio | {
        "usa_activaciones",
        "usa_intermedio",
    }
    comprobar = ejecutar(copia, "--comprobar")
    assert comprobar.returncode == 1 and "desactualizado: usa_intermedio" in comprobar.stdout


def test_retocar_el_dibujo_no_recalcula(copia):
    script = copia / "scripts" / "figuras" / "activaciones.py"
    cache = copia / ".cache" / "maquinaria" / "calculos" / "activaciones.pkl"
    assert ejecutar(copia, "--forzar", "activaciones").returncode == 0
    calculado = cache.stat().st_mtime_ns
    assert ejecutar(copia, "--forzar", "activaciones").returncode == 0
    assert cache.stat().st_mtime_ns > calculado  # --forzar reentrena
    calculado = cache.stat().st_mtime_ns
    script.write_text(
        script.read_text().replace(
            "def dibujar(res, estrecha=False):", "def dibujar(res, estrecha=False):\n    # retoque"
        ),
        encoding="utf-8",
    )
    assert estados(copia)["activaciones"] == "solo cambió el dibujo"
    assert ejecutar(copia, "activaciones").returncode == 0
    assert cache.stat().st_mtime_ns == calculado
    assert estados(copia)["activaciones"] == "al día"


def test_dos_ejecuciones_forzadas_dan_los_mismos_bytes(copia):
    imagen = copia / "docs" / "figuras" / "activaciones.png"
    estrecha = copia / "docs" / "figuras" / "activaciones-estrecha.png"
    registro = copia / "docs" / "figuras" / "activaciones.json"
    bytes_y_metricas = []
    for _ in range(2):  # --forzar recalcula: no usa la caché de cálculo
        assert ejecutar(copia, "--forzar", "activaciones").returncode == 0
        bytes_y_metricas.append(
            (imagen.read_bytes(), estrecha.read_bytes(), json.loads(registro.read_text())["metricas"])
        )
    assert bytes_y_metricas[0] == bytes_y_metricas[1]
    # Y coinciden con los que están en el repositorio (la ancha y la estrecha).
    assert bytes_y_metricas[0][0] == (RAIZ / "docs" / "figuras" / "activaciones.png").read_bytes()
    assert bytes_y_metricas[0][1] == (RAIZ / "docs" / "figuras" / "activaciones-estrecha.png").read_bytes()


def test_un_fallo_se_explica_y_no_toca_las_demas(copia):
    figura(copia, "rota", espera='raise ValueError("fallo a propósito")')
    figura(copia, "sana")
    antes = foto(copia / "docs" / "figuras")
    proceso = ejecutar(copia, "rota", "sana")
    assert proceso.returncode == 1
    assert "rota" in proceso.stderr and "fallo a propósito" in proceso.stderr
    despues = foto(copia / "docs" / "figuras")
    assert {n: despues[n] for n in antes} == antes  # nada de lo anterior cambió
    assert "sana.png" in despues and "rota.png" not in despues  # la otra sí se generó


def test_limite_de_tiempo_por_figura(copia):
    figura(copia, "lenta", espera="import time; time.sleep(60)")
    inicio = time.monotonic()
    proceso = ejecutar(copia, "lenta", "--limite", "3")
    assert proceso.returncode == 1
    assert "superó el límite de 3 s" in proceso.stderr
    assert time.monotonic() - inicio < 30


def test_kill_9_a_mitad_no_pierde_nada(copia):
    figura(copia, "a_rapida")
    figura(copia, "b_lenta", espera="import time; time.sleep(60)")
    figura(copia, "c_despues")
    carpeta = copia / "docs" / "figuras"
    antes = foto(carpeta)
    proceso = subprocess.Popen(
        [sys.executable, "-m", "maquinaria", "--trabajos", "1"],
        cwd=copia,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    bitacoras = copia / ".cache" / "maquinaria" / "bitacoras"
    limite = time.monotonic() + 60
    while (
        not (list(bitacoras.glob("*/b_lenta.log")) and (carpeta / "a_rapida.json").exists())
        and time.monotonic() < limite
    ):
        time.sleep(0.1)
    time.sleep(1.0)  # b_lenta está durmiendo dentro de calcular()
    os.killpg(proceso.pid, signal.SIGKILL)
    proceso.wait()

    # Lo que existía sigue entero; lo terminado antes del golpe, también.
    for nombre, contenido in antes.items():
        assert (carpeta / nombre).read_bytes() == contenido
    json.loads((carpeta / "a_rapida.json").read_text())
    assert not (carpeta / "b_lenta.json").exists() and not (carpeta / "c_despues.json").exists()

    # La siguiente ejecución completa el trabajo (con la figura lenta ya arreglada).
    figura(copia, "b_lenta")
    assert ejecutar(copia, "a_rapida", "b_lenta", "c_despues").returncode == 0
    assert ejecutar(copia, "--comprobar", "a_rapida", "b_lenta", "c_despues").returncode == 0
    assert not list(carpeta.glob(".*.tmp"))


CUADERNO = """# %% [markdown]
# # Cuaderno de prueba
# La suma de \\(0 + 1 + 2\\):

# %%
import numpy as np
import matplotlib.pyplot as plt
print(np.arange(3).sum())
plt.plot([1, 2, 3]);
"""


def test_los_cuadernos_se_ejecutan_y_se_registran_como_las_figuras(copia):
    fuente = copia / "scripts" / "cuadernos" / "cuaderno_prueba.py"
    fuente.parent.mkdir(exist_ok=True)
    fuente.write_text(CUADERNO, encoding="utf-8")
    assert estados(copia)["cuaderno_prueba"] == "sin generar"
    assert ejecutar(copia, "cuaderno_prueba").returncode == 0
    salida = copia / "docs" / "cuadernos" / "cuaderno_prueba.ipynb"
    cuaderno = json.loads(salida.read_text(encoding="utf-8"))
    codigo = [c for c in cuaderno["cells"] if c["cell_type"] == "code"][0]
    assert codigo["outputs"][0]["text"] == ["3\n"]
    assert any("image/png" in s.get("data", {}) for s in codigo["outputs"])
    assert "".join(cuaderno["cells"][0]["source"]).startswith("# Cuaderno de prueba")
    assert "colab.research.google.com" in "".join(cuaderno["cells"][1]["source"])
    registro = json.loads((copia / "docs" / "cuadernos" / "cuaderno_prueba.json").read_text())
    assert registro["tipo"] == "cuaderno" and registro["metricas"]["imagenes"] == 1
    primera = salida.read_bytes()
    assert ejecutar(copia, "--forzar", "cuaderno_prueba").returncode == 0
    assert salida.read_bytes() == primera  # mismos bytes: sin marcas de tiempo ni ids al azar
    fuente.write_text(CUADERNO.replace("arange(3)", "arange(4)"), encoding="utf-8")
    assert estados(copia)["cuaderno_prueba"] == "cambiaron sus entradas"


def test_un_cuaderno_que_falla_se_explica(copia):
    fuente = copia / "scripts" / "cuadernos" / "cuaderno_roto.py"
    fuente.parent.mkdir(exist_ok=True)
    fuente.write_text("# %%\nraise RuntimeError('celda rota')\n", encoding="utf-8")
    proceso = ejecutar(copia, "cuaderno_roto")
    assert proceso.returncode == 1
    assert "cuaderno_roto" in proceso.stderr
    assert not (copia / "docs" / "cuadernos" / "cuaderno_roto.ipynb").exists()


def test_las_figuras_caben_en_la_columna_y_pesan_poco():
    """La columna de texto de Material mide unos 690 px: más de 1045 px de ancho deja la letra ilegible."""
    anchas, pesadas = [], []
    for registro in sorted((RAIZ / "docs" / "figuras").glob("*.json")):
        datos = json.loads(registro.read_text(encoding="utf-8"))
        if datos["ancho"] > 1045:
            anchas.append(f"{datos['nombre']} ({datos['ancho']} px)")
        if datos["bytes"] > 200_000:
            pesadas.append(f"{datos['nombre']} ({datos['bytes']} bytes)")
        assert len(datos["alt"]) >= 40, f"{datos['nombre']}: texto alternativo demasiado pobre"
    assert not anchas, "Figuras demasiado anchas: " + ", ".join(anchas)
    assert not pesadas, "Figuras demasiado pesadas: " + ", ".join(pesadas)
