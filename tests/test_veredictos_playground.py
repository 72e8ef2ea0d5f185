"""Las palabras cualitativas de 1.3 («empate», «antes», «peor», «sube»...) frente a los registros.

Cada afirmación es una frase de la página y una comprobación sobre el registro de su figura. La
comprobación recalcula el veredicto con los valores por semilla del registro y la tolerancia de
`maquinaria.veredictos` (la dispersión entre semillas), de modo que si alguien edita el registro
(o lo regenera y cambia el resultado) y la frase deja de ser cierta, la prueba falla. Si alguien
cambia la frase, también: la frase tiene que seguir en la página.
"""

from __future__ import annotations

import copy
import json
import re

import numpy as np
import pytest
from conftest import RAIZ

from maquinaria.veredictos import comparar, empatados_con_el_mejor

PAGINA = RAIZ / "docs" / "1-introduccion" / "1-3-playground.md"


def registro(figura):
    return json.loads((RAIZ / "docs" / "figuras" / f"{figura}.json").read_text(encoding="utf-8"))["metricas"]


def v(a, b):
    return comparar(a, b)["veredicto"]


def _tamanos_empate_limpio(m):
    limpio = m["limpio"]["por_tamano"]
    empatan = empatados_con_el_mejor({n.replace("_", "-"): r["perdida_test_semillas"] for n, r in limpio.items()})
    return "6x8" in empatan and empatan == m["limpio"]["empatan_con_el_mejor"]


def _espiral_empatan(m):
    c = m["candidatas"]  # claves: las etiquetas con «_» en vez de « » y «-»
    recalculado = empatados_con_el_mejor({k: c[k]["perdida_test_semillas"] for k in c})
    return recalculado == [e.replace(" ", "_").replace("-", "_") for e in m["empatan_con_la_mejor"]]


def _sobreajuste_sube(m):
    g = m["red_6x8"]
    finales = np.array(g["perdida_test_semillas"])
    return finales.mean() - g["minimo_test"] > finales.std(ddof=1)


