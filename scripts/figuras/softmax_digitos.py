"""Salida softmax de un clasificador de dígitos entrenado: una distribución de probabilidad sobre 10 clases

Entrena el modelo de la página (`entrenar_clasificador` de `snippets/softmax.py`, con los
dígitos de 8x8 píxeles de scikit-learn) y dibuja, para tres imágenes de prueba y para la
imagen de prueba en la que el modelo está menos seguro, las 10 probabilidades que devuelve
su capa softmax.
"""

import numpy as np

from snippets.activaciones import softmax
from snippets.softmax import EPOCAS, cargar_digitos, entrenar_clasificador, evidencias

SEMILLA = 0


def calcular():
    X_ent, X_test, y_ent, y_test = cargar_digitos()
    modelo = entrenar_clasificador(X_ent, y_ent, epocas=EPOCAS, semilla=SEMILLA)
    perdida, exactitud = modelo.evaluate(X_test, y_test, verbose=0)
    P = modelo.predict(X_test, verbose=0)
    z = evidencias(modelo, X_test)
    confianza = P.max(axis=1)
    dudosa = int(confianza.argmin())
    elegidas = [i for i in range(3) if i != dudosa][:3] + [dudosa]
    ejemplos = [
        {
            "indice": i,
            "real": int(y_test[i]),
            "predicha": int(P[i].argmax()),
            "probabilidades": P[i],
            "confianza": float(confianza[i]),
            "prob_real": float(P[i, y_test[i]]),
            "segunda": int(P[i].argsort()[-2]),
            "prob_segunda": float(np.sort(P[i])[-2]),
        }
        for i in elegidas
    ]
    return {
        "imagenes": X_test[elegidas].reshape(-1, 8, 8),
        "metricas": {
            "epocas": EPOCAS,
            "n_entrenamiento": len(X_ent),
            "n_test": len(X_test),
            "exactitud_test": float(exactitud),
            "perdida_test": float(perdida),
            "aciertos_test": int((P.argmax(axis=1) == y_test).sum()),
            # Toda fila de predict es una distribución: la suma más alejada de 1.
            "max_error_suma": float(np.abs(P.sum(axis=1) - 1).max()),
            # softmax(evidencias calculadas a mano) contra predict, en todo el conjunto de prueba.
            "max_diferencia_softmax": float(np.abs(softmax(z) - P).max()),
            "confianza_media": float(confianza.mean()),
            "ejemplos": ejemplos,
            "parametros": modelo.count_params(),
        },
    }


def _n(valor, decimales=2):
    from maquinaria.formato import numero

    return numero(valor, decimales)


def dibujar(res, estrecha=False):
    import matplotlib.pyplot as plt

    m = res["metricas"]
    ejemplos = m["ejemplos"]
    n = len(ejemplos)
    # Dos filas de dos ejemplos; en cada ejemplo, la imagen a la izquierda y sus barras a la derecha.
    from maquinaria.estilo import ANCHO_ESTRECHA

    if estrecha:  # en el móvil, un ejemplo debajo de otro
        figura = plt.figure(figsize=(ANCHO_ESTRECHA, 2.5 * n), layout="constrained")
        subfiguras = figura.subfigures(n, 1, hspace=0.04)
    else:
        figura = plt.figure(figsize=(9.4, 6.2), layout="constrained")
        subfiguras = figura.subfigures(2, 2, wspace=0.04, hspace=0.04).ravel()
    clases = np.arange(10)
    for c, (ejemplo, imagen, sub) in enumerate(zip(ejemplos, res["imagenes"], subfiguras)):
        eje, eje_barras = sub.subplots(1, 2, width_ratios=[1, 2.2])
        eje.imshow(imagen, cmap="gray_r", vmin=0, vmax=1)
        eje.set_xticks([])
        eje.set_yticks([])
        eje.grid(False)
        for borde in eje.spines.values():
            borde.set_visible(True)
            borde.set_color("#90a4ae")
        dudosa = c == n - 1
        sub.suptitle(
            ("La más dudosa: " if dudosa else "") + f"imagen de prueba {ejemplo['indice']} · es un {ejemplo['real']}",
            fontsize=10.5 if estrecha else 12,
        )

        eje = eje_barras
        p = np.asarray(ejemplo["probabilidades"])
        colores = ["#b0bec5"] * 10
        colores[ejemplo["predicha"]] = "#3f51b5" if ejemplo["predicha"] == ejemplo["real"] else "#ff5722"
        eje.bar(clases, p, color=colores)
        if ejemplo["predicha"] != ejemplo["real"]:
            eje.bar([ejemplo["real"]], [p[ejemplo["real"]]], color="#009688")
        for k in np.argsort(p)[::-1][:2]:
            if p[k] >= 0.03:
                eje.text(k, p[k] + 0.02, _n(p[k]), ha="center", va="bottom", fontsize=8.5 if estrecha else 9.5)
        eje.set_xticks(clases)
        eje.set_ylim(0, 1.12)
        eje.set_yticks([0, 0.5, 1], labels=["0", "0,5", "1"])
        eje.set_xlabel("clase")
        eje.set_ylabel("probabilidad")
        if c == n - 1:
            from matplotlib.patches import Patch

            eje.legend(
                handles=[
                    Patch(color="#3f51b5", label="elegida: acierto"),
                    Patch(color="#ff5722", label="elegida: error"),
                    Patch(color="#009688", label="clase real"),
                ],
                loc="upper right",
                fontsize=8 if estrecha else 9,
            )
        eje.set_title(
            f"softmax: elige {ejemplo['predicha']} · suma {_n(float(p.sum()), 3)}", fontsize=9.5 if estrecha else 11
        )

    descripciones = []
    for e in ejemplos:
        texto = f"la imagen {e['indice']} es un {e['real']} y el modelo le da {_n(e['confianza'])} al {e['predicha']}"
        if e["predicha"] != e["real"]:
            texto += f" (se equivoca; al {e['real']} le da {_n(float(e['probabilidades'][e['real']]))})"
        else:
            texto += f" (acierta; la segunda clase es el {e['segunda']} con {_n(e['prob_segunda'])})"
        descripciones.append(texto)
    alt = (
        "Cuatro dígitos de prueba de 8x8 píxeles, en dos filas de dos, cada uno con un diagrama de barras de las 10 probabilidades "
        "que da la capa softmax, que suman 1: " + "; ".join(descripciones) + ". La última es la imagen de prueba "
        f"en la que la probabilidad más alta es la menor de todas. La exactitud en las {m['n_test']} imágenes de "
        f"prueba es {_n(100 * m['exactitud_test'], 1)} %."
    )
    return figura, alt
