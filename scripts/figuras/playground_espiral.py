"""Propuesta 5: la espiral, la red por defecto frente a redes más anchas y profundas, y cómo aprende la mejor

Ocho redes candidatas dentro de los límites del Playground (4-2, 8-8, 8-8-8-8 y seis capas
de 8; con tanh y con ReLU), espiral sin ruido, 70 % para entrenar, tasa 0,03, lotes de 10;
3 repeticiones por candidata. Abajo, el mapa de la mejor candidata en varias épocas.
"""

from maquinaria.apilado import comparar
from maquinaria.veredictos import comparar as veredicto
from maquinaria.veredictos import empatados_con_el_mejor

SEMILLA = 0
EPOCAS = 800
REPETICIONES = 3
CAPTURAS = (10, 50, 150, 400)
CAPAS = {"4-2": (4, 2), "8-8": (8, 8), "8-8-8-8": (8, 8, 8, 8), "6x8": (8,) * 6}
ACTIVACIONES = {"tanh": "tanh", "ReLU": "relu"}
VARIANTES = {
    f"{nombre} {act}": dict(conjunto="espiral", entrenamiento=70, capas=capas, activacion=clave)
    for act, clave in ACTIVACIONES.items()
    for nombre, capas in CAPAS.items()
}
RESUELTA = 0.95  # exactitud de prueba a partir de la cual contamos la espiral como resuelta


