"""Matriz de confusión de la red densa con los dígitos de prueba de `load_digits`

La misma red de la página (64-32-10, 20 épocas de SGD) predice la clase de cada imagen de
prueba con `predict(...).argmax(axis=1)`; `matriz_confusion` cuenta cada par (clase real,
clase predicha) y las métricas por clase salen de sus filas y columnas.
"""

import numpy as np

from maquinaria.digitos import EPOCAS, entrenar_digitos
from snippets.metricas import exactitud, f1, matriz_confusion, precision, sensibilidad, uno_contra_el_resto

SEMILLA = 0


def calcular():
    modelo, _, (_, X_test, _, y_test) = entrenar_digitos(EPOCAS, semilla=SEMILLA)
    y_pred = modelo.predict(X_test, verbose=0).argmax(axis=1)
    M = matriz_confusion(y_test, y_pred, 10)
    por_clase = [uno_contra_el_resto(M, k) for k in range(10)]
    precisiones = [precision(c) for c in por_clase]
    sensibilidades = [sensibilidad(c) for c in por_clase]
    # El error más repetido fuera de la diagonal
    fuera = M - np.diag(np.diag(M))
    real, pred = np.unravel_index(fuera.argmax(), M.shape)
    peor = int(np.argmin([f1(c) for c in por_clase]))
    return {
        "M": M,
        "metricas": {
            "matriz": M,
            "aciertos": int(np.trace(M)),
            "total": int(M.sum()),
            "exactitud": float(np.trace(M) / M.sum()),
            "precision_por_clase": precisiones,
            "sensibilidad_por_clase": sensibilidades,
            "precision_macro": float(np.mean(precisiones)),
            "sensibilidad_macro": float(np.mean(sensibilidades)),
            "f1_macro": float(np.mean([f1(c) for c in por_clase])),
            "error_frecuente": {"real": int(real), "predicha": int(pred), "veces": int(fuera.max())},
            "clase_peor_f1": peor,
            "f1_peor": float(f1(por_clase[peor])),
            # La exactitud de la matriz y la de un problema uno contra el resto no son la misma
            "exactitud_uno_contra_resto_8": float(exactitud(por_clase[8])),
        },
    }


def dibujar(res, estrecha=False):
    import matplotlib.pyplot as plt

    from maquinaria.formato import numero

    M, m = res["M"], res["metricas"]
    from maquinaria.estilo import ANCHO_ESTRECHA

    figura, eje = plt.subplots(figsize=(ANCHO_ESTRECHA, 4.4) if estrecha else (6.4, 5.4))
    eje.imshow(M, cmap="Blues", vmin=0, vmax=M.max())
    eje.grid(False)
    for i in range(10):
        for j in range(10):
            if M[i, j]:
                eje.text(
                    j,
                    i,
                    str(M[i, j]),
                    ha="center",
                    va="center",
                    fontsize=8.5 if estrecha else 10,
                    color="white" if M[i, j] > M.max() / 2 else "#263238",
                )
    eje.set_xticks(range(10))
    eje.set_yticks(range(10))
    eje.set_xlabel("clase predicha")
    eje.set_ylabel("clase real")
    separa = "\n" if estrecha else " "
    eje.set_title(f"{m['aciertos']} aciertos de {m['total']}{separa}(exactitud {numero(m['exactitud'], 3)})")
    figura.tight_layout()
    err = m["error_frecuente"]
    errores = m["total"] - m["aciertos"]
    alt = (
        f"Matriz de confusión de 10 por 10: filas, la clase real del 0 al 9; columnas, la clase predicha. "
        f"La diagonal concentra {m['aciertos']} de los {m['total']} dígitos de prueba, con entre "
        f"{int(np.diag(M).min())} y {int(np.diag(M).max())} aciertos por clase. Fuera de la diagonal hay "
        f"{errores} errores repartidos en casillas pequeñas; el más repetido, {err['veces']} veces, es un "
        f"{err['real']} real predicho como {err['predicha']}."
    )
    return figura, alt
