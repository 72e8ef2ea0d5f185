"""Macros de las páginas (mkdocs-macros): figuras y números leídos de los registros.

    {{ figura("activaciones") }}                  imagen (ancha y, en el móvil, estrecha), texto
                                                  alternativo, tamaño y procedencia
    {{ dato("xor", "exactitud_test", "%", 1) }}   un número del registro, con coma decimal
                                                  (la clave se recorre por puntos: "a.b.0")
    {{ tabla_figuras() }}                         tabla de tiempos de todas las figuras
    {{ playground("playground_ratio", "70 %") }}  enlace «Abrir en el Playground» con la
                                                  configuración de Keras de esa variante
    {{ versiones_probadas() }}                    tabla de docs/versiones.json (maquinaria.versiones)
    {{ rango_probado("keras") }}                  «3.8.0 a 3.15.1»: de los juegos en que todo funciona

Ningún número entrenado se escribe a mano en una página: se lee aquí de docs/figuras/*.json.
"""

from __future__ import annotations

import html
import json
import os
import posixpath

from .. import enlaces_playground
from .. import formato as formato_mod
from ..registros import leer_registro, productos
from ..versiones import REGISTRO as REGISTRO_VERSIONES
from . import comprobado

# Hasta este ancho de ventana se sirve la figura estrecha: con la ancha (unos 1 040 px
# mostrados en la columna), la letra de 9 puntos baja de 9 px CSS por debajo de unos 720 px.
# Solo en pantalla: al imprimir (el PDF sale de imprimir/) va la ancha, y la página de
# imprimir no reescribe la ruta del srcset (mkdocs-print-site solo reescribe los src de <img>).
MEDIA_ESTRECHA = "screen and (max-width: 720px)"


class ErrorDeMacro(Exception):
    pass


def _registro(nombre: str) -> dict:
    registro = leer_registro(nombre)
    if registro is None:
        raise ErrorDeMacro(
            f"La figura «{nombre}» no tiene registro en docs/figuras/. Genérala con «python -m maquinaria {nombre}»."
        )
    return registro


def numero(valor, decimales: int | None = None) -> str:
    """Como formato.numero, pero un decimal sin precisión fijada se escribe con tres."""
    if isinstance(valor, float) and decimales is None:
        decimales = 3
    return formato_mod.numero(valor, decimales)