# (figura, frase de la página, comprobación sobre su registro)
AFIRMACIONES = [
    (
        "playground_ratio",
        "con el 70 %, un **empate**",
        lambda m: v(m["ratio_70"]["perdida_test_semillas"], m["ratio_50"]["perdida_test_semillas"]) == "empate",
    ),
    (
        "playground_ratio",
        'baja de {{ dato("playground_ratio", "umbral", decimales=2) }} **antes**',
        lambda m: (
            v(m["ratio_70"]["epocas_hasta_umbral_semillas"], m["ratio_50"]["epocas_hasta_umbral_semillas"]) == "menor"
        ),
    ),
    (
        "playground_una_neurona",
        "son **peores** que las de la red 4-2",
        lambda m: (
            v(m["una_neurona"]["perdida_ent_semillas"], m["red_4_2"]["perdida_ent_semillas"]) == "mayor"
            and v(m["una_neurona"]["perdida_test_semillas"], m["red_4_2"]["perdida_test_semillas"]) == "mayor"
        ),
    ),
    (
        "playground_tres_neuronas",
        "en prueba, **mejor** que el",
        lambda m: v(m["neuronas_2"]["exactitud_test_semillas"], m["neuronas_1"]["exactitud_test_semillas"]) == "mayor",
    ),
    (
        "playground_tres_neuronas",
        "**mejor** que con dos",
        lambda m: v(m["neuronas_3"]["exactitud_test_semillas"], m["neuronas_2"]["exactitud_test_semillas"]) == "mayor",
    ),
    # «Una y dos neuronas no resuelven el círculo ni siquiera con los datos de entrenamiento»:
    # ninguna semilla pasa del 90 % de acierto en entrenamiento.
    (
        "playground_tres_neuronas",
        "Una y dos neuronas no resuelven el círculo ni siquiera con los datos",
        lambda m: max(m["neuronas_1"]["exactitud_ent_max"], m["neuronas_2"]["exactitud_ent_max"]) < 0.9,
    ),
    (
        "playground_cuadrados",
        "parámetros, un **empate** con la red 4-2",
        lambda m: v(m["cuadrados"]["exactitud_test_semillas"], m["4_2"]["exactitud_test_semillas"]) == "empate",
    ),
    (
        "playground_cuadrados",
        "la frontera vuelve a ser una recta y se queda en el",
        lambda m: v(m["cuadrados"]["exactitud_test_semillas"], m["lineal"]["exactitud_test_semillas"]) == "mayor",
    ),
    (
        "playground_xor",
        "(**peor** que con tres)",
        lambda m: v(m["neuronas_2"]["exactitud_test_semillas"], m["neuronas_3"]["exactitud_test_semillas"]) == "menor",
    ),
    (
        "playground_xor",
        "cuatro **sube** al",
        lambda m: v(m["neuronas_4"]["exactitud_test_semillas"], m["neuronas_3"]["exactitud_test_semillas"]) == "mayor",
    ),
    (
        "playground_espiral",
        "La red por defecto no puede",
        lambda m: m["candidatas"]["4_2_tanh"]["exactitud_test_max"] < 0.8,
    ),
    (
        "playground_espiral",
        "las dos activaciones superan el",
        lambda m: (
            {"8-8-8-8 tanh", "8-8-8-8 ReLU"} <= set(m["resueltas"])
            and min(
                m["candidatas"]["8_8_8_8_tanh"]["exactitud_test_semillas"]
                + m["candidatas"]["8_8_8_8_ReLU"]["exactitud_test_semillas"]
            )
            >= m["umbral_resuelta"]
        ),
    ),
    (
        "playground_espiral",
        "ReLU aprende **antes**",
        lambda m: (
            v(
                m["candidatas"]["8_8_8_8_ReLU"]["perdida_test_mitad_semillas"],
                m["candidatas"]["8_8_8_8_tanh"]["perdida_test_mitad_semillas"],
            )
            == "menor"
        ),
    ),
    ("playground_espiral", "empatan con la mejor", _espiral_empatan),
    # «Apenas baja»: baja, pero menos de 0,1 (una quinta parte de la pérdida de partida, 0,5).
    (
        "playground_tasa",
        "la pérdida de prueba apenas baja de",
        lambda m: (
            v(m["pequena"]["perdida_test_semillas"], m["pequena"]["perdida_test_inicial_semillas"]) == "menor"
            and m["pequena"]["perdida_test_inicial"] - m["pequena"]["perdida_test"] < 0.1
        ),
    ),
    # «Se atasca»: más salidas saturadas que con la tasa de serie y pérdida peor; «plana en N
    # semillas» y «saltos de hasta X» salen de la oscilación por semilla de las últimas épocas.
    (
        "playground_tasa",
        "Con **3** la red se **atasca**",
        lambda m: (
            v(m["grande"]["saturadas_semillas"], m["buena"]["saturadas_semillas"]) == "mayor"
            and v(m["grande"]["perdida_test_semillas"], m["buena"]["perdida_test_semillas"]) == "mayor"
            and m["grande"]["perdida_test"] > 0.5
            and m["grande"]["semillas_planas"] == sum(o < m["plana"] for o in m["grande"]["oscilacion_test_semillas"])
            and m["grande"]["oscilacion_test_max"] == max(m["grande"]["oscilacion_test_semillas"])
        ),
    ),
    (
        "playground_ruido",
        '{{ dato("playground_ruido", "ruido_50.exactitud_test", "%", 1) }}: un **empate**',
        lambda m: (
            v(m["ruido_50"]["exactitud_test_semillas"], m["ruido_50"]["regla_exactitud_test_semillas"]) == "empate"
        ),
    ),
    (
        "playground_ruido",
        "**sube** con el ruido",
        lambda m: v(m["ruido_25"]["brecha_semillas"], m["ruido_0"]["brecha_semillas"]) == "mayor",
    ),
    (
        "playground_ruido",
        "hay **empate**",
        lambda m: v(m["ruido_50"]["brecha_semillas"], m["ruido_25"]["brecha_semillas"]) == "empate",
    ),
    ("playground_tamanos", "y **empata** con la mejor", _tamanos_empate_limpio),
    (
        "playground_tamanos",
        "es **menor** que la de una neurona",
        lambda m: (
            v(
                m["ruidoso"]["por_tamano"]["6x8"]["perdida_ent_semillas"],
                m["ruidoso"]["por_tamano"]["1"]["perdida_ent_semillas"],
            )
            == "menor"
        ),
    ),
    (
        "playground_tamanos",
        "con seis capas de 8 es **peor**",
        lambda m: (
            v(
                m["ruidoso"]["por_tamano"]["6x8"]["perdida_test_semillas"],
                m["ruidoso"]["por_tamano"][m["ruidoso"]["mejor"].replace("-", "_")]["perdida_test_semillas"],
            )
            == "mayor"
        ),
    ),
    (
        "playground_tamanos",
        "no llega a tardar el doble",
        lambda m: m["ms_por_paso_fit"]["6x8"] < 2 * m["ms_por_paso_fit"]["1"],
    ),
    (
        "playground_tamanos",
        "el tiempo solo crece de verdad con redes miles de veces mayores",
        lambda m: m["ms_por_paso_fit"]["2048_2048"] > 2 * m["ms_por_paso_fit"]["6x8"],
    ),
    ("playground_sobreajuste", "y desde ahí **sube**", _sobreajuste_sube),
    (
        "playground_sobreajuste",
        "entrenamiento **baja** de",
        lambda m: (
            v(m["red_6x8"]["perdida_ent_semillas"], m["red_6x8"]["perdida_ent_en_minimo_test_semillas"]) == "menor"
        ),
    ),
]


