"""Frases cualitativas de 1.2 y 2.1 frente a los registros de sus figuras (una sola ejecución).

Sin repeticiones no hay dispersión entre semillas: la tolerancia de cada afirmación se fija en
el script de la figura (y en la página) y aquí se recalcula el veredicto con los números del
registro. Editar el registro de forma que la frase deje de ser cierta hace fallar la prueba.
"""

from __future__ import annotations

import copy
import json
import re

from conftest import RAIZ


def registro(figura):
    return json.loads((RAIZ / "docs" / "figuras" / f"{figura}.json").read_text(encoding="utf-8"))["metricas"]


def pagina(ruta):
    return re.sub(r"\s+", " ", (RAIZ / "docs" / ruta).read_text(encoding="utf-8"))


def validacion_no_sube(m):
    """2.1: la pérdida de validación no vuelve a subir más de la tolerancia tras su mínimo."""
    return (
        m["subida_validacion"] == m["perdida_validacion_final"] - m["minimo_validacion"]
        and m["subida_validacion"] <= m["tolerancia_subida"]
        and m["veredicto_validacion"] == "no sube"
    )


def neurona_sola_en_ln2(m):
    """1.2: la neurona sola acaba en ln 2 y responde 0,5 en todo el plano (menos de 1e-6)."""
    una = m["una_neurona"]
    return abs(una["perdida"] - m["ln2"]) < 1e-6 and una["desvio_max"] < 1e-6


def test_la_validacion_de_la_red_densa_no_vuelve_a_subir():
    assert "La pérdida de validación **no vuelve a subir**" in pagina("2-redes-densas/2-1-definicion.md")
    m = registro("densas_curvas")
    assert validacion_no_sube(m)
    editado = copy.deepcopy(m)
    editado["perdida_validacion_final"] = m["minimo_validacion"] + 2 * m["tolerancia_subida"]
    editado["subida_validacion"] = editado["perdida_validacion_final"] - m["minimo_validacion"]
    assert not validacion_no_sube(editado)


def test_la_neurona_sola_se_queda_en_ln_2():
    assert "se apartan de 0,5 en menos de una millonésima" in pagina("1-introduccion/1-2-red-neuronal.md")
    m = registro("xor")
    assert neurona_sola_en_ln2(m)
    editado = copy.deepcopy(m)
    editado["una_neurona"]["desvio_max"] = 0.01
    assert not neurona_sola_en_ln2(editado)


def error_mas_repetido_sin_empate(m):
    """2.1: «el error más repetido» es uno solo (ningún otro error se repite tantas veces)."""
    matriz = [fila[:] for fila in m["matriz"]]
    for i in range(len(matriz)):
        matriz[i][i] = 0  # la diagonal son aciertos
    cuentas = sorted((v for fila in matriz for v in fila), reverse=True)
    e = m["error_frecuente"]
    return cuentas[0] > cuentas[1] and matriz[e["real"]][e["predicha"]] == cuentas[0] == e["veces"]


def test_el_error_mas_repetido_no_empata_con_otro():
    assert "El error más repetido es leer un" in pagina("2-redes-densas/2-1-definicion.md")
    m = registro("metricas_confusion")
    assert error_mas_repetido_sin_empate(m)
    editado = copy.deepcopy(m)
    editado["matriz"][3][8] = m["error_frecuente"]["veces"]  # otro error igual de frecuente
    assert not error_mas_repetido_sin_empate(editado)


def test_la_exactitud_es_mayor_que_precision_y_sensibilidad():
    assert "es **mayor** que las otras dos" in pagina("2-redes-densas/2-1-definicion.md")
    m = registro("metricas_binaria")
    assert m["exactitud"] > max(m["precision"], m["sensibilidad"])
