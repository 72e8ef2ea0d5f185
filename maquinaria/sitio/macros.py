"""Macros de las páginas (mkdocs-macros): figuras y números leídos de los registros.

    {{ figura("activaciones") }}                  imagen, texto alternativo, tamaño y procedencia
    {{ dato("xor", "exactitud_test", "%", 1) }}   un número del registro, con coma decimal
                                                  (la clave se recorre por puntos: "a.b.0")
    {{ tabla_figuras() }}                         tabla de tiempos de todas las figuras

Ningún número entrenado se escribe a mano en una página: se lee aquí de docs/figuras/*.json.
"""

from __future__ import annotations

import posixpath

from .. import formato
from ..registros import disponibles, leer_registro


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
        titulo = pie or registro["titulo"]
        # La procedencia, breve y discreta: el script que la dibuja y su semilla. Los tiempos y
        # el proceso de generación están en la página de mantenimiento (figuras.md).
        script = registro["script"]
        enlace = f'<a href="{repositorio}/blob/main/{script}">{script.rsplit("/", 1)[-1]}</a>' if repositorio else script
        return (
            f'<figure class="figura-generada" markdown="span">\n'
            # La imagen enlaza a sí misma: un clic la abre a tamaño completo.
            f'[![{alt}]({ruta}){{ width="{registro["ancho"]}" height="{registro["alto"]}" loading="lazy" }}]({ruta})\n'
            f'<figcaption markdown>{titulo}. <small class="procedencia">{enlace}'
            f" · semilla {registro['semilla']}</small></figcaption>\n"
            f"</figure>\n"
        )

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
