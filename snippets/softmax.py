"""Softmax con varias clases y la sigmoide como softmax de dos (apartado 1.4).

En la página, estas secciones van detrás de las de `snippets/activaciones.py`,
que definen `softmax` con NumPy; aquí se importa para que el módulo funcione
por sí solo.
"""

# En la página, `softmax` ya está definida más arriba.
from snippets.activaciones import softmax

# isort: split
# --8<-- [start:datos]
import keras
import numpy as np
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split


def cargar_digitos():
    """Los 1797 dígitos de 8x8 de scikit-learn: 10 clases, del 0 al 9."""
    digitos = load_digits()
    # Cada píxel va de 0 a 16: lo pasamos a [0, 1].
    X = digitos.data.astype("float32") / 16.0
    y = digitos.target
    return train_test_split(X, y, test_size=0.25, stratify=y, random_state=0)


# --8<-- [end:datos]


# --8<-- [start:modelo]
EPOCAS = 20


def entrenar_clasificador(X_ent, y_ent, epocas=EPOCAS, semilla=0):
    keras.utils.set_random_seed(semilla)
    modelo = keras.Sequential(
        [
            keras.Input(shape=(64,)),
            keras.layers.Dense(32, activation="relu"),
            # K = 10 clases: 10 neuronas y softmax
            keras.layers.Dense(10, activation="softmax"),
        ]
    )
    modelo.compile(
        optimizer="adam",
        loss="sparse_categorical_crossentropy",
        metrics=["accuracy"],
    )
    modelo.fit(X_ent, y_ent, epochs=epocas, batch_size=32, verbose=0)
    return modelo


# --8<-- [end:modelo]


# --8<-- [start:evidencias]
def evidencias(modelo, X):
    """Las evidencias z de la capa de salida, calculadas a mano.

    Son lo que entra en softmax.
    """
    oculta, salida = modelo.layers
    W1, b1 = oculta.get_weights()
    W2, b2 = salida.get_weights()
    h = np.maximum(0.0, X @ W1 + b1)  # capa oculta con ReLU
    return h @ W2 + b2  # una evidencia por clase, sin activación


# --8<-- [end:evidencias]


# --8<-- [start:dos_clases]
def sigmoide_y_softmax(w, b):
    """Una neurona con sigmoide y dos neuronas con softmax que dan lo mismo."""
    w = np.asarray(w, dtype="float32").reshape(-1, 1)
    una = keras.layers.Dense(1, activation="sigmoid")
    una.build((None, len(w)))
    una.set_weights([w, np.array([b], dtype="float32")])
    # La segunda neurona tiene pesos y sesgo 0: su evidencia siempre vale 0.
    dos = keras.layers.Dense(2, activation="softmax")
    dos.build((None, len(w)))
    dos.set_weights(
        [np.hstack([w, np.zeros_like(w)]), np.array([b, 0.0], dtype="float32")]
    )
    return una, dos


# --8<-- [end:dos_clases]


if __name__ == "__main__":
    # --8<-- [start:entrenar]
    X_ent, X_test, y_ent, y_test = cargar_digitos()
    modelo = entrenar_clasificador(X_ent, y_ent)
    perdida, exactitud = modelo.evaluate(X_test, y_test, verbose=0)
    print(f"Exactitud con {len(X_test)} imágenes de prueba: {exactitud:.3f}")
    # --8<-- [end:entrenar]

    # --8<-- [start:probabilidades]
    # Una fila por imagen, una columna por clase:
    P = modelo.predict(X_test[:3], verbose=0)
    print(P.round(3))
    print("Cada fila suma:", P.sum(axis=1).round(6))
    print("Clase más probable:", P.argmax(axis=1), " clase real:", y_test[:3])
    # --8<-- [end:probabilidades]

    # --8<-- [start:evidencias_uso]
    z = evidencias(modelo, X_test[:3])
    print("Evidencias de la primera imagen:", z[0].round(2))
    # softmax es el último paso: aplicada a las evidencias, da las
    # probabilidades de predict.
    print("Diferencia máxima:", np.abs(softmax(z) - P).max())
    # --8<-- [end:evidencias_uso]

    # --8<-- [start:sigmoide_dos_clases]
    x = np.linspace(-6, 6, 13)
    sig = keras.ops.convert_to_numpy(keras.activations.sigmoid(x))
    # softmax de [x, 0]: la columna 0 es la probabilidad de la primera clase.
    sm = keras.ops.convert_to_numpy(
        keras.activations.softmax(np.stack([x, np.zeros_like(x)], axis=1))
    )
    print(
        "Diferencia máxima entre sigmoide(x) y softmax([x, 0])[0]:",
        np.abs(sig - sm[:, 0]).max(),
    )

    una, dos = sigmoide_y_softmax(w=[1.5, -2.0], b=0.5)
    entradas = np.random.default_rng(0).normal(size=(4, 2)).astype("float32")
    print(
        "Dense(1, sigmoid):        ", np.asarray(una(entradas)).ravel().round(4)
    )
    print(
        "Dense(2, softmax), clase 0:", np.asarray(dos(entradas))[:, 0].round(4)
    )
    # --8<-- [end:sigmoide_dos_clases]

    # --8<-- [start:ejercicio_argmax]
    z_test = evidencias(modelo, X_test)
    P_test = modelo.predict(X_test, verbose=0)
    iguales = (z_test.argmax(axis=1) == P_test.argmax(axis=1)).mean()
    print("Proporción de imágenes con la misma clase elegida:", iguales)  # 1.0
    # --8<-- [end:ejercicio_argmax]

    # --8<-- [start:ejercicio_dudosa]
    confianza = P_test.max(axis=1)  # la probabilidad de la clase elegida
    i = confianza.argmin()
    dos_mejores = P_test[i].argsort()[::-1][:2]
    print(
        f"Imagen {i}: clase real {y_test[i]}; dudas entre {dos_mejores[0]} "
        f"({P_test[i, dos_mejores[0]]:.2f}) y {dos_mejores[1]}"
        f" ({P_test[i, dos_mejores[1]]:.2f})"
    )
    # --8<-- [end:ejercicio_dudosa]

    # --8<-- [start:ejercicio_temperatura]
    z_ej = np.array([2.0, 1.0, 0.1])
    for T in (0.5, 1.0, 5.0):
        print(f"T = {T}:", softmax(z_ej / T).round(3))
    # Con T pequeña la distribución se concentra en la mayor evidencia; con T
    # grande se acerca a la uniforme (1/3 cada una). La clase más probable no
    # cambia.
    # --8<-- [end:ejercicio_temperatura]
