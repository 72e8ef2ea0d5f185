"""Red convolucional frente a red densa con los mismos dígitos de 8 × 8 (`load_digits` de `scikit-
learn`) y el mismo reparto

Las dos redes de `snippets/cnn.py` se entrenan con la misma receta (`entrenar`: Adam,
lotes de 32, el 20 % final del entrenamiento como validación) y se evalúan con el mismo
20 % de prueba. La figura cnn_filtros dibuja los filtros de esta misma CNN: toma este
cálculo (CALCULO_DE), no la entrena otra vez.
"""

import keras
import numpy as np

from snippets.cnn import cargar_digitos, crear_cnn, crear_densa, entrenar

SEMILLA = 0
EPOCAS = 30
INDICE = 0  # el dígito de prueba con el que cnn_filtros muestra los mapas


def _capas(modelo):
    """(nombre, parámetros) de las capas que tienen pesos, con el nombre de su clase: Conv2D 1, Dense..."""
    con_pesos = [capa for capa in modelo.layers if capa.count_params()]
    clases = [type(capa).__name__ for capa in con_pesos]
    return [
        (f"{clase} {clases[: i + 1].count(clase)}" if clases.count(clase) > 1 else clase, capa.count_params())
        for i, (clase, capa) in enumerate(zip(clases, con_pesos))
    ]


def _filtros(cnn, x_test, y_test, exactitud):
    """Los filtros de la primera capa y los mapas que producen con un dígito (para cnn_filtros)."""
    primera = cnn.layers[0]
    filtros, _ = primera.get_weights()
    digito = x_test[INDICE : INDICE + 1]
    mapas = keras.ops.convert_to_numpy(primera(digito))[0]
    return {
        "digito": digito[0, :, :, 0],
        "filtros": filtros[:, :, 0, :],
        "mapas": mapas,
        "metricas": {
            "exactitud_test": float(exactitud),
            "forma_filtros": list(filtros.shape),
            "forma_mapas": list(mapas.shape),
            "clase": int(y_test[INDICE]),
            "prediccion": int(cnn.predict(digito, verbose=0).argmax()),
            "mapas_apagados": int(np.sum(mapas.max(axis=(0, 1)) == 0)),
        },
    }


def calcular():
    x_ent, x_test, y_ent, y_test = cargar_digitos()
    resultados, metricas = {}, {"epocas": EPOCAS, "n_entrenamiento": len(x_ent), "n_test": len(x_test)}
    for clave, crear in (("cnn", crear_cnn), ("densa", crear_densa)):
        keras.utils.set_random_seed(SEMILLA)  # cada red empieza con la misma semilla
        modelo = crear()
        historia = entrenar(modelo, x_ent, y_ent, epocas=EPOCAS)
        _, exactitud = modelo.evaluate(x_test, y_test, verbose=0)
        aciertos = int(np.sum(modelo.predict(x_test, verbose=0).argmax(axis=1) == y_test))
        capas = _capas(modelo)
        resultados[clave] = {"val_accuracy": historia.history["val_accuracy"], "capas": capas}
        metricas[clave] = {
            "parametros": modelo.count_params(),
            "exactitud_test": float(exactitud),
            "aciertos": aciertos,
            "fallos": len(y_test) - aciertos,
            "exactitud_validacion_final": float(historia.history["val_accuracy"][-1]),
            "capas": [list(c) for c in capas],
        }
        if clave == "cnn":
            resultados["filtros"] = _filtros(modelo, x_test, y_test, exactitud)
    metricas["parametros_conv"] = sum(n for nombre, n in resultados["cnn"]["capas"] if nombre.startswith("Conv2D"))
    return {**resultados, "metricas": metricas}


def _es(x, decimales=1):
    from maquinaria.formato import numero

    return numero(x, decimales)


def dibujar(res, estrecha=False):
    import matplotlib.pyplot as plt

    m = res["metricas"]
    nombres = {"cnn": "convolucional", "densa": "densa"}
    from maquinaria.estilo import ANCHO_ESTRECHA

    # En el móvil, una gráfica encima de la otra.
    figura, (curvas, barras) = plt.subplots(
        *((2, 1) if estrecha else (1, 2)),
        figsize=(ANCHO_ESTRECHA, 7.4) if estrecha else (9.5, 4.2),
        layout="constrained",
    )
    for clave, estilo in (("cnn", "-"), ("densa", "--")):
        epocas = np.arange(1, len(res[clave]["val_accuracy"]) + 1)
        curvas.plot(
            epocas, res[clave]["val_accuracy"], estilo, label=f"{nombres[clave]} ({m[clave]['parametros']} parámetros)"
        )
    curvas.set_xlabel("época")
    curvas.set_ylabel("exactitud en validación")
    minimo = min(min(res[c]["val_accuracy"]) for c in ("cnn", "densa"))
    curvas.set_ylim(np.floor(10 * minimo) / 10, 1.0)
    curvas.legend(loc="lower right", fontsize=8.5 if estrecha else None)
    curvas.set_title("Aprendizaje con la misma receta")

    colores = ["#3f51b5", "#ff5722", "#009688", "#9c27b0"]
    for fila, clave in enumerate(("densa", "cnn")):
        izquierda = 0
        for indice, (capa, n) in enumerate(res[clave]["capas"]):
            barras.barh(fila, n, left=izquierda, color=colores[indice], edgecolor="white")
            if n > 1000:
                barras.text(
                    izquierda + n / 2, fila, f"{capa}\n{n}", ha="center", va="center", color="white", fontsize=9
                )
            else:  # capa estrecha: la etiqueta va encima, con una flecha
                barras.annotate(
                    f"{capa}: {n}",
                    (izquierda + n / 2, fila + 0.4),
                    xytext=(izquierda + n / 2 + 150, fila + 0.55),
                    fontsize=9,
                    va="center",
                    arrowprops={"arrowstyle": "-", "color": "#555555"},
                )
            izquierda += n
        barras.text(izquierda + 60, fila, f"{m[clave]['parametros']}", va="center", fontsize=10)
    barras.set_ylim(-0.6, 1.8)
    barras.set_yticks(
        [0, 1],
        [
            f"densa\n{_es(100 * m['densa']['exactitud_test'])} % en test",
            f"convolucional\n{_es(100 * m['cnn']['exactitud_test'])} % en test",
        ],
    )
    barras.set_xlabel("parámetros entrenables, por capa")
    barras.set_xlim(0, 1.15 * max(m["cnn"]["parametros"], m["densa"]["parametros"]))
    barras.grid(axis="y", visible=False)
    barras.set_title("Dónde están los parámetros")
    primera = res["cnn"]["capas"][0]
    alt = (
        f"A la izquierda, la exactitud en validación durante {m['epocas']} épocas de las dos redes: las dos curvas suben "
        f"deprisa y terminan en {_es(100 * m['cnn']['exactitud_validacion_final'])} % (convolucional) y "
        f"{_es(100 * m['densa']['exactitud_validacion_final'])} % (densa). A la derecha, barras con los parámetros por "
        f"capa: la red densa tiene {m['densa']['parametros']}, casi todos en su capa oculta; la convolucional tiene "
        f"{m['cnn']['parametros']}, de los que su primera capa convolucional solo usa {primera[1]}. En el conjunto de "
        f"prueba aciertan el {_es(100 * m['cnn']['exactitud_test'])} % (convolucional) y el "
        f"{_es(100 * m['densa']['exactitud_test'])} % (densa)."
    )
    return figura, alt
