"""La primera carga ligera (maquinaria/sitio/ligera.py, #18 punto 4), en el sitio construido y en Chromium.

* En el HTML: los scripts del tema con `defer`, el script que retiene el índice de búsqueda
  antes que el bundle de Material, el código resaltado sin las envolturas que no pintan nada y
  el botón de copiar de cada bloque de código ya escrito.
* En Chromium, en móvil y portátil: al abrir una página no se pide el índice de búsqueda; al
  ir a buscar (tocar la lupa o el campo) llega y la búsqueda encuentra; cada bloque de código
  tiene un botón de copiar, uno solo, y pulsarlo copia su código; una solución plegada queda
  fuera del dibujo hasta que se abre.

El peso de la primera carga lo mide tests/test_navegador.py::test_la_pagina_se_lee_en_movil_y_portatil
y el rendimiento de Lighthouse `python -m maquinaria.medir_lighthouse`.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from navegador_util import ANCHOS, nuevo_contexto, paginas_construidas

PAGINA_CON_CODIGO = "2-redes-densas/2-3-gradiente/"
INDICE = "search/search_index.json"


def _html(sitio: Path, ruta: str) -> str:
    return (sitio / ruta / "index.html").read_text(encoding="utf-8")


def test_el_html_sale_aligerado(sitio):
    fallos = []
    for ruta in paginas_construidas(sitio):
        html = _html(sitio, ruta)
        nombre = ruta or "/"
        cabeza = html[: html.index("</head>")]
        if 'id="indice-diferido"' not in cabeza:
            fallos.append(f"{nombre}: sin el script que retiene el índice de búsqueda en el <head>")
        for script in re.findall(r"<script\b[^>]*\bsrc=[^>]*>", html):
            if "defer" not in script and "async" not in script:
                fallos.append(f"{nombre}: {script} bloquea el primer dibujo")
        for pre in re.findall(r"<pre\b[^>]*>.*?</pre>", html, re.S):
            if re.search(r'<span class="(?:n|w)">', pre):
                fallos.append(f"{nombre}: código con <span class=n|w>: {pre[:80]}")
                break
        for pre in re.findall(r"<pre\b[^>]*>(?:<span></span>)?(?:<nav\b.*?</nav>)?<code\b", html, re.S):
            if "md-code__button" not in pre or "data-copia=" not in pre:
                fallos.append(f"{nombre}: bloque de código sin su botón de copiar: {pre[:80]}")
                break
    assert not fallos, "\n".join(fallos)


@pytest.mark.navegador
@pytest.mark.parametrize("ancho", sorted(ANCHOS))
def test_el_indice_llega_al_ir_a_buscar(navegador, origen, ancho):
    contexto = nuevo_contexto(navegador, origen, ancho=ancho)
    try:
        pagina = contexto.new_page()
        pedidas = []
        pagina.on("request", lambda peticion: pedidas.append(peticion.url))
        errores = []
        pagina.on("pageerror", lambda e: errores.append(str(e)))
        pagina.goto(origen + PAGINA_CON_CODIGO, wait_until="networkidle")
        pagina.wait_for_timeout(500)
        assert not [u for u in pedidas if u.endswith(INDICE)], "el índice de búsqueda se pide al abrir la página"
        # Como un lector: en el móvil, la lupa de la cabecera; en el portátil, el campo.
        if ancho == "movil":
            pagina.locator("label.md-header__button[for='__search']").click()
        else:
            pagina.locator("input.md-search__input").click()
        vacio = pagina.evaluate(
            "JSON.parse(document.getElementById('__config').textContent).translations['search.result.placeholder']"
        )
        pagina.wait_for_function(
            "vacio => document.querySelector('.md-search-result__meta').textContent === vacio", arg=vacio
        )
        assert [u for u in pedidas if u.endswith(INDICE)], "el buscador está listo sin haber pedido el índice"
        entrada = pagina.locator("input.md-search__input")
        entrada.fill("gradiente")
        entrada.press("End")
        pagina.wait_for_function(
            "vacio => document.querySelector('.md-search-result__meta').textContent !== vacio", arg=vacio
        )
        assert pagina.locator(".md-search-result__item").count() > 0, "la búsqueda no encuentra «gradiente»"
        assert not errores and not contexto.externas, (errores, contexto.externas)
    finally:
        contexto.close()


@pytest.mark.navegador
def test_cada_bloque_de_codigo_tiene_su_boton_de_copiar(navegador, origen):
    contexto = nuevo_contexto(navegador, origen, ancho="movil")
    try:
        pagina = contexto.new_page()
        pagina.goto(origen + PAGINA_CON_CODIGO, wait_until="load")
        bloques, botones = pagina.evaluate(
            "() => [document.querySelectorAll('article pre > code').length,"
            " document.querySelectorAll('article pre > .md-code__nav .md-code__button').length]"
        )
        assert bloques > 10 and botones == bloques, f"{botones} botones de copiar en {bloques} bloques de código"
    finally:
        contexto.close()


@pytest.mark.navegador
def test_el_boton_de_copiar_copia_el_codigo_de_su_bloque(navegador, origen):
    """El botón escrito en el HTML lo atiende el Clipboard.js de Material: copia su bloque, sin
    los espacios del final, y Material avisa «Copiado al portapapeles»."""
    contexto = nuevo_contexto(navegador, origen)
    contexto.grant_permissions(["clipboard-read", "clipboard-write"], origin=origen.rstrip("/"))
    try:
        pagina = contexto.new_page()
        pagina.goto(origen + PAGINA_CON_CODIGO, wait_until="load")
        for indice in (0, 5):
            boton = pagina.locator("article pre > .md-code__nav .md-code__button").nth(indice)
            boton.click()
            copiado = pagina.evaluate("() => navigator.clipboard.readText()")
            esperado = pagina.evaluate(
                f"() => document.querySelectorAll('article pre > code')[{indice}].innerText.trimEnd()"
            )
            assert len(esperado) > 20 and copiado == esperado, (indice, copiado[:80], esperado[:80])
        assert "Copiado al portapapeles" in pagina.locator("[data-md-component=dialog]").inner_text()
    finally:
        contexto.close()


SOLUCION = "article details:has(pre > code)"  # una solución con código
_JS_SOLUCION = """(solucion) => {
  const d = document.querySelector(solucion);
  const bloque = d.querySelector("pre > code");
  return {abierta: d.open, ancho: bloque.getBoundingClientRect().width,
          caja: getComputedStyle(d, "::details-content").display};
}"""


@pytest.mark.navegador
def test_una_solucion_plegada_no_se_dibuja_hasta_abrirla(navegador, origen):
    """Una solución plegada queda fuera del dibujo con display: none (docs/stylesheets/extra.css),
    no con el content-visibility: hidden de Chromium: así Material puede medir sus bloques al
    cargar sin obligar a dibujarla (Lighthouse en 2.3: 91-94 sin la regla, 98-99 con ella). Al
    tocar el resumen se abre y se ve, y al tocarlo otra vez se pliega."""
    contexto = nuevo_contexto(navegador, origen, ancho="movil")
    try:
        pagina = contexto.new_page()
        pagina.goto(origen + PAGINA_CON_CODIGO, wait_until="load")
        plegada = pagina.evaluate(_JS_SOLUCION, SOLUCION)
        assert plegada == {"abierta": False, "ancho": 0, "caja": "none"}, plegada
        resumen = pagina.locator(f"{SOLUCION} > summary").first
        resumen.click()
        abierta = pagina.evaluate(_JS_SOLUCION, SOLUCION)
        assert abierta["abierta"] and abierta["ancho"] > 200 and abierta["caja"] != "none", abierta
        resumen.click()
        assert pagina.evaluate(_JS_SOLUCION, SOLUCION)["caja"] == "none"
    finally:
        contexto.close()
