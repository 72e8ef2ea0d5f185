"""Sobreajuste y regularización sobre un problema pequeño que sobreajusta
(apartado 2.4).

Las dos lunas de scikit-learn con mucho ruido: 120 puntos para aprender y
validar y 1000 para la prueba final. Una red densa de dos capas de 64 neuronas
los memoriza; se compara con la parada temprana (`EarlyStopping`), `Dropout` y
la penalización L2.
"""

# --8<-- [start:datos]
import keras
import numpy as np
from sklearn.datasets import make_moons


def datos_lunas(semilla=0):
    """120 puntos para entrenar y validar y 1000 para la prueba; mucho ruido."""
    X, y = make_moons(1120, noise=0.35, random_state=semilla)
    X, y = X.astype("float32"), y.astype("float32")
    return X[:120], y[:120], X[120:], y[120:]


# --8<-- [end:datos]


# --8<-- [start:modelo]
def crear_red(dropout=0.0, l2=0.0):
    """Dos capas ocultas de 64 neuronas: demasiadas para 80 puntos."""
    penalizacion = keras.regularizers.L2(l2) if l2 else None
    capas = [keras.Input(shape=(2,))]
    for _ in range(2):
        capas.append(
            keras.layers.Dense(
                64, activation="relu", kernel_regularizer=penalizacion
            )
        )
        if dropout:
            capas.append(keras.layers.Dropout(dropout))  # solo al entrenar
    capas.append(keras.layers.Dense(1, activation="sigmoid"))
    red = keras.Sequential(capas)
    red.compile(
        optimizer=keras.optimizers.Adam(learning_rate=0.02),
        loss="binary_crossentropy",
        metrics=["accuracy"],
    )
    return red


# --8<-- [end:modelo]


# --8<-- [start:entrenar]
VARIANTES = {  # nombre: ajustes
    "sin regularizar": {},
    "parada temprana": {"parada": True},
    "Dropout": {"dropout": 0.5},
    "L2": {"l2": 0.01},
}


def entrenar(variante, semilla=0, epocas=60):
    """Entrena una variante: su historial y su pérdida y exactitud de prueba."""
    X, y, X_test, y_test = datos_lunas()
    ajustes = dict(VARIANTES[variante])
    avisos = []
    if ajustes.pop("parada", False):
        # Para si la pérdida de validación no mejora en 10 épocas seguidas
        # y se queda con los pesos de la mejor época
        avisos.append(
            keras.callbacks.EarlyStopping(
                monitor="val_loss", patience=10, restore_best_weights=True
            )
        )
    keras.utils.set_random_seed(semilla)
    red = crear_red(**ajustes)
    historial = red.fit(
        X,
        y,
        epochs=epocas,
        batch_size=80,
        validation_split=1 / 3,  # 80 aprenden, 40 validan
        verbose=0,
        callbacks=avisos,
    )
    # Entropía cruzada sin la penalización L2, para comparar las variantes
    probabilidades = red.predict(X_test, verbose=0)[:, 0]
    perdida = float(keras.losses.binary_crossentropy(y_test, probabilidades))
    exactitud = float(np.mean((probabilidades > 0.5) == y_test))
    return historial.history, perdida, exactitud


# --8<-- [end:entrenar]


if __name__ == "__main__":
    # --8<-- [start:ejemplo_base]
    h, perdida, exactitud = entrenar("sin regularizar")
    mejor = int(np.argmin(h["val_loss"]))
    print(
        f"pérdida de entrenamiento: época 1 {h['loss'][0]:.3f}, "
        f"última {h['loss'][-1]:.3f}"
    )
    print(
        f"pérdida de validación: mínima {h['val_loss'][mejor]:.3f} "
        f"en la época {mejor + 1}, última {h['val_loss'][-1]:.3f}"
    )
    print(f"prueba: pérdida {perdida:.3f}, exactitud {exactitud:.3f}")
    # --8<-- [end:ejemplo_base]

    # --8<-- [start:ejemplo_variantes]
    # La red sin regularizar ya está entrenada (arriba): no se repite.
    resultados = {"sin regularizar": (h, perdida, exactitud)}
    for variante in ["parada temprana", "Dropout", "L2"]:
        resultados[variante] = entrenar(variante)
    for variante, (h, perdida, exactitud) in resultados.items():
        print(
            f"{variante:16s} {len(h['loss']):3d} épocas, prueba: "
            f"pérdida {perdida:.3f}, exactitud {exactitud:.3f}"
        )
    # --8<-- [end:ejemplo_variantes]

    # --8<-- [start:practica_dropout]
    VARIANTES["Dropout 0.2"] = {"dropout": 0.2}
    _, perdida, exactitud = entrenar("Dropout 0.2")
    print(f"Dropout 0.2: pérdida {perdida:.3f}, exactitud {exactitud:.3f}")
    _, perdida, exactitud = resultados["Dropout"]  # la 0.5, de arriba
    print(f"Dropout 0.5: pérdida {perdida:.3f}, exactitud {exactitud:.3f}")
    # --8<-- [end:practica_dropout]

    # --8<-- [start:practica_paciencia]
    X, y, X_test, y_test = datos_lunas()
    keras.utils.set_random_seed(0)
    red = crear_red()
    parada = keras.callbacks.EarlyStopping(
        monitor="val_loss", patience=5, restore_best_weights=True
    )
    h = red.fit(
        X,
        y,
        epochs=60,
        batch_size=80,
        validation_split=1 / 3,
        verbose=0,
        callbacks=[parada],
    )
    print(
        "paró en la época",
        len(h.history["loss"]),
        "; mejor época:",
        int(np.argmin(h.history["val_loss"])) + 1,
    )
    print(
        "pérdida de validación con los pesos restaurados:",
        round(red.evaluate(X[80:], y[80:], verbose=0)[0], 3),
    )
    # --8<-- [end:practica_paciencia]
