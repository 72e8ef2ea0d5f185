"""Más allá del Playground: tres clases con softmax y entropía cruzada (espiral de tres brazos)

Espiral de tres brazos con 200 puntos por clase, ruido 10 y el 50 % para entrenar. Red de
tres capas ocultas de 8 neuronas tanh y una salida softmax de 3 neuronas, entrenada con
`model.fit` (Adam, tasa 0,03, lotes de 32) y `sparse_categorical_crossentropy`.
"""

import keras
import numpy as np

from snippets.playground import crear_modelo_multiclase, espiral_multiclase

SEMILLA = 0
EPOCAS = 60
LOTE = 32
CLASES = 3


class PerdidasAlFinal(keras.callbacks.Callback):
    """Entropía cruzada y exactitud de entrenamiento y prueba al final de cada época."""

    def __init__(self, conjuntos):
        super().__init__()
        self.conjuntos = conjuntos
        self.historia = {(n, q): [] for n in conjuntos for q in ("perdida", "exactitud")}

    def on_epoch_end(self, epoca, logs=None):
        for nombre, (X, y) in self.conjuntos.items():
            p = keras.ops.convert_to_numpy(self.model(X))
            self.historia[(nombre, "perdida")].append(float(-np.mean(np.log(p[np.arange(len(y)), y]))))
            self.historia[(nombre, "exactitud")].append(float(np.mean(p.argmax(axis=1) == y)))


def calcular():
    X_ent, y_ent, X_test, y_test = espiral_multiclase(clases=CLASES, semilla=SEMILLA)
    modelo = crear_modelo_multiclase(clases=CLASES)
    anotador = PerdidasAlFinal({"ent": (X_ent, y_ent), "test": (X_test, y_test)})
    modelo.fit(X_ent, y_ent, epochs=EPOCAS, batch_size=LOTE, verbose=0, callbacks=[anotador])
    perdida_test, exactitud_test = modelo.evaluate(X_test, y_test, verbose=0)
    eje = np.linspace(-6, 6, 100, dtype="float32")
    xx, yy = np.meshgrid(eje, eje)
    probabilidades = keras.ops.convert_to_numpy(modelo(np.stack([xx.ravel(), yy.ravel()], axis=1)))
    h = anotador.historia
    return {
        "datos": (X_ent, y_ent, X_test, y_test),
        "probabilidades": probabilidades.reshape(100, 100, CLASES),
        "historia": h,
        "metricas": {
            "epocas": EPOCAS,
            "lote": LOTE,
            "clases": CLASES,
            "puntos_ent": len(X_ent),
            "puntos_test": len(X_test),
            "parametros": modelo.count_params(),
            "perdida_ent": h[("ent", "perdida")][-1],
            "perdida_test": float(perdida_test),
            "exactitud_ent": h[("ent", "exactitud")][-1],
            "exactitud_test": float(exactitud_test),
            "perdida_inicial_test": h[("test", "perdida")][0],
            "suma_probabilidades_max_error": float(np.abs(probabilidades.sum(axis=1) - 1).max()),
        },
    }


def dibujar(res, estrecha=False):
    import matplotlib.pyplot as plt
    from matplotlib.colors import to_rgb

    from maquinaria.formato import numero, porcentaje
    from maquinaria.graficos_playground import AZUL, CURVAS, NARANJA

    colores = np.array([to_rgb(c) for c in (AZUL, NARANJA, "#2e9e5b")])
    m, p = res["metricas"], res["probabilidades"]
    from maquinaria.estilo import ANCHO_ESTRECHA

    if estrecha:  # en el móvil, el mapa encima y las curvas debajo
        figura, ejes = plt.subplots(2, 1, figsize=(ANCHO_ESTRECHA, 8.2), layout="constrained")
    else:
        figura, ejes = plt.subplots(
            1, 2, figsize=(9.4, 4.3), layout="constrained", gridspec_kw={"width_ratios": [1, 1.2]}
        )
    # Color de la clase más probable, tanto más claro cuanto menos segura está la red.
    seguridad = ((p.max(axis=-1) - 1 / 3) / (2 / 3))[..., None]
    imagen = colores[p.argmax(axis=-1)] * seguridad + 0.93 * (1 - seguridad)
    ejes[0].imshow(imagen, extent=(-6, 6, -6, 6), origin="lower", interpolation="nearest")
    X_ent, y_ent, X_test, y_test = res["datos"]
    for X, y, borde in ((X_ent, y_ent, "white"), (X_test, y_test, "black")):
        ejes[0].scatter(X[:, 0], X[:, 1], c=colores[y], s=10, edgecolors=borde, linewidths=0.5)
    ejes[0].set_xlim(-6, 6)
    ejes[0].set_ylim(-6, 6)
    ejes[0].set_xticks([-6, -3, 0, 3, 6])
    ejes[0].set_yticks([-6, -3, 0, 3, 6])
    ejes[0].grid(False)
    ejes[0].set_title(f"Clase más probable\nexactitud en prueba: {porcentaje(m['exactitud_test'], 1)}", fontsize=11)
    h = res["historia"]
    epocas = np.arange(1, m["epocas"] + 1)
    for color, (nombre, texto) in zip(CURVAS, (("ent", "entrenamiento"), ("test", "prueba"))):
        ejes[1].plot(epocas, h[(nombre, "perdida")], "-" if nombre == "ent" else "--", color=color, label=texto)
    ejes[1].set_xlabel("época")
    ejes[1].set_yscale("log")
    ejes[1].set_title("Entropía cruzada por época\n(escala logarítmica)", fontsize=11)
    ejes[1].legend(fontsize=10)

    def f(v):
        return numero(v, 3)

    def pct(v):
        return porcentaje(v, 1)

    alt = (
        "A la izquierda, el plano de −6 a 6 coloreado por la clase más probable según la red (azul, naranja y "
        "verde), más claro donde la red duda, con los puntos de los tres brazos de la espiral encima: las tres "
        "regiones siguen los brazos enrollados. A la derecha, la entropía cruzada de entrenamiento y de prueba por "
        f"época en escala logarítmica, que baja de {f(m['perdida_inicial_test'])} a {f(m['perdida_test'])} en "
        f"prueba en {m['epocas']} épocas. Exactitud final: {pct(m['exactitud_ent'])} en entrenamiento y "
        f"{pct(m['exactitud_test'])} en prueba."
    )
    return figura, alt
