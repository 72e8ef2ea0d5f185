"""Una neurona artificial, a mano con NumPy y en Keras (apartado 1.1)."""

# Cada sección de la página importa lo que usa, justo donde empieza a usarlo.
# ruff: noqa: E402

# --8<-- [start:neurona]
import numpy as np


def sigmoide(z):
    return 1.0 / (1.0 + np.exp(-z))


def suma_ponderada(x, w, b):
    # z = w1*x1 + w2*x2 + ... + wn*xn + b
    # (el operador @ es el producto escalar)
    return x @ w + b


def neurona(x, w, b, activacion=sigmoide):
    # La salida de la neurona: la activación aplicada a la suma ponderada.
    return activacion(suma_ponderada(x, w, b))


# --8<-- [end:neurona]


# --8<-- [start:ejemplo]
x = np.array([1.0, 0.5, 2.0])  # entradas
w = np.array([0.4, -0.6, 0.5])  # un peso por entrada
b = -0.3  # sesgo
# --8<-- [end:ejemplo]


# --8<-- [start:keras]
import keras


def neurona_keras(w, b, activacion="sigmoid"):
    """Una capa Dense de una neurona con los pesos y el sesgo que le damos."""
    capa = keras.layers.Dense(1, activation=activacion)
    capa.build((None, len(w)))  # crea los pesos: la capa espera len(w) entradas
    # Keras guarda los pesos como una matriz (entradas x neuronas) y un sesgo
    # por neurona.
    capa.set_weights([np.reshape(w, (-1, 1)), np.array([b])])
    return capa


# --8<-- [end:keras]


# --8<-- [start:umbral]
def escalon(z):
    return np.where(z >= 0, 1.0, 0.0)


def neurona_umbral(x, w, umbral):
    # Se activa (devuelve 1) solo si la suma ponderada llega al umbral.
    return escalon(x @ w - umbral)


# --8<-- [end:umbral]


if __name__ == "__main__":
    # --8<-- [start:calculo]
    z = suma_ponderada(x, w, b)
    y = neurona(x, w, b)
    print("productos w*x:", w * x)
    print("z =", round(z, 4), " y = sigmoide(z) =", round(y, 4))
    # --8<-- [end:calculo]

    # --8<-- [start:keras_comprobacion]
    capa = neurona_keras(w, b)
    # Keras trabaja con lotes: una fila por ejemplo.
    y_keras = capa(x.reshape(1, -1))
    print("Keras:", float(y_keras[0, 0]), " NumPy:", y)
    print("Pesos en Keras:", [p.shape for p in capa.get_weights()])
    # --8<-- [end:keras_comprobacion]

    # --8<-- [start:lote]
    # Varias entradas a la vez: una fila por ejemplo y el mismo cálculo.
    X = np.array([[1.0, 0.5, 2.0], [0.0, 0.0, 0.0], [-1.0, 2.0, 0.5]])
    print("NumPy:", neurona(X, w, b).round(4))
    print("Keras:", np.asarray(capa(X)).ravel().round(4))
    # --8<-- [end:lote]

    # --8<-- [start:puerta_and]
    # Las cuatro combinaciones de dos entradas binarias.
    TABLA = np.array([[0, 0], [0, 1], [1, 0], [1, 1]])
    print(
        "AND con umbral 1,5:     ", neurona_umbral(TABLA, np.array([1, 1]), 1.5)
    )
    # El umbral es un sesgo con el signo cambiado: b = -umbral.
    print(
        "AND con sesgo b = -1,5: ",
        neurona(TABLA, np.array([1, 1]), -1.5, activacion=escalon),
    )
    # --8<-- [end:puerta_and]

    # --8<-- [start:ejercicio_relu]
    def relu(z):
        return np.maximum(0.0, z)

    x4 = np.array([2.0, -1.0, 0.5, 3.0])
    w4 = np.array([0.1, 0.4, -0.2, 0.3])
    b4 = 0.5
    z4 = x4 @ w4 + b4  # 0.2 - 0.4 - 0.1 + 0.9 + 0.5 = 1.1
    print("z =", round(z4, 4), " relu(z) =", relu(z4))
    capa_relu = neurona_keras(w4, b4, activacion="relu")
    print("Keras:", float(capa_relu(x4.reshape(1, -1))[0, 0]))
    # Con b4 = -1.5, z sería -0.9 y ReLU daría 0: la neurona no se activa.
    print("Con b = -1.5:", neurona(x4, w4, -1.5, activacion=relu))
    # --8<-- [end:ejercicio_relu]

    # --8<-- [start:ejercicio_puertas]
    # OR: basta con que una entrada valga 1; el umbral está entre 0 y 1.
    print("OR:  ", neurona_umbral(TABLA, np.array([1, 1]), 0.5))
    # NAND (el contrario de AND): pesos negativos y umbral entre -2 y -1.
    print("NAND:", neurona_umbral(TABLA, np.array([-1, -1]), -1.5))
    # --8<-- [end:ejercicio_puertas]
