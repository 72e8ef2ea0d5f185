"""Redes recurrentes (apartado 4.1): una serie, una memoria y referencias."""

# Cada sección de la página importa lo que usa, justo donde empieza a usarlo.
# ruff: noqa: E402

# --8<-- [start:serie]
import keras
import numpy as np


def ondas(t):
    """La parte predecible: dos ondas con periodos de 50 y 17 pasos."""
    return np.sin(2 * np.pi * t / 50) + 0.5 * np.sin(2 * np.pi * t / 17)


def crear_serie(n=1200, semilla=0):
    """Las dos ondas más un poco de ruido (desviación típica 0,1)."""
    ruido = np.random.default_rng(semilla).normal(scale=0.1, size=n)
    return (ondas(np.arange(n)) + ruido).astype("float32")


def crear_ventanas(serie, longitud=20):
    """Ejemplos de `longitud` valores seguidos; objetivo: el valor siguiente."""
    n = len(serie) - longitud
    x = np.stack([serie[i : i + longitud] for i in range(n)])
    y = serie[longitud:]
    return x[..., np.newaxis], y  # x: (ejemplos, pasos, 1 valor por paso)


def separar(x, y, proporcion=0.8):
    """Sin barajar: se entrena con el pasado y se prueba con el futuro."""
    corte = int(proporcion * len(x))
    return x[:corte], x[corte:], y[:corte], y[corte:]


# --8<-- [end:serie]


# --8<-- [start:modelos]
def crear_recurrente(tipo="SimpleRNN", unidades=16, valores_por_paso=1):
    """Una capa recurrente (SimpleRNN, LSTM o GRU) y una Dense(1) detrás."""
    capa = getattr(keras.layers, tipo)  # keras.layers.SimpleRNN, LSTM o GRU
    return keras.Sequential(
        [
            # None: secuencias de cualquier número de pasos
            keras.Input(shape=(None, valores_por_paso)),
            capa(unidades),  # devuelve el último estado h_T
            keras.layers.Dense(1),  # la respuesta
        ],
        name=tipo.lower(),
    )


def entrenar(modelo, x, y, epocas=5, tasa=0.01):
    modelo.compile(optimizer=keras.optimizers.Adam(tasa), loss="mse")
    return modelo.fit(x, y, epochs=epocas, batch_size=64, verbose=0)


def error(prediccion, y):
    """Error cuadrático medio."""
    return float(np.mean((np.ravel(prediccion) - y) ** 2))


# --8<-- [end:modelos]


# --8<-- [start:referencias]
def ultimo_valor(x):
    """La referencia más simple: el siguiente será igual que el último."""
    return x[:, -1, 0]


def ajustar_lineal(x, y):
    """Regresión lineal por mínimos cuadrados sobre la misma ventana."""
    a = np.c_[x.reshape(len(x), -1), np.ones(len(x))]  # + columna de sesgo
    coeficientes, *_ = np.linalg.lstsq(a, y, rcond=None)
    return coeficientes


def predecir_lineal(coeficientes, x):
    return np.c_[x.reshape(len(x), -1), np.ones(len(x))] @ coeficientes


def crear_densa(pasos, valores_por_paso=1, unidades=32):
    """Una red densa sobre la ventana: un peso propio para cada posición."""
    return keras.Sequential(
        [
            keras.Input(shape=(pasos, valores_por_paso)),
            keras.layers.Flatten(),  # (pasos, valores) -> un solo vector
            keras.layers.Dense(unidades, activation="relu"),
            keras.layers.Dense(1),
        ],
        name="densa",
    )


# --8<-- [end:referencias]


