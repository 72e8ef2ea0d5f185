"""TensorFlow Playground en NumPy y Keras (apartado 1.3 y su apéndice).

Los cuatro conjuntos de clasificación siguen `src/dataset.ts` del Playground;
la red usa sus valores por defecto: tanh, tasa 0,03, lotes de 10, pesos
U(-0,5; 0,5), sesgos 0,1, SGD sin momento y la pérdida que muestra.
"""

# Cada sección de la página importa lo que usa, justo donde empieza a usarlo.
# ruff: noqa: E402

# --8<-- [start:datos]
import numpy as np

N_PUNTOS = 500  # los conjuntos de clasificación del Playground: 500 puntos
RADIO = 5.0  # los datos viven en [-5, 5] x [-5, 5]


def circulo(ruido=0, rng=None):
    """Un disco (+1) dentro de un anillo (-1). El ruido cambia etiquetas."""
    rng = np.random.default_rng(rng)
    r = np.concatenate(
        [rng.uniform(0, RADIO * 0.5, 250), rng.uniform(RADIO * 0.7, RADIO, 250)]
    )
    angulo = rng.uniform(0, 2 * np.pi, N_PUNTOS)
    x, y = r * np.sin(angulo), r * np.cos(angulo)
    # La etiqueta se decide con el punto desplazado, pero se guarda el original.
    nx, ny = rng.uniform(-RADIO, RADIO, (2, N_PUNTOS)) * ruido / 100
    dentro = np.hypot(x + nx, y + ny) < RADIO * 0.5
    return np.stack([x, y], axis=1), np.where(dentro, 1.0, -1.0)


def xor(ruido=0, rng=None):
    """Cuatro zonas: +1 si x e y tienen el mismo signo, -1 si no."""
    rng = np.random.default_rng(rng)
    x, y = rng.uniform(-RADIO, RADIO, (2, N_PUNTOS))
    # Cada coordenada se aparta 0,3 del cero, como en el Playground.
    x, y = x + np.where(x > 0, 0.3, -0.3), y + np.where(y > 0, 0.3, -0.3)
    nx, ny = rng.uniform(-RADIO, RADIO, (2, N_PUNTOS)) * ruido / 100
    etiqueta = np.where((x + nx) * (y + ny) >= 0, 1.0, -1.0)
    return np.stack([x, y], axis=1), etiqueta


def gaussiana(ruido=0, rng=None):
    """Dos nubes: 250 puntos en (2, 2) con +1 y 250 en (-2, -2) con -1."""
    rng = np.random.default_rng(rng)
    varianza = 0.5 + 7 * ruido / 100  # el ruido ensancha las nubes
    positivos = rng.normal(2.0, np.sqrt(varianza), (250, 2))
    negativos = rng.normal(-2.0, np.sqrt(varianza), (250, 2))
    X = np.concatenate([positivos, negativos])
    return X, np.repeat([1.0, -1.0], 250)


def espiral(ruido=0, rng=None):
    """Dos brazos de espiral entrelazados. Aquí el ruido sí mueve puntos."""
    rng = np.random.default_rng(rng)
    n = N_PUNTOS // 2
    puntos = []
    for delta in (0.0, np.pi):  # +1 y -1, el segundo girado media vuelta
        i = np.arange(n)
        r = 5 * i / n
        t = 1.75 * i / n * 2 * np.pi + delta
        x = r * np.sin(t) + rng.uniform(-1, 1, n) * ruido / 100
        y = r * np.cos(t) + rng.uniform(-1, 1, n) * ruido / 100
        puntos.append(np.stack([x, y], axis=1))
    return np.concatenate(puntos), np.repeat([1.0, -1.0], n)


CONJUNTOS = {
    "circulo": circulo,
    "xor": xor,
    "gaussiana": gaussiana,
    "espiral": espiral,
}


def datos_playground(conjunto="circulo", ruido=0, entrenamiento=50, semilla=0):
    """Genera un conjunto y lo reparte como el Playground.

    ruido: el deslizador «Noise», de 0 a 50.
    entrenamiento: «Ratio of training to test data», de 10 a 90 (%).
    Se barajan los puntos una vez; los primeros floor(500 * ratio / 100)
    son de entrenamiento y el resto, de prueba.
    """
    if not 0 <= ruido <= 50:
        raise ValueError("El ruido del Playground va de 0 a 50.")
    if not 10 <= entrenamiento <= 90:
        raise ValueError("El entrenamiento del Playground va de 10 a 90 %.")
    rng = np.random.default_rng(semilla)
    X, y = CONJUNTOS[conjunto](ruido, rng)
    orden = rng.permutation(len(X))
    X, y = X[orden].astype("float32"), y[orden].astype("float32")
    corte = int(np.floor(len(X) * entrenamiento / 100))
    return X[:corte], y[:corte], X[corte:], y[corte:]


