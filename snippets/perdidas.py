"""Funciones de pérdida escritas a mano con NumPy (apartado 2.2).

Regresión: error cuadrático medio (MSE) y su raíz (RMSE). Clasificación:
entropía cruzada binaria y categórica (también llamada *log loss*). Las pruebas
las comparan con `keras.losses`, `keras.metrics` y scikit-learn.
"""

# --8<-- [start:regresion]
import numpy as np


def mse(y, y_pred):
    """Error cuadrático medio: la media de los errores al cuadrado."""
    y, y_pred = np.asarray(y, dtype=float), np.asarray(y_pred, dtype=float)
    return np.mean((y - y_pred) ** 2)


def rmse(y, y_pred):
    """Raíz del MSE: vuelve a las unidades de y."""
    return np.sqrt(mse(y, y_pred))


# --8<-- [end:regresion]


# --8<-- [start:clasificacion]
# Keras recorta las probabilidades a [EPS, 1 - EPS] para no calcular log(0).
EPS = 1e-7


def entropia_binaria(y, p):
    """y: etiquetas 0 o 1; p: probabilidad predicha de que la etiqueta sea 1."""
    y = np.asarray(y, dtype=float)
    p = np.clip(np.asarray(p, dtype=float), EPS, 1 - EPS)
    return -np.mean(y * np.log(p) + (1 - y) * np.log(1 - p))


def entropia_categorica(Y, P):
    """Y: etiquetas en one-hot (n, K); P: probabilidades predichas (n, K)."""
    Y = np.asarray(Y, dtype=float)
    P = np.asarray(P, dtype=float)
    P = np.clip(P / P.sum(axis=-1, keepdims=True), EPS, 1 - EPS)
    return -np.mean(np.sum(Y * np.log(P), axis=-1))


def entropia_categorica_dispersa(y, P):
    """Lo mismo con etiquetas enteras (n,).

    Solo cuenta la probabilidad de la clase correcta.
    """
    P = np.asarray(P, dtype=float)
    P = np.clip(P / P.sum(axis=-1, keepdims=True), EPS, 1 - EPS)
    return -np.mean(np.log(P[np.arange(len(P)), np.asarray(y)]))


# --8<-- [end:clasificacion]


if __name__ == "__main__":
    # --8<-- [start:ejemplo_regresion]
    precios = np.array([200.0, 150.0, 320.0, 410.0])  # miles de euros
    estimados = np.array([210.0, 140.0, 300.0, 450.0])
    print("MSE :", mse(precios, estimados))  # en miles de euros al cuadrado
    print("RMSE:", rmse(precios, estimados))  # en miles de euros
    # --8<-- [end:ejemplo_regresion]

    # --8<-- [start:ejemplo_keras_regresion]
    import keras

    print(
        "keras MSE :",
        float(keras.losses.MeanSquaredError()(precios, estimados)),
    )
    rmse_keras = keras.metrics.RootMeanSquaredError()
    rmse_keras.update_state(precios, estimados)
    print("keras RMSE:", float(rmse_keras.result()))
    # --8<-- [end:ejemplo_keras_regresion]

    # --8<-- [start:ejemplo_clasificacion]
    y = np.array([1, 0, 1, 1])  # ¿es spam?
    p = np.array([0.9, 0.2, 0.6, 0.05])  # probabilidad de spam que da el modelo
    print("binaria   :", entropia_binaria(y, p))
    print("keras     :", float(keras.losses.BinaryCrossentropy()(y, p)))

    Y = np.array([[0, 1, 0], [1, 0, 0]])  # clases 1 y 0 en one-hot
    P = np.array([[0.1, 0.7, 0.2], [0.5, 0.3, 0.2]])
    print("categórica:", entropia_categorica(Y, P))
    print("keras     :", float(keras.losses.CategoricalCrossentropy()(Y, P)))
    print("dispersa  :", entropia_categorica_dispersa([1, 0], P))
    # --8<-- [end:ejemplo_clasificacion]

    # --8<-- [start:ejemplo_metrica]
    import tensorflow as tf

    # Salidas de la red antes de softmax:
    logits = tf.Variable([[2.0, 1.0, 0.1], [0.5, 0.4, 2.0]])
    etiquetas = tf.constant([0, 1])
    with tf.GradientTape(persistent=True) as cinta:
        probs = tf.nn.softmax(logits)
        perdida = keras.losses.SparseCategoricalCrossentropy()(etiquetas, probs)
        correctas = tf.argmax(probs, axis=1) == tf.cast(etiquetas, tf.int64)
        aciertos = tf.reduce_mean(tf.cast(correctas, tf.float32))
    print(
        "gradiente de la pérdida :\n",
        cinta.gradient(perdida, logits).numpy().round(3),
    )
    # None: no hay camino derivable.
    print("gradiente de la exactitud:", cinta.gradient(aciertos, logits))
    # --8<-- [end:ejemplo_metrica]

    # --8<-- [start:practica_mse]
    errores = np.array([1.0, -2.0, 0.5, 4.0])
    print(mse(errores, 0), np.mean(errores**2), rmse(errores, 0))
    # --8<-- [end:practica_mse]

    # --8<-- [start:practica_solo_clase_correcta]
    # Igual probabilidad para la correcta (la 0), distinto reparto del resto.
    P1 = np.array([[0.6, 0.2, 0.2]])
    P2 = np.array([[0.6, 0.4, 0.0]])
    print(
        entropia_categorica([[1, 0, 0]], P1),
        entropia_categorica([[1, 0, 0]], P2),
        -np.log(0.6),
    )
    # --8<-- [end:practica_solo_clase_correcta]

    # --8<-- [start:practica_recorte]
    # Sin el recorte sería infinito.
    print(entropia_binaria([1], [0.0]), -np.log(EPS))
    print(
        float(
            keras.losses.BinaryCrossentropy()(np.array([1.0]), np.array([0.0]))
        )
    )
    # --8<-- [end:practica_recorte]
