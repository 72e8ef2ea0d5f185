"""Medida (no es una prueba): Lighthouse en el perfil de móvil sobre cada página del sitio.

    python -m maquinaria.medir_lighthouse                 # construye el sitio y mide todas las páginas
    python -m maquinaria.medir_lighthouse --sitio /tmp/s  # mide un sitio ya construido
    python -m maquinaria.medir_lighthouse --paginas "" 1-introduccion/1-1-neurona/

Usa el Lighthouse fijado en package.json / package-lock.json (`npm ci` la primera vez, en
node_modules/) y el Chromium de Debian (CHROME_PATH=/usr/bin/chromium). El sitio se sirve en
127.0.0.1 con gzip, como lo serviría GitHub Pages. Para cada página da el rendimiento y la
accesibilidad (0-100), la mediana de --veces ejecuciones, y falla (sale con 1) si alguna baja
de 95 en rendimiento o de 100 en accesibilidad. Los informes JSON completos quedan en artefactos/lighthouse/.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from .servidor import CHROMIUM, servir

RAIZ = Path(__file__).resolve().parents[1]
BANDERAS = (
    "--headless --no-sandbox --disable-gpu --disable-background-networking"
    " --disable-component-update --disable-sync --no-first-run"
)
RENDIMIENTO_MINIMO = 95
ACCESIBILIDAD_MINIMA = 100
INFORMES = RAIZ / "artefactos" / "lighthouse"


def lighthouse() -> Path:
    """El ejecutable de Lighthouse de node_modules; lo instala con `npm ci` si falta."""
    cli = RAIZ / "node_modules" / "lighthouse" / "cli" / "index.js"
    if not cli.exists():
        if not shutil.which("npm"):
            sys.exit("error: hace falta Node y npm para instalar Lighthouse (package.json).")
        print("Instalando Lighthouse con npm ci (package-lock.json) ...", flush=True)
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=RAIZ, check=True)
    return cli


def construir(destino: Path) -> float:
    inicio = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(destino)],
        cwd=RAIZ,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        check=True,
        capture_output=True,
    )
    return time.perf_counter() - inicio


def paginas(sitio: Path) -> list[str]:
    rutas = []
    for html in sorted(sitio.rglob("index.html")):
        relativa = html.parent.relative_to(sitio).as_posix()
        rutas.append("" if relativa == "." else relativa + "/")
    return rutas


def medir(cli: Path, url: str, destino: Path) -> dict:
    proceso = subprocess.run(
        [
            "node",
            str(cli),
            url,
            "--quiet",
            "--output=json",
            f"--output-path={destino}",
            "--only-categories=performance,accessibility",
            "--form-factor=mobile",
            "--throttling-method=simulate",
            f"--chrome-flags={BANDERAS}",
        ],
        env={**os.environ, "CHROME_PATH": CHROMIUM},
        capture_output=True,
        text=True,
        check=False,  # el error se explica abajo, con la salida de Lighthouse
    )
    if proceso.returncode != 0 or not destino.exists():
        raise RuntimeError(f"Lighthouse falló en {url}:\n{proceso.stderr[-2000:]}")
    informe = json.loads(destino.read_text(encoding="utf-8"))
    categorias = informe["categories"]
    auditorias = informe["audits"]
    # Una ejecución que Lighthouse no pudo medir (p. ej. NO_FCP con la máquina saturada) cuenta
    # como rendimiento 0 con su error, en lugar de parar la medida de las demás páginas.
    fallidas = {
        a: auditorias[a].get("errorMessage", "sin valor")
        for a in (
            "first-contentful-paint",
            "largest-contentful-paint",
            "total-blocking-time",
            "cumulative-layout-shift",
        )
        if "numericValue" not in auditorias[a]
    }
    if fallidas:
        print(f"  {url}: Lighthouse no pudo medir {fallidas}", flush=True)
        return {
            "rendimiento": 0,
            "accesibilidad": 0,
            "fcp_ms": 0,
            "lcp_ms": 0,
            "tbt_ms": 0,
            "cls": 0.0,
            "bytes": 0,
            "cpu": round(informe["environment"]["benchmarkIndex"]),
            "fallos_accesibilidad": [f"sin medir: {fallidas}"],
        }
    return {
        "rendimiento": round(100 * (categorias["performance"]["score"] or 0)),
        "accesibilidad": round(100 * (categorias["accessibility"]["score"] or 0)),
        "fcp_ms": round(auditorias["first-contentful-paint"]["numericValue"]),
        "lcp_ms": round(auditorias["largest-contentful-paint"]["numericValue"]),
        "tbt_ms": round(auditorias["total-blocking-time"]["numericValue"]),
        "cls": round(auditorias["cumulative-layout-shift"]["numericValue"], 3),
        "bytes": auditorias["total-byte-weight"]["numericValue"],
        # Lo rápida que iba la CPU de esta máquina en esa ejecución (Lighthouse la mide antes de
        # cargar): ~1500-2500 en un portátil corriente; más bajo, máquina cargada, y el tiempo de
        # bloqueo simulado (tareas observadas × 4) sale más alto.
        "cpu": round(informe["environment"]["benchmarkIndex"]),
        "fallos_accesibilidad": [
            a
            for a, v in auditorias.items()
            if v.get("score") == 0 and a in {r["id"] for r in categorias["accessibility"]["auditRefs"]}
        ],
    }


def main(argv: list[str] | None = None) -> int:
    analizador = argparse.ArgumentParser(description="Lighthouse (móvil) en cada página del sitio.")
    analizador.add_argument("--sitio", type=Path, help="un sitio ya construido (si no, se construye)")
    analizador.add_argument("--paginas", nargs="*", help="rutas de las páginas (por defecto, todas)")
    analizador.add_argument("--veces", type=int, default=3, help="ejecuciones por página; se da la mediana (3)")
    argumentos = analizador.parse_args(argv)

    cli = lighthouse()
    temporal = None
    if argumentos.sitio:
        sitio = argumentos.sitio
    else:
        temporal = tempfile.TemporaryDirectory(prefix="sitio-lighthouse-")
        sitio = Path(temporal.name)
        print(f"Construcción estricta: {construir(sitio):.1f} s", flush=True)
    INFORMES.mkdir(parents=True, exist_ok=True)
    rutas = argumentos.paginas if argumentos.paginas is not None else paginas(sitio)
    malas = []
    print(
        f"{'página':42s} {'rend.':>5s} {'acces.':>6s} {'FCP':>6s} {'LCP':>6s}"
        f" {'TBT':>5s} {'CLS':>5s} {'KB':>6s} {'CPU':>5s}  ejecuciones"
    )
    with servir(sitio) as origen:
        for ruta in rutas:
            nombre = (ruta.strip("/").replace("/", "_") or "inicio") + ".json"
            # Lighthouse varía de una ejecución a otra (más en una máquina compartida): la mediana
            # del rendimiento de varias, como recomienda su documentación.
            medidas = sorted(
                (medir(cli, origen + ruta, INFORMES / nombre) for _ in range(max(1, argumentos.veces))),
                key=lambda m: m["rendimiento"],
            )
            r = medidas[len(medidas) // 2]
            r["todas"] = [m["rendimiento"] for m in medidas]
            print(
                f"{ruta or '/':42s} {r['rendimiento']:5d} {r['accesibilidad']:6d} {r['fcp_ms']:6d} {r['lcp_ms']:6d}"
                f" {r['tbt_ms']:5d} {r['cls']:5.3f} {r['bytes'] / 1024:6.1f} {r['cpu']:5d}  {r['todas']}",
                flush=True,
            )
            if r["rendimiento"] < RENDIMIENTO_MINIMO or r["accesibilidad"] < ACCESIBILIDAD_MINIMA:
                malas.append(
                    f"{ruta or '/'}: rendimiento {r['rendimiento']},"
                    f" accesibilidad {r['accesibilidad']} {r['fallos_accesibilidad']}"
                )
    if temporal:
        temporal.cleanup()
    if malas:
        print("\nPor debajo del mínimo (rendimiento ≥ 95, accesibilidad 100):\n  " + "\n  ".join(malas))
        return 1
    print("\nTodas las páginas: rendimiento ≥ 95 y accesibilidad 100.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
