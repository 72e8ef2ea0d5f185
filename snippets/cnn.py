"""Red convolucional frente a densa con los mismos dígitos (apartado 3.1)."""

# --8<-- [start:datos]
import keras
import numpy as np
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split


def cargar_digitos():
    """Los 1797 dígitos de scikit-learn como imágenes de 8x8x1, entre 0 y 1."""
    digitos = load_digits()
    # Forma (1797, 8, 8, 1): ejemplos, alto, ancho, canales.
    x = (digitos.images / 16.0).astype("float32")[..., np.newaxis]
    y = digitos.target
    # El mismo reparto para las dos redes: 80 % para entrenar y 20 % para la
    # prueba final.
    return train_test_split(x, y, test_size=0.2, stratify=y, random_state=0)


# --8<-- [end:datos]


# --8<-- [start:modelos]
def crear_cnn(filtros=16):
    return keras.Sequential(
        [
            keras.Input(shape=(8, 8, 1)),
            # Salida de 8x8xfiltros:
            keras.layers.Conv2D(
                filtros, kernel_size=3, padding="same", activation="relu"
            ),
            keras.layers.MaxPooling2D(pool_size=2),  # 4x4
            # Salida de 4x4x(2·filtros):
            keras.layers.Conv2D(
                2 * filtros, kernel_size=3, padding="same", activation="relu"
            ),
            keras.layers.MaxPooling2D(pool_size=2),  # 2x2
            keras.layers.Flatten(),
            keras.layers.Dense(10, activation="softmax"),
        ],
        name="convolucional",
    )


def crear_densa():
    # Como la red del apartado 2.1: los 64 píxeles en fila, una capa oculta
    # y softmax.
    return keras.Sequential(
        [
            keras.Input(shape=(8, 8, 1)),
            keras.layers.Flatten(),
            keras.layers.Dense(64, activation="relu"),
            keras.layers.Dense(10, activation="softmax"),
        ],
        name="densa",
    )


# --8<-- [end:modelos]


# --8<-- [start:entrenar]
def entrenar(modelo, x, y, epocas=10):
    """La misma receta para las dos redes.

    El 20 % final de los datos de entrenamiento sirve de validación.
    """
    modelo.compile(
        optimizer="adam",
        loss="sparse_categorical_crossentropy",
        metrics=["accuracy"],
    )
    return modelo.fit(
        x, y, epochs=epocas, batch_size=32, validation_split=0.2, verbose=0
    )


# --8<-- [end:entrenar]


if __name__ == "__main__":
    # --8<-- [start:crear]
    keras.utils.set_random_seed(0)  # mismos pesos iniciales en cada ejecución
    x_ent, x_test, y_ent, y_test = cargar_digitos()
    print("Entrenamiento:", x_ent.shape, " prueba:", x_test.shape)
    cnn, densa = crear_cnn(), crear_densa()
    cnn.summary()
    # --8<-- [end:crear]

    # --8<-- [start:comparar]
    for modelo in (cnn, densa):
        entrenar(modelo, x_ent, y_ent, epocas=10)
        perdida, exactitud = modelo.evaluate(x_test, y_test, verbose=0)
        print(
            f"{modelo.name}: {modelo.count_params()} parámetros,"
            f" exactitud en test {exactitud:.3f}"
        )
    # --8<-- [end:comparar]

    # --8<-- [start:mapas]
    primera = cnn.layers[0]  # la primera Conv2D
    filtros, sesgos = primera.get_weights()
    # (3, 3, 1, 16): 16 ventanas de 3x3
    print("Filtros aprendidos:", filtros.shape)
    mapas = primera(x_test[:1])  # un dígito, como lote de tamaño 1
    # (1, 8, 8, 16): un mapa de 8x8 por filtro
    print("Mapas de características:", mapas.shape)
    # --8<-- [end:mapas]

    # --8<-- [start:ejercicio_parametros]
    a_mano = {
        # 16 filtros de 3x3 sobre 1 canal, más su sesgo
        "conv2d 1": 16 * (3 * 3 * 1 + 1),
        # 32 filtros de 3x3 sobre los 16 mapas anteriores
        "conv2d 2": 32 * (3 * 3 * 16 + 1),
        # 128 valores aplanados, conectados a 10 salidas
        "dense": (2 * 2 * 32) * 10 + 10,
    }
    print(
        a_mano, "total:", sum(a_mano.values()), "| Keras:", cnn.count_params()
    )
    # --8<-- [end:ejercicio_parametros]

    # --8<-- [start:ejercicio_filtros]
    keras.utils.set_random_seed(0)
    pequena = crear_cnn(filtros=4)
    entrenar(pequena, x_ent, y_ent, epocas=10)
    print(
        pequena.count_params(),
        "parámetros, exactitud:",
        round(pequena.evaluate(x_test, y_test, verbose=0)[1], 3),
    )
    # --8<-- [end:ejercicio_filtros]

    # --8<-- [start:ejercicio_segunda]
    # Conv2D, MaxPooling2D, Conv2D
    hasta_la_segunda = keras.Sequential(cnn.layers[:3])
    print(
        "Mapas de la segunda capa convolucional:",
        hasta_la_segunda(x_test[:1]).shape,
    )
    # --8<-- [end:ejercicio_segunda]
