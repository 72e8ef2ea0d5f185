"""Muchas redes del Playground entrenadas a la vez en un solo paso compilado («modelos apilados»).

Un paso de `model.fit` cuesta casi lo mismo con una neurona que con seis capas de ocho: a
este tamaño manda el coste fijo de cada paso, no el cálculo. Aquí se juntan C redes en tensores con un primer
eje de «configuración» y se entrenan todas en un único bucle de `tf.function`, sin volver
a Python entre paso y paso. Cada red conserva su arquitectura, su tasa de aprendizaje y
sus datos: las redes más pequeñas se rellenan hasta el tamaño de la mayor con neuronas
enmascaradas (salida 0, gradiente 0) y capas que dejan pasar su entrada tal cual.

Los pesos iniciales se copian de modelos de Keras creados con `crear_modelo` y los
entrenados se devuelven a esos mismos modelos, así que las figuras dibujan modelos de Keras.
Una prueba comprueba que el resultado coincide con `model.fit` para la misma red y semilla.
"""

from __future__ import annotations

import numpy as np
import tensorflow as tf

ACTIVACIONES = {"tanh": tf.tanh, "relu": tf.nn.relu, "sigmoid": tf.sigmoid, "linear": tf.identity}


def _arquitectura(modelo):
    """Neuronas por capa oculta, activación oculta y tasa de aprendizaje de un modelo de `crear_modelo`."""
    densas = list(modelo.layers)
    capas = tuple(capa.units for capa in densas[:-1])
    activaciones = {capa.get_config()["activation"] for capa in densas[:-1]} or {"tanh"}
    if len(activaciones) != 1 or densas[-1].units != 1 or densas[-1].get_config()["activation"] != "tanh":
        raise ValueError("Solo se apilan redes de crear_modelo: una activación oculta y una salida.")
    if any(capa.kernel_regularizer is not None for capa in densas):
        raise ValueError("El entrenamiento apilado no aplica regularización: usa model.fit.")
    tasa = float(keras_valor(modelo.optimizer.learning_rate))
    return capas, activaciones.pop(), tasa


def keras_valor(variable):
    return np.asarray(variable.numpy() if hasattr(variable, "numpy") else variable)


