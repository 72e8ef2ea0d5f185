"""Pérdidas finales según el tamaño de la red: círculo limpio con 250 puntos de entrenamiento y círculo
con ruido 50 y solo 50

Once redes dentro de los límites del Playground, de 1 neurona a 6 capas de 8, con tanh,
tasa 0,03 y lotes de 10; 5 repeticiones de cada una (datos y pesos nuevos). Además se mide
cuánto tarda un paso de `model.fit` según el tamaño de la red.
"""

import time

import keras
import numpy as np

from maquinaria.apilado import comparar
from maquinaria.veredictos import comparar as veredicto
from maquinaria.veredictos import empatados_con_el_mejor
from snippets.playground import crear_modelo, datos_playground, perdida_playground

SEMILLA = 0
REPETICIONES = 5
TAMANOS = [(1,), (2,), (3,), (4,), (6,), (4, 2), (8,), (8, 8), (8, 8, 8), (8,) * 4, (8,) * 6]
CONDICIONES = {
    "limpio": dict(conjunto="circulo", ruido=0, entrenamiento=50, epocas=300),
    "ruidoso": dict(conjunto="circulo", ruido=50, entrenamiento=10, epocas=1000),
}
# Tiempo de model.fit: tres tamaños del Playground y dos muy por encima de su límite.
TIEMPOS = [(1,), (4, 2), (8,) * 6, (512, 512), (2048, 2048)]
# Dos tiempos por paso son «parecidos» si uno no llega al doble del otro.
FACTOR_TIEMPO = 2.0
# Tiempos medidos: cambian en cada ejecución, así que por sí solos no reescriben el registro.
MEDIDAS_DE_TIEMPO = ("cociente_fit_apilado", "ms_por_paso_y_red_apilado", "segundos_apilado", "ms_por_paso_fit")


def nombre(capas):
    return "6x8" if capas == (8,) * 6 else "4x8" if capas == (8,) * 4 else "-".join(map(str, capas))


def descripcion(capas):
    """Cómo se nombra la red en el texto de la página."""
    numeros = {1: "una", 2: "dos", 3: "tres", 4: "cuatro", 6: "seis"}
    if len(capas) == 1:
        return f"de una capa de {capas[0]} neurona{'s' if capas[0] > 1 else ''}"
    if len(set(capas)) == 1:
        return f"de {numeros[len(capas)]} capas de {capas[0]}"
    return "-".join(map(str, capas))


def parametros(capas):
    entradas = (2,) + capas
    return sum((a + 1) * b for a, b in zip(entradas, capas + (1,)))