# --8<-- [end:datos]


# --8<-- [start:entradas]
# Las entradas que se pueden encender en el Playground, en su orden.
ENTRADAS = {
    "x": lambda x, y: x,  # X1
    "y": lambda x, y: y,  # X2
    "xSquared": lambda x, y: x * x,  # X1²
    "ySquared": lambda x, y: y * y,  # X2²
    "xTimesY": lambda x, y: x * y,  # X1·X2
    "sinX": lambda x, y: np.sin(x),  # sin(X1)
    "sinY": lambda x, y: np.sin(y),  # sin(X2)
}


def caracteristicas(X, entradas=("x", "y")):
    """Las columnas que recibe la red: una por entrada encendida."""
    columnas = [
        f(X[:, 0], X[:, 1])
        for nombre, f in ENTRADAS.items()
        if nombre in entradas
    ]
    return np.stack(columnas, axis=1).astype("float32")


# --8<-- [end:entradas]


# --8<-- [start:modelo]
import keras


def perdida_playground(y_real, y_pred):
    """La pérdida del Playground: media de 0,5 (salida - objetivo)²."""
    return 0.5 * keras.ops.mean(keras.ops.square(y_pred - y_real), axis=-1)


def crear_modelo(
    capas=(4, 2), activacion="tanh", tasa=0.03, regularizacion=0.0, n_entradas=2
):
    """Una red como la del Playground: capas ocultas y una salida tanh."""
    if len(capas) > 6 or any(not 1 <= n <= 8 for n in capas):
        raise ValueError(
            "El Playground admite de 0 a 6 capas ocultas de 1 a 8 neuronas."
        )
    # L2 del Playground: 0,5 · regularizacion · w² por peso (no los
    # sesgos); en Keras, l2(regularizacion / 2).
    l2 = None
    if regularizacion:
        l2 = keras.regularizers.l2(regularizacion / 2)

    def densa(neuronas, funcion):
        return keras.layers.Dense(
            neuronas,
            activation=funcion,
            kernel_initializer=keras.initializers.RandomUniform(-0.5, 0.5),
            bias_initializer=keras.initializers.Constant(0.1),
            kernel_regularizer=l2,
        )

    modelo = keras.Sequential([keras.Input(shape=(n_entradas,))])
    for neuronas in capas:
        modelo.add(densa(neuronas, activacion))
    modelo.add(densa(1, "tanh"))  # salida en (-1, 1): su signo es la clase
    modelo.compile(
        optimizer=keras.optimizers.SGD(learning_rate=float(tasa)),
        loss=perdida_playground,
    )
    return modelo


# --8<-- [end:modelo]


# --8<-- [start:entrenar]
class PerdidasPlayground(keras.callbacks.Callback):
    """Anota al final de cada época las dos pérdidas del Playground."""

    def __init__(self, X_ent, y_ent, X_test, y_test):
        super().__init__()
        self.conjuntos = {
            "entrenamiento": (X_ent, y_ent),
            "prueba": (X_test, y_test),
        }
        self.historia = {nombre: [] for nombre in self.conjuntos}

    def on_epoch_end(self, epoca, logs=None):
        for nombre, (X, y) in self.conjuntos.items():
            salida = keras.ops.convert_to_numpy(self.model(X))[:, 0]
            perdida = np.mean(0.5 * (salida - y) ** 2)
            self.historia[nombre].append(float(perdida))


def entrenar(modelo, X_ent, y_ent, X_test, y_test, epocas=50):
    """Entrena como el Playground: lotes de 10, siempre en el mismo orden."""
    perdidas = PerdidasPlayground(X_ent, y_ent, X_test, y_test)
    modelo.fit(
        X_ent,
        y_ent,
        batch_size=10,
        epochs=epocas,
        shuffle=False,
        verbose=0,
        callbacks=[perdidas],
    )
    return perdidas.historia


def exactitud(modelo, X, y):
    """Fracción de puntos bien clasificados: el signo de la salida."""
    salida = keras.ops.convert_to_numpy(modelo(X))[:, 0]
    return float(np.mean(np.where(salida >= 0, 1.0, -1.0) == y))


def mapa_de_decision(modelo, entradas=("x", "y"), puntos=100, limite=6.0):
    """La salida de la red en la rejilla del Playground: 100 x 100 puntos
    en [-6, 6]², extremos incluidos."""
    eje = np.linspace(-limite, limite, puntos, dtype="float32")
    xx, yy = np.meshgrid(eje, eje)
    rejilla = np.stack([xx.ravel(), yy.ravel()], axis=1)
    salida = modelo(caracteristicas(rejilla, entradas))
    return eje, keras.ops.convert_to_numpy(salida).reshape(puntos, puntos)


# --8<-- [end:entrenar]