# --8<-- [start:memoria]
def crear_marcado(n, pasos=30, semilla=0):
    """Recordar el valor marcado: la respuesta está muy atrás en la secuencia.

    Cada paso lleva dos números: un valor al azar entre 0 y 1 y una marca
    (1 en un solo paso de la primera mitad, 0 en el resto). El objetivo es
    el valor del paso marcado, que queda al menos pasos/2 pasos atrás.
    """
    rng = np.random.default_rng(semilla)
    valores = rng.uniform(0, 1, size=(n, pasos))
    marcas = np.zeros((n, pasos))
    donde = rng.integers(0, pasos // 2, size=n)  # en la primera mitad
    marcas[np.arange(n), donde] = 1
    x = np.stack([valores, marcas], axis=-1).astype("float32")
    return x, valores[np.arange(n), donde].astype("float32")


# --8<-- [end:memoria]


# --8<-- [start:gradientes]
import tensorflow as tf


def gradiente_por_paso(modelo, x, y):
    """Tamaño del gradiente de la pérdida respecto a la entrada de cada paso.

    Devuelve un número por paso: la norma de dL/dx_t, media sobre los ejemplos.
    """
    x = tf.convert_to_tensor(x)
    with tf.GradientTape() as cinta:
        cinta.watch(x)  # x no es un peso: hay que pedir que se siga
        perdida = keras.losses.mean_squared_error(y, modelo(x)[:, 0])
    g = cinta.gradient(perdida, x)  # (ejemplos, pasos, valores por paso)
    return np.linalg.norm(g.numpy(), axis=-1).mean(axis=0)


# --8<-- [end:gradientes]


# --8<-- [start:a_mano]
def simple_rnn_a_mano(x, W, U, b):
    """La recurrencia de SimpleRNN: h_t = tanh(x_t·W + h_(t-1)·U + b).

    x: (pasos, entradas); W: (entradas, unidades); U: (unidades, unidades);
    b: (unidades,). Devuelve todos los estados, uno por fila.
    """
    h = np.zeros(U.shape[0])  # h_0: la red empieza sin memoria
    estados = []
    for x_t in x:
        h = np.tanh(x_t @ W + h @ U + b)  # los mismos W, U y b en cada paso
        estados.append(h)
    return np.array(estados)


# --8<-- [end:a_mano]


# --8<-- [start:parametros]
def parametros_simple_rnn(n, m):
    """n unidades, m valores por paso: W (m·n), U (n·n) y b (n)."""
    return n * m + n * n + n


def parametros_lstm(n, m):
    """Cuatro juegos de W, U y b: tres puertas y el candidato."""
    return 4 * (n * m + n * n + n)


def parametros_gru(n, m):
    """Tres juegos: dos puertas y el candidato.

    Con reset_after=True (lo que hace Keras por defecto) cada juego lleva
    dos sesgos, uno para la entrada y otro para el estado: 2n.
    """
    return 3 * (n * m + n * n + 2 * n)


# --8<-- [end:parametros]


if __name__ == "__main__":
    # --8<-- [start:ejemplo]
    keras.utils.set_random_seed(0)
    serie = crear_serie()
    x, y = crear_ventanas(serie, longitud=20)
    x_ent, x_test, y_ent, y_test = separar(x, y)
    print("Entrenamiento:", x_ent.shape, " prueba:", x_test.shape)

    rnn = crear_recurrente("SimpleRNN")
    entrenar(rnn, x_ent, y_ent, epocas=5)
    densa = crear_densa(pasos=20)
    entrenar(densa, x_ent, y_ent, epocas=5)
    lineal = ajustar_lineal(x_ent, y_ent)

    errores = {
        "último valor": error(ultimo_valor(x_test), y_test),
        "regresión lineal": error(predecir_lineal(lineal, x_test), y_test),
        "red densa": error(densa.predict(x_test, verbose=0), y_test),
        "SimpleRNN": error(rnn.predict(x_test, verbose=0), y_test),
    }
    for nombre, valor in errores.items():
        print(f"{nombre:>16}: {valor:.3f}")
    # --8<-- [end:ejemplo]

    # --8<-- [start:longitudes]
    for pasos in (5, 20, 60):
        trozo = serie[None, :pasos, None]  # (1 ejemplo, pasos, 1 valor)
        salida = rnn.predict(trozo, verbose=0)
        print(f"SimpleRNN con {pasos} pasos ->", salida.shape)
    try:
        densa.predict(serie[None, :60, None], verbose=0)
        print("La red densa ha aceptado 60 pasos")
    except (ValueError, tf.errors.InvalidArgumentError):  # según la versión
        print("La red densa solo admite exactamente 20 pasos")
    # --8<-- [end:longitudes]

    # --8<-- [start:memoria_entrenar]
    x_ent, y_ent = crear_marcado(2000, pasos=30, semilla=1)
    x_test, y_test = crear_marcado(500, pasos=30, semilla=2)
    print("Predecir siempre la media:", round(error(y_ent.mean(), y_test), 3))
    print(
        "Último valor:             ", round(error(x_test[:, -1, 0], y_test), 3)
    )

    keras.utils.set_random_seed(0)
    lstm = crear_recurrente("LSTM", valores_por_paso=2)
    entrenar(lstm, x_ent, y_ent, epocas=12)
    print(
        "LSTM:                     ",
        round(error(lstm.predict(x_test, verbose=0), y_test), 3),
    )

    # La misma LSTM con secuencias el doble de largas, que nunca ha visto
    x_largo, y_largo = crear_marcado(500, pasos=60, semilla=3)
    print(
        "LSTM con 60 pasos:        ",
        round(error(lstm.predict(x_largo, verbose=0), y_largo), 3),
    )
    # --8<-- [end:memoria_entrenar]

    # --8<-- [start:gradientes_medir]
    g = gradiente_por_paso(lstm, x_test[:200], y_test[:200])
    # g[0] es el primer paso (30 pasos atrás); g[-1], el último
    for distancia in (0, 10, 20, 29):
        print(f"{distancia:>2} pasos atrás: {g[-1 - distancia]:.2e}")
    # --8<-- [end:gradientes_medir]

    # --8<-- [start:desenrollar]
    capa = rnn.layers[0]  # la SimpleRNN entrenada con la serie
    W, U, b = capa.get_weights()
    print("W:", W.shape, " U:", U.shape, " b:", b.shape)

    secuencia = crear_ventanas(serie)[0][944, :4]  # 4 pasos de una ventana
    a_mano = simple_rnn_a_mano(secuencia, W, U, b)

    todos = keras.layers.SimpleRNN(16, return_sequences=True)
    todos.build((None, None, 1))
    todos.set_weights([W, U, b])
    con_keras = keras.ops.convert_to_numpy(todos(secuencia[None]))[0]
    print("¿Los mismos estados?", np.allclose(a_mano, con_keras, atol=1e-5))
    # --8<-- [end:desenrollar]

    # --8<-- [start:contar]
    n, m = 16, 1  # unidades y valores por paso
    for tipo, formula in (
        ("SimpleRNN", parametros_simple_rnn),
        ("LSTM", parametros_lstm),
        ("GRU", parametros_gru),
    ):
        capa = crear_recurrente(tipo, unidades=n, valores_por_paso=m).layers[0]
        print(f"{tipo:>9}: {capa.count_params():>4} = {formula(n, m)}")
    # --8<-- [end:contar]

    # --8<-- [start:ejercicio_ultimo]
    x_ventana = crear_ventanas(serie)[0][944:945]  # una ventana completa
    ultimo = keras.ops.convert_to_numpy(rnn.layers[0](x_ventana))[0]
    h = simple_rnn_a_mano(x_ventana[0], W, U, b)
    print("¿Es el último estado?", np.allclose(ultimo, h[-1], atol=1e-5))
    # --8<-- [end:ejercicio_ultimo]

    # --8<-- [start:ejercicio_futuro]
    x_serie, y_serie = crear_ventanas(serie)
    ventana = list(x_serie[944, :, 0])
    futuro = []
    for _ in range(10):  # cada predicción entra como dato en la siguiente
        entrada = np.array(ventana[-20:])[None, :, None]
        siguiente = float(rnn.predict(entrada, verbose=0)[0, 0])
        futuro.append(siguiente)
        ventana.append(siguiente)
    print("Predicho:", np.round(futuro, 2))
    print("Real:    ", np.round(y_serie[944:954], 2))
    # --8<-- [end:ejercicio_futuro]
