"""Una red de cuatro capas en Keras, sus parámetros y el XOR (apartado 1.2)."""

# --8<-- [start:modelo]
import keras
import numpy as np


def crear_red(entradas=3, ocultas=(4, 4), salidas=1):
    """Capa de entrada, capas ocultas densas con ReLU y salida con sigmoide."""
    red = keras.Sequential(name="red_de_cuatro_capas")
    red.add(keras.Input(shape=(entradas,)))  # capa de entrada: recibe los datos
    for i, neuronas in enumerate(ocultas, start=1):
        red.add(
            keras.layers.Dense(neuronas, activation="relu", name=f"oculta_{i}")
        )
    red.add(keras.layers.Dense(salidas, activation="sigmoid", name="salida"))
    return red


# --8<-- [end:modelo]


# --8<-- [start:parametros]
def neuronas_por_capa(red):
    """Tamaño de cada capa, leído del modelo.

    Primero la entrada, después cada capa Dense.
    """
    return [red.inputs[0].shape[-1]] + [capa.units for capa in red.layers]


def parametros_por_capa(neuronas):
    """Cada neurona: un peso por neurona de la capa anterior, más su sesgo."""
    return [
        (anterior + 1) * actual
        for anterior, actual in zip(neuronas[:-1], neuronas[1:], strict=True)
    ]


# --8<-- [end:parametros]


# --8<-- [start:propagacion]
ACTIVACIONES = {
    "relu": lambda z: np.maximum(0.0, z),
    "sigmoid": lambda z: 1.0 / (1.0 + np.exp(-z)),
    "tanh": np.tanh,
    "linear": lambda z: z,
}


def propagar(red, X):
    """Lo que hace red.predict(X), capa a capa con NumPy.

    X pasa por cada capa una sola vez.
    """
    for capa in red.layers:
        # W: (neuronas de la capa anterior, neuronas de esta capa)
        W, b = capa.get_weights()
        X = ACTIVACIONES[capa.get_config()["activation"]](X @ W + b)
    return X


# --8<-- [end:propagacion]


# --8<-- [start:xor_datos]
# La tabla de XOR: la salida es 1 cuando las dos entradas son distintas.
X_xor = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype="float32")
y_xor = np.array([0, 1, 1, 0], dtype="float32")
# --8<-- [end:xor_datos]


# --8<-- [start:xor_entrenar]
def entrenar_xor(ocultas=0, repeticiones=50, epocas=8, semilla=0):
    """XOR con una neurona sola (ocultas=0) o con una capa oculta de tanh."""
    # Los mismos pesos iniciales en cada ejecución:
    keras.utils.set_random_seed(semilla)
    red = keras.Sequential([keras.Input(shape=(2,))])
    if ocultas:
        red.add(keras.layers.Dense(ocultas, activation="tanh"))
    red.add(keras.layers.Dense(1, activation="sigmoid"))
    red.compile(
        optimizer=keras.optimizers.Adam(learning_rate=0.05),
        loss="binary_crossentropy",
        metrics=["accuracy"],
    )
    # Con solo 4 filas, cada época sería un único paso. Repetimos la tabla
    # para que cada época dé `repeticiones` pasos: cada lote de 4 filas es la
    # tabla completa, en orden.
    X = np.tile(X_xor, (repeticiones, 1))
    y = np.tile(y_xor, repeticiones)
    historial = red.fit(
        X, y, batch_size=4, epochs=epocas, shuffle=False, verbose=0
    )
    return red, historial.history


# --8<-- [end:xor_entrenar]


if __name__ == "__main__":
    # --8<-- [start:resumen]
    keras.utils.set_random_seed(0)  # los mismos pesos (y salidas) cada vez
    red = crear_red()
    red.summary()
    # --8<-- [end:resumen]

    # --8<-- [start:conteo]
    neuronas = neuronas_por_capa(red)
    print("Neuronas por capa:", neuronas)  # [3, 4, 4, 1]
    print("Parámetros por capa:", parametros_por_capa(neuronas))
    print("Total con la fórmula:", sum(parametros_por_capa(neuronas)))
    print("Total según Keras:   ", red.count_params())
    # --8<-- [end:conteo]

    # --8<-- [start:propagacion_uso]
    # 5 ejemplos de 3 entradas:
    X = np.random.default_rng(0).normal(size=(5, 3)).astype("float32")
    print("NumPy:", propagar(red, X).ravel().round(4))
    print("Keras:", red.predict(X, verbose=0).ravel().round(4))
    # --8<-- [end:propagacion_uso]

    # --8<-- [start:xor_una_neurona]
    neurona_sola, historial_1 = entrenar_xor(ocultas=0)
    print("Pérdida final:", round(historial_1["loss"][-1], 4))
    print("Salidas:", neurona_sola.predict(X_xor, verbose=0).ravel().round(3))
    # --8<-- [end:xor_una_neurona]

    # --8<-- [start:xor_capa_oculta]
    red_xor, historial_2 = entrenar_xor(ocultas=8)
    print("Pérdida final:", round(historial_2["loss"][-1], 4))
    print("Salidas:", red_xor.predict(X_xor, verbose=0).ravel().round(3))
    print("Exactitud:", historial_2["accuracy"][-1])
    # --8<-- [end:xor_capa_oculta]

    # --8<-- [start:ejercicio_parametros]
    # Red para los dígitos de 8x8: 64 entradas, ocultas de 32 y 16, 10 salidas.
    red_digitos = crear_red(entradas=64, ocultas=(32, 16), salidas=10)
    por_capa = parametros_por_capa(neuronas_por_capa(red_digitos))
    # (64+1)*32 + (32+1)*16 + (16+1)*10
    print(por_capa, sum(por_capa), red_digitos.count_params())
    # --8<-- [end:ejercicio_parametros]

    # --8<-- [start:ejercicio_rectas]
    # 100 000 neuronas escalón con pesos y sesgo al azar entre -5 y 5.
    rng = np.random.default_rng(1)
    W = rng.uniform(-5, 5, size=(2, 100_000))
    b = rng.uniform(-5, 5, size=100_000)
    # Forma (4 filas, 100 000 neuronas):
    salidas = (X_xor @ W + b >= 0).astype("float32")
    aciertos = (salidas == y_xor[:, None]).sum(axis=0)
    print("Máximo de aciertos de una sola neurona:", aciertos.max(), "de 4")
    # --8<-- [end:ejercicio_rectas]

    # --8<-- [start:ejercicio_xor_a_mano]
    def escalon(z):
        return np.where(z >= 0, 1.0, 0.0)

    def neurona_umbral(x, w, umbral):
        return escalon(x @ w - umbral)

    # Capa oculta: una neurona OR y una NAND. Salida: AND de las dos.
    h_or = neurona_umbral(X_xor, np.array([1, 1]), 0.5)
    h_nand = neurona_umbral(X_xor, np.array([-1, -1]), -1.5)
    oculta = np.stack([h_or, h_nand], axis=1)
    salida = neurona_umbral(oculta, np.array([1, 1]), 1.5)
    print("OR:", h_or, " NAND:", h_nand, " XOR:", salida)
    # --8<-- [end:ejercicio_xor_a_mano]
