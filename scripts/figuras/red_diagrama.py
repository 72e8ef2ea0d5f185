"""Red neuronal de cuatro capas: entrada, dos capas ocultas y salida

El dibujo sale del modelo de Keras que crea `crear_red()` en `snippets/red_neuronal.py`:
el número de neuronas de cada capa se lee de las capas del modelo y los parámetros de
cada capa, de `capa.count_params()`. Si se cambia el modelo, el diagrama cambia con él.
"""

from snippets.red_neuronal import crear_red, neuronas_por_capa, parametros_por_capa

SEMILLA = 0


def calcular():
    red = crear_red()
    neuronas = neuronas_por_capa(red)
    por_capa_keras = [capa.count_params() for capa in red.layers]
    por_capa_formula = parametros_por_capa(neuronas)
    if por_capa_keras != por_capa_formula or red.count_params() != sum(por_capa_formula):
        raise AssertionError(f"La fórmula ({por_capa_formula}) no coincide con Keras ({por_capa_keras}).")
    return {
        "nombres": [capa.name for capa in red.layers],
        "activaciones": [capa.get_config()["activation"] for capa in red.layers],
        "metricas": {
            "neuronas": neuronas,
            "capas_keras": len(red.layers),
            "pesos": [a * b for a, b in zip(neuronas[:-1], neuronas[1:])],
            "sesgos": neuronas[1:],
            "parametros": por_capa_keras,
            "total": red.count_params(),
        },
    }


def _plural(n, palabra):
    return f"{n} {palabra}" if n == 1 else f"{n} {palabra}s"


def dibujar(res, estrecha=False):
    import matplotlib.pyplot as plt

    m = res["metricas"]
    neuronas = m["neuronas"]
    capas_totales = len(neuronas)
    colores = ["#3f51b5"] + ["#009688"] * (capas_totales - 2) + ["#ff5722"]
    rellenos = ["#e8eaf6"] + ["#e0f2f1"] * (capas_totales - 2) + ["#fbe9e7"]
    titulos = ["Capa de entrada"] + [f"Capa oculta {i}" for i in range(1, capas_totales - 1)] + ["Capa de salida"]
    MAXIMO = 9  # con más neuronas se dibujan 4 arriba, 4 abajo y unos puntos suspensivos

    # En el móvil, la red de arriba abajo: una fila por capa (la entrada arriba).
    separacion = 2.1  # entre filas, en unidades de neurona

    def punto(c, y):
        return (-y, -separacion * c) if estrecha else (c, y)

    def posiciones(c):
        n = neuronas[c]
        filas = list(range(n)) if n <= MAXIMO else [0, 1, 2, 3, 5, 6, 7, 8]
        alto = min(n, MAXIMO)
        return [punto(c, (alto - 1) / 2 - f) for f in filas]

    alto = min(max(neuronas), MAXIMO)
    if estrecha:
        from maquinaria.estilo import ANCHO_ESTRECHA

        figura = plt.figure(figsize=(ANCHO_ESTRECHA, 1.45 * capas_totales + 0.9))
        eje = figura.add_axes((0, 0, 1, 1))
        eje.set_xlim(-max(alto, 6) / 2 - 0.3, max(alto, 6) / 2 + 0.3)
        eje.set_ylim(-separacion * (capas_totales - 1) - 2.0, 1.0)
    else:
        # Como mucho 9,4 pulgadas de ancho: la columna del sitio la muestra sin reducir la letra.
        figura = plt.figure(figsize=(min(9.4, max(7, 2.35 * capas_totales)), 1.9 + 0.45 * alto))
        eje = figura.add_axes((0, 0, 1, 1))
        eje.set_xlim(-0.6, capas_totales - 0.4)
        eje.set_ylim(-alto / 2 - 1.55, alto / 2 + 0.55)
    eje.axis("off")

    # Conexiones: cada neurona con todas las de la capa anterior (capas densas).
    for c in range(1, capas_totales):
        for x0, y0 in posiciones(c - 1):
            for x1, y1 in posiciones(c):
                eje.plot([x0, x1], [y0, y1], color="#90a4ae", lw=0.8, zorder=1)
    for c in range(capas_totales):
        xs, ys = zip(*posiciones(c))
        eje.scatter(
            xs, ys, s=300 if estrecha else 520, facecolors=rellenos[c], edgecolors=colores[c], linewidths=2, zorder=2
        )
        if neuronas[c] > MAXIMO:
            eje.text(
                *punto(c, (alto - 1) / 2 - 4),
                "⋯" if estrecha else "⋮",
                ha="center",
                va="center",
                fontsize=16,
                color=colores[c],
            )
        if estrecha:  # el título a la izquierda, encima de la fila; el detalle, debajo
            y = -separacion * c
            eje.text(
                eje.get_xlim()[0] + 0.1,
                y + 0.45,
                titulos[c],
                ha="left",
                va="bottom",
                fontsize=10,
                color=colores[c],
                weight="bold",
            )
        else:
            eje.text(
                c, alto / 2 + 0.15, titulos[c], ha="center", va="bottom", fontsize=12, color=colores[c], weight="bold"
            )
        if c == 0:
            detalle = f"{_plural(neuronas[0], 'entrada')}\n(sin pesos)"
        else:
            detalle = (
                f"{_plural(neuronas[c], 'neurona')} · {res['activaciones'][c - 1]}\n"
                f"{_plural(m['pesos'][c - 1], 'peso')} + {_plural(m['sesgos'][c - 1], 'sesgo')} = {m['parametros'][c - 1]}"
            )
        if estrecha:
            eje.text(
                0,
                -separacion * c - 0.45,
                detalle.replace("\n(", " (").replace("\n", " · "),
                ha="center",
                va="top",
                fontsize=8.5,
                bbox={"boxstyle": "round,pad=0.1", "facecolor": "white", "edgecolor": "none"},
                zorder=3,
            )
        else:
            eje.text(c, -alto / 2 - 0.05, detalle, ha="center", va="top", fontsize=10.5)
    separa = "\n" if estrecha else " "
    eje.text(
        0 if estrecha else (capas_totales - 1) / 2,
        -separacion * (capas_totales - 1) - 1.1 if estrecha else -alto / 2 - 1.0,
        f"Total: {' + '.join(str(p) for p in m['parametros'])} = {m['total']} parámetros{separa}"
        f"(model.count_params() = {m['total']})",
        ha="center",
        va="top",
        fontsize=9.5 if estrecha else 11.5,
    )

    capas = "; ".join(
        f"{titulos[c].lower()} con {_plural(neuronas[c], 'neurona')}"
        + ("" if c == 0 else f" y {m['parametros'][c - 1]} parámetros")
        for c in range(len(neuronas))
    )
    alt = (
        f"Diagrama de una red densa de {len(neuronas)} capas dibujado desde el modelo de Keras: {capas}. "
        f"Cada neurona está unida por una línea con todas las de la capa anterior. En total, {m['total']} parámetros, "
        "los mismos que cuenta model.count_params()."
    )
    return figura, alt
