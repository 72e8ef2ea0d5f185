"""Funciones de activación y sus derivadas con NumPy (apartado 1.4)."""

# --8<-- [start:funciones]
import numpy as np


def identidad(x):
    return np.asarray(x, dtype=float)


def escalon(x):
    # Heaviside: 1 si x >= 0, 0 si no.
    return np.where(np.asarray(x) >= 0, 1.0, 0.0)


def relu(x):
    return np.maximum(0.0, x)


def tanh(x):
    # La forma de los apuntes: 2 / (1 + e^(-2x)) - 1, que es justo tanh(x).
    return 2.0 / (1.0 + np.exp(-2.0 * np.asarray(x, dtype=float))) - 1.0


def sigmoide(x):
    return 1.0 / (1.0 + np.exp(-np.asarray(x, dtype=float)))


# --8<-- [end:funciones]


# --8<-- [start:derivadas]
def d_identidad(x):
    return np.ones_like(np.asarray(x, dtype=float))


def d_escalon(x):
    # Derivada 0 en casi todo punto y sin definir en x = 0: no sirve para
    # aprender.
    return np.zeros_like(np.asarray(x, dtype=float))


def d_relu(x):
    # En x = 0 no es derivable; tomamos 0, como TensorFlow.
    return np.where(np.asarray(x) > 0, 1.0, 0.0)


def d_tanh(x):
    return 1.0 - tanh(x) ** 2


def d_sigmoide(x):
    s = sigmoide(x)
    return s * (1.0 - s)


# --8<-- [end:derivadas]


# --8<-- [start:softmax]
def softmax(z):
    z = np.asarray(z, dtype=float)
    # Restar el máximo no cambia el resultado y evita que exp() se desborde.
    e = np.exp(z - z.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


# --8<-- [end:softmax]


if __name__ == "__main__":
    # --8<-- [start:ejemplo]
    z = np.array([2.0, 1.0, 0.1])
    p = softmax(z)
    print("softmax:", p.round(3), "suma:", p.sum())
    print("relu(-2), relu(3):", relu(-2.0), relu(3.0))
    print("tanh(0.5) =", tanh(0.5), " np.tanh(0.5) =", np.tanh(0.5))
    # --8<-- [end:ejemplo]
