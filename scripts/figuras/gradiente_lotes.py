"""Lote completo frente a minilotes: la red densa de `load_digits` con SGD

La misma red (64-32-10, tasa 0,1, 30 épocas) entrenada con `entrenar_con_lote` y cuatro
tamaños de lote: el lote completo (un paso por época, el gradiente descendiente clásico)
y minilotes de 128, 32 y 8 ejemplos. La pérdida es la de todo el conjunto de
entrenamiento al final de cada época; los segundos por época se miden con un callback y
se citan en el texto.
"""

import numpy as np

from maquinaria.formato import numero
from snippets.densas import cargar_digitos
from snippets.gradiente import entrenar_con_lote

SEMILLA = 0
EPOCAS = 30
# Tiempos medidos: cambian en cada ejecución, así que por sí solos no reescriben el registro.
MEDIDAS_DE_TIEMPO = ("milisegundos_por_paso", "segundos_por_epoca")


def calcular():
    n = int(np.floor(len(cargar_digitos(SEMILLA)[0]) * (1 - 0.2)))
    lotes = [n, 128, 32, 8]
    historias = {lote: entrenar_con_lote(lote, EPOCAS, semilla=SEMILLA) for lote in lotes}
    resumen = {}
    for lote, h in historias.items():
        pasos = int(np.ceil(n / lote))
        resumen["completo" if lote == n else str(lote)] = {
            "pasos_por_epoca": pasos,
            "pasos": pasos * EPOCAS,
            "perdida_final": float(h["perdida_completa"][-1]),
            "exactitud_validacion": float(h["exactitud_val"][-1]),
            # La primera época incluye la compilación de la función de entrenamiento: fuera.
            "segundos_por_epoca": float(np.median(h["segundos"][1:])),
            "milisegundos_por_paso": float(1000 * np.median(h["segundos"][1:]) / pasos),
        }
    return {
        "n": n,
        "historias": {lote: {k: np.array(v) for k, v in h.items()} for lote, h in historias.items()},
        "metricas": {"n_entrenamiento": n, "epocas": EPOCAS, "lotes": lotes, "resultados": resumen},
    }


def dibujar(res, estrecha=False):
    import matplotlib.pyplot as plt

    n, m = res["n"], res["metricas"]
    from maquinaria.estilo import ANCHO_ESTRECHA

    figura, (izq, der) = plt.subplots(
        *((2, 1) if estrecha else (1, 2)),
        figsize=(ANCHO_ESTRECHA, 7.6) if estrecha else (9.5, 4.3),
        sharey=True,
        layout="constrained",
    )
    for lote, h in res["historias"].items():
        nombre = f"lote completo ({lote})" if lote == n else f"lotes de {lote}"
        epocas = np.arange(1, len(h["loss"]) + 1)
        pasos = epocas * int(np.ceil(n / lote))
        izq.plot(epocas, h["perdida_completa"], label=nombre)
        der.semilogx(pasos, h["perdida_completa"], marker="o", ms=2.5, label=nombre)
    izq.set_xlabel("época")
    izq.set_ylabel("pérdida de entrenamiento")
    izq.set_title("Misma cantidad de épocas")
    izq.set_ylim(bottom=0)
    # Una sola leyenda, debajo de las dos gráficas: dentro taparía las curvas
    figura.legend(*izq.get_legend_handles_labels(), loc="outside lower center", ncols=2 if estrecha else 4)
    der.set_xlabel("pasos de actualización (escala log)")
    der.set_title("Misma cantidad de pasos")
    if estrecha:
        der.set_ylabel("pérdida de entrenamiento")
    r = m["resultados"]

    def coma(v, d=2):
        return numero(v, d)

    partes = [
        f"con {'el lote completo' if k == 'completo' else f'lotes de {k}'} ({v['pasos']} pasos) termina en "
        f"{coma(v['perdida_final'])}"
        for k, v in r.items()
    ]
    alt = (
        f"Dos gráficas de la pérdida de entrenamiento a lo largo de {m['epocas']} épocas. A la izquierda, por "
        "época: cuanto más pequeño es el lote, más rápido baja; " + "; ".join(partes) + ". A la derecha, "
        "la misma pérdida frente al número de pasos en escala logarítmica: las cuatro curvas casi se superponen; "
        "lo que hace bajar la pérdida son los pasos, y el lote completo da uno por época."
    )
    return figura, alt