def define_env(env):
    repositorio = (env.conf.get("repo_url") or "").rstrip("/")
    comprobado.registrar(env, repositorio)

    def enlace_script(ruta: str, texto: str | None = None) -> str:
        texto = texto or ruta
        return f"[`{texto}`]({repositorio}/blob/main/{ruta})" if repositorio else f"`{texto}`"

    def metrica(nombre: str, clave: str):
        valor = _registro(nombre).get("metricas", {})
        try:
            for parte in clave.split("."):
                valor = valor[int(parte)] if isinstance(valor, list) else valor[parte]
        except (KeyError, IndexError, ValueError, TypeError):
            raise ErrorDeMacro(f"El registro de «{nombre}» no tiene la métrica «{clave}».") from None
        return valor

    @env.macro
    def dato(nombre: str, clave: str, formato: str = "", decimales: int | None = None) -> str:
        """Un número del registro. Si el registro guarda otra cosa (un texto), la construcción falla."""
        valor = metrica(nombre, clave)
        if isinstance(valor, bool) or not isinstance(valor, (int, float)):
            raise ErrorDeMacro(
                f"La métrica «{clave}» de «{nombre}» debería ser un número y es {valor!r:.60}: "
                "¿se editó el registro a mano? Regenéralo."
            )
        if formato == "%":
            return formato_mod.porcentaje(valor, 1 if decimales is None else decimales).replace("\u00a0", " ")
        return numero(valor, decimales)

    @env.macro
    def texto(nombre: str, clave: str) -> str:
        """Un texto del registro elegido por el cálculo (un veredicto: «empate», «mejor»...)."""
        valor = metrica(nombre, clave)
        if not isinstance(valor, str):
            raise ErrorDeMacro(f"La métrica «{clave}» de «{nombre}» debería ser un texto y es {valor!r:.60}.")
        return valor

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
        enlace = (
            f'<a href="{repositorio}/blob/main/{script}">{script.rsplit("/", 1)[-1]}</a>' if repositorio else script
        )
        # En pantallas estrechas (un móvil), la figura dibujada para ellas: los paneles apilados
        # y la letra a su medida. La imagen y el enlace van en Markdown (MkDocs comprueba y
        # reescribe su ruta); el srcset de <source> es HTML: su ruta se calcula desde la URL
        # de la página publicada.
        estrecha = registro["estrecha"]
        url = env.page.url or "./"
        carpeta = url if url.endswith("/") else posixpath.dirname(url) or "."
        srcset = html.escape(posixpath.relpath(f"figuras/{estrecha['imagen']}", carpeta), quote=True)
        fuente = f'<source media="{MEDIA_ESTRECHA}" srcset="{srcset}" width="{estrecha["ancho"]}" height="{estrecha["alto"]}">'
        return (
            f'<figure class="figura-generada" markdown="span">\n'
            # La imagen enlaza a sí misma: un clic la abre a tamaño completo.
            f"[<picture>{fuente}"
            f'![{alt}]({ruta}){{ width="{registro["ancho"]}" height="{registro["alto"]}" loading="lazy" }}'
            f"</picture>]({ruta})\n"
            f'<figcaption markdown>{titulo}. <small class="procedencia">{enlace}'
            f" · semilla {registro['semilla']}</small></figcaption>\n"
            f"</figure>\n"
        )

    env.macro(tabla_versiones, "versiones_probadas")
    env.macro(rango_probado)

    @env.macro
    def lista(nombre: str, clave: str) -> str:
        """Una lista de texto del registro en español: «a, b y c»."""
        valor = _registro(nombre).get("metricas", {})
        for parte in clave.split("."):
            if not isinstance(valor, dict) or parte not in valor:
                raise ErrorDeMacro(f"El registro de «{nombre}» no tiene la métrica «{clave}».")
            valor = valor[parte]
        elementos = [str(v) for v in valor]
        return elementos[0] if len(elementos) == 1 else ", ".join(elementos[:-1]) + " y " + elementos[-1]

    @env.macro
    def playground(nombre: str, variante: str, texto: str = "Abrir en el Playground") -> str:
        """Enlace al Playground con la configuración que entrenó Keras (la del registro)."""
        configuraciones = _registro(nombre).get("metricas", {}).get("configuraciones", {})
        if variante not in configuraciones:
            raise ErrorDeMacro(f"El registro de «{nombre}» no tiene la configuración «{variante}».")
        config = configuraciones[variante]
        url = enlaces_playground.enlace(config)
        atributos = (
            f'.enlace-playground target="_blank" rel="noopener" data-figura="{nombre}" data-variante="{variante}"'
        )
        return (
            f"[{texto}]({url}){{ {atributos} }} "
            f'<small class="config-playground">{enlaces_playground.describir(config)}</small>'
        )

    @env.macro
    def tabla_figuras() -> str:
        """Los segundos que tardó cada producto la última vez que cambió su resultado."""
        filas = []
        for nombre, quien in productos().items():
            r = leer_registro(nombre, quien)
            if r is None:  # sin generar: el hook al_dia ya lo avisa (y --strict falla)
                continue
            calculo = r.get("segundos_calculo", r.get("segundos", 0.0))
            dibujo = r.get("segundos_dibujo", 0.0)
            filas.append((calculo + dibujo, nombre, quien.tipo.nombre, r, calculo, dibujo))
        filas.sort(key=lambda f: (-f[0], f[1]))
        lineas = [
            "| Producto | Tipo | Fuente | Semilla | Cálculo (s) | Dibujo (s) | Total (s) |",
            "|---|---|---|--:|--:|--:|--:|",
        ]
        for total, nombre, tipo, r, calculo, dibujo in filas:
            semilla = "" if r["semilla"] is None else r["semilla"]
            fuente = enlace_script(r["script"], r["script"].rsplit("/", 1)[-1])
            lineas.append(
                f"| {nombre} | {tipo} | {fuente} | {semilla} | {numero(calculo, 1)}"
                f" | {numero(dibujo, 1)} | {numero(total, 1)} |"
            )
        lineas.append(f"| **Suma** | | | | | | **{numero(sum(f[0] for f in filas), 1)}** |")
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
