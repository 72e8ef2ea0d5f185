"""La capa de convolución (apartado 3.2).

La ventana deslizante escrita con NumPy y comprobada contra Keras.
"""

# Cada sección de la página importa lo que usa, justo donde empieza a usarlo.
# ruff: noqa: E402

# --8<-- [start:ventana]
import numpy as np


def relleno_same(n, k, paso=1):
    """Ceros que añade padding="same" antes y después de un lado de n.

    Es la regla de TensorFlow.
    """
    salida = -(-n // paso)  # techo de n / paso
    total = max((salida - 1) * paso + k - n, 0)
    # Si es impar, el cero que sobra va al final.
    return total // 2, total - total // 2


def convolucion2d(imagen, filtro, sesgo=0.0, paso=1, padding="valid"):
    """Desliza el filtro por la imagen y devuelve el mapa de características."""
    imagen = np.asarray(imagen, dtype=float)
    filtro = np.asarray(filtro, dtype=float)
    kf, kc = filtro.shape
    if padding == "same":
        imagen = np.pad(
            imagen,
            [
                relleno_same(imagen.shape[0], kf, paso),
                relleno_same(imagen.shape[1], kc, paso),
            ],
        )
    filas = (imagen.shape[0] - kf) // paso + 1
    columnas = (imagen.shape[1] - kc) // paso + 1
    mapa = np.zeros((filas, columnas))
    for i in range(filas):  # de arriba abajo
        for j in range(columnas):  # de izquierda a derecha
            ventana = imagen[i * paso : i * paso + kf, j * paso : j * paso + kc]
            # La misma W y el mismo b en cada posición.
            mapa[i, j] = np.sum(ventana * filtro) + sesgo
    return mapa


# --8<-- [end:ventana]


# --8<-- [start:tamano]
def tamano_salida(n, k, paso=1, padding="valid"):
    """Lado de la salida para una entrada de lado n y una ventana de lado k."""
    # Sin relleno: la ventana no puede salirse de la imagen.
    if padding == "valid":
        return (n - k) // paso + 1
    if padding == "same":  # con relleno de ceros: solo cuenta el paso
        return -(-n // paso)
    raise ValueError(f"padding desconocido: {padding!r}")


# --8<-- [end:tamano]


# --8<-- [start:ejemplo]
# Una imagen de 7x7 (un «7» de píxeles) y un filtro de 3x3 que detecta
# bordes verticales.
imagen = np.array(
    [
        [0, 0, 0, 0, 0, 0, 0],
        [0, 1, 1, 1, 1, 1, 0],
        [0, 0, 0, 0, 1, 1, 0],
        [0, 0, 0, 1, 1, 0, 0],
        [0, 0, 0, 1, 0, 0, 0],
        [0, 0, 1, 1, 0, 0, 0],
        [0, 0, 1, 0, 0, 0, 0],
    ]
)
filtro = np.array(
    [
        [1, 0, -1],
        [1, 0, -1],
        [1, 0, -1],
    ]
)
sesgo = 0.0
# --8<-- [end:ejemplo]


# --8<-- [start:keras]
import keras


def conv2d_keras(imagen, filtro, sesgo=0.0, paso=1, padding="valid"):
    """La misma convolución con una capa Conv2D de Keras y nuestros pesos."""
    kf, kc = filtro.shape
    capa = keras.layers.Conv2D(
        filters=1, kernel_size=(kf, kc), strides=paso, padding=padding
    )
    capa.build((None, *imagen.shape, 1))  # lote, alto, ancho, canales
    # Keras guarda el filtro como (alto, ancho, canales de entrada, filtros)
    # y un sesgo por filtro.
    capa.set_weights(
        [
            filtro.reshape(kf, kc, 1, 1).astype("float32"),
            np.array([sesgo], dtype="float32"),
        ]
    )
    lote = imagen.reshape(1, *imagen.shape, 1).astype("float32")
    return keras.ops.convert_to_numpy(capa(lote))[0, :, :, 0]


# --8<-- [end:keras]


if __name__ == "__main__":
    # --8<-- [start:comparar]
    mapa = convolucion2d(imagen, filtro, sesgo)
    print("Salida con NumPy:", mapa.shape)
    print(mapa.astype(int))
    mapa_keras = conv2d_keras(imagen, filtro, sesgo)
    print("¿Coincide con Conv2D de Keras?", np.allclose(mapa, mapa_keras))
    # --8<-- [end:comparar]

    # --8<-- [start:formas]
    entrada = keras.Input(shape=(28, 28, 1))  # alto, ancho, profundidad
    # 32 filtros de 5x5, sin relleno
    conv = keras.layers.Conv2D(filters=32, kernel_size=5)
    salida = conv(entrada)
    # (None, 24, 24, 32): None es el tamaño del lote
    print("Forma de la salida:", salida.shape)
    print(
        "Forma de los pesos W:",
        conv.kernel.shape,
        " del sesgo b:",
        conv.bias.shape,
    )
    print("Parámetros:", conv.count_params(), "=", 32 * (5 * 5 + 1))
    print("Según la fórmula:", tamano_salida(28, 5), "x", tamano_salida(28, 5))
    # --8<-- [end:formas]

    # --8<-- [start:padding]
    for padding in ("valid", "same"):
        capa = keras.layers.Conv2D(filters=1, kernel_size=3, padding=padding)
        forma = capa(keras.Input(shape=(7, 7, 1))).shape
        print(
            f"7x7, ventana 3x3, padding={padding!r}: {forma[1]}x{forma[2]}",
            "| fórmula:",
            tamano_salida(7, 3, 1, padding),
        )
    # --8<-- [end:padding]

    # --8<-- [start:compartidos]
    for lado in (28, 56):
        conv = keras.layers.Conv2D(filters=32, kernel_size=5)
        salida = conv(keras.Input(shape=(lado, lado, 1)))
        print(
            f"Entrada {lado}x{lado}: salida {salida.shape[1:]},"
            f" {conv.count_params()} parámetros"
        )

    # Una capa densa que diera la misma salida (24*24*32 neuronas) conectada
    # a los 28*28 píxeles:
    densa = keras.layers.Dense(24 * 24 * 32)
    densa.build((None, 28 * 28))
    print("Capa densa equivalente:", densa.count_params(), "parámetros")
    # --8<-- [end:compartidos]

    # --8<-- [start:ejercicio_formas]
    conv = keras.layers.Conv2D(
        filters=16, kernel_size=3, strides=2, padding="valid"
    )
    salida = conv(keras.Input(shape=(28, 28, 3)))  # imagen en color: 3 canales
    print(
        "Forma:", salida.shape, "| fórmula:", tamano_salida(28, 3, 2, "valid")
    )
    # Cada filtro mira los 3 canales.
    print("Parámetros:", conv.count_params(), "=", 16 * (3 * 3 * 3 + 1))
    # --8<-- [end:ejercicio_formas]

    # --8<-- [start:ejercicio_filtro]
    # Bordes horizontales: claro arriba, oscuro abajo.
    filtro_horizontal = filtro.T
    mapa_h = convolucion2d(imagen, filtro_horizontal)
    print(mapa_h.astype(int))
    print(
        "¿Coincide con Keras?",
        np.allclose(mapa_h, conv2d_keras(imagen, filtro_horizontal)),
    )
    # --8<-- [end:ejercicio_filtro]

    # --8<-- [start:ejercicio_paso]
    mapa_paso2 = convolucion2d(imagen, filtro, paso=2, padding="same")
    print(
        "Paso 2 con relleno:",
        mapa_paso2.shape,
        "| fórmula:",
        tamano_salida(7, 3, 2, "same"),
    )
    print(
        "¿Coincide con Keras?",
        np.allclose(
            mapa_paso2, conv2d_keras(imagen, filtro, paso=2, padding="same")
        ),
    )
    # --8<-- [end:ejercicio_paso]
