"""Genera una figura en un proceso propio: `python -m maquinaria.trabajador NOMBRE`.

El proceso padre (python -m maquinaria) pone el límite de tiempo y los hilos; aquí se fijan
las semillas, se calcula (o se lee de la caché de cálculo), se dibuja y se escriben imagen
y registro de forma atómica: primero la imagen, después el registro con la clave nueva,
de modo que una interrupción entre ambos deja la figura marcada como desactualizada.
"""

from __future__ import annotations

import importlib.util
import io
import os
import pickle
import random
import sys
import time
from pathlib import Path

import numpy as np

from . import estilo
from .claves import RAIZ, ErrorDeFigura, calcular_claves
from .registros import CACHE, CUADERNOS, escribir_atomico, guardar_registro, procedencia, salida_de, script_de, tipo_de


def cargar(nombre: str):
    ruta = script_de(nombre)
    especificacion = importlib.util.spec_from_file_location(f"figura_{nombre}", ruta)
    modulo = importlib.util.module_from_spec(especificacion)
    especificacion.loader.exec_module(modulo)
    for funcion in ("calcular", "dibujar"):
        if not callable(getattr(modulo, funcion, None)):
            raise ErrorDeFigura(f"{ruta.relative_to(RAIZ)} no define la función «{funcion}()».")
    return modulo


def fijar_semillas(semilla: int) -> None:
    random.seed(semilla)
    np.random.seed(semilla)
    if "keras" in sys.modules or "tensorflow" in sys.modules:
        import keras
        import tensorflow as tf

        keras.utils.set_random_seed(semilla)
        tf.config.experimental.enable_op_determinism()


def limitar_hilos() -> None:
    # Un hilo por figura: el resultado no depende de cuántas figuras corren a la vez.
    if "tensorflow" in sys.modules:
        import tensorflow as tf

        try:
            tf.config.threading.set_intra_op_parallelism_threads(1)
            tf.config.threading.set_inter_op_parallelism_threads(1)
        except RuntimeError:
            pass  # ya inicializado: las variables de entorno del padre lo han fijado


def _a_json(valor):
    """Convierte escalares y arrays de NumPy a tipos de JSON."""
    if isinstance(valor, dict):
        return {str(k): _a_json(v) for k, v in valor.items()}
    if isinstance(valor, (list, tuple)):
        return [_a_json(v) for v in valor]
    if isinstance(valor, np.ndarray):
        return _a_json(valor.tolist())
    if isinstance(valor, np.generic):
        return valor.item()
    return valor


def calcular(nombre: str, modulo, claves) -> tuple[dict, float]:
    """Resultados del cálculo, leídos de la caché si su clave coincide."""
    cache = CACHE / f"{nombre}.pkl"
    if cache.exists() and not os.environ.get("FIGURAS_RECALCULAR"):
        try:
            guardado = pickle.loads(cache.read_bytes())
            if guardado["clave_calculo"] == claves.calculo:
                return guardado["resultados"], guardado["segundos"]
        except Exception:  # caché dañada: se recalcula
            pass
    semilla = claves.semilla if claves.semilla is not None else 0
    limitar_hilos()
    fijar_semillas(semilla)
    inicio = time.perf_counter()
    resultados = modulo.calcular()
    segundos = time.perf_counter() - inicio
    if not isinstance(resultados, dict):
        raise ErrorDeFigura(f"calcular() de «{nombre}» debe devolver un diccionario.")
    guardado = {"clave_calculo": claves.calculo, "resultados": resultados, "segundos": segundos}
    escribir_atomico(cache, pickle.dumps(guardado, protocol=pickle.HIGHEST_PROTOCOL))
    return resultados, segundos


def png_determinista(figura) -> tuple[bytes, int, int]:
    """PNG sin marcas de fecha ni de software, con paleta de 256 colores para que pese poco."""
    from PIL import Image

    bruto = io.BytesIO()
    figura.savefig(bruto, format="png", metadata={"Software": None})
    imagen = Image.open(bruto).convert("RGB")
    paleta = imagen.quantize(colors=256, dither=Image.Dither.NONE)
    salida = io.BytesIO()
    paleta.save(salida, format="PNG", optimize=True)
    return salida.getvalue(), imagen.width, imagen.height


def generar(nombre: str) -> None:
    if tipo_de(nombre) is CUADERNOS:
        from .cuadernos import ejecutar_cuaderno

        return ejecutar_cuaderno(nombre)
    claves = calcular_claves(script_de(nombre))
    modulo = cargar(nombre)
    resultados, segundos_calculo = calcular(nombre, modulo, claves)

    import matplotlib.pyplot as plt

    estilo.aplicar()
    inicio = time.perf_counter()
    salida = modulo.dibujar(resultados)
    if not (isinstance(salida, tuple) and len(salida) == 2 and isinstance(salida[1], str) and salida[1].strip()):
        raise ErrorDeFigura(f"dibujar() de «{nombre}» debe devolver (figura, texto_alternativo).")
    figura, alt = salida
    png, ancho, alto = png_determinista(figura)
    plt.close("all")
    segundos_dibujo = time.perf_counter() - inicio

    documentacion = (modulo.__doc__ or nombre).strip().splitlines()
    escribir_atomico(salida_de(nombre), png)
    guardar_registro(
        nombre,
        {
            **procedencia(nombre, claves),
            "titulo": documentacion[0].rstrip("."),
            "imagen": f"{nombre}.png",
            "ancho": ancho,
            "alto": alto,
            "bytes": len(png),
            "alt": " ".join(alt.split()),
            "segundos_calculo": round(segundos_calculo, 2),
            "segundos_dibujo": round(segundos_dibujo, 2),
            "metricas": _a_json(resultados.get("metricas", {})),
        },
    )


if __name__ == "__main__":
    try:
        generar(sys.argv[1])
    except ErrorDeFigura as error:
        print(f"error: {error}", file=sys.stderr)
        sys.exit(2)
