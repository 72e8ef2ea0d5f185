"""Estructura de una neurona con los números del ejemplo

Entradas, pesos, sesgo, suma ponderada, activación sigmoide y salida: todos los números
del dibujo salen de evaluar `suma_ponderada` y `neurona` de `snippets/neurona.py` con las
entradas, los pesos y el sesgo del ejemplo de la página.
"""

import numpy as np

from snippets.neurona import b, neurona, sigmoide, suma_ponderada, w, x

SEMILLA = 0


def calcular():
    z = float(suma_ponderada(x, w, b))
    y = float(neurona(x, w, b))
    curva_z = np.linspace(-6, 6, 241)
    return {
        "curva_z": curva_z,
        "curva_y": sigmoide(curva_z),
        "metricas": {
            "entradas": x,
            "pesos": w,
            "sesgo": float(b),
            "productos": w * x,
            "z": z,
            "y": y,
        },
    }


def _n(valor, decimales=1):
    """Número con coma decimal y signo menos tipográfico."""
    from maquinaria.formato import numero

    return numero(valor, decimales)


def dibujar(res, estrecha=False):
    import matplotlib.pyplot as plt
    from matplotlib.patches import Circle, FancyArrowPatch, FancyBboxPatch

    m = res["metricas"]
    entradas, pesos, productos = m["entradas"], m["pesos"], m["productos"]
    n = len(entradas)
    azul, naranja, verde, gris = "#3f51b5", "#ff5722", "#009688", "#455a64"

    # 9,4 pulgadas de ancho: cabe en la columna del sitio sin reducir la letra. En el móvil, de
    # arriba abajo: las entradas y la suma; debajo, la activación; al final, la salida y la cuenta.
    from maquinaria.estilo import ANCHO_ESTRECHA

    ancho_figura = ANCHO_ESTRECHA if estrecha else 9.4
    ancho_datos, alto_datos = (5.4, 9.0) if estrecha else (10.2, 4.5)
    figura = plt.figure(figsize=(ancho_figura, ancho_figura * alto_datos / ancho_datos))
    letra = {"entrada": 9.5, "peso": 8.5, "texto": 9.5, "salida": 10} if estrecha else {}
    eje = figura.add_axes((0, 0, 1, 1))
    eje.set_xlim(0, ancho_datos)
    eje.set_ylim(-0.2, alto_datos - 0.2)
    eje.set_aspect("equal")
    eje.axis("off")

    def flecha(origen, destino, color=gris):
        eje.add_patch(
            FancyArrowPatch(
                origen, destino, arrowstyle="-|>", mutation_scale=16, lw=1.6, color=color, shrinkA=0, shrinkB=0
            )
        )

    # Entradas, repartidas en vertical.
    x_entrada, radio_entrada = (0.5, 0.42) if estrecha else (0.6, 0.42)
    centro_suma, radio_suma = ((4.5, 6.55), 0.55) if estrecha else ((4.55, 2.25), 0.6)
    alturas = np.linspace(7.7, 5.4, n) if estrecha else np.linspace(3.7, 0.85, n)
    for i, altura in enumerate(alturas):
        eje.add_patch(Circle((x_entrada, altura), radio_entrada, facecolor="#e8eaf6", edgecolor=azul, lw=1.8))
        eje.text(
            x_entrada,
            altura,
            f"$x_{i + 1}$\n{_n(entradas[i])}",
            ha="center",
            va="center",
            fontsize=letra.get("entrada", 11),
        )
        # Flecha hasta el borde del círculo de la suma.
        origen = np.array((x_entrada + radio_entrada, altura))
        direccion = np.array(centro_suma) - origen
        destino = np.array(centro_suma) - direccion / np.linalg.norm(direccion) * radio_suma
        flecha(tuple(origen), tuple(destino), azul)
        medio = origen + 0.4 * direccion
        eje.text(
            medio[0],
            medio[1] + 0.12,
            f"$w_{i + 1}$ = {_n(pesos[i])}  ({_n(pesos[i])} · {_n(entradas[i])} = {_n(productos[i], 2)})",
            ha="center",
            va="bottom",
            fontsize=letra.get("peso", 10),
            color=azul,
            bbox={"boxstyle": "round,pad=0.15", "facecolor": "white", "edgecolor": "none"},
        )

    # Sesgo, que entra desde arriba.
    alto_sesgo = centro_suma[1] + 1.85
    eje.text(
        centro_suma[0] - (0.4 if estrecha else 0),
        alto_sesgo,
        f"sesgo $b$ = {_n(m['sesgo'])}",
        ha="center",
        va="center",
        fontsize=letra.get("texto", 11),
        color=naranja,
    )
    flecha((centro_suma[0], alto_sesgo - 0.18), (centro_suma[0], centro_suma[1] + radio_suma), naranja)

    # Suma ponderada.
    eje.add_patch(Circle(centro_suma, radio_suma, facecolor="#fff3e0", edgecolor=naranja, lw=2))
    eje.text(*centro_suma, "Σ", ha="center", va="center", fontsize=22)
    eje.text(
        centro_suma[0] - (0.2 if estrecha else 0),
        centro_suma[1] - radio_suma - 0.2,
        f"suma ponderada\n$z$ = {_n(m['z'], 2)}",
        ha="right" if estrecha else "center",
        va="top",
        fontsize=letra.get("texto", 11),
    )

    # Activación: la curva sigmoide de verdad, con el punto (z, y) marcado.
    caja = (0.7, 2.2, 4.1, 2.1) if estrecha else (5.8, 1.3, 2.3, 1.95)
    eje.add_patch(
        FancyBboxPatch(caja[:2], caja[2], caja[3], boxstyle="round,pad=0.05", facecolor="white", edgecolor=verde, lw=2)
    )
    if estrecha:  # de la suma, hacia abajo
        flecha((centro_suma[0], centro_suma[1] - radio_suma), (centro_suma[0], caja[1] + caja[3] + 0.05))
    else:
        flecha((centro_suma[0] + radio_suma, centro_suma[1]), (caja[0] - 0.05, centro_suma[1]))
    eje.text(
        caja[0] + caja[2] / 2 - (0.6 if estrecha else 0),
        caja[1] + caja[3] + 0.15,
        "activación: sigmoide",
        ha="center",
        va="bottom",
        fontsize=letra.get("texto", 11),
        color=verde,
    )
    interior = eje.inset_axes((caja[0] + 0.55, caja[1] + 0.35, caja[2] - 0.7, caja[3] - 0.5), transform=eje.transData)
    interior.plot(res["curva_z"], res["curva_y"], color=verde, lw=1.8)
    interior.plot([m["z"]], [m["y"]], "o", color=naranja, ms=7)
    interior.axvline(m["z"], color=naranja, lw=0.8, ls=":")
    interior.axhline(m["y"], color=naranja, lw=0.8, ls=":")
    interior.set_xticks([m["z"]], [f"z = {_n(m['z'], 2)}"])
    interior.set_yticks([0, m["y"], 1], ["0", _n(m["y"], 2), "1"])
    interior.set_ylim(-0.08, 1.08)
    interior.tick_params(labelsize=8.5 if estrecha else 9, pad=2)
    interior.grid(False)

    # Salida.
    if estrecha:
        medio = caja[0] + caja[2] / 2
        flecha((medio, caja[1] - 0.05), (medio, caja[1] - 0.55))
        eje.text(
            medio,
            caja[1] - 0.95,
            f"salida $y = \\sigma(z)$ = {_n(m['y'], 3)}",
            ha="center",
            va="center",
            fontsize=letra["salida"],
            bbox={"boxstyle": "round,pad=0.4", "facecolor": "#e0f2f1", "edgecolor": verde},
        )
    else:
        flecha((caja[0] + caja[2] + 0.05, centro_suma[1]), (8.75, centro_suma[1]))
        eje.text(
            8.85,
            centro_suma[1],
            f"salida\n$y = \\sigma(z)$\n= {_n(m['y'], 3)}",
            ha="left",
            va="center",
            fontsize=12,
            bbox={"boxstyle": "round,pad=0.4", "facecolor": "#e0f2f1", "edgecolor": verde},
        )

    # La cuenta completa, abajo.
    terminos = " + ".join(f"{_n(p, 2)}" if p >= 0 else f"({_n(p, 2)})" for p in productos)
    eje.text(
        ancho_datos / 2,
        -0.12,
        f"$z$ = {terminos} + ({_n(m['sesgo'])}) = {_n(m['z'], 2)}{chr(10) if estrecha else '      '}"
        f"$y$ = 1 / (1 + $e^{{-z}}$) = {_n(m['y'], 3)}",
        ha="center",
        va="bottom",
        fontsize=letra.get("texto", 11),
    )

    partes = ", ".join(
        f"x{i + 1} = {_n(entradas[i])} con peso {_n(pesos[i])} (producto {_n(productos[i], 2)})" for i in range(n)
    )
    alt = (
        f"Diagrama de una neurona con {n} entradas: {partes}. Las flechas llegan a un círculo de suma, "
        f"al que también llega el sesgo b = {_n(m['sesgo'])}; la suma ponderada vale z = {_n(m['z'], 2)}. "
        f"Después, una caja con la curva sigmoide marca el punto z = {_n(m['z'], 2)} y la salida es "
        f"y = {_n(m['y'], 3)}."
    )
    return figura, alt
