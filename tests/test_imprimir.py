"""La página imprimir/ en pantalla: solo se dibujan los apartados a la vista, y al imprimir todos.

La regla está en maquinaria/sitio/imprimir.css. Sin ella, la página entera (toda la unidad)
bloquea el móvil más de 2 s al cargar (Lighthouse: rendimiento 69).
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.navegador

APARTADOS = "section.print-page:not(.md-section)"

_JS_ALTOS = """(selector) => {
  const secciones = Array.from(document.querySelectorAll(selector));
  const previsto = getComputedStyle(secciones[0]).containIntrinsicHeight;
  const visibilidad = secciones.map(s => getComputedStyle(s).contentVisibility);
  // El alto real de cada apartado: se dibujan todos y se miden.
  secciones.forEach(s => { s.style.contentVisibility = "visible"; });
  const altos = secciones.map(s => [s.id, s.getBoundingClientRect().height]);
  return {previsto, visibilidad, altos};
}"""


def _medir(navegador, url: str, medio: str) -> dict:
    pagina = navegador.new_page(viewport={"width": 320, "height": 640})
    try:
        pagina.emulate_media(media=medio)
        pagina.goto(url, wait_until="load")
        return pagina.evaluate(_JS_ALTOS, APARTADOS)
    finally:
        pagina.close()


def test_el_alto_previsto_supera_el_del_apartado_mas_largo(navegador, origen):
    """En pantalla, cada apartado se dibuja al llegar a él. Mientras no se dibuja, ocupa su alto
    previsto, que tiene que ser mayor que el real: si no, axe ve el contenido montado sobre el
    apartado siguiente. Se mide a 320 px, el ancho más estrecho, donde los apartados son más
    largos."""
    medida = _medir(navegador, origen + "imprimir/", "screen")
    assert set(medida["visibilidad"]) == {"auto"}, f"imprimir/ en pantalla: {medida['visibilidad']}"
    previsto = float(medida["previsto"].split()[-1].removesuffix("px"))
    largos = [f"{i}: {alto:.0f} px" for i, alto in medida["altos"] if alto >= previsto]
    assert not largos, (
        f"imprimir/: apartados más altos que el alto previsto ({previsto:.0f} px) de"
        f" maquinaria/sitio/imprimir.css; súbelo: {', '.join(largos)}"
    )


def test_al_imprimir_se_dibujan_todos_los_apartados(navegador, origen):
    medida = _medir(navegador, origen + "imprimir/", "print")
    assert set(medida["visibilidad"]) == {"visible"}, f"imprimir/ al imprimir: {medida['visibilidad']}"
