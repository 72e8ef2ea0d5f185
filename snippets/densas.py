"""Una red densa de Keras de principio a fin con dígitos (apartado 2.1).

Las cinco etapas de la unidad: crear el modelo (`Sequential` con capas
`Dense`), configurar el aprendizaje (`compile`), entrenar (`fit`), evaluar
(`evaluate`) y predecir (`predict`). Los datos son los 1797 dígitos escritos a
mano de 8x8 píxeles que trae scikit-learn, así que nada se descarga.
"""

# --8<-- [start:datos]
import keras
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split


def cargar_digitos(semilla=0):
    """Imágenes de 8x8 aplanadas en 64 valores, en entrenamiento y prueba."""
    digitos = load_digits()
    # Cada píxel vale de 0 a 16: lo llevamos a [0, 1].
    X = digitos.data.astype("float32") / 16.0
    y = digitos.target  # la clase de cada imagen: un entero de 0 a 9
    # El 20 % para la prueba final, con la misma proporción de cada dígito
    # (stratify).
    return train_test_split(
        X, y, test_size=0.2, stratify=y, random_state=semilla
    )


# --8<-- [end:datos]


# --8<-- [start:modelo]
def crear_modelo(ocultas=32):
    modelo = keras.Sequential()
    modelo.add(keras.Input(shape=(64,)))  # cada ejemplo: 64 píxeles
    modelo.add(keras.layers.Dense(ocultas, activation="relu"))  # capa oculta
    # Una neurona por dígito:
    modelo.add(keras.layers.Dense(10, activation="softmax"))
    return modelo


# --8<-- [end:modelo]


# --8<-- [start:compilar]
def compilar(modelo, tasa=0.1):
    modelo.compile(
        # Las etiquetas son enteros de 0 a 9:
        loss="sparse_categorical_crossentropy",
        # "sgd" a secas usa una tasa de 0.01:
        optimizer=keras.optimizers.SGD(learning_rate=tasa),
        metrics=["accuracy"],
    )
    return modelo


# --8<-- [end:compilar]


if __name__ == "__main__":
    # --8<-- [start:ejemplo_datos]
    X_ent, X_test, y_ent, y_test = cargar_digitos()
    print("entrenamiento:", X_ent.shape, " prueba:", X_test.shape)
    print(
        "primera etiqueta:",
        y_ent[0],
        " píxeles entre",
        X_ent.min(),
        "y",
        X_ent.max(),
    )
    # --8<-- [end:ejemplo_datos]

    # --8<-- [start:ejemplo_modelo]
    keras.utils.set_random_seed(0)  # mismos pesos iniciales en cada ejecución
    modelo = crear_modelo()
    modelo.summary()
    # --8<-- [end:ejemplo_modelo]

    # --8<-- [start:ejemplo_compilar]
    compilar(modelo, tasa=0.1)
    # --8<-- [end:ejemplo_compilar]

    # --8<-- [start:ejemplo_fit]
    historial = modelo.fit(
        X_ent,
        y_ent,
        epochs=20,  # 20 pasadas completas por los datos de entrenamiento
        batch_size=32,  # los pesos se actualizan cada 32 ejemplos
        # El último 20 % no se usa para aprender: sirve para vigilar.
        validation_split=0.2,
        verbose=2,  # una línea por época (0: nada; 1: barra de progreso)
    )
    print(sorted(historial.history))
    # --8<-- [end:ejemplo_fit]

    # --8<-- [start:ejemplo_evaluate]
    perdida, exactitud = modelo.evaluate(X_test, y_test, verbose=0)
    print(f"prueba: pérdida {perdida:.3f}, exactitud {exactitud:.3f}")
    # --8<-- [end:ejemplo_evaluate]

    # --8<-- [start:ejemplo_predict]
    probabilidades = modelo.predict(X_test[:5], verbose=0)
    print(probabilidades.shape)  # (5, 10): una probabilidad por dígito
    print(probabilidades.round(2))
    print("suma de cada fila:", probabilidades.sum(axis=1).round(3))
    print("predicción:", probabilidades.argmax(axis=1), " real:", y_test[:5])
    # --8<-- [end:ejemplo_predict]

    # --8<-- [start:practica_parametros]
    # 64 entradas -> 32 neuronas -> 10 neuronas
    a_mano = (64 * 32 + 32) + (32 * 10 + 10)
    print(a_mano, modelo.count_params())  # 2410 2410
    # --8<-- [end:practica_parametros]
