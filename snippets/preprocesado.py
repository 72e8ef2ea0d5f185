"""Preparar los datos, elegir la salida y la pérdida, y guardar el modelo
(apartado 2.1).

Normalizar y estandarizar con las cuentas de los datos de entrenamiento (y la
capa `Normalization` de Keras, que hace lo mismo), etiquetas one-hot frente a
etiquetas enteras, la tabla «tipo de problema → salida → pérdida → métrica» (las
pruebas construyen y entrenan el modelo de cada fila) y guardar y cargar un
modelo con `model.save` y `keras.models.load_model`.
"""

import keras
import numpy as np


# --8<-- [start:escalar]
def normalizar(X, minimo, maximo):
    """Lleva cada columna al intervalo [0, 1] (min-max)."""
    return (X - minimo) / (maximo - minimo)


def estandarizar(X, media, desviacion):
    """Deja cada columna con media 0 y desviación típica 1."""
    return (X - media) / desviacion


# --8<-- [end:escalar]


# --8<-- [start:vino]
def red_vino(X_ent, y_ent, X_test, y_test, semilla=0):
    """Una red 13-16-3 con Adam: exactitud de prueba tras 50 épocas."""
    keras.utils.set_random_seed(semilla)
    red = keras.Sequential(
        [
            keras.Input(shape=(13,)),
            keras.layers.Dense(16, activation="relu"),
            keras.layers.Dense(3, activation="softmax"),
        ]
    )
    red.compile(
        optimizer="adam",
        loss="sparse_categorical_crossentropy",
        metrics=["accuracy"],
    )
    red.fit(X_ent, y_ent, epochs=50, batch_size=16, verbose=0)
    return red.evaluate(X_test, y_test, verbose=0)[1]


# --8<-- [end:vino]


# --8<-- [start:tabla]
# tipo de problema: (neuronas de salida, activación, pérdida, métrica)
SALIDAS = {
    "regresión": ("1", "linear", "mse", "mae"),
    "binaria": ("1", "sigmoid", "binary_crossentropy", "accuracy"),
    "multiclase, etiquetas enteras": (
        "n",
        "softmax",
        "sparse_categorical_crossentropy",
        "accuracy",
    ),
    "multiclase, etiquetas one-hot": (
        "n",
        "softmax",
        "categorical_crossentropy",
        "accuracy",
    ),
    "multietiqueta": ("n", "sigmoid", "binary_crossentropy", "binary_accuracy"),
}


def modelo_para(problema, entradas, n_clases=1):
    """Una red con la salida, la pérdida y la métrica de la fila `problema`."""
    neuronas, activacion, perdida, metrica = SALIDAS[problema]
    unidades = 1 if neuronas == "1" else n_clases
    red = keras.Sequential(
        [
            keras.Input(shape=(entradas,)),
            keras.layers.Dense(16, activation="relu"),
            keras.layers.Dense(unidades, activation=activacion),
        ]
    )
    red.compile(optimizer="adam", loss=perdida, metrics=[metrica])
    return red


# --8<-- [end:tabla]


