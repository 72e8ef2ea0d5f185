"""Gradiente descendiente y retropropagación (apartado 2.3).

El descenso se hace con gradientes reales de `tf.GradientTape` sobre la pérdida
de una regresión lineal con dos parámetros (w, b), cuya superficie se puede
dibujar. La retropropagación se escribe a mano, con la regla de la cadena, para
una red pequeña, y las pruebas comparan sus gradientes con los de GradientTape.
"""

# Cada sección de la página importa lo que usa, justo donde empieza a usarlo.
# ruff: noqa: E402

# Las figuras y las pruebas importan la red del 2.1; en la página, esas
# funciones ya están definidas porque se incluyen las secciones de
# snippets/densas.py antes de la de lotes.
from snippets.densas import cargar_digitos, compilar, crear_modelo

# isort: split

# --8<-- [start:datos]
import numpy as np
import tensorflow as tf


def datos_recta(n=50, semilla=0):
    """Puntos alrededor de la recta y = 2x - 1, con un poco de ruido."""
    rng = np.random.default_rng(semilla)
    x = rng.uniform(0, 4, n)
    y = 2 * x - 1 + rng.normal(0, 0.5, n)
    return x, y


def perdida_recta(w, b, x, y):
    """MSE del modelo y_pred = w·x + b. w y b pueden ser números o rejillas de
    valores."""
    w, b = (
        np.asarray(w, dtype=float)[..., None],
        np.asarray(b, dtype=float)[..., None],
    )
    return np.mean((w * x + b - y) ** 2, axis=-1)


# --8<-- [end:datos]


# --8<-- [start:descenso]
def descenso_gradiente(x, y, inicio, tasa, pasos):
    """Devuelve el camino [(w, b), ...] de `pasos` pasos de gradiente
    descendiente."""
    w = tf.Variable(float(inicio[0]), dtype=tf.float64)
    b = tf.Variable(float(inicio[1]), dtype=tf.float64)
    x, y = tf.constant(x, dtype=tf.float64), tf.constant(y, dtype=tf.float64)
    camino = [(w.numpy(), b.numpy())]
    for _ in range(pasos):
        with tf.GradientTape() as cinta:
            perdida = tf.reduce_mean((w * x + b - y) ** 2)
        dw, db = cinta.gradient(
            perdida, [w, b]
        )  # derivadas parciales en el punto actual
        w.assign_sub(tasa * dw)  # un paso en contra del gradiente
        b.assign_sub(tasa * db)
        camino.append((w.numpy(), b.numpy()))
    return np.array(camino)


# --8<-- [end:descenso]


# --8<-- [start:red]
def sigmoide(z):
    return 1 / (1 + np.exp(-z))


def hacia_delante(X, W1, b1, W2, b2):
    """Red 2-3-1: capa oculta sigmoide, salida sigmoide. Devuelve lo que
    necesita la vuelta."""
    z1 = X @ W1 + b1
    a1 = sigmoide(z1)
    z2 = a1 @ W2 + b2
    p = sigmoide(z2)
    return z1, a1, z2, p


def perdida_red(y, p):
    """Entropía cruzada binaria media."""
    return -np.mean(y * np.log(p) + (1 - y) * np.log(1 - p))


def red_de_ejemplo(semilla=0):
    """Cuatro ejemplos, dos entradas y pesos pequeños al azar para la red
    2-3-1."""
    rng = np.random.default_rng(semilla)
    X = rng.normal(size=(4, 2))
    y = np.array([[1.0], [0.0], [1.0], [0.0]])
    W1, b1 = rng.normal(0, 0.5, (2, 3)), np.zeros(3)
    W2, b2 = rng.normal(0, 0.5, (3, 1)), np.zeros(1)
    return X, y, W1, b1, W2, b2


# --8<-- [end:red]


# --8<-- [start:retro]
def retropropagacion(X, y, W1, b1, W2, b2):
    """Gradientes de la pérdida respecto a W1, b1, W2 y b2, con la regla de la
    cadena."""
    n = len(X)
    z1, a1, z2, p = hacia_delante(X, W1, b1, W2, b2)
    # Salida: con sigmoide y entropía cruzada, dL/dz2 se simplifica a (p - y) /
    # n
    dz2 = (p - y) / n
    dW2 = a1.T @ dz2  # z2 = a1·W2 + b2
    db2 = dz2.sum(axis=0)
    # Hacia atrás a la capa oculta: primero a1, después z1 (derivada de la
    # sigmoide)
    da1 = dz2 @ W2.T
    dz1 = da1 * a1 * (1 - a1)
    dW1 = X.T @ dz1  # z1 = X·W1 + b1
    db1 = dz1.sum(axis=0)
    return dW1, db1, dW2, db2


# --8<-- [end:retro]


# --8<-- [start:lotes]
import time

import keras


class Medidor(keras.callbacks.Callback):
    """Al final de cada época: sus segundos, la pérdida con TODOS los datos de
    entrenamiento y la exactitud de validación, calculadas después de parar el
    reloj."""

    def __init__(self, X, y, X_val, y_val):
        super().__init__()
        self.X, self.y, self.X_val, self.y_val = X, y, X_val, y_val

    def on_epoch_begin(self, epoca, logs=None):
        self.inicio = time.perf_counter()

    def on_epoch_end(self, epoca, logs=None):
        logs["segundos"] = time.perf_counter() - self.inicio
        probs = self.model(self.X, training=False)
        logs["perdida_completa"] = float(
            np.mean(keras.losses.sparse_categorical_crossentropy(self.y, probs))
        )
        aciertos = (
            np.argmax(self.model(self.X_val, training=False), axis=1)
            == self.y_val
        )
        logs["exactitud_val"] = float(np.mean(aciertos))


