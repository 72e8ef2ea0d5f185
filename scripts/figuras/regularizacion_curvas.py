"""Sobreajuste en las dos lunas con ruido y lo que hacen la parada temprana, Dropout y L2

Una red densa 2-64-64-1 entrenada con 80 puntos (40 más para validar) durante 60 épocas
como mucho, con Adam; la prueba son 1000 puntos nuevos. Cada variante se entrena con
tres semillas distintas (pesos iniciales, Dropout y orden de los datos).
"""

import numpy as np

from snippets.regularizacion import VARIANTES, entrenar

SEMILLA = 0
SEMILLAS = [0, 1, 2]
EPOCAS = 60


def veredicto(diferencia, tolerancia):
    """«mejor» o «peor» solo si la diferencia de medias supera la dispersión entre semillas."""
    if diferencia > tolerancia:
        return "mejor"
    if diferencia < -tolerancia:
        return "peor"
    return "empate"


def calcular():
    res = {v: [entrenar(v, semilla=SEMILLA + s, epocas=EPOCAS) for s in SEMILLAS] for v in VARIANTES}
    resumen = {}
    for v, corridas in res.items():
        exactitudes = np.array([c[2] for c in corridas])
        perdidas = np.array([c[1] for c in corridas])
        resumen[v] = {
            "exactitudes": exactitudes.tolist(),
            "perdidas": perdidas.tolist(),
            "exactitud_media": float(exactitudes.mean()),
            "exactitud_dispersion": float(exactitudes.max() - exactitudes.min()),
            "perdida_media": float(perdidas.mean()),
            "perdida_dispersion": float(perdidas.max() - perdidas.min()),
            "epocas_medias": float(np.mean([len(c[0]["loss"]) for c in corridas])),
            "mejor_epoca_media": float(np.mean([np.argmin(c[0]["val_loss"]) + 1 for c in corridas])),
        }
    base = resumen["sin regularizar"]
    for v, r in resumen.items():
        if v == "sin regularizar":
            continue
        # Tolerancia: la mayor de las dos dispersiones (máximo − mínimo entre semillas)
        tol_e = max(r["exactitud_dispersion"], base["exactitud_dispersion"])
        tol_p = max(r["perdida_dispersion"], base["perdida_dispersion"])
        r["veredicto_exactitud"] = veredicto(r["exactitud_media"] - base["exactitud_media"], tol_e)
        r["veredicto_perdida"] = veredicto(base["perdida_media"] - r["perdida_media"], tol_p)
        r["tolerancia_exactitud"], r["tolerancia_perdida"] = tol_e, tol_p
    # El sobreajuste de la red sin regularizar, con las curvas medias de las semillas
    ent = np.mean([c[0]["loss"] for c in res["sin regularizar"]], axis=0)
    val = np.mean([c[0]["val_loss"] for c in res["sin regularizar"]], axis=0)
    minimo = int(np.argmin(val))
    sobreajuste = {
        "epoca_minimo_validacion": minimo + 1,
        "validacion_minima": float(val[minimo]),
        "validacion_final": float(val[-1]),
        "entrenamiento_final": float(ent[-1]),
        # «la validación sube»: al final, al menos un 25 % por encima de su mínimo
        "validacion_sube": bool(val[-1] > 1.25 * val[minimo]),
    }
    return {
        "curvas": {
            v: (
                np.mean([c[0]["loss"] for c in cs], axis=0) if v != "parada temprana" else None,
                np.mean([c[0]["val_loss"] for c in cs], axis=0) if v != "parada temprana" else None,
            )
            for v, cs in res.items()
        },
        "parada": [(c[0]["loss"], c[0]["val_loss"]) for c in res["parada temprana"]],
        "metricas": {
            "semillas": len(SEMILLAS),
            "epocas": EPOCAS,
            "variantes": resumen,
            "sin_regularizar": sobreajuste,
            "mejores_en_exactitud": [v for v, r in resumen.items() if r.get("veredicto_exactitud") == "mejor"],
            "mejores_en_perdida": [v for v, r in resumen.items() if r.get("veredicto_perdida") == "mejor"],
        },
    }


def dibujar(res, estrecha=False):
    import matplotlib.pyplot as plt

    from maquinaria.formato import numero, porcentaje

    m = res["metricas"]
    from maquinaria.estilo import ANCHO_ESTRECHA

    if estrecha:  # en el móvil, una gráfica encima de la otra
        figura, (izq, der) = plt.subplots(2, 1, figsize=(ANCHO_ESTRECHA, 7.8), layout="constrained")
    else:
        figura, (izq, der) = plt.subplots(
            1, 2, figsize=(9.5, 4.2), layout="constrained", gridspec_kw={"width_ratios": [1.4, 1]}
        )
    colores = plt.rcParams["axes.prop_cycle"].by_key()["color"]
    ent, val = res["curvas"]["sin regularizar"]
    epocas = np.arange(1, len(ent) + 1)
    izq.plot(epocas, ent, color=colores[0], label="entrenamiento, sin regularizar")
    izq.plot(epocas, val, color=colores[0], ls="--", label="validación, sin regularizar")
    ent_d, val_d = res["curvas"]["Dropout"]
    izq.plot(epocas, val_d, color=colores[2], ls="--", label="validación, Dropout")
    s = m["sin_regularizar"]
    izq.axvline(s["epoca_minimo_validacion"], color="#78909c", lw=1, ls=":")
    izq.annotate(
        "mínimo de validación",
        (s["epoca_minimo_validacion"], s["validacion_minima"]),
        xytext=(-10, 70) if estrecha else (8, 40),
        textcoords="offset points",
        ha="right" if estrecha else "left",
        fontsize=9,
        arrowprops=dict(arrowstyle="->", color="#546e7a"),
    )
    izq.set_xlabel("época")
    izq.set_title(f"entropía cruzada{chr(10) if estrecha else ' '}(media de las semillas)")
    if estrecha:  # bajo la gráfica: dentro taparía las curvas
        izq.legend(fontsize=8.5, loc="upper center", bbox_to_anchor=(0.5, -0.2), ncols=1, frameon=False)
    else:
        izq.legend(fontsize=9)
    nombres = list(m["variantes"])
    for i, (v, color) in enumerate(zip(nombres, colores)):
        r = m["variantes"][v]
        der.scatter(r["exactitudes"], [i] * len(r["exactitudes"]), color=color, alpha=0.6, s=30)
        der.plot([r["exactitud_media"]] * 2, [i - 0.25, i + 0.25], color=color, lw=3)
    der.set_yticks(range(len(nombres)), nombres)
    der.invert_yaxis()
    der.set_xlabel("exactitud de prueba")
    der.set_title(f"cada semilla (punto){chr(10) if estrecha else chr(32)}y la media (raya)")
    partes = "; ".join(f"{v}, {porcentaje(r['exactitud_media'])}" for v, r in m["variantes"].items())
    alt = (
        "A la izquierda, las curvas de pérdida por época de la red sin regularizar: la de entrenamiento baja casi "
        f"hasta {numero(s['entrenamiento_final'], 2)} mientras la de validación toca su mínimo, "
        f"{numero(s['validacion_minima'], 2)}, en la época {s['epoca_minimo_validacion']} y sube hasta "
        f"{numero(s['validacion_final'], 2)}. A la derecha, "
        f"la exactitud de prueba de cada una de las {m['semillas']} semillas y su media para cada variante: "
        + partes
        + "."
    )
    return figura, alt
