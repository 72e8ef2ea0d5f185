"""El código del proyecto, por papeles: el del lector en snippets/, la maquinaria aparte, ruff limpio."""

from __future__ import annotations

import ast
import re
import subprocess
import sys

import pytest
from conftest import RAIZ

MARCA = re.compile(r"-{1,}8<-{1,}[ \t]+\[[ \t]*(start|end)[ \t]*:[ \t]*([a-z][-_0-9a-z]*)[ \t]*\]", re.I)
INCLUSION = re.compile(r'-{1,}8<-{1,}[ \t]+"snippets/([^":]+)(?::([^"]+))?"')


def _incluidas() -> dict[str, set[str | None]]:
    """Por módulo de snippets/, las secciones que incluye alguna página (None: el fichero entero)."""
    incluidas: dict[str, set[str | None]] = {}
    for pagina in (RAIZ / "docs").rglob("*.md"):
        for modulo, seccion in INCLUSION.findall(pagina.read_text(encoding="utf-8")):
            incluidas.setdefault(modulo, set()).add(seccion or None)
    return incluidas


def _secciones(lineas: list[str]) -> dict[str, tuple[int, int]]:
    abiertas, secciones = {}, {}
    for numero, linea in enumerate(lineas, start=1):
        marca = MARCA.search(linea)
        if marca and marca.group(1).lower() == "start":
            abiertas[marca.group(2)] = numero
        elif marca and marca.group(2) in abiertas:
            secciones[marca.group(2)] = (abiertas.pop(marca.group(2)), numero)
    return secciones


MODULOS = sorted(p.name for p in (RAIZ / "snippets").glob("*.py") if p.name != "__init__.py")


@pytest.mark.parametrize("modulo", MODULOS)
def test_snippets_solo_guarda_lo_que_las_paginas_incluyen(modulo):
    """Cada sentencia de primer nivel (salvo importaciones) cae dentro de una sección que alguna página incluye."""
    ruta = RAIZ / "snippets" / modulo
    texto = ruta.read_text(encoding="utf-8")
    incluidas = _incluidas().get(modulo)
    assert incluidas, f"snippets/{modulo}: ninguna página lo incluye; si es maquinaria, va en maquinaria/"
    if None in incluidas:
        return
    secciones = _secciones(texto.splitlines())
    rangos = [secciones[s] for s in incluidas if s in secciones]
    sueltas = []
    cuerpo = ast.parse(texto).body
    for nodo in cuerpo:
        if isinstance(nodo, (ast.Import, ast.ImportFrom)):
            continue
        if isinstance(nodo, ast.Expr) and isinstance(nodo.value, ast.Constant) and nodo is cuerpo[0]:
            continue  # el docstring del módulo
        if isinstance(nodo, ast.If) and "__name__" in ast.unparse(nodo.test):
            continue  # `python snippets/x.py`: lo ejecuta el lector, no lo importa nadie
        inicio = min([nodo.lineno] + [d.lineno for d in getattr(nodo, "decorator_list", [])])
        if not any(a <= nodo.end_lineno and inicio <= b for a, b in rangos):
            nombre = getattr(nodo, "name", None) or ast.unparse(nodo).split("\n")[0][:50]
            sueltas.append(f"línea {inicio}: {nombre}")
    assert not sueltas, f"snippets/{modulo} tiene código que ninguna página muestra: {sueltas}"


def test_nada_toca_sys_path():
    culpables = []
    for carpeta in ("maquinaria", "snippets", "scripts", "hooks", "tests"):
        for ruta in (RAIZ / carpeta).rglob("*.py"):
            if re.search(r"sys\.path\.(insert|append)", ruta.read_text(encoding="utf-8")):
                culpables.append(ruta.relative_to(RAIZ).as_posix())
    culpables += [p for p in ("dev.py",) if re.search(r"sys\.path\.(insert|append)", (RAIZ / p).read_text())]
    assert not culpables, f"parchean sys.path: {culpables}"


def test_los_numeros_se_formatean_en_un_solo_sitio():
    """Nadie escribe a mano la coma decimal: para eso está maquinaria/formato.py."""
    a_mano = re.compile(r"""\.replace\(\s*["']\.["']\s*,\s*["'],["']\s*\)""")
    culpables = [
        ruta.relative_to(RAIZ).as_posix()
        for carpeta in ("maquinaria", "scripts")
        for ruta in (RAIZ / carpeta).rglob("*.py")
        if ruta.name != "formato.py" and a_mano.search(ruta.read_text(encoding="utf-8"))
    ]
    assert not culpables, f"formatean números a mano (usa maquinaria.formato): {culpables}"


def _ruff(*argumentos: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "ruff", *argumentos], cwd=RAIZ, capture_output=True, text=True)


def test_ruff_no_encuentra_nada():
    proceso = _ruff("check", ".", "--output-format", "concise")
    assert proceso.returncode == 0, proceso.stdout[-4000:]


def test_ruff_format_no_cambiaria_nada():
    proceso = _ruff("format", "--check", ".")
    assert proceso.returncode == 0, proceso.stdout[-4000:]


def test_el_codigo_del_lector_cabe_en_80_columnas():
    # Lo mismo que pide snippets/ruff.toml, comprobado aparte: si alguien borra ese fichero, esto falla.
    largas = [
        f"{ruta.relative_to(RAIZ)}:{n}"
        for carpeta in ("snippets", "scripts/cuadernos")
        for ruta in (RAIZ / carpeta).glob("*.py")
        for n, linea in enumerate(ruta.read_text(encoding="utf-8").splitlines(), start=1)
        # Los metadatos de celda (# %% alt="...") no se muestran y jupytext los lee de una línea.
        if len(linea) > 80 and not linea.startswith("# %%")
    ]
    assert not largas, f"líneas de más de 80 columnas: {largas[:20]}"


def test_cada_noqa_dice_por_que():
    sin_motivo = []
    for carpeta in ("maquinaria", "snippets", "scripts", "hooks", "tests"):
        for ruta in (RAIZ / carpeta).rglob("*.py"):
            for n, linea in enumerate(ruta.read_text(encoding="utf-8").splitlines(), start=1):
                if re.search(r"#\s*noqa(?::\s*[A-Z0-9, ]+)?\s*$", linea):
                    sin_motivo.append(f"{ruta.relative_to(RAIZ)}:{n}")
    assert not sin_motivo, f"noqa sin explicación: {sin_motivo}"