# --8<-- [start:experimento]
def experimento(
    conjunto="circulo",
    capas=(4, 2),
    activacion="tanh",
    tasa=0.03,
    ruido=0,
    entrenamiento=50,
    entradas=("x", "y"),
    epocas=50,
    semilla=0,
):
    """Una configuración del Playground: datos, red, entrenamiento."""
    keras.utils.set_random_seed(semilla)  # pesos iniciales reproducibles
    X_ent, y_ent, X_test, y_test = datos_playground(
        conjunto, ruido, entrenamiento, semilla
    )
    X_ent = caracteristicas(X_ent, entradas)
    X_test = caracteristicas(X_test, entradas)
    modelo = crear_modelo(capas, activacion, tasa, n_entradas=len(entradas))
    perdidas = entrenar(modelo, X_ent, y_ent, X_test, y_test, epocas)
    acierto = exactitud(modelo, X_test, y_test)
    print(
        f"{conjunto}, capas {capas}, {activacion}, tasa {tasa}, "
        f"ruido {ruido}, {entrenamiento} %, entradas {entradas}: "
        f"pérdida ent. {perdidas['entrenamiento'][-1]:.3f}, "
        f"prueba {perdidas['prueba'][-1]:.3f}, acierto {acierto:.0%}"
    )
    return modelo, perdidas


# --8<-- [end:experimento]


# --8<-- [start:multiclase]
def espiral_multiclase(
    clases=3,
    puntos_por_clase=200,
    vueltas=1.0,
    ruido=10,
    entrenamiento=50,
    semilla=0,
):
    """Una espiral de `clases` brazos; etiquetas 0, 1, ..., clases - 1."""
    rng = np.random.default_rng(semilla)
    i = np.arange(puntos_por_clase)
    r = 5 * i / puntos_por_clase
    X, y = [], []
    for clase in range(clases):
        t = (
            vueltas * i / puntos_por_clase * 2 * np.pi
            + 2 * np.pi * clase / clases
        )
        ruido_xy = rng.uniform(-1, 1, (2, puntos_por_clase)) * ruido / 100
        X.append(
            np.stack(
                [r * np.sin(t) + ruido_xy[0], r * np.cos(t) + ruido_xy[1]],
                axis=1,
            )
        )
        y.append(np.full(puntos_por_clase, clase))
    X, y = np.concatenate(X).astype("float32"), np.concatenate(y)
    orden = rng.permutation(len(X))
    X, y = X[orden], y[orden]
    corte = int(np.floor(len(X) * entrenamiento / 100))
    return X[:corte], y[:corte], X[corte:], y[corte:]


def crear_modelo_multiclase(clases=3, capas=(8, 8, 8), tasa=0.03):
    """Como la red del Playground, con una salida softmax por clase."""
    modelo = keras.Sequential([keras.Input(shape=(2,))])
    for neuronas in capas:
        modelo.add(keras.layers.Dense(neuronas, activation="tanh"))
    # Probabilidades que suman 1.
    modelo.add(keras.layers.Dense(clases, activation="softmax"))
    modelo.compile(
        optimizer=keras.optimizers.Adam(learning_rate=tasa),
        loss="sparse_categorical_crossentropy",  # etiquetas enteras 0, 1...
        metrics=["accuracy"],
    )
    return modelo


# --8<-- [end:multiclase]


