"""Banco de pruebas: `model.fit` red a red contra las mismas redes entrenadas a la vez («apiladas»).

    .venv/bin/python -m maquinaria.bench_playground [--redes 18] [--epocas 20]

El mismo trabajo de las dos maneras: las mismas redes del Playground (mismos pesos
iniciales, mismos datos, mismas épocas, lotes de 10 sin barajar y las dos pérdidas del
Playground al final de cada época). Primero con `crear_modelo` + `model.fit`, una red
detrás de otra; después con `RedesApiladas`, todas en un solo bucle compilado. Imprime
los tiempos, el cociente y la mayor diferencia entre las pérdidas de las dos maneras.
Usa un hilo, como la herramienta de figuras.
"""

from __future__ import annotations

import argparse
import os
import sys
import time

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
os.environ.setdefault("TF_ENABLE_ONEDNN_OPTS", "0")

import keras
import numpy as np
import tensorflow as tf

from maquinaria.apilado import RedesApiladas
from snippets.playground import crear_modelo, datos_playground, entrenar

TAMANOS = [(1,), (2,), (3,), (4,), (8,), (4, 2), (8, 8), (8, 8, 8), (8,) * 6]


def configuraciones(n):
    """n redes: los tamaños de la rejilla de la página, repetidos con otra semilla."""
    return [(TAMANOS[i % len(TAMANOS)], i) for i in range(n)]


def modelos_iniciales(configs):
    modelos = []
    for capas, semilla in configs:
        keras.utils.set_random_seed(semilla)
        modelos.append(crear_modelo(capas))
    return modelos


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Compara model.fit con el entrenamiento apilado.")
    parser.add_argument("--redes", type=int, default=18, help="cuántas redes (18)")
    parser.add_argument("--epocas", type=int, default=20, help="épocas de cada red (20)")
    args = parser.parse_args(argv)
    try:
        tf.config.threading.set_intra_op_parallelism_threads(1)
        tf.config.threading.set_inter_op_parallelism_threads(1)
    except RuntimeError:
        pass

    X_ent, y_ent, X_test, y_test = datos_playground("circulo", semilla=0)
    configs = configuraciones(args.redes)
    pasos = args.redes * args.epocas * -(-len(X_ent) // 10)
    print(
        f"Trabajo: {args.redes} redes x {args.epocas} épocas x {len(X_ent)} puntos"
        f" en lotes de 10 = {pasos} pasos de SGD"
    )

    # 1) model.fit, una red detrás de otra (como lo haría el lector).
    modelos = modelos_iniciales(configs)
    inicio = time.perf_counter()
    historias = [entrenar(m, X_ent, y_ent, X_test, y_test, epocas=args.epocas) for m in modelos]
    t_fit = time.perf_counter() - inicio

    # 2) Las mismas redes, con los mismos pesos iniciales, apiladas en un solo bucle compilado.
    modelos = modelos_iniciales(configs)
    inicio = time.perf_counter()
    apiladas = RedesApiladas(modelos, X_ent, y_ent, X_test, y_test)
    ent, test = apiladas.entrenar(args.epocas)
    t_apilado = time.perf_counter() - inicio
    # Otra vez, ya compilado: el coste de entrenar sin el trazado de tf.function.
    inicio = time.perf_counter()
    apiladas.entrenar(args.epocas)
    t_sin_trazar = time.perf_counter() - inicio

    diferencia = max(np.abs(np.array(h["entrenamiento"]) - ent[:, c]).max() for c, h in enumerate(historias))
    diferencia = max(diferencia, max(np.abs(np.array(h["prueba"]) - test[:, c]).max() for c, h in enumerate(historias)))
    print(f"model.fit, red a red:       {t_fit:7.2f} s  ({1000 * t_fit / pasos:.3f} ms por paso y red)")
    print(f"apiladas (con el trazado):  {t_apilado:7.2f} s  ({1000 * t_apilado / pasos:.3f} ms por paso y red)")
    print(f"apiladas (ya compiladas):   {t_sin_trazar:7.2f} s  ({1000 * t_sin_trazar / pasos:.3f} ms por paso y red)")
    print(
        f"Cociente model.fit / apiladas: {t_fit / t_apilado:.1f} veces más rápido apilando "
        f"({t_fit / t_sin_trazar:.1f} veces sin contar el trazado)"
    )
    print(f"Mayor diferencia entre las pérdidas de las dos maneras: {diferencia:.2e}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
