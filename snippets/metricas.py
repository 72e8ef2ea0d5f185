"""Matriz de confusión y métricas de clasificación a mano (apartado 2.1).

Exactitud (accuracy), precisión (precision), sensibilidad (recall) y F1,
calculadas a partir de los cuatro recuentos TP, FP, FN y TN. Las pruebas las
comparan con scikit-learn y con `keras.metrics`.
"""

# --8<-- [start:funciones]
import numpy as np


def matriz_confusion(y_real, y_pred, n_clases):
    """Filas: clase real. Columnas: clase predicha.

    M[i, j] = ejemplos de la clase i predichos como j.
    """
    M = np.zeros((n_clases, n_clases), dtype=int)
    np.add.at(M, (np.asarray(y_real), np.asarray(y_pred)), 1)
    return M


def recuentos(y_real, y_pred):
    """TP, FP, FN y TN de un problema binario (1 = positivo, 0 = negativo)."""
    y_real, y_pred = np.asarray(y_real) == 1, np.asarray(y_pred) == 1
    return {
        "TP": int(np.sum(y_real & y_pred)),  # positivos bien clasificados
        "FP": int(np.sum(~y_real & y_pred)),  # negativos llamados positivos
        "FN": int(np.sum(y_real & ~y_pred)),  # positivos llamados negativos
        "TN": int(np.sum(~y_real & ~y_pred)),  # negativos bien clasificados
    }


def _division(a, b):
    # Sin predicciones positivas (o sin positivos): 0, como scikit-learn.
    return a / b if b else 0.0


def exactitud(c):  # accuracy: aciertos entre el total
    return _division(c["TP"] + c["TN"], c["TP"] + c["TN"] + c["FP"] + c["FN"])


def precision(c):  # de lo que el modelo llama positivo, cuánto lo es
    return _division(c["TP"], c["TP"] + c["FP"])


def sensibilidad(c):  # recall: de los positivos reales, cuántos encuentra
    return _division(c["TP"], c["TP"] + c["FN"])


def f1(c):  # media armónica de precisión y sensibilidad
    p, r = precision(c), sensibilidad(c)
    return _division(2 * p * r, p + r)


# --8<-- [end:funciones]


# --8<-- [start:por_clase]
def uno_contra_el_resto(M, clase):
    """Recuentos de «¿es de esta clase?» leídos de una matriz de confusión."""
    tp = M[clase, clase]
    # El resto de su fila: era de la clase y no se vio.
    fn = M[clase].sum() - tp
    # El resto de su columna: se dijo la clase sin serlo.
    fp = M[:, clase].sum() - tp
    tn = M.sum() - tp - fn - fp
    return {"TP": int(tp), "FP": int(fp), "FN": int(fn), "TN": int(tn)}


# --8<-- [end:por_clase]


if __name__ == "__main__":
    from maquinaria.digitos import entrenar_digitos

    modelo, _, (X_ent, X_test, y_ent, y_test) = entrenar_digitos()

    # --8<-- [start:ejemplo_confusion]
    y_pred = modelo.predict(X_test, verbose=0).argmax(axis=1)
    M = matriz_confusion(y_test, y_pred, 10)
    print(M)
    # La diagonal son los aciertos.
    print("aciertos:", np.trace(M), "de", M.sum())
    # --8<-- [end:ejemplo_confusion]

    # --8<-- [start:ejemplo_binario]
    es_8_real = (y_test == 8).astype(int)  # positivo: la imagen es un 8
    es_8_pred = (y_pred == 8).astype(int)  # positivo: el modelo ve un 8
    c = recuentos(es_8_real, es_8_pred)
    print(c)
    for nombre, metrica in [
        ("exactitud", exactitud),
        ("precisión", precision),
        ("sensibilidad", sensibilidad),
        ("F1", f1),
    ]:
        print(f"{nombre:>12}: {metrica(c):.3f}")
    # --8<-- [end:ejemplo_binario]

    # --8<-- [start:ejemplo_keras]
    import keras

    for metrica in [
        keras.metrics.BinaryAccuracy(),
        keras.metrics.Precision(),
        keras.metrics.Recall(),
    ]:
        metrica.update_state(es_8_real, es_8_pred)
        print(f"{metrica.name:>15}: {float(metrica.result()):.3f}")
    # --8<-- [end:ejemplo_keras]

    # --8<-- [start:practica_tres]
    c3 = uno_contra_el_resto(M, 3)
    print(
        c3,
        f"precisión {precision(c3):.3f}, sensibilidad {sensibilidad(c3):.3f}",
    )
    # --8<-- [end:practica_tres]

    # --8<-- [start:practica_trivial]
    # Un «modelo» que siempre responde «no es un 8»
    siempre_no = np.zeros_like(es_8_real)
    c0 = recuentos(es_8_real, siempre_no)
    print(f"exactitud {exactitud(c0):.3f}, sensibilidad {sensibilidad(c0):.3f}")
    # --8<-- [end:practica_trivial]
