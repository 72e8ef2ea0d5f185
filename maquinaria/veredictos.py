"""Las palabras cualitativas de las páginas, decididas con números y una tolerancia explícita.

Para experimentos repetidos con varias semillas, la tolerancia es la dispersión entre
semillas: dos medias empatan si su diferencia no supera la mayor de las dos desviaciones
típicas (ddof=1). Las figuras guardan el veredicto en su registro; las pruebas lo vuelven a
calcular con los valores por semilla del registro y fallan si la frase deja de ser cierta.
"""

from __future__ import annotations

import numpy as np


def comparar(a, b, tolerancia: float | None = None) -> dict:
    """Compara las medias de `a` y `b` (valores por semilla): «menor», «mayor» o «empate».

    El resultado habla de `a` frente a `b`: «menor» si la media de `a` queda por debajo de la
    de `b` en más de la tolerancia. Sin tolerancia dada, se usa la mayor desviación típica de
    las dos muestras.
    """
    a, b = np.atleast_1d(np.asarray(a, float)), np.atleast_1d(np.asarray(b, float))
    if tolerancia is None:
        tolerancia = max(a.std(ddof=1) if len(a) > 1 else 0.0, b.std(ddof=1) if len(b) > 1 else 0.0)
    diferencia = float(a.mean() - b.mean())
    if abs(diferencia) <= tolerancia:
        veredicto = "empate"
    else:
        veredicto = "menor" if diferencia < 0 else "mayor"
    return {"veredicto": veredicto, "diferencia": diferencia, "tolerancia": float(tolerancia)}


def empatados_con_el_mejor(valores_por_variante: dict, menor_es_mejor: bool = True) -> list:
    """Las variantes cuya media empata con la de la mejor (incluida ella), en orden de media."""
    signo = 1 if menor_es_mejor else -1
    orden = sorted(valores_por_variante, key=lambda k: signo * np.mean(valores_por_variante[k]))
    mejor = orden[0]
    return [k for k in orden if comparar(valores_por_variante[k], valores_por_variante[mejor])["veredicto"] == "empate"]


def minimo_y_subida(curvas) -> dict:
    """De curvas repeticiones x épocas: época del mínimo de la media, su valor y si después sube.

    «Sube» si la media final supera el mínimo de la media en más de la desviación típica entre
    semillas del valor final.
    """
    curvas = np.asarray(curvas, float)
    media = curvas.mean(axis=0)
    epoca = int(np.argmin(media))
    subida = float(media[-1] - media[epoca])
    tolerancia = float(curvas[:, -1].std(ddof=1)) if len(curvas) > 1 else 0.0
    return {
        "epoca_minimo": epoca + 1,
        "minimo": float(media[epoca]),
        "final": float(media[-1]),
        "subida": subida,
        "tolerancia": tolerancia,
        "veredicto": "sube" if subida > tolerancia else "no sube",
    }
