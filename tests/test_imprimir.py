"""La página imprimir/ en pantalla: solo se dibujan los apartados a la vista, y al imprimir todos.

La regla está en maquinaria/sitio/imprimir.css. Sin ella, la página entera (toda la unidad)
bloquea el móvil más de 2 s al cargar (Lighthouse: rendimiento 69).
"""

from __future__ import annotations

import pytest
from navegador_util import nuevo_contexto

pytestmark = pytest.mark.navegador

APARTADOS = "section.print-page:not(.md-section)"
_JS_VISIBILIDAD = (
    "(selector) => Array.from(document.querySelectorAll(selector), s => getComputedStyle(s).contentVisibility)"
)
_JS_ALTOS = """(selector) => {
  const secciones = Array.from(document.querySelectorAll(selector));
  const previsto = getComputedStyle(secciones[0]).containIntrinsicHeight;
  // El alto real de cada apartado: se dibujan todos y se miden.
  secciones.forEach(s => { s.style.contentVisibility = "visible"; });
  return {previsto, altos: secciones.map(s => [s.id, s.getBoundingClientRect().height])};
}"""


@pytest.fixture(scope="module")
def medida(navegador, origen) -> dict:
    """Una sola carga de la página (pesa casi 1 MB): la visibilidad de los apartados en pantalla
    y al imprimir, y después sus altos reales a 320 px, el ancho más estrecho, donde son más largos."""
    contexto = nuevo_contexto(navegador, origen, ancho="movil")
    try:
        pagina = contexto.new_page()
        pagina.set_viewport_size({"width": 320, "height": 640})
        pagina.goto(origen + "imprimir/", wait_until="load")
        pantalla = pagina.evaluate(_JS_VISIBILIDAD, APARTADOS)
        pagina.emulate_media(media="print")
        impresion = pagina.evaluate(_JS_VISIBILIDAD, APARTADOS)
        pagina.emulate_media(media="screen")
        assert not contexto.externas, contexto.externas
        return {"pantalla": pantalla, "impresion": impresion, **pagina.evaluate(_JS_ALTOS, APARTADOS)}
    finally:
        contexto.close()


def test_el_alto_previsto_supera_el_del_apartado_mas_largo(medida):
    """En pantalla, cada apartado se dibuja al llegar a él. Mientras no se dibuja, ocupa su alto
    previsto, que tiene que ser mayor que el real: si no, axe ve el contenido montado sobre el
    apartado siguiente."""
    assert set(medida["pantalla"]) == {"auto"}, f"imprimir/ en pantalla: {medida['pantalla']}"
    previsto = float(medida["previsto"].split()[-1].removesuffix("px"))
    largos = [f"{i}: {alto:.0f} px" for i, alto in medida["altos"] if alto >= previsto]
    assert not largos, (
        f"imprimir/: apartados más altos que el alto previsto ({previsto:.0f} px) de"
        f" maquinaria/sitio/imprimir.css; súbelo: {', '.join(largos)}"
    )


def test_al_imprimir_se_dibujan_todos_los_apartados(medida):
    assert set(medida["impresion"]) == {"visible"}, f"imprimir/ al imprimir: {medida['impresion']}"