def entrenar_con_lote(lote, epocas=30, tasa=0.1, semilla=0):
    """La red de los dígitos con SGD y lotes de `lote` ejemplos: un paso por
    lote."""
    X_ent, X_test, y_ent, y_test = cargar_digitos(semilla)
    n = int(len(X_ent) * 0.8)  # el mismo reparto que validation_split=0.2
    X, y, X_val, y_val = X_ent[:n], y_ent[:n], X_ent[n:], y_ent[n:]
    keras.utils.set_random_seed(semilla)
    modelo = compilar(crear_modelo(), tasa)
    historial = modelo.fit(
        X,
        y,
        epochs=epocas,
        batch_size=lote,
        verbose=0,
        callbacks=[Medidor(X, y, X_val, y_val)],
    )
    return historial.history


# --8<-- [end:lotes]


if __name__ == "__main__":
    # --8<-- [start:ejemplo_descenso]
    x, y = datos_recta()
    camino = descenso_gradiente(x, y, inicio=(-1.0, 4.0), tasa=0.1, pasos=200)
    w, b = camino[-1]
    print(
        f"tras 200 pasos: w = {w:.3f}, b = {b:.3f}, "
        f"pérdida {perdida_recta(w, b, x, y):.4f}"
    )
    print(
        "mínimos cuadrados:", np.polyfit(x, y, 1).round(3)
    )  # la solución exacta: [w, b]
    # --8<-- [end:ejemplo_descenso]

    # --8<-- [start:ejemplo_lotes]
    n = int(len(cargar_digitos()[0]) * 0.8)  # ejemplos que quedan para entrenar
    for lote in (
        n,
        32,
    ):  # lote completo (gradiente descendiente clásico) y minilotes
        h = entrenar_con_lote(lote, epocas=10)
        pasos = 10 * int(np.ceil(n / lote))
        # Sus segundos por época, h["segundos"], dependen de la máquina (y de
        # qué más hace): la figura de abajo los compara en la nuestra.
        print(
            f"lote {lote:4d}: {pasos:3d} pasos, "
            f"pérdida {h['perdida_completa'][-1]:.3f}, "
            f"exactitud de validación {h['exactitud_val'][-1]:.3f}"
        )
    # --8<-- [end:ejemplo_lotes]

    # --8<-- [start:ejemplo_retro]
    entradas, etiquetas, W1, b1, W2, b2 = red_de_ejemplo()
    a_mano = retropropagacion(entradas, etiquetas, W1, b1, W2, b2)

    # Lo mismo con operaciones de TensorFlow: GradientTape hace la regla de la
    # cadena solo
    pesos = [tf.Variable(v) for v in (W1, b1, W2, b2)]
    with tf.GradientTape() as cinta:
        p = tf.sigmoid(
            tf.sigmoid(entradas @ pesos[0] + pesos[1]) @ pesos[2] + pesos[3]
        )
        perdida = -tf.reduce_mean(
            etiquetas * tf.math.log(p) + (1 - etiquetas) * tf.math.log(1 - p)
        )
    con_cinta = cinta.gradient(perdida, pesos)
    for nombre, g1, g2 in zip(["W1", "b1", "W2", "b2"], a_mano, con_cinta):
        print(nombre, "diferencia máxima:", np.abs(g1 - g2.numpy()).max())
    # --8<-- [end:ejemplo_retro]

    # --8<-- [start:practica_divergencia]
    for tasa in (0.14, 0.16):
        camino = descenso_gradiente(
            x, y, inicio=(-1.0, 4.0), tasa=tasa, pasos=60
        )
        print(
            f"tasa {tasa}: "
            f"pérdida inicial {perdida_recta(*camino[0], x, y):.2f}, "
            f"tras 60 pasos {perdida_recta(*camino[-1], x, y):.2f}"
        )
    # --8<-- [end:practica_divergencia]

    # --8<-- [start:practica_cinta]
    w = tf.Variable(0.0)
    with tf.GradientTape() as cinta:
        f = (w - 3) ** 2
    print("f'(0) =", float(cinta.gradient(f, w)))  # 2·(0 - 3) = -6
    for _ in range(50):
        with tf.GradientTape() as cinta:
            f = (w - 3) ** 2
        w.assign_sub(0.1 * cinta.gradient(f, w))
    print("w tras 50 pasos:", float(w))  # muy cerca de 3, el mínimo
    # --8<-- [end:practica_cinta]

    # --8<-- [start:practica_diferencias]
    h = 1e-6
    W1_mas, W1_menos = W1.copy(), W1.copy()
    W1_mas[0, 1] += h
    W1_menos[0, 1] -= h
    L_mas = perdida_red(
        etiquetas, hacia_delante(entradas, W1_mas, b1, W2, b2)[3]
    )
    L_menos = perdida_red(
        etiquetas, hacia_delante(entradas, W1_menos, b1, W2, b2)[3]
    )
    print("diferencias finitas:", (L_mas - L_menos) / (2 * h))
    print("retropropagación   :", a_mano[0][0, 1])
    # --8<-- [end:practica_diferencias]
