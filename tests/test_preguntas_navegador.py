"""Las preguntas de autoevaluación en Chromium: aciertos, fallos explicados y teclado.

Se sirve el sitio construido en 127.0.0.1 y se abre en el Chromium de Debian (Playwright).
En cada página de contenido se responde bien y mal a cada pregunta, con las soluciones que
da `maquinaria.preguntas.cargar()` (las mismas de los registros): la respuesta correcta dice
«¡Correcto!» y muestra su explicación; una equivocada dice «No es correcto» y explica por qué.
Aparte, una página entera se recorre solo con el teclado.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from navegador_util import CHROMIUM, lanzar, nuevo_contexto

from maquinaria import formato
from maquinaria.preguntas import cargar

# Un solo proceso de pruebas para todo el fichero: su fixture de módulo se prepara una vez.
pytestmark = [pytest.mark.navegador, pytest.mark.xdist_group("preguntas_navegador")]

CUESTIONARIOS = cargar()
PAGINA_TECLADO = "1-introduccion/1-1-neurona.md"


@pytest.fixture(scope="module")
def contexto(origen):
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Falta Chromium en {CHROMIUM}: sudo apt-get install chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        navegador = lanzar(p)
        contexto = nuevo_contexto(navegador, origen)
        yield contexto
        contexto.close()
        navegador.close()


def _abrir(contexto, origen, pagina: str):
    pestana = contexto.new_page()
    errores: list[str] = []
    pestana.on("pageerror", lambda e: errores.append(str(e)))
    pestana.on("console", lambda m: errores.append(m.text) if m.type == "error" else None)
    pestana.goto(origen + pagina.removesuffix(".md") + "/", wait_until="load")
    pestana.errores = errores
    return pestana


def _resultado(pestana, ident: str) -> dict:
    return pestana.evaluate(
        """ident => {
          const f = document.getElementById(ident);
          const visibles = Array.from(f.querySelectorAll(".pregunta-retro")).filter(r => !r.hidden);
          return {veredicto: f.querySelector(".pregunta-veredicto").textContent,
                  casos: visibles.map(r => r.getAttribute("data-caso")),
                  texto: visibles.map(r => r.textContent).join(" "),
                  clases: f.className};
        }""",
        ident,
    )


def _decimales(tolerancia: float) -> int:
    return 0 if tolerancia >= 0.5 else min(6, max(0, -int(f"{tolerancia:e}".split("e")[1])))


def _escribir(valor: float, tolerancia: float) -> str:
    """El número como lo escribiría un estudiante: coma decimal y signo menos de teclado."""
    return (
        formato.numero(round(valor, _decimales(tolerancia) + 1)).replace(formato.MENOS, "-").replace(formato.MILES, "")
    )


def _responder(pestana, ident: str, p, bien: bool):
    formulario = pestana.locator(f"#{ident}")
    if p.tipo == "numerica":
        if bien:
            texto = _escribir(p.valor, p.tolerancia)
        elif p.errores:
            texto = _escribir(p.errores[0].valor, p.tolerancia)
        else:
            texto = _escribir(p.valor + 10 * p.tolerancia + abs(p.valor) + 1, p.tolerancia)
        formulario.locator("input[name=respuesta]").fill(texto)
    elif p.tipo == "vf":
        valor = "v" if p.verdadero == bien else "f"
        formulario.locator(f"input[value={valor}]").check()
    else:
        correcta = next(i for i, o in enumerate(p.opciones) if o.correcta)
        elegida = correcta if bien else next(i for i in range(len(p.opciones)) if i != correcta)
        formulario.locator(f"input[value='{elegida}']").check()
    formulario.locator("button[type=submit]").click()
    return _resultado(pestana, ident)


@pytest.mark.parametrize("pagina", sorted(CUESTIONARIOS), ids=lambda p: p.split("/")[-1].removesuffix(".md"))
def test_acierto_y_fallo_de_cada_pregunta(pagina, contexto, origen):
    pestana = _abrir(contexto, origen, pagina)
    fallos = []
    try:
        prefijo = "pregunta-" + Path(pagina).stem
        for p in CUESTIONARIOS[pagina].preguntas:
            ident = f"{prefijo}-{p.id}"
            mal = _responder(pestana, ident, p, bien=False)
            if not mal["veredicto"].startswith("No es correcto") or "pregunta--fallo" not in mal["clases"]:
                fallos.append(f"{p.id}: una respuesta equivocada dice {mal['veredicto']!r}")
            if not mal["texto"].strip():
                fallos.append(f"{p.id}: una respuesta equivocada no explica nada")
            if p.tipo == "opcion" and mal["casos"] != [f"opcion-{1 if p.opciones[0].correcta else 0}"]:
                fallos.append(f"{p.id}: la opción equivocada no muestra su explicación ({mal['casos']})")
            if p.tipo == "numerica" and mal["casos"] != (["error-0"] if p.errores else ["pista"]):
                fallos.append(f"{p.id}: la equivocación muestra {mal['casos']}")
            bien = _responder(pestana, ident, p, bien=True)
            if bien["veredicto"] != "¡Correcto!" or "pregunta--acierto" not in bien["clases"]:
                fallos.append(f"{p.id}: la respuesta correcta dice {bien['veredicto']!r}")
            if not bien["texto"].strip():
                fallos.append(f"{p.id}: la respuesta correcta no explica nada")
        assert not pestana.errores, pestana.errores
    finally:
        pestana.close()
    assert not fallos, "\n".join(fallos)


def test_una_equivocacion_tipica_explica_por_que(contexto, origen):
    """1.1: sumar los productos sin el sesgo da z sin sesgo; la explicación lo dice."""
    pestana = _abrir(contexto, origen, PAGINA_TECLADO)
    try:
        p = next(p for p in CUESTIONARIOS[PAGINA_TECLADO].preguntas if p.id == "suma-ponderada")
        ident = "pregunta-1-1-neurona-suma-ponderada"
        pestana.fill(f"#{ident}-respuesta", _escribir(p.errores[0].valor, p.tolerancia))
        pestana.click(f"#{ident} button")
        r = _resultado(pestana, ident)
        assert r["veredicto"].startswith("No es correcto") and "falta el sesgo" in r["texto"]
        # Con punto decimal, con el signo menos tipográfico o con espacios, también se entiende
        for escrito in (f"{p.valor}", f" {formato.numero(p.valor, 2)} "):
            pestana.fill(f"#{ident}-respuesta", escrito)
            pestana.click(f"#{ident} button")
            assert _resultado(pestana, ident)["veredicto"] == "¡Correcto!", escrito
        pestana.fill(f"#{ident}-respuesta", "ocho")
        pestana.click(f"#{ident} button")
        assert "Escribe un número" in _resultado(pestana, ident)["veredicto"]
    finally:
        pestana.close()


def _foco(pestana) -> str:
    return pestana.evaluate(
        "() => { const e = document.activeElement; return (e.id || e.name || e.tagName) + '|' + (e.value || ''); }"
    )


def _tabular_hasta(pestana, condicion: str, maximo: int = 400) -> None:
    for _ in range(maximo):
        pestana.keyboard.press("Tab")
        if pestana.evaluate(f"() => {{ const e = document.activeElement; return !!(e && ({condicion})); }}"):
            return
    raise AssertionError(f"Con Tab no se llega a: {condicion}")


def test_solo_con_el_teclado(contexto, origen):
    """Tab llega a cada pregunta; las flechas eligen opción sin enviar; Intro y Espacio comprueban."""
    pestana = _abrir(contexto, origen, PAGINA_TECLADO)
    try:
        preguntas = {p.id: p for p in CUESTIONARIOS[PAGINA_TECLADO].preguntas}
        base = "pregunta-1-1-neurona-"
        # Numérica: Tab hasta el campo, escribir, Intro
        _tabular_hasta(pestana, f"e.id === '{base}suma-ponderada-respuesta'")
        pestana.keyboard.type(_escribir(preguntas["suma-ponderada"].valor, 0.005))
        pestana.keyboard.press("Enter")
        assert _resultado(pestana, base + "suma-ponderada")["veredicto"] == "¡Correcto!"
        # Opción múltiple: Tab entra en el grupo, las flechas cambian la elección sin comprobar nada
        _tabular_hasta(pestana, f"e.name === '{base}papel-del-sesgo'")
        pestana.keyboard.press("ArrowDown")
        pestana.keyboard.press("ArrowDown")
        r = _resultado(pestana, base + "papel-del-sesgo")
        assert r["veredicto"] == "" and r["casos"] == [], "elegir con las flechas no debe comprobar la respuesta"
        elegida = pestana.evaluate(f"() => document.querySelector('#{base}papel-del-sesgo input:checked').value")
        assert elegida == "2"
        pestana.keyboard.press("Enter")  # Intro sobre la opción comprueba
        r = _resultado(pestana, base + "papel-del-sesgo")
        assert r["veredicto"].startswith("No es correcto") and r["casos"] == ["opcion-2"]
        pestana.keyboard.press("ArrowUp")
        pestana.keyboard.press("ArrowUp")
        pestana.keyboard.press("Tab")  # al botón «Comprobar»
        assert pestana.evaluate("() => document.activeElement.textContent") == "Comprobar"
        pestana.keyboard.press("Space")
        assert _resultado(pestana, base + "papel-del-sesgo")["veredicto"] == "¡Correcto!"
        # Verdadero o falso: Espacio marca la opción con el foco, Intro comprueba
        _tabular_hasta(pestana, f"e.name === '{base}parametros-de-una-neurona'")
        pestana.keyboard.press("Space")
        marcada = pestana.evaluate(
            f"() => document.querySelector('#{base}parametros-de-una-neurona input:checked').value"
        )
        pestana.keyboard.press("Enter")
        r = _resultado(pestana, base + "parametros-de-una-neurona")
        acierto = (marcada == "v") == preguntas["parametros-de-una-neurona"].verdadero
        assert r["veredicto"] == ("¡Correcto!" if acierto else "No es correcto.")
        assert r["casos"] == ["solucion"] and r["texto"].strip()
        # El foco se ve: el navegador pinta el contorno de :focus-visible
        contorno = pestana.evaluate("() => getComputedStyle(document.activeElement).outlineStyle")
        assert contorno != "none"
    finally:
        pestana.close()


def test_las_pruebas_fallan_si_la_solucion_de_la_pagina_esta_mal(contexto, origen):
    """Con la solución de una pregunta cambiada en la página, la prueba de aciertos la caza."""
    pestana = _abrir(contexto, origen, PAGINA_TECLADO)
    try:
        ident = "pregunta-1-1-neurona-suma-ponderada"
        pestana.evaluate(f"() => document.getElementById('{ident}').setAttribute('data-valor', '0.9')")
        p = next(p for p in CUESTIONARIOS[PAGINA_TECLADO].preguntas if p.id == "suma-ponderada")
        assert _responder(pestana, ident, p, bien=True)["veredicto"] != "¡Correcto!"
    finally:
        pestana.close()