class RedesApiladas:
    """C redes del Playground (cada una con sus datos de entrenamiento y prueba) entrenadas a la vez.

    modelos: modelos de `crear_modelo` (de sus pesos se parte y a ellos se devuelven).
    X_ent, y_ent, X_test, y_test: datos comunes (N, 2) y (N,) o uno por red (C, N, 2) y (C, N);
    todas las redes deben tener el mismo número de puntos de entrenamiento y de prueba.
    """

    def __init__(self, modelos, X_ent, y_ent, X_test, y_test, lote=10, entradas=("x", "y")):
        self.modelos = list(modelos)
        self.entradas = tuple(entradas)  # las entradas del Playground encendidas (columnas de X)
        C = len(self.modelos)
        arquitecturas = [_arquitectura(m) for m in self.modelos]
        self.capas = [a[0] for a in arquitecturas]
        self.L = max(len(c) for c in self.capas)
        self.F = len(self.entradas)
        self.H = max([self.F] + [n for c in self.capas for n in c])
        self.lote = lote

        def por_red(valor, forma):
            valor = np.asarray(valor, dtype="float32")
            if valor.ndim == len(forma):
                valor = np.broadcast_to(valor, (C, *valor.shape))
            return tf.constant(np.ascontiguousarray(valor))

        self.X_ent, self.X_test = por_red(X_ent, (0, 2)), por_red(X_test, (0, 2))
        self.y_ent, self.y_test = por_red(y_ent, (0,)), por_red(y_test, (0,))
        self.n_ent = int(self.X_ent.shape[1])
        self.pasos = -(-self.n_ent // lote)  # el último lote puede ser más corto, como en Keras

        # Pesos rellenados con ceros, máscaras de neuronas y de capas, activación y tasa por red.
        H, L = self.H, self.L
        W = np.zeros((L, C, H, H), "float32")
        b = np.zeros((L, C, H), "float32")
        mascara = np.zeros((L, C, H), "float32")
        activa = np.zeros((L, C, 1), "float32")
        Wo = np.zeros((C, H, 1), "float32")
        bo = np.zeros((C, 1), "float32")
        tipo = np.zeros((len(ACTIVACIONES), C, 1), "float32")
        nombres = list(ACTIVACIONES)
        for c, (modelo, (capas, activacion, _)) in enumerate(zip(self.modelos, arquitecturas)):
            pesos = modelo.get_weights()
            entrada = self.F
            for k, n in enumerate(capas):
                W[k, c, :entrada, :n] = pesos[2 * k]
                b[k, c, :n] = pesos[2 * k + 1]
                mascara[k, c, :n] = 1
                activa[k, c] = 1
                entrada = n
            Wo[c, :entrada] = pesos[-2]
            bo[c] = pesos[-1]
            tipo[nombres.index(activacion), c] = 1
        self.W = [tf.Variable(W[k]) for k in range(L)]
        self.b = [tf.Variable(b[k]) for k in range(L)]
        self.Wo, self.bo = tf.Variable(Wo), tf.Variable(bo)
        # None donde no hace falta: si todas las redes tienen la capa k completa, no se enmascara nada.
        self.mascara = [None if mascara[k].all() else tf.constant(mascara[k]) for k in range(L)]
        self.activa = [None if activa[k].all() else tf.constant(activa[k]) for k in range(L)]
        usadas = [i for i in range(len(nombres)) if tipo[i].any()]
        self.funciones = [(ACTIVACIONES[nombres[i]], tf.constant(tipo[i])) for i in usadas]
        self.tasa = tf.constant(np.array([a[2] for a in arquitecturas], "float32"))
        self.epocas_hechas = 0
        # Una tf.function por grupo de redes: se traza una vez y se reutiliza en cada llamada.
        self._entrenar = tf.function(self._entrenar_python)

    # Paso hacia delante de las C redes a la vez: X (C, n, 2) -> salida (C, n).
    def salida(self, X):
        h = tf.pad(X, [[0, 0], [0, 0], [0, self.H - self.F]])
        for k in range(self.L):
            z = tf.matmul(h, self.W[k]) + self.b[k][:, None, :]
            if len(self.funciones) == 1:
                a = self.funciones[0][0](z)
            else:
                a = tf.add_n([f(z) * t[:, :, None] for f, t in self.funciones])
            if self.mascara[k] is not None:
                a = a * self.mascara[k][:, None, :]
            if self.activa[k] is None:
                h = a
            else:  # una capa que la red no tiene deja pasar h tal cual
                activa = self.activa[k][:, :, None]
                h = activa * a + (1 - activa) * h
        return tf.tanh(tf.matmul(h, self.Wo) + self.bo[:, None, :])[:, :, 0]

    def perdidas(self, X, y):
        """Pérdida del Playground de cada red: media de 0,5 (salida - objetivo)²."""
        return tf.reduce_mean(0.5 * tf.square(self.salida(X) - y), axis=1)

    def _entrenar_python(self, epocas):
        variables = self.W + self.b + [self.Wo, self.bo]
        historia_ent = tf.TensorArray(tf.float32, size=epocas)
        historia_test = tf.TensorArray(tf.float32, size=epocas)
        for e in tf.range(epocas):
            for paso in tf.range(self.pasos):
                inicio = paso * self.lote
                X = self.X_ent[:, inicio : inicio + self.lote]
                y = self.y_ent[:, inicio : inicio + self.lote]
                with tf.GradientTape() as cinta:
                    # Suma de las medias por red: el gradiente de cada red es el de su propia pérdida.
                    total = tf.reduce_sum(self.perdidas(X, y))
                gradientes = cinta.gradient(total, variables)
                for variable, gradiente in zip(variables, gradientes):
                    tasa = tf.reshape(self.tasa, [-1] + [1] * (len(variable.shape) - 1))
                    variable.assign_sub(gradiente * tasa)  # SGD sin momento, como keras.optimizers.SGD
            historia_ent = historia_ent.write(e, self.perdidas(self.X_ent, self.y_ent))
            historia_test = historia_test.write(e, self.perdidas(self.X_test, self.y_test))
        return historia_ent.stack(), historia_test.stack()

    def entrenar(self, epocas):
        """Entrena `epocas` épocas más; devuelve las pérdidas (épocas, C) de entrenamiento y de prueba."""
        ent, test = self._entrenar(tf.constant(epocas, tf.int32))
        self.epocas_hechas += epocas
        return ent.numpy(), test.numpy()

    def pesos(self, c):
        """Los pesos de la red c con la forma de Keras (para `model.set_weights`)."""
        pesos, entrada = [], self.F
        for k, n in enumerate(self.capas[c]):
            pesos += [self.W[k][c, :entrada, :n].numpy(), self.b[k][c, :n].numpy()]
            entrada = n
        return pesos + [self.Wo[c, :entrada].numpy(), self.bo[c].numpy()]

    def devolver_pesos(self):
        """Copia los pesos entrenados a los modelos de Keras de partida."""
        for c, modelo in enumerate(self.modelos):
            modelo.set_weights(self.pesos(c))
        return self.modelos

    def mapas(self, puntos=100, limite=6.0):
        """Salida de cada red en la rejilla del Playground: (C, puntos, puntos)."""
        from snippets.playground import caracteristicas

        eje = np.linspace(-limite, limite, puntos, dtype="float32")
        xx, yy = np.meshgrid(eje, eje)
        rejilla = caracteristicas(np.stack([xx.ravel(), yy.ravel()], axis=1), self.entradas)
        C = len(self.modelos)
        salida = self.salida(tf.constant(np.broadcast_to(rejilla, (C, *rejilla.shape))))
        return salida.numpy().reshape(C, puntos, puntos)


def entrenar_experimentos(experimentos, epocas, capturas=()):
    """Entrena una lista de experimentos del Playground, apilando los que tienen el mismo reparto de datos.

    Cada experimento es un diccionario con `conjunto`, `ruido`, `entrenamiento`, `semilla`
    (datos y pesos iniciales), `capas`, `tasa` y, si se quiere, `activacion` y `entradas`
    (las del Playground encendidas; por defecto `("x", "y")`). Devuelve, en el mismo orden,
    diccionarios con el modelo de Keras ya entrenado, los datos (los puntos del plano), las
    entradas de la red, las pérdidas por época (`ent`, `test`) y los mapas de decisión en las
    épocas de `capturas`.
    """
    import keras

    from snippets.playground import caracteristicas, crear_modelo, datos_playground

    resultados = [None] * len(experimentos)
    grupos = {}
    for i, exp in enumerate(experimentos):
        datos = datos_playground(exp["conjunto"], exp.get("ruido", 0), exp.get("entrenamiento", 50), exp["semilla"])
        entradas = tuple(exp.get("entradas", ("x", "y")))
        red = (caracteristicas(datos[0], entradas), datos[1], caracteristicas(datos[2], entradas), datos[3])
        keras.utils.set_random_seed(exp["semilla"])
        modelo = crear_modelo(
            exp["capas"], exp.get("activacion", "tanh"), exp.get("tasa", 0.03), n_entradas=len(entradas)
        )
        resultados[i] = {"experimento": exp, "datos": datos, "entradas_red": red, "modelo": modelo}
        grupos.setdefault((len(datos[0]), len(datos[2]), entradas), []).append(i)
    cortes = sorted({e for e in capturas if 0 < e < epocas} | {epocas})
    for (_, _, entradas), indices in grupos.items():
        datos = [np.stack([resultados[i]["entradas_red"][k] for i in indices]) for k in range(4)]
        redes = RedesApiladas([resultados[i]["modelo"] for i in indices], *datos, entradas=entradas)
        historia, mapas, hechas = [], {}, 0
        if 0 in capturas:
            mapas[0] = redes.mapas()
        for corte in cortes:
            historia.append(redes.entrenar(corte - hechas))
            hechas = corte
            if corte in capturas:
                mapas[corte] = redes.mapas()
        ent = np.concatenate([h[0] for h in historia])
        test = np.concatenate([h[1] for h in historia])
        redes.devolver_pesos()
        for j, i in enumerate(indices):
            resultados[i].update(ent=ent[:, j], test=test[:, j], capturas={e: m[j] for e, m in mapas.items()})
    return resultados


def comparar(variantes, repeticiones=5, epocas=300, capturas=(), medir=None):
    """Entrena cada variante `repeticiones` veces (semillas 0, 1, ...: datos y pesos nuevos cada vez).

    variantes: {etiqueta: parámetros de un experimento sin la semilla}. Devuelve, por variante,
    un resumen sobre las repeticiones (medias, mínimos, máximos, desviación típica y el valor
    de cada semilla de las pérdidas y exactitudes finales) y, de la repetición mediana según
    la pérdida de prueba, sus datos, su mapa de decisión calculado con el modelo de Keras y sus
    capturas; y las curvas de todas las repeticiones (`ent`, `test`: repeticiones x épocas).
    `medir(resultado)` (opcional) devuelve {nombre: número} de una repetición entrenada; su
    media y sus valores por semilla se añaden al resumen.
    """
    from snippets.playground import exactitud, mapa_de_decision

    experimentos = [dict(v, semilla=s) for v in variantes.values() for s in range(repeticiones)]
    resultados = entrenar_experimentos(experimentos, epocas, capturas)
    salida = {}
    for n, etiqueta in enumerate(variantes):
        grupo = resultados[n * repeticiones : (n + 1) * repeticiones]
        ent = np.array([r["ent"] for r in grupo])
        test = np.array([r["test"] for r in grupo])
        acierto_ent = np.array([exactitud(r["modelo"], *r["entradas_red"][:2]) for r in grupo])
        acierto_test = np.array([exactitud(r["modelo"], *r["entradas_red"][2:]) for r in grupo])
        mediana = int(np.argsort(test[:, -1])[len(grupo) // 2])
        elegido = grupo[mediana]
        resumen = {}
        for nombre, valores in (
            ("perdida_ent", ent[:, -1]),
            ("perdida_test", test[:, -1]),
            ("exactitud_ent", acierto_ent),
            ("exactitud_test", acierto_test),
        ):
            resumen |= _estadisticos(nombre, valores)
        if medir is not None:
            medidas = [medir(r) for r in grupo]
            for nombre in medidas[0]:
                resumen |= _estadisticos(nombre, np.array([m[nombre] for m in medidas], dtype=float))
        resumen["mediana"] = {
            "semilla": mediana,
            "perdida_ent": float(ent[mediana, -1]),
            "perdida_test": float(test[mediana, -1]),
            "exactitud_test": float(acierto_test[mediana]),
        }
        salida[etiqueta] = {
            "resumen": resumen,
            "configuracion": configuracion(variantes[etiqueta]),
            "ent": ent,
            "test": test,
            "datos": elegido["datos"],
            "mapa": mapa_de_decision(elegido["modelo"], tuple(variantes[etiqueta].get("entradas", ("x", "y"))))[1],
            "capturas": elegido["capturas"],
        }
    return salida


def _estadisticos(nombre, valores):
    """Media, mínimo, máximo, desviación típica (ddof=1) y valores por semilla de una magnitud."""
    valores = np.asarray(valores, dtype=float)
    return {
        nombre: float(valores.mean()),
        f"{nombre}_min": float(valores.min()),
        f"{nombre}_max": float(valores.max()),
        f"{nombre}_dt": float(valores.std(ddof=1)) if len(valores) > 1 else 0.0,
        f"{nombre}_semillas": [float(v) for v in valores],
    }


def configuracion(variante):
    """La configuración completa del Playground de una variante, con sus valores por defecto.

    Es lo que se guarda en el registro y lo que las pruebas comparan con los enlaces «Abrir
    en el Playground» de la página.
    """
    return {
        "conjunto": variante["conjunto"],
        "ruido": int(variante.get("ruido", 0)),
        "entrenamiento": int(variante.get("entrenamiento", 50)),
        "capas": [int(n) for n in variante["capas"]],
        "activacion": variante.get("activacion", "tanh"),
        "tasa": float(variante.get("tasa", 0.03)),
        "lote": 10,
        "regularizacion": float(variante.get("regularizacion", 0.0)),
        "entradas": list(variante.get("entradas", ("x", "y"))),
    }
