"""La unidad en PDF (`python -m maquinaria.pdf`): Chromium imprime la página imprimir/ del sitio.

El PDF sale del sitio construido por las pruebas (con --strict), sin red, y debe tener:
todas las páginas de la unidad en orden, sus figuras, las fórmulas compuestas en MathML
(ni un `\\(` en crudo), el código, un índice con el número de página de cada apartado que
coincide con el esquema del PDF, y el número de página al pie («3 / 99») en cada hoja.
La portada lo enlaza como `unidad.pdf`.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import sys

import pytest
from conftest import RAIZ

# Un solo proceso de pruebas para todo el fichero: su fixture de módulo se prepara una vez.
pytestmark = [pytest.mark.navegador, pytest.mark.xdist_group("pdf")]

APARTADOS = [
    "1.1 ¿Qué es una neurona?",
    "1.2 ¿Qué es una red neuronal?",
    "1.3 Experimentación con TensorFlow Playground",
    "1.4 Funciones de activación",
    "2.1 Definición",
    "2.2 Función de pérdida",
    "2.3 Gradiente descendiente",
    "3.1 Definición",
    "3.2 Capa de convolución",
    "3.3 Capa de pooling",
    "4.1 Redes recurrentes",
]
PESO_MAXIMO = 20_000_000  # bytes


@pytest.fixture(scope="module")
def pdf(sitio):
    """El PDF generado con la orden de verdad, en el sitio construido; devuelve (ruta, salida)."""
    proceso = subprocess.run(
        [sys.executable, "-m", "maquinaria.pdf", str(sitio)], cwd=RAIZ, capture_output=True, text=True, timeout=600
    )
    assert proceso.returncode == 0, proceso.stdout + proceso.stderr
    print(proceso.stdout)  # tamaño, imágenes, fórmulas y segundos (se ve con pytest -s)
    return sitio / "unidad.pdf", proceso.stdout


@pytest.fixture(scope="module")
def lector(pdf):
    from pypdf import PdfReader

    return PdfReader(io.BytesIO(pdf[0].read_bytes()))


@pytest.fixture(scope="module")
def textos(pdf):
    """El texto de cada hoja, con PDFium (pypdf tarda veinte veces más en 170 hojas)."""
    import pypdfium2

    documento = pypdfium2.PdfDocument(pdf[0])
    try:
        return [re.sub(r"\s+", " ", hoja.get_textpage().get_text_range()) for hoja in documento]
    finally:
        documento.close()


def imagenes_de(hoja) -> int:
    """Las imágenes que dibuja una hoja, contadas en sus recursos (sin descodificarlas)."""
    objetos = (hoja.get("/Resources") or {}).get("/XObject") or {}
    return sum(1 for o in objetos.values() if o.get_object().get("/Subtype") == "/Image")


def test_el_pdf_esta_en_el_sitio_y_la_portada_lo_enlaza(pdf, sitio):
    ruta, salida = pdf
    assert ruta.read_bytes()[:5] == b"%PDF-"
    assert 100_000 < ruta.stat().st_size < PESO_MAXIMO
    assert 'href="unidad.pdf"' in (sitio / "index.html").read_text(encoding="utf-8")
    assert "MB" in salida and " s." in salida


def test_el_esquema_tiene_todos_los_apartados_en_orden(pdf):
    from maquinaria.pdf import _esquema

    titulos = [t for t, _ in _esquema(pdf[0].read_bytes())]
    posiciones = [titulos.index(a) for a in APARTADOS]
    assert posiciones == sorted(posiciones)
    assert titulos.count("Comprueba lo que sabes") == len(APARTADOS)


def test_cada_hoja_lleva_su_numero_de_pagina(textos):
    total = len(textos)
    assert total > 30
    sin_numero = [i + 1 for i, t in enumerate(textos) if f"{i + 1} / {total}" not in t]
    assert not sin_numero, f"hojas sin «N / {total}»: {sin_numero[:10]}"


def test_el_indice_da_la_pagina_de_cada_apartado(pdf, lector, textos):
    """El índice (primera hoja) dice en qué página empieza cada apartado, y es verdad."""
    from maquinaria.pdf import _esquema

    esquema = dict(reversed(_esquema(pdf[0].read_bytes())))  # la primera aparición de cada título
    # Con el texto en su disposición, cada entrada y su número quedan en la misma línea
    indice = "\n".join(p.extract_text(extraction_mode="layout") for p in lector.pages[:3])
    for apartado in APARTADOS:
        m = re.search(re.escape(apartado) + r" +(\d+) *$", indice, re.M)
        assert m, f"el índice no da página para «{apartado}»"
        assert int(m[1]) == esquema[apartado], f"«{apartado}»: el índice dice {m[1]}, el PDF {esquema[apartado]}"
        assert apartado in textos[int(m[1]) - 1]
    # Todas las entradas llevan número, también «Inicio» y las de las partes
    primera = lector.pages[0].extract_text(extraction_mode="layout").splitlines()
    entradas = [
        linea.strip()
        for linea in primera
        if linea.strip() and linea.strip() != "Índice" and not re.fullmatch(r"\d+ / \d+", linea.strip())
    ]
    assert len(entradas) >= len(APARTADOS) + 5
    sin_numero = [e for e in entradas if not re.search(r"\s\d+$", e)]
    assert not sin_numero, f"entradas del índice sin número de página: {sin_numero}"


def test_figuras_formulas_y_codigo(lector, textos):
    imagenes = sum(imagenes_de(p) for p in lector.pages)
    # Una por figura: la estrecha (NOMBRE-estrecha.png) es la misma figura para el móvil.
    figuras = len([p for p in (RAIZ / "docs" / "figuras").glob("*.png") if not p.stem.endswith("-estrecha")])
    assert imagenes >= figuras * 0.8, f"{imagenes} imágenes en el PDF para {figuras} figuras"
    todo = " ".join(textos)
    assert "\\(" not in todo and "\\[" not in todo, "fórmulas sin componer en el PDF"
    assert "import keras" in todo and "model.fit" in todo.replace("modelo.fit", "model.fit")
    assert "Comprueba lo que sabes" in todo


def test_un_sitio_con_una_figura_rota_no_da_pdf(sitio, tmp_path):
    roto = tmp_path / "sitio"
    shutil.copytree(sitio, roto, ignore=shutil.ignore_patterns("unidad.pdf", "*.ipynb"))
    (roto / "figuras" / "neurona.png").unlink()
    proceso = subprocess.run(
        [sys.executable, "-m", "maquinaria.pdf", str(roto)], cwd=RAIZ, capture_output=True, text=True, timeout=600
    )
    assert proceso.returncode != 0
    assert "imágenes que no cargan" in proceso.stdout + proceso.stderr
    assert not (roto / "unidad.pdf").exists()