def calcular():
    res = comparar(VARIANTES, REPETICIONES, EPOCAS, capturas=CAPTURAS)
    candidatas = {}
    for etiqueta, variante in res.items():
        # Pérdida de prueba media a mitad del entrenamiento: quién aprende antes.
        candidatas[etiqueta.replace(" ", "_").replace("-", "_")] = variante["resumen"] | {
            "perdida_test_mitad": float(variante["test"][:, EPOCAS // 2 - 1].mean())
        }
    # La mejor por pérdida de prueba media y la mejor de cada activación.
    mejor = min(res, key=lambda e: res[e]["resumen"]["perdida_test"])
    mejor_tanh = min((e for e in res if e.endswith("tanh")), key=lambda e: res[e]["resumen"]["perdida_test"])
    mejor_relu = min((e for e in res if e.endswith("ReLU")), key=lambda e: res[e]["resumen"]["perdida_test"])
    metricas = {
        "epocas": EPOCAS,
        "mitad": EPOCAS // 2,
        "repeticiones": REPETICIONES,
        "capturas": list(CAPTURAS),
        "umbral_resuelta": RESUELTA,
        "candidatas": candidatas,
        "mejor": mejor,
        "mejor_tanh": mejor_tanh,
        "mejor_relu": mejor_relu,
        "resueltas": [e for e in res if res[e]["resumen"]["exactitud_test_min"] >= RESUELTA],
        # Las candidatas que empatan con la mejor, dentro de la dispersión entre semillas.
        "empatan_con_la_mejor": empatados_con_el_mejor({e: res[e]["resumen"]["perdida_test_semillas"] for e in res}),
        "configuraciones": {e: v["configuracion"] for e, v in res.items()},
        # Pérdida de prueba de la mejor (repetición mediana) en cada captura.
        "mejor_test_en_capturas": [
            float(res[mejor]["test"][res[mejor]["resumen"]["mediana"]["semilla"], e - 1]) for e in CAPTURAS
        ],
    }
    mitad = {e: [float(v) for v in res[e]["test"][:, EPOCAS // 2 - 1]] for e in ("8-8-8-8 ReLU", "8-8-8-8 tanh")}
    candidatas["8_8_8_8_ReLU"]["perdida_test_mitad_semillas"] = mitad["8-8-8-8 ReLU"]
    candidatas["8_8_8_8_tanh"]["perdida_test_mitad_semillas"] = mitad["8-8-8-8 tanh"]
    metricas["veredictos"] = {
        "mitad_relu_frente_tanh": veredicto(mitad["8-8-8-8 ReLU"], mitad["8-8-8-8 tanh"]),
    }
    return {"comparacion": res, "metricas": metricas, "por_defecto": "4-2 tanh"}


def dibujar(res, estrecha=False):
    import matplotlib.pyplot as plt

    from maquinaria.formato import numero, porcentaje
    from maquinaria.graficos_playground import dibujar_mapa, dibujar_perdidas

    m, comp = res["metricas"], res["comparacion"]
    mostradas = [res["por_defecto"], m["mejor_tanh"], m["mejor_relu"]]
    # Arriba, tres redes tras todas las épocas y sus pérdidas; abajo, la mejor mientras aprende.
    # En el móvil: los mapas de dos en dos, la pérdida a todo lo ancho y su leyenda debajo.
    from maquinaria.estilo import ANCHO_ESTRECHA

    if estrecha:
        figura = plt.figure(figsize=(ANCHO_ESTRECHA, 13.4), layout="constrained")
        arriba, abajo = figura.subfigures(2, 1, height_ratios=[8.6, 4.8])
        mapas, perdidas = arriba.subfigures(2, 1, height_ratios=[4.8, 3.8])
        ejes_arriba = [*mapas.subplots(2, 2).ravel()[:3], perdidas.subplots()]
        mapas.axes[3].set_axis_off()
    else:
        figura = plt.figure(figsize=(9.4, 6.6), layout="constrained")
        arriba, abajo = figura.subfigures(2, 1, height_ratios=[1.08, 1])
        ejes_arriba = arriba.subplots(1, 4, width_ratios=[1, 1, 1, 1.3])
    figura.get_layout_engine().set(wspace=0.06)
    arriba.suptitle(f"Tras {m['epocas']} épocas", fontsize=10.5 if estrecha else 12)
    tamano_mapa = 9 if estrecha else 10
    curvas = {}
    for i, (eje, etiqueta) in enumerate(zip(ejes_arriba, mostradas)):
        variante = comp[etiqueta]
        s = variante["resumen"]["mediana"]["semilla"]
        dibujar_mapa(
            eje,
            variante["mapa"],
            *variante["datos"],
            f"{etiqueta}\nprueba (media): {numero(variante['resumen']['perdida_test'], 3)}\nmapa: semilla {s}",
            tamano_titulo=tamano_mapa,
        )
        if estrecha:
            eje.set_xticks([-6, 0, 6])
            eje.set_yticks([-6, 0, 6])
            eje.tick_params(labelsize=8.5, labelleft=i % 2 == 0)
        elif i > 0:
            eje.tick_params(labelleft=False)
        curvas[etiqueta] = (variante["ent"], variante["test"])
    dibujar_perdidas(ejes_arriba[3], curvas, titulo=f"Pérdida, media de {m['repeticiones']} repeticiones", log=True)
    # La leyenda, en una fila bajo los cuatro paneles de arriba: dentro taparía las curvas.
    leyenda = ejes_arriba[3].get_legend()
    (perdidas if estrecha else arriba).legend(
        handles=leyenda.legend_handles,
        labels=[t.get_text() for t in leyenda.get_texts()],
        loc="outside lower center",
        ncols=2 if estrecha else 5,
        fontsize=8.5 if estrecha else 9,
    )
    leyenda.remove()
    mejor = comp[m["mejor"]]
    s = mejor["resumen"]["mediana"]["semilla"]
    separa = "\n" if estrecha else " "
    abajo.suptitle(
        f"La de menor pérdida de prueba media, {m['mejor']},{separa}mientras aprende (semilla {s})",
        fontsize=10.5 if estrecha else 12,
    )
    for i, (eje, epoca) in enumerate(
        zip(abajo.subplots(2, 2).ravel() if estrecha else abajo.subplots(1, 4), m["capturas"])
    ):
        dibujar_mapa(
            eje,
            mejor["capturas"][epoca],
            *mejor["datos"],
            f"época {epoca}\nprueba (semilla {s}): {numero(mejor['test'][s, epoca - 1], 3)}",
            tamano_titulo=tamano_mapa,
        )
        if estrecha:
            eje.set_xticks([-6, 0, 6])
            eje.set_yticks([-6, 0, 6])
            eje.tick_params(labelsize=8.5, labelleft=i % 2 == 0)
        elif i > 0:
            eje.tick_params(labelleft=False)

    def f(v):
        return numero(v, 3)

    def pct(v):
        return porcentaje(v, 0)

    def c(e):
        return m["candidatas"][e.replace(" ", "_").replace("-", "_")]

    alt = (
        "Arriba, tres mapas de decisión de la espiral tras "
        f"{m['epocas']} épocas y sus curvas de pérdida en escala logarítmica. La red por defecto 4-2 con tanh solo "
        "dibuja unas pocas bandas anchas que no siguen los brazos (exactitud media en prueba "
        f"{pct(c('4-2 tanh')['exactitud_test'])}); la mejor con tanh, {m['mejor_tanh']}, y la mejor con ReLU, "
        f"{m['mejor_relu']}, dibujan dos brazos de espiral que siguen a los puntos (exactitud "
        f"{pct(c(m['mejor_tanh'])['exactitud_test'])} y {pct(c(m['mejor_relu'])['exactitud_test'])}). Abajo, el "
        f"mapa de {m['mejor']} (la repetición mediana, semilla {s}) en las épocas {', '.join(str(e) for e in m['capturas'])}: primero unas pocas "
        "regiones grandes, que se van enrollando hasta seguir la espiral; la pérdida de prueba pasa de "
        f"{f(m['mejor_test_en_capturas'][0])} a {f(m['mejor_test_en_capturas'][-1])}."
    )
    return figura, alt
