"""El código de MNIST de la página, ejecutado contra un mnist.npz pequeño que escribe la prueba.

`keras.datasets.mnist.load_data()` busca `datasets/mnist.npz` en la carpeta de Keras
(`$KERAS_HOME`, o `~/.keras`), comprueba su huella SHA-256 y, si falta o no coincide, lo
descarga. Aquí no hay red, así que la prueba:

* escribe en una carpeta temporal un `mnist.npz` con el formato de MNIST (claves
  `x_train`, `y_train`, `x_test`, `y_test`; imágenes uint8 de 28x28 con valores 0-255) hecho
  con los dígitos reales de scikit-learn ampliados de 8x8 a 28x28;
* apunta la carpeta de Keras allí (lo mismo que hace la variable KERAS_HOME al importar Keras);
* sustituye la huella esperada de MNIST por la huella real de ese fichero, de modo que la
  comprobación de integridad se sigue haciendo, y
* convierte cualquier intento de descarga en un error.

Todo lo demás (`load_data`, `get_file`, `np.load`, el modelo) es el código sin tocar.
"""

from __future__ import annotations

import hashlib

import numpy as np
import pytest
from keras.src.backend import config
from keras.src.utils import file_utils
from sklearn.datasets import load_digits

from snippets import mnist


class DescargaProhibida(RuntimeError):
    pass


def _sin_red(origen, destino, *args, **kwargs):
    raise DescargaProhibida(f"la prueba no descarga nada: {origen}")


def escribir_mnist_pequeno(ruta):
    digitos = load_digits()
    # 8x8 con valores 0-16 -> 24x24 (cada píxel, 3x3) -> 28x28 con un marco de 2, valores 0-255
    grandes = np.kron(digitos.images, np.ones((3, 3)))
    imagenes = np.pad(grandes, ((0, 0), (2, 2), (2, 2)))
    imagenes = np.round(imagenes * 255 / 16).astype(np.uint8)
    etiquetas = digitos.target.astype(np.uint8)
    np.savez(ruta, x_train=imagenes[:1500], y_train=etiquetas[:1500], x_test=imagenes[1500:], y_test=etiquetas[1500:])
    return imagenes, etiquetas


@pytest.fixture
def keras_home(tmp_path, monkeypatch):
    (tmp_path / "datasets").mkdir()
    monkeypatch.setattr(config, "_KERAS_DIR", str(tmp_path))
    monkeypatch.setattr(file_utils, "urlretrieve", _sin_red)
    return tmp_path


@pytest.fixture
def mnist_pequeno(keras_home, monkeypatch):
    fichero = keras_home / "datasets" / "mnist.npz"
    imagenes, etiquetas = escribir_mnist_pequeno(fichero)
    huella = hashlib.sha256(fichero.read_bytes()).hexdigest()
    validar = file_utils.validate_file
    pedidas = []

    def validar_contra_nuestro_fichero(fpath, file_hash, algorithm="auto", chunk_size=65535):
        pedidas.append(file_hash)
        return validar(fpath, huella, algorithm, chunk_size)  # se comprueba de verdad, con la huella de este fichero

    monkeypatch.setattr(file_utils, "validate_file", validar_contra_nuestro_fichero)
    return imagenes, etiquetas, pedidas


def test_sin_la_huella_correcta_keras_rechaza_el_fichero_e_intenta_descargar(keras_home):
    escribir_mnist_pequeno(keras_home / "datasets" / "mnist.npz")
    with pytest.raises(DescargaProhibida, match="mnist.npz"):
        mnist.cargar_mnist()


def test_cargar_mnist_lee_el_fichero_y_aplana_las_imagenes(mnist_pequeno):
    imagenes, etiquetas, pedidas = mnist_pequeno
    (x_ent, y_ent), (x_test, y_test) = mnist.cargar_mnist()
    assert len(pedidas) == 1 and len(pedidas[0]) == 64  # Keras pidió comprobar una huella SHA-256
    assert x_ent.shape == (1500, 784) and x_test.shape == (297, 784)
    assert x_ent.dtype == np.float32 and x_ent.min() == 0.0 and x_ent.max() == 1.0
    np.testing.assert_array_equal(y_ent, etiquetas[:1500])
    np.testing.assert_allclose(x_test[0].reshape(28, 28), imagenes[1500] / 255.0, rtol=1e-6)


def test_entrenar_mnist_aprende(mnist_pequeno):
    import keras

    keras.utils.set_random_seed(0)
    modelo = mnist.entrenar_mnist(epocas=3)
    assert modelo.count_params() == (784 * 64 + 64) + (64 * 10 + 10) == 50890
    _, (x_test, y_test) = mnist.cargar_mnist()
    _, exactitud = modelo.evaluate(x_test, y_test, verbose=0)
    assert exactitud > 0.85


def test_keras_home_decide_la_carpeta(tmp_path):
    import os
    import subprocess
    import sys

    entorno = {**os.environ, "KERAS_HOME": str(tmp_path), "TF_CPP_MIN_LOG_LEVEL": "3"}
    codigo = "from keras.src.backend import config; print(config.keras_home())"
    salida = subprocess.run([sys.executable, "-c", codigo], env=entorno, capture_output=True, text=True, check=True)
    assert salida.stdout.strip().splitlines()[-1] == str(tmp_path)
