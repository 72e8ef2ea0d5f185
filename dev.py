"""Preparación y tareas del proyecto con solo Python 3.11+.

    python3 dev.py servir    crea .venv si hace falta, instala lo fijado y sirve el sitio en http://127.0.0.1:8000/redes-neuronales/
    python3 dev.py pruebas   lo mismo y ejecuta todas las pruebas (pytest)
    python3 dev.py construir construye el sitio en site/ con --strict

La instalación se repite solo si cambia requirements.txt.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import sys
import venv
from pathlib import Path

RAIZ = Path(__file__).resolve().parent
ENTORNO = RAIZ / ".venv"
REQUISITOS = RAIZ / "requirements.txt"
PROYECTO = RAIZ / "pyproject.toml"
BIN = ENTORNO / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / "python"
PAQUETES_DEBIAN = ["chromium", "hunspell", "hunspell-es"]  # navegador y diccionario de las pruebas


def preparar() -> None:
    # dev.py corre con el python del sistema antes de que exista .venv.
    if sys.version_info < (3, 11):  # noqa: UP036 (el python del sistema puede ser más viejo)
        sys.exit("error: hace falta Python 3.11 o posterior.")
    # Cambiar lo fijado o la declaración del paquete repite la instalación.
    huella = hashlib.sha256(REQUISITOS.read_bytes() + PROYECTO.read_bytes()).hexdigest()[:16]
    sello = ENTORNO / f".instalado-{huella}"
    if sello.exists():
        return
    if not PYTHON.exists():
        print("Creando el entorno virtual .venv ...", flush=True)
        venv.create(ENTORNO, with_pip=True)
    print(
        "Instalando las dependencias fijadas de requirements.txt (la primera vez tarda uno o dos minutos) ...",
        flush=True,
    )
    subprocess.run([PYTHON, "-m", "pip", "install", "-qq", "--upgrade", "pip"], check=True)
    subprocess.run([PYTHON, "-m", "pip", "install", "-qq", "-r", REQUISITOS], check=True)
    # La maquinaria (maquinaria/), editable: se importa desde cualquier carpeta sin tocar sys.path.
    subprocess.run([PYTHON, "-m", "pip", "install", "-qq", "--no-deps", "--no-build-isolation", "-e", RAIZ], check=True)
    for viejo in ENTORNO.glob(".instalado-*"):
        viejo.unlink()
    sello.touch()


def herramientas_del_sistema() -> None:
    """Chromium y hunspell-es vienen de Debian; como root se instalan solos."""
    if shutil.which("chromium") and shutil.which("hunspell") and Path("/usr/share/hunspell/es_ES.dic").exists():
        return
    if os.geteuid() == 0 and shutil.which("apt-get"):
        print(f"Instalando con apt-get: {' '.join(PAQUETES_DEBIAN)} ...", flush=True)
        subprocess.run(["apt-get", "update", "-q"], check=True, stdout=subprocess.DEVNULL)
        subprocess.run(["apt-get", "install", "-y", "-q", *PAQUETES_DEBIAN], check=True, stdout=subprocess.DEVNULL)
    else:
        print(
            "aviso: faltan Chromium o el diccionario español de hunspell; las pruebas del navegador fallarán.\n"
            f"       Instálalos con: sudo apt-get install {' '.join(PAQUETES_DEBIAN)}",
            file=sys.stderr,
        )


def entorno() -> dict:
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1"}


def main(argv: list[str]) -> int:
    orden = argv[0] if argv else ""
    if orden not in ("servir", "pruebas", "construir"):
        print(__doc__)
        return 2
    preparar()
    os.chdir(RAIZ)
    if orden == "servir":
        # mkdocs serve publica el sitio bajo la ruta de site_url (p. ej. /redes-neuronales/).
        ruta = re.search(
            r"^site_url:\s*https?://[^/\s]+(/\S*)?", (RAIZ / "mkdocs.yml").read_text(encoding="utf-8"), re.M
        )
        print(f"Sirviendo en http://127.0.0.1:8000{(ruta and ruta.group(1)) or '/'} (Ctrl+C para parar)", flush=True)
        return subprocess.call([BIN / "mkdocs", "serve", "-a", "127.0.0.1:8000", *argv[1:]], env=entorno())
    if orden == "construir":
        return subprocess.call([BIN / "mkdocs", "build", "--strict", *argv[1:]], env=entorno())
    herramientas_del_sistema()
    codigo = subprocess.call([PYTHON, "-m", "pytest", *argv[1:]], env=entorno())
    if codigo == 5:  # pytest: no se recogió ninguna prueba
        print("error: pytest no ejecutó ninguna prueba.", file=sys.stderr)
        return 1
    return codigo


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except KeyboardInterrupt:
        sys.exit(130)
