"""La misma red densa con MNIST: 70 000 dígitos de 28x28 (apartado 2.1).

`keras.datasets.mnist.load_data()` descarga `mnist.npz` (unos 11 MB) la primera
vez y lo guarda en `~/.keras/datasets/` (o en `$KERAS_HOME/datasets/`); las
siguientes veces lo lee de ahí tras comprobar su huella SHA-256. Solo cambian
la forma de la entrada (784 píxeles en vez de 64) y la escala de los píxeles
(0-255 en vez de 0-16).
"""

# --8<-- [start:cargar]
import keras


def cargar_mnist():
    (x_ent, y_ent), (x_test, y_test) = keras.datasets.mnist.load_data()
    # Cada imagen: 28x28 enteros de 0 a 255 -> vector de 784 valores en [0, 1]
    x_ent = x_ent.reshape(len(x_ent), 28 * 28).astype("float32") / 255.0
    x_test = x_test.reshape(len(x_test), 28 * 28).astype("float32") / 255.0
    return (x_ent, y_ent), (x_test, y_test)


# --8<-- [end:cargar]


# --8<-- [start:entrenar]
def entrenar_mnist(epocas=5, ocultas=64):
    (x_ent, y_ent), (x_test, y_test) = cargar_mnist()
    modelo = keras.Sequential(
        [
            keras.Input(shape=(28 * 28,)),
            keras.layers.Dense(ocultas, activation="relu"),
            keras.layers.Dense(10, activation="softmax"),
        ]
    )
    modelo.compile(
        loss="sparse_categorical_crossentropy",
        optimizer=keras.optimizers.SGD(learning_rate=0.1),
        metrics=["accuracy"],
    )
    modelo.fit(
        x_ent,
        y_ent,
        epochs=epocas,
        batch_size=32,
        validation_split=0.1,
        verbose=2,
    )
    perdida, exactitud = modelo.evaluate(x_test, y_test, verbose=0)
    print(f"prueba: pérdida {perdida:.3f}, exactitud {exactitud:.3f}")
    return modelo


# --8<-- [end:entrenar]


if __name__ == "__main__":
    # Necesita conexión la primera vez (descarga mnist.npz).
    # --8<-- [start:ejemplo]
    modelo = entrenar_mnist()
    # --8<-- [end:ejemplo]