if __name__ == "__main__":
    # --8<-- [start:escalas]
    import keras
    import numpy as np
    from sklearn.datasets import load_wine
    from sklearn.model_selection import train_test_split

    vino = load_wine()  # 178 vinos, 13 medidas químicas, 3 variedades
    X_v_ent, X_v_test, y_v_ent, y_v_test = train_test_split(
        vino.data,
        vino.target,
        test_size=0.3,
        stratify=vino.target,
        random_state=0,
    )
    print("mínimos:", X_v_ent.min(axis=0).round(1).tolist())
    print("máximos:", X_v_ent.max(axis=0).round(1).tolist())
    # --8<-- [end:escalas]

    # --8<-- [start:ejemplo_escalar]
    # Las cuentas se hacen SOLO con los datos de entrenamiento...
    media, desviacion = X_v_ent.mean(axis=0), X_v_ent.std(axis=0)
    Z_ent = estandarizar(X_v_ent, media, desviacion)
    # ...y se aplican tal cual a los de prueba
    Z_test = estandarizar(X_v_test, media, desviacion)
    print(
        "entrenamiento: medias",
        np.abs(Z_ent.mean(axis=0)).round(2).max(),
        "desviaciones",
        Z_ent.std(axis=0).round(2).min(),
    )
    print(
        "prueba: medias entre",
        Z_test.mean(axis=0).round(2).min(),
        "y",
        Z_test.mean(axis=0).round(2).max(),
    )

    # La capa Normalization de Keras aprende la media y la varianza con adapt()
    capa = keras.layers.Normalization()
    capa.adapt(X_v_ent)
    print(
        "diferencia con Keras:",
        float(np.abs(np.asarray(capa(X_v_test)) - Z_test).max()),
    )
    # --8<-- [end:ejemplo_escalar]

    # --8<-- [start:ejemplo_vino]
    print(
        f"sin escalar:   {red_vino(X_v_ent, y_v_ent, X_v_test, y_v_test):.3f}"
    )
    print(f"estandarizado: {red_vino(Z_ent, y_v_ent, Z_test, y_v_test):.3f}")
    # --8<-- [end:ejemplo_vino]

    # --8<-- [start:one_hot]
    etiquetas = np.array([2, 0, 1])  # tres ejemplos de un problema de 3 clases
    one_hot = keras.utils.to_categorical(etiquetas, num_classes=3)
    print(one_hot)
    probabilidades = np.array(
        [[0.1, 0.2, 0.7], [0.8, 0.1, 0.1], [0.3, 0.4, 0.3]]
    )
    con_enteros = keras.losses.SparseCategoricalCrossentropy()(
        etiquetas, probabilidades
    )
    con_one_hot = keras.losses.CategoricalCrossentropy()(
        one_hot, probabilidades
    )
    print(
        f"sparse con enteros: {float(con_enteros):.4f}   "
        f"categorical con one-hot: {float(con_one_hot):.4f}"
    )
    # --8<-- [end:one_hot]

    # --8<-- [start:ejemplo_tabla]
    red_binaria = modelo_para("binaria", entradas=13)
    print(
        red_binaria.layers[-1].units,
        red_binaria.layers[-1].activation.__name__,
        red_binaria.loss,
    )
    red_multi = modelo_para(
        "multiclase, etiquetas enteras", entradas=13, n_clases=3
    )
    red_multi.fit(Z_ent, y_v_ent, epochs=30, batch_size=16, verbose=0)
    print(
        "vino, 3 clases: [pérdida, exactitud] =",
        np.round(red_multi.evaluate(Z_test, y_v_test, verbose=0), 3),
    )
    # --8<-- [end:ejemplo_tabla]

    # En la página, modelo y X_test son los del apartado 2.1
    from maquinaria.digitos import entrenar_digitos

    modelo, _, (X_ent, X_test, y_ent, y_test) = entrenar_digitos(epocas=2)
    # --8<-- [start:guardar]
    import numpy as np

    modelo.save("modelo.keras")  # arquitectura, pesos, compile y optimizador
    recuperado = keras.models.load_model("modelo.keras")
    antes = modelo.predict(X_test, verbose=0)
    despues = recuperado.predict(X_test, verbose=0)
    print("predicciones idénticas:", np.array_equal(antes, despues))
    print(
        "misma evaluación:",
        recuperado.evaluate(X_test, y_test, verbose=0)
        == modelo.evaluate(X_test, y_test, verbose=0),
    )
    # --8<-- [end:guardar]

    # --8<-- [start:practica_normalizar]
    minimo, maximo = X_v_ent.min(axis=0), X_v_ent.max(axis=0)
    N_ent = normalizar(X_v_ent, minimo, maximo)
    N_test = normalizar(X_v_test, minimo, maximo)
    print("entrenamiento entre", N_ent.min(), "y", N_ent.max())
    # En la prueba puede salir algo por debajo de 0 o por encima de 1:
    print("prueba entre", N_test.min().round(3), "y", N_test.max().round(3))
    acierto = red_vino(N_ent, y_v_ent, N_test, y_v_test)
    print(f"exactitud normalizando: {acierto:.3f}")
    # --8<-- [end:practica_normalizar]

    # --8<-- [start:practica_guardar]
    red_multi.save("vino.keras")
    red_multi.fit(Z_ent, y_v_ent, epochs=5, batch_size=16, verbose=0)  # sigue
    seguida = keras.models.load_model("vino.keras")  # la copia guardada, no
    print(
        "¿iguales tras seguir entrenando?",
        np.array_equal(
            red_multi.predict(Z_test, verbose=0),
            seguida.predict(Z_test, verbose=0),
        ),
    )
    seguida.fit(
        Z_ent, y_v_ent, epochs=5, batch_size=16, verbose=0
    )  # puede seguir
    print(
        "la copia también sigue aprendiendo:",
        np.round(seguida.evaluate(Z_test, y_v_test, verbose=0), 3),
    )
    # --8<-- [end:practica_guardar]
