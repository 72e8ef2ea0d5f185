"""Macros de las páginas (mkdocs-macros): figuras y números leídos de los registros.

    {{ figura("activaciones") }}                  imagen, texto alternativo, tamaño y procedencia
    {{ dato("xor", "exactitud_test", "%", 1) }}   un número del registro, con coma decimal
                                                  (la clave se recorre por puntos: "a.b.0")
    {{ tabla_figuras() }}                         tabla de tiempos de todas las figuras
    {{ versiones_probadas() }}                    tabla de docs/versiones.json (maquinaria.versiones)
    {{ rango_probado("keras") }}                  «3.8.0 a 3.15.1»: de los juegos en que todo funciona

Ningún número entrenado se escribe a mano en una página: se lee aquí de docs/figuras/*.json.
"""

from __future__ import annotations

import json
import os
import posixpath

from .. import formato
from ..registros import disponibles, leer_registro
from ..versiones import REGISTRO as REGISTRO_VERSIONES


class ErrorDeMacro(Exception):
    pass


def _registro(nombre: str) -> dict:
    registro = leer_registro(nombre)
    if registro is None:
        raise ErrorDeMacro(
            f"La figura «{nombre}» no tiene registro en docs/figuras/. "
            f"Genérala con «python -m maquinaria {nombre}»."
        )
    return registro


def numero(valor, decimales: int | None = None) -> str:
    """Como formato.numero, pero un decimal sin precisión fijada se escribe con tres."""
    if isinstance(valor, float) and decimales is None:
        decimales = 3
    return formato.numero(valor, decimales)


def define_env(env):
    repositorio = (env.conf.get("repo_url") or "").rstrip("/")

    def enlace_script(ruta: str, texto: str | None = None) -> str:
        texto = texto or ruta
        return f"[`{texto}`]({repositorio}/blob/main/{ruta})" if repositorio else f"`{texto}`"

    @env.macro
    def dato(nombre: str, clave: str, formato: str = "", decimales: int | None = None) -> str:
        valor = _registro(nombre).get("metricas", {})
        for parte in clave.split("."):
            if isinstance(valor, list) and parte.lstrip("-").isdigit():
                valor = valor[int(parte)]
            elif isinstance(valor, dict) and parte in valor:
                valor = valor[parte]
            else:
                raise ErrorDeMacro(f"El registro de «{nombre}» no tiene la métrica «{clave}».")
        if formato == "%":
            return f"{numero(100 * valor, 1 if decimales is None else decimales)} %"
        return numero(valor, decimales)

    @env.macro
    def figura(nombre: str, pie: str = "") -> str:
        registro = _registro(nombre)
        pagina = env.page.file.src_uri
        ruta = posixpath.relpath(f"figuras/{registro['imagen']}", posixpath.dirname(pagina) or ".")
        alt = registro["alt"].replace('"', "&quot;").replace("[", "(").replace("]", ")")
        segundos = numero(registro["segundos_calculo"] + registro["segundos_dibujo"], 1)
        titulo = pie or registro["titulo"]
        return (
            f'<figure class="figura-generada" markdown="span">\n'
            # La imagen enlaza a sí misma: un clic la abre a tamaño completo.
            f'[![{alt}]({ruta}){{ width="{registro["ancho"]}" height="{registro["alto"]}" loading="lazy" }}]({ruta})\n'
            f"<figcaption markdown>{titulo}.<br><small>Generada por {enlace_script(registro['script'])}"
            f" · semilla {registro['semilla']} · {segundos} s</small></figcaption>\n"
            f"</figure>\n"
        )

    env.macro(tabla_versiones, "versiones_probadas")
    env.macro(rango_probado)

    @env.macro
    def tabla_figuras() -> str:
        filas = []
        for nombre in disponibles():
            r = _registro(nombre)
            filas.append((r["segundos_calculo"] + r["segundos_dibujo"], nombre, r))
        filas.sort(key=lambda f: (-f[0], f[1]))
        lineas = [
            "| Figura | Script | Semilla | Cálculo (s) | Dibujo (s) | Total (s) |",
            "|---|---|--:|--:|--:|--:|",
        ]
        for total, nombre, r in filas:
            lineas.append(
                f"| {nombre} | {enlace_script(r['script'], r['script'].rsplit('/', 1)[-1])} | {r['semilla']} | {numero(r['segundos_calculo'], 1)}"
                f" | {numero(r['segundos_dibujo'], 1)} | {numero(total, 1)} |"
            )
        lineas.append(f"| **Suma** | | | | | **{numero(sum(f[0] for f in filas), 1)}** |")
        return "\n".join(lineas)


def juegos_probados() -> list[dict]:
    """Los juegos de versiones de docs/versiones.json (los escribe python -m maquinaria.versiones)."""
    if os.environ.get("VERSIONES_EN_CURSO"):
        # python -m maquinaria.versiones construye el sitio para sacar el código de las
        # páginas: el registro aún puede no existir, y lo que dice no cambia ese código.
        return []
    if not REGISTRO_VERSIONES.exists():
        raise ErrorDeMacro("Falta docs/versiones.json: ejecuta «python -m maquinaria.versiones --fijado».")
    return json.loads(REGISTRO_VERSIONES.read_text(encoding="utf-8"))["juegos"]


def _clave_version(texto: str):
    return [int(p) if p.isdigit() else 0 for p in texto.split(".")]


def rango_probado(paquete: str, cifras: int | None = None) -> str:
    """«mínima a máxima» de `paquete` entre los juegos en que funcionan todas las páginas.

    `cifras=2` recorta cada versión a sus dos primeras cifras (Python 3.12.1 -> 3.12).
    """
    versiones = {j["versiones"][paquete] for j in juegos_probados() if j["todas_bien"]}
    if cifras:
        versiones = {".".join(v.split(".")[:cifras]) for v in versiones}
    versiones = sorted(versiones, key=_clave_version)
    if not versiones and os.environ.get("VERSIONES_EN_CURSO"):
        return "(en comprobación)"
    if not versiones:
        raise ErrorDeMacro("Ningún juego de docs/versiones.json funciona en todas las páginas.")
    return versiones[0] if len(versiones) == 1 else f"{versiones[0]} a {versiones[-1]}"


def tabla_versiones() -> str:
    paquetes = ["python", "tensorflow", "keras", "numpy", "matplotlib", "scikit-learn"]
    lineas = [
        "| Python | TensorFlow | Keras | NumPy | matplotlib | scikit-learn | Páginas con código | Resultado | Fecha |",
        "|---|---|---|---|---|---|--:|---|---|",
    ]
    for j in juegos_probados():
        bien = sum(p["bien"] for p in j["paginas"].values())
        resultado = "todas funcionan" if j["todas_bien"] else f"fallan {len(j['paginas']) - bien}"
        celdas = [j["versiones"].get(p, "") for p in paquetes]
        lineas.append(f"| {' | '.join(celdas)} | {len(j['paginas'])} | {resultado} | {j['fecha']} |")
    return "\n".join(lineas)