def _texto_de_la_pagina():
    return re.sub(r"\s+", " ", PAGINA.read_text(encoding="utf-8"))


@pytest.mark.parametrize("figura, frase, cierta", AFIRMACIONES, ids=[f"{a[0]}: {a[1][:40]}" for a in AFIRMACIONES])
def test_la_frase_esta_en_la_pagina_y_el_registro_la_sostiene(figura, frase, cierta):
    assert frase in _texto_de_la_pagina(), f"la página ya no dice «{frase}»"
    assert cierta(registro(figura)), f"el registro de {figura} ya no sostiene «{frase}»"


def test_los_veredictos_guardados_coinciden_con_los_recalculados():
    """Lo que cada figura guardó en «veredictos» es lo que sale de sus valores por semilla."""
    m = registro("playground_ratio")
    assert m["veredictos"]["perdida_test_70_frente_50"]["veredicto"] == v(
        m["ratio_70"]["perdida_test_semillas"], m["ratio_50"]["perdida_test_semillas"]
    )
    m = registro("playground_ruido")
    assert m["veredictos"]["brecha_50_frente_25"]["veredicto"] == v(
        m["ruido_50"]["brecha_semillas"], m["ruido_25"]["brecha_semillas"]
    )


def test_editar_un_registro_rompe_su_frase():
    """La prueba de arriba no es de adorno: con un registro que dice otra cosa, falla."""
    figura, frase, cierta = AFIRMACIONES[0]  # «un empate» entre el 50 % y el 70 %
    m = copy.deepcopy(registro(figura))
    assert cierta(m)
    m["ratio_70"]["perdida_test_semillas"] = [x + 0.2 for x in m["ratio_50"]["perdida_test_semillas"]]
    assert not cierta(m)
    m = copy.deepcopy(registro("playground_tasa"))
    cierta_tasa = next(c for f, fr, c in AFIRMACIONES if "atasca" in fr)
    assert cierta_tasa(m)
    m["grande"]["saturadas_semillas"] = m["buena"]["saturadas_semillas"]  # sin más saturación
    assert not cierta_tasa(m)


def test_empate_mayor_y_menor_con_la_dispersion_entre_semillas():
    assert v([1.0, 1.1, 0.9], [1.05, 1.0, 1.1]) == "empate"
    assert v([2.0, 2.1, 1.9], [1.0, 1.1, 0.9]) == "mayor"
    assert v([1.0, 1.1, 0.9], [2.0, 2.1, 1.9]) == "menor"
    assert comparar([1.0, 1.0], [1.05, 1.05], tolerancia=0.01)["veredicto"] == "menor"