def ms_por_paso(capas, epocas=2, veces=3):
    """Milisegundos por paso de model.fit (250 puntos, lotes de 10), sin contar la primera época.

    Se toma el mínimo de `veces` mediciones: el que menos sufre si otros procesos usan la CPU.
    """
    X_ent, y_ent, _, _ = datos_playground("circulo", semilla=0)
    modelo = keras.Sequential([keras.Input(shape=(2,))])
    for n in capas:  # las mismas capas que crear_modelo, sin su límite de 8 neuronas
        modelo.add(
            keras.layers.Dense(
                n,
                activation="tanh",
                kernel_initializer=keras.initializers.RandomUniform(-0.5, 0.5),
                bias_initializer=keras.initializers.Constant(0.1),
            )
        )
    modelo.add(keras.layers.Dense(1, activation="tanh"))
    modelo.compile(optimizer=keras.optimizers.SGD(learning_rate=0.03), loss=perdida_playground)
    modelo.fit(X_ent, y_ent, batch_size=10, epochs=1, shuffle=False, verbose=0)  # compila
    tiempos = []
    for _ in range(veces):
        inicio = time.perf_counter()
        modelo.fit(X_ent, y_ent, batch_size=10, epochs=epocas, shuffle=False, verbose=0)
        tiempos.append(time.perf_counter() - inicio)
    return 1000 * min(tiempos) / (epocas * len(X_ent) // 10)


def calcular():
    assert crear_modelo((8,) * 6).count_params() == parametros((8,) * 6)
    resultados, metricas = (
        {},
        {
            "repeticiones": REPETICIONES,
            "tamanos": [nombre(c) for c in TAMANOS],
            "parametros": [parametros(c) for c in TAMANOS],
        },
    )
    for clave, condicion in CONDICIONES.items():
        condicion = dict(condicion)
        epocas = condicion.pop("epocas")
        variantes = {nombre(c): dict(condicion, capas=c) for c in TAMANOS}
        inicio = time.perf_counter()
        res = comparar(variantes, REPETICIONES, epocas)
        segundos = time.perf_counter() - inicio
        pasos = len(TAMANOS) * REPETICIONES * epocas * (500 * condicion["entrenamiento"] // 100 // 10)
        resultados[clave] = {n: {"ent": v["ent"][:, -1], "test": v["test"][:, -1]} for n, v in res.items()}
        resumen = {n: v["resumen"] for n, v in res.items()}
        perdida_test = [resumen[nombre(c)]["perdida_test"] for c in TAMANOS]
        metricas[clave] = condicion | {
            "epocas": epocas,
            "puntos_ent": 500 * condicion["entrenamiento"] // 100,
            "perdida_ent": [resumen[nombre(c)]["perdida_ent"] for c in TAMANOS],
            "perdida_test": perdida_test,
            "exactitud_test": [resumen[nombre(c)]["exactitud_test"] for c in TAMANOS],
            "mejor": nombre(TAMANOS[int(np.argmin(perdida_test))]),
            "mejor_texto": descripcion(TAMANOS[int(np.argmin(perdida_test))]),
            "mejor_perdida_test": float(min(perdida_test)),
            "por_tamano": {n.replace("-", "_"): r for n, r in resumen.items()},
            # Los tamaños que empatan con el mejor (la tolerancia: la dispersión entre semillas).
            "empatan_con_el_mejor": empatados_con_el_mejor({n: resumen[n]["perdida_test_semillas"] for n in resumen}),
            "segundos_apilado": segundos,
            "ms_por_paso_y_red_apilado": 1000 * segundos / pasos,
        }
    ms_por_paso((1,), veces=1)  # calentamiento: la primera medida paga inicializaciones de TensorFlow
    metricas["ms_por_paso_fit"] = {nombre(c).replace("-", "_"): ms_por_paso(c) for c in TIEMPOS}
    metricas["parametros_tiempos"] = {nombre(c).replace("-", "_"): parametros(c) for c in TIEMPOS}
    grande, pequena = metricas["ruidoso"]["por_tamano"]["6x8"], metricas["ruidoso"]["por_tamano"]["1"]
    mejor = metricas["ruidoso"]["por_tamano"][metricas["ruidoso"]["mejor"].replace("-", "_")]
    metricas["veredictos"] = {
        "ruidoso_test_6x8_frente_mejor": veredicto(grande["perdida_test_semillas"], mejor["perdida_test_semillas"]),
        "ruidoso_ent_6x8_frente_1": veredicto(grande["perdida_ent_semillas"], pequena["perdida_ent_semillas"]),
        "limpio_6x8_empata_con_el_mejor": "6x8" in metricas["limpio"]["empatan_con_el_mejor"],
        "factor_tiempo": FACTOR_TIEMPO,
        "tiempo_6x8_parecido_a_1": metricas["ms_por_paso_fit"]["6x8"]
        < FACTOR_TIEMPO * metricas["ms_por_paso_fit"]["1"],
        "tiempo_2048_mayor_que_6x8": metricas["ms_por_paso_fit"]["2048_2048"]
        > FACTOR_TIEMPO * metricas["ms_por_paso_fit"]["6x8"],
    }
    # Cuántas veces más rápido es un paso de una red apilada que un paso de model.fit (red 4-2).
    metricas["cociente_fit_apilado"] = (
        metricas["ms_por_paso_fit"]["4_2"] / metricas["limpio"]["ms_por_paso_y_red_apilado"]
    )
    return {"resultados": resultados, "metricas": metricas}


def dibujar(res, estrecha=False):
    import matplotlib.pyplot as plt

    from maquinaria.formato import numero
    from maquinaria.graficos_playground import CURVAS

    m = res["metricas"]
    # Una condición encima de la otra, con el mismo eje de tamaños.
    from maquinaria.estilo import ANCHO_ESTRECHA

    figura, ejes = plt.subplots(
        2, 1, figsize=(ANCHO_ESTRECHA, 7.0) if estrecha else (9.4, 6.3), sharex=True, layout="constrained"
    )
    x = np.arange(len(m["tamanos"]))
    etiquetas = [f"{n}\n({p})" for n, p in zip(m["tamanos"], m["parametros"])]
    if estrecha:  # en el móvil no caben todas: una sí y otra no
        etiquetas = [e if i % 2 == 0 else "" for i, e in enumerate(etiquetas)]
    titulos = {
        "limpio": f"Sin ruido, {m['limpio']['puntos_ent']} puntos de entrenamiento",
        "ruidoso": f"Ruido 50, {m['ruidoso']['puntos_ent']} puntos de entrenamiento",
    }
    for eje, clave in zip(ejes, CONDICIONES):
        for color, (serie, texto, estilo) in zip(CURVAS, (("ent", "entrenamiento", "-o"), ("test", "prueba", "--s"))):
            valores = np.array([res["resultados"][clave][n][serie] for n in m["tamanos"]])
            eje.plot(x, valores.mean(axis=1), estilo, color=color, label=f"{texto} (media)", ms=5)
            for r in range(valores.shape[1]):
                eje.scatter(x, valores[:, r], color=color, s=8, alpha=0.35)
        eje.set_xticks(x, etiquetas, fontsize=8.5 if estrecha else 10)
        separa = "\n" if estrecha else ", "
        eje.set_title(f"{titulos[clave]}{separa}{m[clave]['epocas']} épocas", fontsize=9.5 if estrecha else 11)
        eje.set_ylim(bottom=0)
    ejes[0].legend(fontsize=8.5 if estrecha else 10)  # una sola leyenda: las dos gráficas usan las mismas series
    ejes[-1].set_xlabel("capas ocultas (parámetros)")
    figura.supylabel("pérdida final (la del Playground)", fontsize=9.5 if estrecha else 11)

    def f(v):
        return numero(v, 3)

    limpio, ruidoso = m["limpio"], m["ruidoso"]
    alt = (
        "Dos gráficas de la pérdida final de entrenamiento (línea continua) y de prueba (discontinua) frente al "
        "tamaño de la red, de 1 neurona a 6 capas de 8: la media de 5 repeticiones como línea y cada repetición "
        f"como un punto. Arriba, círculo sin ruido con {limpio['puntos_ent']} puntos de entrenamiento: la pérdida "
        f"de prueba media pasa de {f(limpio['perdida_test'][0])} con 1 neurona a {f(limpio['perdida_test'][-1])} "
        f"con 6 capas de 8, y empatan con la mejor, dentro de la dispersión entre semillas, "
        f"{', '.join(limpio['empatan_con_el_mejor'])}. Abajo, círculo con ruido 50 y {ruidoso['puntos_ent']} "
        f"puntos de entrenamiento: la pérdida de entrenamiento media baja de {f(ruidoso['perdida_ent'][0])} a "
        f"{f(ruidoso['perdida_ent'][-1])}, pero la de prueba tiene su mínimo, {f(ruidoso['mejor_perdida_test'])}, "
        f"con la red {ruidoso['mejor']} y con 6 capas de 8 es {f(ruidoso['perdida_test'][-1])}."
    )
    return figura, alt
