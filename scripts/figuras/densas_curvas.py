"""Curvas de aprendizaje de la red densa con los dígitos de scikit-learn (`load_digits`)

La red 64-32-10 de la página (ReLU y softmax, SGD con tasa 0,1, lotes de 32) entrenada
20 épocas con `fit(..., validation_split=0.2)`: pérdida y exactitud en entrenamiento y en
validación época a época, y el resultado de `evaluate` con los datos de prueba.
"""

import numpy as np

from maquinaria.cuentas import parametros_densa
from maquinaria.digitos import EPOCAS, entrenar_digitos

SEMILLA = 0
# La pérdida de validación «vuelve a subir» si al final supera su mínimo en más de esto (una
# sola ejecución: no hay dispersión entre semillas, así que la tolerancia se fija aquí).
TOLERANCIA_SUBIDA = 0.02


def calcular():
    modelo, historia, (X_ent, X_test, y_ent, y_test) = entrenar_digitos(EPOCAS, semilla=SEMILLA)
    perdida, exactitud = modelo.evaluate(X_test, y_test, verbose=0)
    # Keras separa la validación así: las últimas filas, a partir de floor(n · (1 - 0,2)).
    n_ent = int(np.floor(len(X_ent) * (1.0 - 0.2)))
    n_val = len(X_ent) - n_ent
    val = np.array(historia["val_loss"])
    subida = float(val[-1] - val.min())
    return {
        "historia": {k: np.array(v) for k, v in historia.items()},
        "metricas": {
            "epocas": EPOCAS,
            "n_entrenamiento_total": len(X_ent),
            "n_entrenamiento": n_ent,
            "n_validacion": n_val,
            "n_prueba": len(X_test),
            "pasos_por_epoca": int(np.ceil(n_ent / 32)),
            "parametros": int(modelo.count_params()),
            "parametros_oculta": parametros_densa(64, 32),
            "parametros_salida": parametros_densa(32, 10),
            # La misma red con MNIST (784 píxeles de entrada y 64 neuronas ocultas), sin entrenarla
            "parametros_mnist": parametros_densa(28 * 28, 64) + parametros_densa(64, 10),
            "perdida_inicial": float(historia["loss"][0]),
            "perdida_final": float(historia["loss"][-1]),
            "exactitud_entrenamiento": float(historia["accuracy"][-1]),
            "exactitud_validacion": float(historia["val_accuracy"][-1]),
            "exactitud_validacion_1": float(historia["val_accuracy"][0]),
            "perdida_prueba": float(perdida),
            "exactitud_prueba": float(exactitud),
            # ¿Sobreajuste a la vista? Dónde toca fondo la validación y cuánto sube después.
            "perdida_validacion_final": float(val[-1]),
            "epoca_minimo_validacion": int(np.argmin(val)) + 1,
            "minimo_validacion": float(val.min()),
            "subida_validacion": subida,
            "tolerancia_subida": TOLERANCIA_SUBIDA,
            "veredicto_validacion": "sube" if subida > TOLERANCIA_SUBIDA else "no sube",
            "brecha_final": float(val[-1] - historia["loss"][-1]),
        },
    }


def dibujar(res, estrecha=False):
    import matplotlib.pyplot as plt

    h, m = res["historia"], res["metricas"]
    epocas = np.arange(1, len(h["loss"]) + 1)
    from maquinaria.estilo import ANCHO_ESTRECHA

    figura, (izq, der) = plt.subplots(
        *((2, 1) if estrecha else (1, 2)), figsize=(ANCHO_ESTRECHA, 7.0) if estrecha else (9.5, 3.8)
    )
    izq.plot(epocas, h["loss"], label="entrenamiento")
    izq.plot(epocas, h["val_loss"], "--", label="validación")
    izq.set_title("Pérdida (entropía cruzada)")
    izq.set_xlabel("época")
    izq.set_ylim(bottom=0)
    der.plot(epocas, h["accuracy"], label="entrenamiento")
    der.plot(epocas, h["val_accuracy"], "--", label="validación")
    der.axhline(m["exactitud_prueba"], color="#607d8b", lw=1, ls=":", label="prueba (evaluate)")
    der.set_title("Exactitud (accuracy)")
    der.set_xlabel("época")
    der.set_ylim(0, 1.02)
    der.legend(loc="lower right")
    for eje in (izq, der):
        eje.set_xticks([1, 5, 10, 15, 20])
    figura.tight_layout()
    from maquinaria.formato import numero

    def coma(v, d=2):

        return numero(v, d)

    alt = (
        f"Dos gráficas a lo largo de {m['epocas']} épocas. A la izquierda, la pérdida de entrenamiento baja de "
        f"{coma(h['loss'][0])} a {coma(h['loss'][-1])} y la de validación de {coma(h['val_loss'][0])} a "
        f"{coma(h['val_loss'][-1])}. A la derecha, la exactitud de entrenamiento sube de {coma(h['accuracy'][0])} "
        f"a {coma(h['accuracy'][-1])} y la de validación de {coma(h['val_accuracy'][0])} a "
        f"{coma(h['val_accuracy'][-1])}; una línea punteada marca la exactitud con los datos de prueba, "
        f"{coma(m['exactitud_prueba'])}."
    )
    return figura, alt
