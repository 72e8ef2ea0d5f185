"""Cómo ejecutar el código: comprobar qué versiones tienes instaladas."""

# --8<-- [start:versiones]
import platform

import keras
import numpy as np
import tensorflow as tf

print("Python:    ", platform.python_version())
print("TensorFlow:", tf.__version__)
print("Keras:     ", keras.__version__)  # 3.x: el código del sitio es Keras 3
print("NumPy:     ", np.__version__)
print("Motor de Keras:", keras.backend.backend())  # tensorflow
# --8<-- [end:versiones]
