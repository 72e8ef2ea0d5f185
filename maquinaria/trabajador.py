"""Genera un producto en un proceso propio: `python -m maquinaria.trabajador NOMBRE`.

El proceso padre (`python -m maquinaria`) pone el límite de tiempo y los hilos; aquí se
siembra (antes de importar el script), se calcula (o se lee de la caché de cálculo), se
dibuja dos veces (la figura ancha y la estrecha, para el móvil, de los mismos resultados) y
se escriben las imágenes y el registro: primero se prepara todo, después las dos imágenes y
por último el registro con la clave nueva, de modo que un fallo no deja nada a medias y una
interrupción entre medias deja la figura marcada como desactualizada.
"""

from __future__ import annotations

import importlib.util
import os
import pickle
import sys
import time

from .claves import ErrorDeFigura, relativa
from .registros import CALCULOS, CUADERNOS, SALIDAS, Producto, escribir_atomico, guardar, procedencia, producto
from .semillas import sembrar


def cargar(quien: Producto, funciones=("calcular", "dibujar")):
    ruta = quien.fuente
    especificacion = importlib.util.spec_from_file_location(f"figura_{quien.nombre}", ruta)
    modulo = importlib.util.module_from_spec(especificacion)
    especificacion.loader.exec_module(modulo)
    for funcion in funciones:
        if not callable(getattr(modulo, funcion, None)):
            raise ErrorDeFigura(f"{relativa(ruta)} no define la función «{funcion}()».")
    return modulo


def a_json(valor):
    """Convierte escalares y arrays de NumPy a tipos de JSON."""
    import numpy as np

    if isinstance(valor, dict):
        return {str(k): a_json(v) for k, v in valor.items()}
    if isinstance(valor, (list, tuple)):
        return [a_json(v) for v in valor]
    if isinstance(valor, np.ndarray):
        return a_json(valor.tolist())
    if isinstance(valor, np.generic):
        return valor.item()
    return valor


def calcular(quien: Producto, claves, modulo) -> tuple[dict, float]:
    """Resultados del cálculo (de esta figura o de la que declara en CALCULO_DE), con caché por clave."""
    from .claves import constantes

    proveedor = constantes(quien.fuente).get("CALCULO_DE")
    origen = producto(proveedor) if proveedor else quien
    cache = CALCULOS / f"{origen.nombre}.pkl"
    # --forzar recalcula, salvo lo que ya recalculó esta misma ejecución (un cálculo compartido).
    ejecucion = os.environ.get("MAQUINARIA_EJECUCION", "")
    if cache.exists():
        try:
            guardado = pickle.loads(cache.read_bytes())
            reciente = guardado.get("ejecucion") == ejecucion and ejecucion
            if guardado["clave_calculo"] == claves.calculo and (
                reciente or not os.environ.get("MAQUINARIA_RECALCULAR")
            ):
                return guardado["resultados"], guardado["segundos"]
        except Exception:  # caché dañada: se recalcula
            pass
    if origen is not quien:
        modulo = cargar(origen, ("calcular",))
    inicio = time.perf_counter()
    resultados = modulo.calcular()
    segundos = time.perf_counter() - inicio
    if not isinstance(resultados, dict):
        raise ErrorDeFigura(f"calcular() de «{origen.nombre}» debe devolver un diccionario.")
    guardado = {"clave_calculo": claves.calculo, "resultados": resultados, "segundos": segundos, "ejecucion": ejecucion}
    escribir_atomico(cache, pickle.dumps(guardado, protocol=pickle.HIGHEST_PROTOCOL))
    return resultados, segundos


def generar_figura(quien: Producto) -> None:
    from .claves import constantes

    claves = quien.claves()
    # La siembra va antes de importar el script: nada depende de qué importó primero.
    sembrar(claves.semilla if claves.semilla is not None else 0, claves.usa_keras)
    valores = constantes(quien.fuente)
    comparte = bool(valores.get("CALCULO_DE"))
    modulo = cargar(quien, ("dibujar",) if comparte else ("calcular", "dibujar"))
    resultados, segundos_calculo = calcular(quien, claves, modulo)

    import inspect

    import matplotlib.pyplot as plt

    from . import estilo
    from .imagen import png_determinista

    if "estrecha" not in inspect.signature(modulo.dibujar).parameters:
        raise ErrorDeFigura(
            f"dibujar() de «{quien.nombre}» debe aceptar «estrecha»: cada figura tiene su versión para el móvil."
        )
    inicio = time.perf_counter()
    imagenes, alt = {}, None
    # Dos dibujos de los mismos resultados: el ancho (portátil) y el estrecho (móvil).
    for estrecha in (False, True):
        estilo.aplicar(estrecha)
        salida = modulo.dibujar(resultados, estrecha=estrecha)
        if not (isinstance(salida, tuple) and len(salida) == 2 and isinstance(salida[1], str) and salida[1].strip()):
            raise ErrorDeFigura(f"dibujar() de «{quien.nombre}» debe devolver (figura, texto_alternativo).")
        figura, texto = salida
        alt = alt or texto  # el texto alternativo es el del dibujo ancho: el mismo para las dos
        imagenes[estrecha] = png_determinista(figura, estilo.PPP_ESTRECHA if estrecha else estilo.PPP)
        plt.close("all")
    segundos_dibujo = time.perf_counter() - inicio
    png, ancho, alto, texto_px = imagenes[False]
    png_estrecha, ancho_estrecha, alto_estrecha, texto_px_estrecha = imagenes[True]

    # El pie es el primer párrafo del docstring (puede ocupar varias líneas).
    primer_parrafo = (modulo.__doc__ or quien.nombre).strip().split("\n\n")[0]
    registro = {
        **procedencia(quien, claves),
        "clave_calculo": claves.calculo,
        "titulo": " ".join(primer_parrafo.split()).rstrip("."),
        "imagen": f"{quien.nombre}.png",
        "ancho": ancho,
        "alto": alto,
        "bytes": len(png),
        "texto_px": texto_px,  # el texto más pequeño dibujado, en píxeles de la imagen
        "estrecha": {
            "imagen": quien.salida_estrecha.name,
            "ancho": ancho_estrecha,
            "alto": alto_estrecha,
            "bytes": len(png_estrecha),
            "texto_px": texto_px_estrecha,
        },
        "alt": " ".join(alt.split()),
        "segundos_calculo": round(segundos_calculo, 2),
        "segundos_dibujo": round(segundos_dibujo, 2),
        # METRICAS: la parte de un cálculo compartido que es de esta figura.
        "metricas": a_json(
            (resultados[valores["METRICAS"]] if "METRICAS" in valores else resultados).get("metricas", {})
        ),
    }
    guardar(quien, registro, png, {quien.salida_estrecha: png_estrecha})


def generar(nombre: str) -> None:
    quien = producto(nombre)
    if quien.tipo is CUADERNOS:
        from .cuadernos import ejecutar_cuaderno

        return ejecutar_cuaderno(quien)
    if quien.tipo is SALIDAS:
        from .salidas import ejecutar_pagina

        return ejecutar_pagina(quien)
    return generar_figura(quien)


def principal(nombre: str) -> int:
    """Genera `nombre`; 0 si bien, 2 con un error explicado (el mensaje, en la salida de errores)."""
    try:
        generar(nombre)
    except ErrorDeFigura as error:
        print(error, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(principal(sys.argv[1]))
