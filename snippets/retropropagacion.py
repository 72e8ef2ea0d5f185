"""Retropropagación a mano, con números (apartado 2.3).

Un paso de entrenamiento de la neurona del apartado 1.1 (entradas, pesos y sesgo
de snippets/neurona.py) y después de una red de dos capas con una neurona cada
una: pasada hacia delante, pérdida, regla de la cadena término a término y pesos
nuevos. Las pruebas comparan cada derivada con `tf.GradientTape` y los pesos
nuevos con un paso de `SGD` de Keras.
"""

# --8<-- [start:neurona]
import numpy as np


def sigmoide(z):
    return 1 / (1 + np.exp(-z))


def paso_neurona(x, w, b, objetivo, tasa):
    """Un paso de gradiente descendiente: neurona sigmoide, error cuadrático."""
    # Hacia delante
    z = x @ w + b
    y = sigmoide(z)
    perdida = (y - objetivo) ** 2
    # Hacia atrás: la regla de la cadena, un factor cada vez
    dL_dy = 2 * (y - objetivo)  # derivada de (y - objetivo)²
    dy_dz = y * (1 - y)  # derivada de la sigmoide
    dL_dz = dL_dy * dy_dz
    dL_dw = dL_dz * x  # dz/dw_i = x_i
    dL_db = dL_dz * 1  # dz/db = 1
    # El paso: cada parámetro, en contra de su derivada
    return dict(
        z=z,
        y=y,
        perdida=perdida,
        dL_dy=dL_dy,
        dy_dz=dy_dz,
        dL_dz=dL_dz,
        dL_dw=dL_dw,
        dL_db=dL_db,
        w_nuevo=w - tasa * dL_dw,
        b_nuevo=b - tasa * dL_db,
    )


# --8<-- [end:neurona]


# --8<-- [start:dos_capas]
def paso_dos_capas(x, w, b, v, c, objetivo, tasa):
    """La neurona del 1.1 (capa oculta) seguida de una neurona de salida."""
    # Hacia delante, guardando lo que necesitará la vuelta
    z1 = x @ w + b
    h = sigmoide(z1)  # salida de la capa oculta
    z2 = v * h + c
    y = sigmoide(z2)  # salida de la red
    perdida = (y - objetivo) ** 2
    # Hacia atrás: la capa de salida, igual que con una neurona
    dL_dz2 = 2 * (y - objetivo) * y * (1 - y)
    dL_dv = dL_dz2 * h  # dz2/dv = h
    dL_dc = dL_dz2
    # Y la capa oculta: la derivada viaja a través de v
    dL_dh = dL_dz2 * v  # dz2/dh = v
    dL_dz1 = dL_dh * h * (1 - h)
    dL_dw = dL_dz1 * x
    dL_db = dL_dz1
    return dict(
        h=h,
        y=y,
        perdida=perdida,
        dL_dz2=dL_dz2,
        dL_dv=dL_dv,
        dL_dc=dL_dc,
        dL_dh=dL_dh,
        dL_dz1=dL_dz1,
        dL_dw=dL_dw,
        dL_db=dL_db,
        w_nuevo=w - tasa * dL_dw,
        b_nuevo=b - tasa * dL_db,
        v_nuevo=v - tasa * dL_dv,
        c_nuevo=c - tasa * dL_dc,
    )


# --8<-- [end:dos_capas]