if __name__ == "__main__":
    # --8<-- [start:ejemplo_datos]
    X_ent, y_ent, X_test, y_test = datos_playground(
        "circulo", ruido=0, entrenamiento=50, semilla=0
    )
    print(
        "entrenamiento:",
        X_ent.shape,
        "prueba:",
        X_test.shape,
        "etiquetas:",
        np.unique(y_ent),
    )
    # --8<-- [end:ejemplo_datos]

    # --8<-- [start:ejemplo_red]
    keras.utils.set_random_seed(0)  # los mismos pesos iniciales cada vez
    modelo = crear_modelo()  # capas ocultas de 4 y 2, tanh, SGD con 0,03
    modelo.summary()
    perdidas = entrenar(modelo, X_ent, y_ent, X_test, y_test, epocas=5)
    print("pérdida de prueba por época:", np.round(perdidas["prueba"], 3))
    # --8<-- [end:ejemplo_red]

    # --8<-- [start:epocas]
    EPOCAS = 5  # pocas, para que la página corra en segundos
    # --8<-- [end:epocas]

    # --8<-- [start:propuesta_ratio]
    for entrenamiento in (50, 70):
        experimento("circulo", entrenamiento=entrenamiento, epocas=EPOCAS)
    # --8<-- [end:propuesta_ratio]

    # --8<-- [start:propuesta_una_neurona]
    experimento("circulo", capas=(1,), entrenamiento=70, epocas=EPOCAS)
    # --8<-- [end:propuesta_una_neurona]

    # --8<-- [start:propuesta_tres_neuronas]
    experimento("circulo", capas=(3,), entrenamiento=70, epocas=EPOCAS)
    # --8<-- [end:propuesta_tres_neuronas]

    # --8<-- [start:propuesta_cuadrados]
    experimento(
        "circulo", capas=(), entradas=("xSquared", "ySquared"), epocas=EPOCAS
    )
    # --8<-- [end:propuesta_cuadrados]

    # --8<-- [start:propuesta_xor]
    experimento("xor", capas=(3,), entrenamiento=70, epocas=EPOCAS)
    # --8<-- [end:propuesta_xor]

    # --8<-- [start:propuesta_espiral]
    experimento(
        "espiral",
        capas=(8, 8, 8, 8),
        activacion="relu",
        entrenamiento=70,
        epocas=EPOCAS,
    )
    # --8<-- [end:propuesta_espiral]

    # --8<-- [start:propuesta_tasa]
    for tasa in (0.001, 0.03, 3.0):
        experimento("circulo", tasa=tasa, entrenamiento=70, epocas=EPOCAS)
    # --8<-- [end:propuesta_tasa]

    # --8<-- [start:propuesta_ruido]
    for ruido in (0, 25, 50):
        experimento("circulo", ruido=ruido, entrenamiento=70, epocas=EPOCAS)
    # --8<-- [end:propuesta_ruido]

    # --8<-- [start:tamanos]
    for capas in [(1,), (4,), (8, 8, 8, 8, 8, 8)]:
        experimento(
            "circulo", capas=capas, ruido=50, entrenamiento=10, epocas=EPOCAS
        )
    # --8<-- [end:tamanos]

    # --8<-- [start:ejemplo_multiclase]
    X_ent, y_ent, X_test, y_test = espiral_multiclase(clases=3)
    modelo = crear_modelo_multiclase(clases=3)
    modelo.fit(X_ent, y_ent, epochs=EPOCAS, batch_size=32, verbose=0)
    perdida, acierto = modelo.evaluate(X_test, y_test, verbose=0)
    probabilidades = modelo.predict(X_test[:2], verbose=0)
    print(f"entropía cruzada de prueba {perdida:.3f}, exactitud {acierto:.0%}")
    print(
        "probabilidades de dos puntos:",
        probabilidades.round(3),
        "sumas:",
        probabilidades.sum(axis=1),
    )
    # --8<-- [end:ejemplo_multiclase]

    # --8<-- [start:solucion_gaussiana]
    for neuronas in (1, 2):
        experimento("gaussiana", capas=(neuronas,), epocas=EPOCAS)
    # --8<-- [end:solucion_gaussiana]

    # --8<-- [start:solucion_l2]
    modelo = crear_modelo((8, 8, 8, 8, 8, 8), regularizacion=0.01)
    capa = modelo.layers[0]
    w = capa.kernel.numpy()
    # Lo que Keras suma a la pérdida por esta capa y lo que suma el
    # Playground: lo mismo.
    print(
        "Keras:",
        float(capa.losses[0]),
        " Playground:",
        0.5 * 0.01 * float((w**2).sum()),
    )
    X_ent, y_ent, X_test, y_test = datos_playground(
        "circulo", ruido=50, entrenamiento=10, semilla=0
    )
    perdidas = entrenar(modelo, X_ent, y_ent, X_test, y_test, epocas=EPOCAS)
    print("pérdida de prueba:", round(perdidas["prueba"][-1], 3))
    # --8<-- [end:solucion_l2]

    # --8<-- [start:solucion_dibujo]
    import matplotlib.pyplot as plt

    modelo, perdidas = experimento(
        "xor", capas=(4,), entrenamiento=70, epocas=EPOCAS
    )
    X_ent, y_ent, X_test, y_test = datos_playground("xor", entrenamiento=70)
    eje_xy, mapa = mapa_de_decision(modelo)
    figura, (izquierda, derecha) = plt.subplots(1, 2, figsize=(9, 4))
    # Fondo: la salida de la red, de naranja (-1) a azul (+1).
    izquierda.imshow(
        mapa,
        extent=(-6, 6, -6, 6),
        origin="lower",
        cmap="RdYlBu",
        vmin=-1,
        vmax=1,
    )
    izquierda.scatter(
        X_ent[:, 0],
        X_ent[:, 1],
        c=y_ent,
        cmap="RdYlBu",
        edgecolors="white",
        s=12,
    )
    izquierda.set_title("XOR, 4 neuronas")
    derecha.plot(perdidas["entrenamiento"], label="entrenamiento")
    derecha.plot(perdidas["prueba"], "--", label="prueba")
    derecha.set_xlabel("época")
    derecha.legend()
    figura.savefig("mapa_xor.png", dpi=100)
    print("guardado mapa_xor.png")
    # --8<-- [end:solucion_dibujo]
