"""El caso binario «¿es un 8?» con la red densa y los dígitos de prueba de `load_digits`

Positivo: la imagen es un 8. La red de 10 clases de la página dice «positivo» cuando su
clase más probable es el 8. Los cuatro recuentos (TP, FP, FN, TN) y las métricas salen de
`snippets/metricas.py`, que las pruebas comparan con scikit-learn y Keras.
"""

import numpy as np

from maquinaria.digitos import EPOCAS, entrenar_digitos
from snippets.metricas import exactitud, f1, precision, recuentos, sensibilidad

SEMILLA = 0
POSITIVA = 8


def calcular():
    modelo, _, (_, X_test, _, y_test) = entrenar_digitos(EPOCAS, semilla=SEMILLA)
    y_pred = modelo.predict(X_test, verbose=0).argmax(axis=1)
    real, pred = (y_test == POSITIVA).astype(int), (y_pred == POSITIVA).astype(int)
    c = recuentos(real, pred)
    trivial = recuentos(real, np.zeros_like(real))  # siempre «no es un 8»
    return {
        "metricas": {
            "clase_positiva": POSITIVA,
            **c,
            "positivos": int(real.sum()),
            "predichos_positivos": c["TP"] + c["FP"],
            "negativos": int(len(real) - real.sum()),
            "total": int(len(real)),
            "exactitud": exactitud(c),
            "precision": precision(c),
            "sensibilidad": sensibilidad(c),
            "f1": f1(c),
            "exactitud_siempre_no": exactitud(trivial),
            "sensibilidad_siempre_no": sensibilidad(trivial),
        },
    }


def dibujar(res, estrecha=False):
    import matplotlib.pyplot as plt
    from matplotlib.patches import Rectangle

    from maquinaria.formato import numero

    m = res["metricas"]
    casillas = [  # (fila, columna, nombre, explicación, color)
        (0, 0, "TP", "era un 8\ny dijo 8", "#c8e6c9"),
        (0, 1, "FN", "era un 8\ny dijo otro", "#ffccbc"),
        (1, 0, "FP", "no era un 8\ny dijo 8", "#ffccbc"),
        (1, 1, "TN", "no era un 8\ny dijo otro", "#c8e6c9"),
    ]
    from maquinaria.estilo import ANCHO_ESTRECHA

    if estrecha:  # en el móvil, la matriz encima y las métricas debajo
        figura, (eje, texto) = plt.subplots(
            2, 1, figsize=(ANCHO_ESTRECHA, 6.4), gridspec_kw={"height_ratios": [1.5, 1]}, layout="constrained"
        )
    else:
        figura, (eje, texto) = plt.subplots(1, 2, figsize=(8.6, 3.9), gridspec_kw={"width_ratios": [1.1, 1]})
    for fila, columna, nombre, explicacion, color in casillas:
        eje.add_patch(Rectangle((columna, 1 - fila), 1, 1, facecolor=color, edgecolor="#37474f", lw=1.5))
        eje.text(
            columna + 0.5,
            1.62 - fila,
            f"{nombre} = {m[nombre]}",
            ha="center",
            va="center",
            fontsize=15,
            weight="bold",
            color="#263238",
        )
        eje.text(columna + 0.5, 1.27 - fila, explicacion, ha="center", va="center", fontsize=10, color="#263238")
    eje.set_xlim(0, 2)
    eje.set_ylim(0, 2)
    eje.set_aspect("equal")
    eje.grid(False)
    eje.set_xticks([0.5, 1.5], ["predice 8", "predice otro"])
    eje.set_yticks([1.5, 0.5], ["es un 8", "no es un 8"])
    eje.tick_params(length=0)
    for lado in eje.spines.values():
        lado.set_visible(False)
    eje.set_title("Matriz de confusión binaria")

    texto.axis("off")
    filas = [
        ("exactitud", "(TP + TN) / total", m["exactitud"]),
        ("precisión", "TP / (TP + FP)", m["precision"]),
        ("sensibilidad", "TP / (TP + FN)", m["sensibilidad"]),
        ("F1", "2·P·S / (P + S)", m["f1"]),
    ]
    for i, (nombre, formula, valor) in enumerate(filas):
        y = 0.85 - 0.22 * i
        texto.text(0.0, y, nombre, fontsize=12, weight="bold", color="#263238", transform=texto.transAxes)
        texto.text(0.4, y, formula, fontsize=11, color="#37474f", transform=texto.transAxes)
        texto.text(1.0, y, numero(valor, 3), fontsize=12, ha="right", color="#263238", transform=texto.transAxes)
    if not estrecha:
        figura.tight_layout()

    def coma(v):
        return numero(v, 3)

    alt = (
        f"Matriz de 2 por 2 del problema «¿es un 8?» con {m['total']} dígitos de prueba: filas, la clase real "
        f"(es un 8, no es un 8); columnas, la predicha. TP = {m['TP']} y TN = {m['TN']}, en verde, son aciertos; "
        f"FN = {m['FN']} y FP = {m['FP']}, en naranja, son errores. Al lado, las métricas con su fórmula: "
        f"exactitud {coma(m['exactitud'])}, precisión {coma(m['precision'])}, sensibilidad "
        f"{coma(m['sensibilidad'])} y F1 {coma(m['f1'])}."
    )
    return figura, alt