if __name__ == "__main__":
    # --8<-- [start:ejemplo_neurona]
    x = np.array([1.0, 0.5, 2.0])  # la neurona del apartado 1.1
    w = np.array([0.4, -0.6, 0.5])
    b = -0.3
    objetivo, tasa = 1.0, 0.5  # queremos que la salida sea 1

    r = paso_neurona(x, w, b, objetivo, tasa)
    print(
        f"hacia delante: z = {r['z']:.4f}, y = {r['y']:.4f}, "
        f"pérdida = {r['perdida']:.4f}"
    )
    print(
        f"dL/dy = {r['dL_dy']:.4f}   dy/dz = {r['dy_dz']:.4f}   "
        f"dL/dz = {r['dL_dz']:.4f}"
    )
    print("dL/dw =", r["dL_dw"].round(4), f"  dL/db = {r['dL_db']:.4f}")
    print("w nuevo =", r["w_nuevo"].round(4), f"  b nuevo = {r['b_nuevo']:.4f}")
    y_nueva = sigmoide(x @ r["w_nuevo"] + r["b_nuevo"])
    print(
        f"con los pesos nuevos: y = {y_nueva:.4f}, "
        f"pérdida = {(y_nueva - objetivo) ** 2:.4f}"
    )
    # --8<-- [end:ejemplo_neurona]

    # --8<-- [start:keras_neurona]
    import keras
    import tensorflow as tf

    # Las derivadas, con GradientTape
    pesos = tf.Variable(w.reshape(-1, 1))
    sesgo = tf.Variable([b], dtype=tf.float64)
    with tf.GradientTape() as cinta:
        salida = tf.sigmoid(x.reshape(1, -1) @ pesos + sesgo)
        perdida = tf.reduce_mean((salida - objetivo) ** 2)
    d_pesos, d_sesgo = cinta.gradient(perdida, [pesos, sesgo])
    print(
        "GradientTape: dL/dw =",
        d_pesos.numpy().ravel().round(4),
        f"  dL/db = {float(d_sesgo[0]):.4f}",
    )

    # Un paso de entrenamiento de Keras con SGD y la misma tasa
    modelo = keras.Sequential(
        [keras.Input(shape=(3,)), keras.layers.Dense(1, activation="sigmoid")]
    )
    modelo.set_weights([w.reshape(-1, 1), np.array([b])])
    modelo.compile(
        optimizer=keras.optimizers.SGD(learning_rate=tasa), loss="mse"
    )
    modelo.train_on_batch(x.reshape(1, -1), np.array([[objetivo]]))
    w_keras, b_keras = modelo.get_weights()
    print(
        "Keras tras un paso: w =",
        w_keras.ravel().round(4),
        f"  b = {b_keras[0]:.4f}",
    )
    # --8<-- [end:keras_neurona]

    # --8<-- [start:ejemplo_dos_capas]
    v, c = 0.8, 0.1  # peso y sesgo de la neurona de salida
    r2 = paso_dos_capas(x, w, b, v, c, objetivo, tasa)
    print(
        f"hacia delante: h = {r2['h']:.4f}, y = {r2['y']:.4f}, "
        f"pérdida = {r2['perdida']:.4f}"
    )
    print(
        f"salida: dL/dz2 = {r2['dL_dz2']:.4f}, dL/dv = {r2['dL_dv']:.4f}, "
        f"dL/dc = {r2['dL_dc']:.4f}"
    )
    print(f"oculta: dL/dh = {r2['dL_dh']:.4f}, dL/dz1 = {r2['dL_dz1']:.4f}")
    print(
        "        dL/dw =", r2["dL_dw"].round(4), f"  dL/db = {r2['dL_db']:.4f}"
    )
    print(
        f"nuevos: v = {r2['v_nuevo']:.4f}, c = {r2['c_nuevo']:.4f}, "
        f"b = {r2['b_nuevo']:.4f}, w =",
        r2["w_nuevo"].round(4),
    )
    # --8<-- [end:ejemplo_dos_capas]

    # --8<-- [start:keras_dos_capas]
    modelo2 = keras.Sequential(
        [
            keras.Input(shape=(3,)),
            keras.layers.Dense(1, activation="sigmoid"),
            keras.layers.Dense(1, activation="sigmoid"),
        ]
    )
    modelo2.set_weights(
        [w.reshape(-1, 1), np.array([b]), np.array([[v]]), np.array([c])]
    )
    modelo2.compile(
        optimizer=keras.optimizers.SGD(learning_rate=tasa), loss="mse"
    )
    modelo2.train_on_batch(x.reshape(1, -1), np.array([[objetivo]]))
    w2, b2, v2, c2 = modelo2.get_weights()
    print(
        f"Keras: v = {v2[0, 0]:.4f}, c = {c2[0]:.4f}, b = {b2[0]:.4f}, w =",
        w2.ravel().round(4),
    )
    # --8<-- [end:keras_dos_capas]

    # --8<-- [start:practica_objetivo_cero]
    x = np.array([1.0, 0.5, 2.0])  # la neurona del apartado 1.1
    w = np.array([0.4, -0.6, 0.5])
    b = -0.3
    r0 = paso_neurona(x, w, b, objetivo=0.0, tasa=0.5)
    print("dL/dw =", r0["dL_dw"].round(4), " w nuevo =", r0["w_nuevo"].round(4))
    y0 = sigmoide(x @ r0["w_nuevo"] + r0["b_nuevo"])
    print(f"y antes {r0['y']:.4f}, después {y0:.4f}")  # baja hacia 0
    # --8<-- [end:practica_objetivo_cero]

    # --8<-- [start:practica_entrada_cero]
    x_cero = np.array([1.0, 0.0, 2.0])  # la segunda entrada vale 0
    w, b = np.array([0.4, -0.6, 0.5]), -0.3  # los pesos del apartado 1.1
    r_cero = paso_neurona(x_cero, w, b, objetivo=1.0, tasa=0.5)
    print("dL/dw =", r_cero["dL_dw"].round(4) + 0.0)  # la segunda es 0
    print("w nuevo =", r_cero["w_nuevo"].round(4))  # w2 no cambia
    # --8<-- [end:practica_entrada_cero]
