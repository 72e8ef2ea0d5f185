"""Cómo crece cada función de pérdida con el error

Regresión: error cuadrático (lo que promedia el MSE) y su raíz (el RMSE de un solo
ejemplo, que es el error absoluto). Clasificación: entropía cruzada binaria para una
etiqueta 1 y para una etiqueta 0 según la probabilidad predicha, comparada con el error
cuadrático de esa probabilidad. Todo calculado con las funciones de `snippets/perdidas.py`.
"""

import numpy as np

from snippets.perdidas import entropia_binaria, entropia_categorica, mse, rmse

SEMILLA = 0


def calcular():
    errores = np.linspace(-3, 3, 241)
    cuadratico = np.array([mse([0.0], [e]) for e in errores])
    raiz = np.array([rmse([0.0], [e]) for e in errores])
    p = np.linspace(0.001, 0.999, 999)
    bce_1 = np.array([entropia_binaria([1], [q]) for q in p])
    bce_0 = np.array([entropia_binaria([0], [q]) for q in p])
    cuad_1 = (1 - p) ** 2

    def ce(q):  # entropía cruzada de un ejemplo cuya clase correcta recibe probabilidad q
        return float(entropia_binaria([1], [q]))

    # Categórica con 10 clases: solo importa la probabilidad de la correcta
    resto = (1 - 0.3) / 9
    P = np.full((1, 10), resto)
    P[0, 0] = 0.3
    return {
        "errores": errores,
        "cuadratico": cuadratico,
        "raiz": raiz,
        "p": p,
        "bce_1": bce_1,
        "bce_0": bce_0,
        "cuad_1": cuad_1,
        "metricas": {
            "ce_p": {"p090": ce(0.9), "p050": ce(0.5), "p010": ce(0.1), "p001": ce(0.01)},
            "cuadratico_p_001": float((1 - 0.01) ** 2),
            "mse_error_2": float(mse([0.0], [2.0])),
            "mse_error_3": float(mse([0.0], [3.0])),
            "rmse_error_3": float(rmse([0.0], [3.0])),
            "categorica_10_clases_p03": float(entropia_categorica(np.eye(10)[:1], P)),
            "maximo_por_recorte": float(entropia_binaria([1], [0.0])),
        },
    }


def dibujar(res, estrecha=False):
    import matplotlib.pyplot as plt

    from maquinaria.estilo import ANCHO_ESTRECHA

    figura, (izq, der) = plt.subplots(
        *((2, 1) if estrecha else (1, 2)), figsize=(ANCHO_ESTRECHA, 7.6) if estrecha else (9.5, 4.1)
    )
    izq.plot(res["errores"], res["cuadratico"], label="error² (MSE)")
    izq.plot(res["errores"], res["raiz"], "--", label="|error| (RMSE de un ejemplo)")
    izq.set_xlabel("error = predicción − valor real")
    izq.set_ylabel("pérdida")
    izq.set_title("Regresión")
    izq.legend(loc="upper center")
    der.plot(res["p"], res["bce_1"], label="entropía cruzada, etiqueta 1")
    der.plot(res["p"], res["bce_0"], "--", label="entropía cruzada, etiqueta 0")
    der.plot(res["p"], res["cuad_1"], ":", color="#607d8b", label="(1 − p)², etiqueta 1")
    der.set_xlabel("probabilidad predicha de la clase 1 (p)")
    der.set_title("Clasificación")
    der.set_ylim(0, 5)
    der.legend(loc="upper center")
    figura.tight_layout()
    m = res["metricas"]
    from maquinaria.formato import numero

    def coma(v, d=2):

        return numero(v, d)

    alt = (
        "Dos gráficas. A la izquierda, para errores entre −3 y 3, el error al cuadrado es una parábola que vale "
        f"{coma(m['mse_error_3'], 0)} con error 3, y el error absoluto son dos rectas que valen "
        f"{coma(m['rmse_error_3'], 0)}. A la derecha, con la probabilidad predicha en el eje horizontal, la "
        "entropía cruzada de una etiqueta 1 baja de izquierda a derecha y se dispara cerca de p = 0 (vale "
        f"{coma(m['ce_p']['p050'])} con p = 0,5 y {coma(m['ce_p']['p001'])} con p = 0,01), la de una etiqueta 0 "
        "es su reflejo, y el error cuadrático (1 − p)² nunca pasa de 1."
    )
    return figura, alt
