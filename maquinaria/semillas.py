"""Semillas e hilos del trabajador: lo que hace que dos ejecuciones den los mismos números.

Se siembra antes de importar el script de la figura, siempre: NumPy y `random` en todas,
y Keras (con las operaciones deterministas de TensorFlow y un hilo) en las que, según su
grafo de importaciones, lo alcanzan. Ningún script necesita importar nada para provocarlo.
"""

from __future__ import annotations

import random

import numpy as np


def sembrar(semilla: int, keras_tambien: bool) -> None:
    random.seed(semilla)
    np.random.seed(semilla)
    if not keras_tambien:
        return
    import keras
    import tensorflow as tf

    try:  # un hilo por figura: el resultado no depende de cuántas corren a la vez
        tf.config.threading.set_intra_op_parallelism_threads(1)
        tf.config.threading.set_inter_op_parallelism_threads(1)
    except RuntimeError:
        pass  # ya inicializado: las variables de entorno del padre lo han fijado
    keras.utils.set_random_seed(semilla)
    tf.config.experimental.enable_op_determinism()
