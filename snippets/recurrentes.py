"""Redes recurrentes: una serie temporal, SimpleRNN y LSTM, y la recurrencia escrita a mano (apartado 4.1)."""

# --8<-- [start:serie]
import keras
import numpy as np


def ondas(t):
    """La parte predecible de la serie: dos ondas con periodos de 50 y 17 pasos."""
    return np.sin(2 * np.pi * t / 50) + 0.5 * np.sin(2 * np.pi * t / 17)


def crear_serie(n=1200, semilla=0):
    """Las dos ondas más un poco de ruido (desviación típica 0,1)."""
    ruido = np.random.default_rng(semilla).normal(scale=0.1, size=n)
    return (ondas(np.arange(n)) + ruido).astype("float32")


def crear_ventanas(serie, longitud=20):
    """Cada ejemplo: `longitud` valores seguidos; su objetivo: el valor que viene después."""
    x = np.stack([serie[i : i + longitud] for i in range(len(serie) - longitud)])
    y = serie[longitud:]
    return x[..., np.newaxis], y  # x: (ejemplos, pasos, 1 valor por paso)


def separar(x, y, proporcion=0.8):
    """Sin barajar: se entrena con el pasado y se prueba con el futuro."""
    corte = int(proporcion * len(x))
    return x[:corte], x[corte:], y[:corte], y[corte:]
# --8<-- [end:serie]


# --8<-- [start:modelos]
def crear_rnn(unidades=16):
    return keras.Sequential(
        [
            keras.Input(shape=(None, 1)),  # None: secuencias de cualquier longitud
            keras.layers.SimpleRNN(unidades),  # devuelve el último estado h_T
            keras.layers.Dense(1),  # el valor siguiente
        ],
        name="simple_rnn",
    )


def crear_lstm(unidades=16):
    return keras.Sequential(
        [keras.Input(shape=(None, 1)), keras.layers.LSTM(unidades), keras.layers.Dense(1)],
        name="lstm",
    )


def entrenar(modelo, x, y, epocas=5):
    modelo.compile(optimizer="adam", loss="mse")
    return modelo.fit(x, y, epochs=epocas, batch_size=32, verbose=0)
# --8<-- [end:modelos]


# --8<-- [start:a_mano]
def simple_rnn_a_mano(x, W, U, b):
    """La recurrencia de SimpleRNN paso a paso: h_t = tanh(x_t·W + h_(t-1)·U + b).

    x: (pasos, entradas); W: (entradas, unidades); U: (unidades, unidades); b: (unidades,).
    Devuelve todos los estados, uno por fila.
    """
    h = np.zeros(U.shape[0])  # h_0: la red empieza sin memoria
    estados = []
    for x_t in x:
        h = np.tanh(x_t @ W + h @ U + b)  # los mismos W, U y b en cada paso
        estados.append(h)
    return np.array(estados)
# --8<-- [end:a_mano]


if __name__ == "__main__":
    # --8<-- [start:ejemplo]
    keras.utils.set_random_seed(0)
    serie = crear_serie()
    x, y = crear_ventanas(serie, longitud=20)
    x_ent, x_test, y_ent, y_test = separar(x, y)
    print("Ventanas de entrenamiento:", x_ent.shape, " de prueba:", x_test.shape)

    rnn = crear_rnn()
    entrenar(rnn, x_ent, y_ent, epocas=5)
    prediccion = rnn.predict(x_test, verbose=0)[:, 0]
    print("Error cuadrático medio de la SimpleRNN:", np.mean((prediccion - y_test) ** 2))
    print("Repitiendo el último valor visto:     ", np.mean((x_test[:, -1, 0] - y_test) ** 2))
    # --8<-- [end:ejemplo]

    # --8<-- [start:longitudes]
    for pasos in (5, 20, 60):
        print(f"Secuencia de {pasos} pasos ->", rnn.predict(serie[None, :pasos, None], verbose=0).shape)

    densa = keras.Sequential([keras.Input(shape=(20,)), keras.layers.Dense(16, activation="tanh"), keras.layers.Dense(1)])
    try:
        densa.predict(serie[None, :60], verbose=0)
    except ValueError:
        print("La red densa solo admite exactamente 20 entradas")
    # --8<-- [end:longitudes]

    # --8<-- [start:desenrollar]
    capa = rnn.layers[0]  # la SimpleRNN entrenada
    W, U, b = capa.get_weights()
    print("W:", W.shape, " U:", U.shape, " b:", b.shape)

    secuencia = x_test[0, :4]  # cuatro pasos de una ventana
    a_mano = simple_rnn_a_mano(secuencia, W, U, b)

    todos_los_estados = keras.layers.SimpleRNN(16, return_sequences=True)
    todos_los_estados.build((None, None, 1))
    todos_los_estados.set_weights([W, U, b])
    con_keras = keras.ops.convert_to_numpy(todos_los_estados(secuencia[None]))[0]
    print("Diferencia máxima con Keras:", np.abs(a_mano - con_keras).max())
    # --8<-- [end:desenrollar]

    # --8<-- [start:ejercicio_parametros]
    lstm = crear_lstm()
    n, m = 16, 1  # unidades y valores por paso
    print("SimpleRNN:", rnn.layers[0].count_params(), "=", n * m + n * n + n)
    print("LSTM:     ", lstm.layers[0].count_params(), "=", 4 * (n * m + n * n + n))
    # --8<-- [end:ejercicio_parametros]

    # --8<-- [start:ejercicio_ultimo]
    ultimo = keras.ops.convert_to_numpy(capa(x_test[:1]))[0]  # lo que la capa pasa a Dense
    print("¿Es el último estado?", np.allclose(ultimo, simple_rnn_a_mano(x_test[0], W, U, b)[-1], atol=1e-5))
    # --8<-- [end:ejercicio_ultimo]

    # --8<-- [start:ejercicio_futuro]
    ventana = list(x_test[0, :, 0])
    futuro = []
    for _ in range(10):  # cada predicción entra como dato en la siguiente
        siguiente = float(rnn.predict(np.array(ventana[-20:])[None, :, None], verbose=0)[0, 0])
        futuro.append(siguiente)
        ventana.append(siguiente)
    print("Predicho:", np.round(futuro, 2))
    print("Real:    ", np.round(y_test[:10], 2))
    # --8<-- [end:ejercicio_futuro]
