"""El entrenamiento de la página 2.1 (la red densa con load_digits), sin imprimir nada.

Lo reutilizan las figuras densas_curvas, metricas_binaria y metricas_confusion y las
pruebas; el lector lo ve en la página paso a paso (snippets/densas.py).
"""

import keras

from snippets.densas import cargar_digitos, compilar, crear_modelo

EPOCAS = 20  # las mismas en la página y en las figuras


def entrenar_digitos(epocas=EPOCAS, tasa=0.1, lote=32, semilla=0):
    """El entrenamiento de la página; lo reutilizan figuras y pruebas."""
    X_ent, X_test, y_ent, y_test = cargar_digitos(semilla)
    keras.utils.set_random_seed(semilla)
    modelo = compilar(crear_modelo(), tasa)
    historial = modelo.fit(
        X_ent,
        y_ent,
        epochs=epocas,
        batch_size=lote,
        validation_split=0.2,
        verbose=0,
    )
    return modelo, historial.history, (X_ent, X_test, y_ent, y_test)
