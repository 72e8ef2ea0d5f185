"""Los optimizadores de Keras sobre la superficie de pérdida de la recta
(apartado 2.3).

Cada regla de actualización se escribe a mano con NumPy y las pruebas la
comparan, paso a paso, con el optimizador de Keras correspondiente (`SGD`, `SGD`
con `momentum`, `RMSprop` y `Adam`). Los caminos de la figura salen de pasos
reales de Keras (`apply_gradients`).
"""

# En la página, datos_recta y perdida_recta ya están definidas
# (snippets/gradiente.py:datos).
from snippets.gradiente import (  # noqa: F401 (ver arriba)
    datos_recta,
    perdida_recta,
)

# isort: split

# --8<-- [start:keras]
import keras
import numpy as np
import tensorflow as tf


def camino_keras(optimizador, x, y, inicio=(-1.0, 4.0), pasos=60):
    """Los pasos de un optimizador de Keras sobre la MSE de la recta w·x + b."""
    theta = tf.Variable(inicio, dtype=tf.float64)  # theta = [w, b]
    x, y = tf.constant(x, dtype=tf.float64), tf.constant(y, dtype=tf.float64)
    camino = [theta.numpy()]
    for _ in range(pasos):
        with tf.GradientTape() as cinta:
            perdida = tf.reduce_mean((theta[0] * x + theta[1] - y) ** 2)
        gradiente = cinta.gradient(perdida, theta)
        optimizador.apply_gradients([(gradiente, theta)])  # un paso
        camino.append(theta.numpy())
    return np.array(camino)


OPTIMIZADORES = {  # nombre: una función que crea el optimizador
    "SGD": lambda: keras.optimizers.SGD(learning_rate=0.1),
    "SGD con momento": lambda: keras.optimizers.SGD(
        learning_rate=0.02, momentum=0.9
    ),
    "RMSprop": lambda: keras.optimizers.RMSprop(learning_rate=0.1),
    "Adam": lambda: keras.optimizers.Adam(learning_rate=0.3),
}
# --8<-- [end:keras]


# --8<-- [start:reglas]
def gradiente_recta(theta, x, y):
    """Las derivadas de la MSE respecto a w y b, escritas a mano."""
    error = theta[0] * x + theta[1] - y
    return np.array([2 * np.mean(error * x), 2 * np.mean(error)])


def paso_sgd(theta, g, estado, tasa):
    return theta - tasa * g


def paso_momento(theta, g, estado, tasa, beta=0.9):
    v = beta * estado.get("v", 0.0) - tasa * g  # velocidad: recuerda los pasos
    estado["v"] = v
    return theta + v


def paso_rmsprop(theta, g, estado, tasa, rho=0.9, eps=1e-7):
    s = rho * estado.get("s", 0.0) + (1 - rho) * g**2  # media de g² reciente
    estado["s"] = s
    return theta - tasa * g / np.sqrt(s + eps)


def paso_adam(theta, g, estado, tasa, b1=0.9, b2=0.999, eps=1e-7):
    t = estado.get("t", 0) + 1  # número de paso, empieza en 1
    m = b1 * estado.get("m", 0.0) + (1 - b1) * g  # media de g
    v = b2 * estado.get("v", 0.0) + (1 - b2) * g**2  # media de g²
    estado.update(t=t, m=m, v=v)
    # Keras mete las correcciones de m y v en la tasa (ver la fórmula)
    tasa_t = tasa * np.sqrt(1 - b2**t) / (1 - b1**t)
    return theta - tasa_t * m / (np.sqrt(v) + eps)


def camino_a_mano(paso, x, y, inicio=(-1.0, 4.0), pasos=60, **ajustes):
    theta, estado = np.array(inicio), {}
    camino = [theta]
    for _ in range(pasos):
        theta = paso(theta, gradiente_recta(theta, x, y), estado, **ajustes)
        camino.append(theta)
    return np.array(camino)


# --8<-- [end:reglas]


if __name__ == "__main__":
    x, y = datos_recta()

    # --8<-- [start:ejemplo_keras]
    x, y = datos_recta()
    for nombre, crear in OPTIMIZADORES.items():
        camino = camino_keras(crear(), x, y)
        w, b = camino[-1]
        print(
            f"{nombre:16s} tras 60 pasos: w = {w:6.3f}, b = {b:6.3f}, "
            f"pérdida {perdida_recta(w, b, x, y):.3f}"
        )
    # --8<-- [end:ejemplo_keras]

    # --8<-- [start:ejemplo_reglas]
    adam_a_mano = camino_a_mano(paso_adam, x, y, tasa=0.3)
    adam_keras = camino_keras(keras.optimizers.Adam(learning_rate=0.3), x, y)
    print(
        "Adam, diferencia máxima a mano/Keras:",
        f"{np.abs(adam_a_mano - adam_keras).max():.1e}",
    )
    # --8<-- [end:ejemplo_reglas]

    # --8<-- [start:practica_tasas]
    x, y = datos_recta()
    for tasa in (0.001, 0.01, 0.1):  # 0.001 es la tasa por defecto de Adam
        camino = camino_keras(keras.optimizers.Adam(learning_rate=tasa), x, y)
        print(
            f"Adam con tasa {tasa}: pérdida tras 60 pasos "
            f"{perdida_recta(*camino[-1], x, y):.3f}"
        )
    # --8<-- [end:practica_tasas]

    # --8<-- [start:practica_momento]
    x, y = datos_recta()
    estado = {}
    theta = np.array([-1.0, 4.0])
    for paso in range(1, 4):
        g = gradiente_recta(theta, x, y)
        theta = paso_momento(theta, g, estado, tasa=0.02)
        print(
            f"paso {paso}: gradiente {g.round(3)}, velocidad "
            f"{estado['v'].round(3)}, theta {theta.round(3)}"
        )
    # --8<-- [end:practica_momento]
