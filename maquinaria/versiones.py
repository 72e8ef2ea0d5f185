"""¿Funciona el código del sitio con otras versiones? `python -m maquinaria.versiones`.

Toma el último commit (git archive HEAD, así lo que se prueba es lo que está guardado y no
un fichero a medio editar), construye su sitio (mkdocs build --strict), saca de cada página
sus bloques de Python en orden (como la prueba de copiar y pegar) y los ejecuta en un
intérprete nuevo y en una carpeta vacía con un juego de versiones. El resultado queda en `docs/versiones.json`, que
lee la página «Cómo ejecutar el código».

    python -m maquinaria.versiones --fijado
        el juego fijado de requirements.txt, con el Python de este entorno
    python -m maquinaria.versiones --python /ruta/python3.12 \\
        "tensorflow-cpu==2.18.*" "keras==3.8.*" "numpy==1.26.*"
        crea un entorno virtual en una carpeta temporal, instala ese juego (más
        matplotlib y scikit-learn, las versiones que pip elija) y ejecuta las páginas

Descarga unos 600 MB por juego: no forma parte de las pruebas normales.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from .claves import RAIZ
from .regenerar import Argumentos

REGISTRO = RAIZ / "docs" / "versiones.json"
PAQUETES = ["python", "tensorflow", "keras", "numpy", "matplotlib", "scikit-learn"]
EXTRA = ["matplotlib", "scikit-learn"]  # lo demás que importa el código de las páginas
SONDA = (
    "import json, platform, importlib.metadata as m\n"
    "v = {'python': platform.python_version()}\n"
    "for p in ('tensorflow-cpu', 'tensorflow', 'keras', 'numpy', 'matplotlib', 'scikit-learn'):\n"
    "    try:\n"
    "        v.setdefault(p.replace('-cpu', ''), m.version(p))\n"
    "    except m.PackageNotFoundError:\n"
    "        pass\n"
    "print(json.dumps(v))\n"
)


def bloques_python(html: str) -> list[str]:
    """Los bloques de Python de una página, en orden (los mismos que copia el lector)."""
    from bs4 import BeautifulSoup

    sopa = BeautifulSoup(html, "html.parser")
    bloques = []
    for contenedor in sopa.select("div.language-python, div.language-py"):
        codigo = contenedor.find("code")
        for numeracion in codigo.select(".linenos, .lineno"):
            numeracion.decompose()
        bloques.append(codigo.get_text())
    return bloques


def paginas_con_codigo(raiz: Path, sitio: Path) -> dict[str, str]:
    """{página.md: su programa} para cada página del sitio con bloques de Python."""
    programas = {}
    for pagina in sorted(p.relative_to(raiz / "docs").as_posix() for p in (raiz / "docs").rglob("*.md")):
        ruta = Path(pagina).with_suffix("")
        html = sitio / "index.html" if ruta.name == "index" else sitio / ruta / "index.html"
        bloques = bloques_python(html.read_text(encoding="utf-8"))
        if bloques:
            programas[pagina] = "\n\n".join(bloques)
    return programas


def copiar_commit(destino: Path) -> str:
    """El último commit del repositorio en `destino`; devuelve su hash."""
    destino.mkdir(parents=True)
    archivo = subprocess.run(["git", "archive", "HEAD"], cwd=RAIZ, capture_output=True, check=True).stdout
    subprocess.run(["tar", "-x", "-C", str(destino)], input=archivo, check=True)
    return subprocess.run(
        ["git", "rev-parse", "HEAD"], cwd=RAIZ, capture_output=True, text=True, check=True
    ).stdout.strip()


def construir(raiz: Path, destino: Path) -> None:
    # Con cwd = la copia, `python -m mkdocs` importa la maquinaria de la copia.
    entorno = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "VERSIONES_EN_CURSO": "1"}
    entorno.pop("PYTHONPATH", None)
    proceso = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(destino)],
        cwd=raiz,
        env=entorno,
        capture_output=True,
        text=True,
        check=False,
    )
    if proceso.returncode:
        sys.exit(f"mkdocs build --strict falló:\n{proceso.stderr[-3000:]}")


def preparar_entorno(carpeta: Path, python: str, pedido: list[str]) -> str:
    """Un entorno virtual nuevo con el juego pedido; devuelve su intérprete."""
    subprocess.run([python, "-m", "venv", str(carpeta / "venv")], check=True)
    interprete = str(carpeta / "venv" / "bin" / "python")
    subprocess.run([interprete, "-m", "pip", "install", "--quiet", *pedido, *EXTRA], check=True)
    return interprete


def ejecutar(interprete: str, programa: str, carpeta: Path) -> tuple[bool, float, str]:
    carpeta.mkdir(parents=True)
    (carpeta / "pagina.py").write_text(programa, encoding="utf-8")
    entorno = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    entorno.update({"MPLBACKEND": "Agg", "TF_CPP_MIN_LOG_LEVEL": "3"})
    inicio = time.perf_counter()
    proceso = subprocess.run(
        [interprete, "-I", "pagina.py"],
        cwd=carpeta,
        env=entorno,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    return proceso.returncode == 0, time.perf_counter() - inicio, proceso.stderr[-1500:]


def comprobar(interprete: str, pedido: list[str]) -> dict:
    with tempfile.TemporaryDirectory(prefix="versiones-") as temporal:
        temporal = Path(temporal)
        commit = copiar_commit(temporal / "proyecto")
        construir(temporal / "proyecto", temporal / "sitio")
        programas = paginas_con_codigo(temporal / "proyecto", temporal / "sitio")
        versiones = json.loads(
            subprocess.run([interprete, "-I", "-c", SONDA], capture_output=True, text=True, check=True).stdout
        )
        paginas = {}
        for i, (pagina, programa) in enumerate(programas.items()):
            bien, segundos, error = ejecutar(interprete, programa, temporal / f"p{i}")
            print(f"{'bien ' if bien else 'FALLA'} {pagina} ({segundos:.0f} s)", flush=True)
            paginas[pagina] = {
                "bien": bien,
                "segundos": round(segundos, 1),
                "codigo_sha256": hashlib.sha256(programa.encode()).hexdigest(),
                **({} if bien else {"error": error}),
            }
    return {
        "pedido": pedido,
        "versiones": versiones,
        "fecha": datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d"),
        "commit": commit,
        "paginas": paginas,
        "todas_bien": all(p["bien"] for p in paginas.values()),
    }


def guardar(resultado: dict) -> None:
    """Añade el juego al registro (sustituye al anterior con las mismas versiones)."""
    registro = json.loads(REGISTRO.read_text(encoding="utf-8")) if REGISTRO.exists() else {"juegos": []}
    clave = {k: resultado["versiones"].get(k) for k in ("python", "tensorflow", "keras", "numpy")}
    registro["juegos"] = [j for j in registro["juegos"] if {k: j["versiones"].get(k) for k in clave} != clave] + [
        resultado
    ]
    registro["juegos"].sort(
        key=lambda j: (
            [int(p) if p.isdigit() else 0 for p in j["versiones"]["tensorflow"].split(".")] + [j["versiones"]["python"]]
        )
    )
    REGISTRO.write_text(json.dumps(registro, ensure_ascii=False, indent=2, sort_keys=True) + "\n", encoding="utf-8")


def main(argv=None) -> int:
    analizador = Argumentos(prog="python -m maquinaria.versiones", description=__doc__.splitlines()[0], add_help=False)
    analizador.add_argument("-h", "--ayuda", action="help", help="muestra esta ayuda y sale")
    analizador.add_argument("paquetes", nargs="*", help='juego de versiones para pip, p. ej. "keras==3.8.*"')
    analizador.add_argument("--fijado", action="store_true", help="el entorno actual (requirements.txt)")
    analizador.add_argument("--python", default=sys.executable, help="intérprete con el que crear el entorno")
    opciones = analizador.parse_args(argv)
    if opciones.fijado == bool(opciones.paquetes):
        analizador.error("indica un juego de paquetes o --fijado (una de las dos cosas)")
    if opciones.fijado:
        resultado = comprobar(sys.executable, ["requirements.txt"])
    else:
        with tempfile.TemporaryDirectory(prefix="entorno-") as carpeta:
            interprete = preparar_entorno(Path(carpeta), opciones.python, opciones.paquetes)
            resultado = comprobar(interprete, opciones.paquetes)
    guardar(resultado)
    print(
        "Todas las páginas funcionan." if resultado["todas_bien"] else "Alguna página falla: mira docs/versiones.json."
    )
    return 0 if resultado["todas_bien"] else 1


if __name__ == "__main__":
    sys.exit(main())
