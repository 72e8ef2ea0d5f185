"""La capa de pooling: max pooling con NumPy y con Keras (apartado 3.3)."""

# Cada sección de la página importa lo que usa, justo donde empieza a usarlo.
# ruff: noqa: E402

# --8<-- [start:max_pooling]
import numpy as np


def max_pooling(mapa, ventana=2, paso=None, padding="valid"):
    """Se queda con el máximo de cada ventana.

    Por defecto el paso es la ventana, como en Keras.
    """
    mapa = np.asarray(mapa, dtype=float)
    paso = ventana if paso is None else paso
    if padding == "same":
        # Relleno con -infinito: nunca gana el máximo, así que solo cuentan los
        # valores reales.
        rellenos = []
        for n in mapa.shape:
            total = max((-(-n // paso) - 1) * paso + ventana - n, 0)
            rellenos.append((total // 2, total - total // 2))
        mapa = np.pad(mapa, rellenos, constant_values=-np.inf)
    filas = (mapa.shape[0] - ventana) // paso + 1
    columnas = (mapa.shape[1] - ventana) // paso + 1
    salida = np.zeros((filas, columnas))
    for i in range(filas):
        for j in range(columnas):
            f, c = i * paso, j * paso  # esquina superior izquierda
            salida[i, j] = mapa[f : f + ventana, c : c + ventana].max()
    return salida


# --8<-- [end:max_pooling]


# --8<-- [start:ejemplo]
mapa = np.array(
    [
        [1, 3, 2, 0],
        [4, 6, 1, 1],
        [0, 2, 9, 5],
        [3, 1, 4, 7],
    ]
)
# Un mapa de 7x7 para el ejemplo del paso: los números del 1 al 49,
# desordenados.
siete = np.random.default_rng(3).permutation(49).reshape(7, 7) + 1
# --8<-- [end:ejemplo]


# --8<-- [start:keras]
import keras


def max_pooling_keras(mapa, ventana=2, paso=None, padding="valid"):
    """El mismo cálculo con keras.layers.MaxPooling2D.

    strides=None significa paso = ventana.
    """
    capa = keras.layers.MaxPooling2D(
        pool_size=ventana, strides=paso, padding=padding
    )
    # Forma (lote, alto, ancho, canales):
    lote = np.asarray(mapa, dtype="float32").reshape(1, *np.shape(mapa), 1)
    return keras.ops.convert_to_numpy(capa(lote))[0, :, :, 0]


# --8<-- [end:keras]


# --8<-- [start:digito]
from sklearn.datasets import load_digits


def digito_ampliado(indice=0, lado=28):
    """Un dígito real de 8x8 (valores de 0 a 16) ampliado a lado x lado.

    La ampliación usa interpolación bilineal.
    """
    digito = load_digits().images[indice].astype("float32") / 16.0
    ampliar = keras.layers.Resizing(lado, lado, interpolation="bilinear")
    # Forma (1, lado, lado, 1):
    return keras.ops.convert_to_numpy(ampliar(digito.reshape(1, 8, 8, 1)))


def filtros_de_bordes(k=5):
    """Dos filtros de k x k hechos a mano: bordes verticales y horizontales."""
    # De +1 a -1: responde si hay trazo a la izquierda y fondo a la derecha.
    perfil = np.linspace(1.0, -1.0, k)
    vertical = np.tile(perfil, (k, 1)) / k
    return {"vertical": vertical, "horizontal": vertical.T}


def convolucion_y_pooling(imagenes, filtros):
    """Conv2D (sin relleno, ReLU) con los filtros y MaxPooling2D de 2x2."""
    pesos = np.stack(list(filtros.values()), axis=-1)  # (k, k, filtros)
    k = pesos.shape[0]
    conv = keras.layers.Conv2D(
        filters=pesos.shape[-1], kernel_size=k, activation="relu"
    )
    conv.build((None, *imagenes.shape[1:]))
    conv.set_weights(
        [
            pesos.reshape(k, k, 1, -1).astype("float32"),
            np.zeros(pesos.shape[-1], dtype="float32"),
        ]
    )
    mapas = conv(imagenes)
    reducidos = keras.layers.MaxPooling2D(pool_size=2)(mapas)
    return (
        keras.ops.convert_to_numpy(mapas),
        keras.ops.convert_to_numpy(reducidos),
    )


# --8<-- [end:digito]


if __name__ == "__main__":
    # --8<-- [start:comparar]
    print(max_pooling(mapa))
    print(
        "¿Coincide con MaxPooling2D?",
        np.allclose(max_pooling(mapa), max_pooling_keras(mapa)),
    )
    # --8<-- [end:comparar]

    # --8<-- [start:tamanos]
    # La salida de la convolución del apartado 3.2:
    entrada = keras.Input(shape=(24, 24, 32))
    salida = keras.layers.MaxPooling2D(pool_size=2)(entrada)
    print(entrada.shape, "->", salida.shape)
    print(
        "Valores por mapa:",
        entrada.shape[1] * entrada.shape[2],
        "->",
        salida.shape[1] * salida.shape[2],
    )
    print(
        "Parámetros de MaxPooling2D:",
        keras.layers.MaxPooling2D().count_params(),
    )
    # --8<-- [end:tamanos]

    # --8<-- [start:siguiente]
    for nombre, capas in (
        ("sin pooling", []),
        ("con pooling", [keras.layers.MaxPooling2D(pool_size=2)]),
    ):
        modelo = keras.Sequential(
            [
                keras.Input(shape=(24, 24, 32)),
                *capas,
                keras.layers.Flatten(),
                keras.layers.Dense(10),
            ]
        )
        aplanado = modelo.layers[-2].output.shape[1]
        print(
            f"{nombre}: Flatten da {aplanado} valores y Dense(10) necesita"
            f" {modelo.layers[-1].count_params()} parámetros"
        )
    # --8<-- [end:siguiente]

    # --8<-- [start:paso]
    for padding in ("valid", "same"):
        salida = max_pooling(siete, ventana=2, paso=2, padding=padding)
        igual = np.allclose(
            salida, max_pooling_keras(siete, ventana=2, paso=2, padding=padding)
        )
        print(
            f"7x7, ventana 2x2, paso 2, padding={padding!r}: {salida.shape}"
            f" | ¿igual que Keras? {igual}"
        )
    # --8<-- [end:paso]

    # --8<-- [start:combinar]
    digito = digito_ampliado(0)
    mapas, reducidos = convolucion_y_pooling(digito, filtros_de_bordes(5))
    print(
        "Dígito:",
        digito.shape,
        "-> convolución:",
        mapas.shape,
        "-> pooling:",
        reducidos.shape,
    )
    # --8<-- [end:combinar]

    # --8<-- [start:ejercicio_canales]
    # Dos mapas a la vez: el pooling trata cada canal por separado.
    dos = (
        np.stack([mapa, 10 - mapa], axis=-1)
        .reshape(1, 4, 4, 2)
        .astype("float32")
    )
    juntos = keras.ops.convert_to_numpy(keras.layers.MaxPooling2D()(dos))[0]
    por_separado = np.stack(
        [max_pooling(mapa), max_pooling(10 - mapa)], axis=-1
    )
    print("¿Cada canal por su cuenta?", np.allclose(juntos, por_separado))
    # --8<-- [end:ejercicio_canales]

    # --8<-- [start:ejercicio_paso1]
    solapado = max_pooling(siete, ventana=2, paso=1)
    print("Ventana 2x2 con paso 1:", solapado.shape)
    print(
        "¿Igual que Keras?",
        np.allclose(solapado, max_pooling_keras(siete, ventana=2, paso=1)),
    )
    # --8<-- [end:ejercicio_paso1]

    # --8<-- [start:ejercicio_media]
    def average_pooling(mapa, ventana=2):
        filas, columnas = mapa.shape[0] // ventana, mapa.shape[1] // ventana
        alto, ancho = filas * ventana, columnas * ventana
        recortado = np.asarray(mapa, dtype=float)[:alto, :ancho]
        bloques = recortado.reshape(filas, ventana, columnas, ventana)
        return bloques.mean(axis=(1, 3))

    media_keras = keras.layers.AveragePooling2D(pool_size=2)(
        mapa.reshape(1, 4, 4, 1).astype("float32")
    )
    print(average_pooling(mapa))
    print(
        "¿Igual que AveragePooling2D?",
        np.allclose(
            average_pooling(mapa),
            keras.ops.convert_to_numpy(media_keras)[0, :, :, 0],
        ),
    )
    # --8<-- [end:ejercicio_media]
