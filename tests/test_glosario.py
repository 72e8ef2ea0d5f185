"""El glosario: los términos pedidos, cada uno con un enlace que llega a su explicación, y bien escritos."""

from __future__ import annotations

from urllib.parse import urljoin, urlparse

from bs4 import BeautifulSoup
from test_copiar_pegar import html_de
from test_ortografia import desconocidas_para_hunspell, lista_del_proyecto, palabras

PEDIDOS = {  # español: inglés (issue #17)
    "época": "epoch",
    "lote": "batch",
    "tasa de aprendizaje": "learning rate",
    "sesgo": "bias",
    "exactitud": "accuracy",
    "precisión": "precision",
    "sensibilidad": "recall",
    "pérdida": "loss",
    "capa oculta": "hidden layer",
    "relleno": "padding",
    "paso": "stride",
    "agrupación": "pooling",
    "retropropagación": "backpropagation",
}


def filas(sitio):
    html = html_de(sitio, "glosario.md").read_text(encoding="utf-8")
    return BeautifulSoup(html, "html.parser").select("article table tbody tr")


def test_estan_los_terminos_pedidos(sitio):
    tabla = {}
    for fila in filas(sitio):
        espanol, ingles, _ = fila.find_all("td")
        for termino in espanol.get_text().split(","):
            tabla[termino.strip()] = ingles.get_text()
    for espanol, ingles in PEDIDOS.items():
        assert espanol in tabla, f"falta «{espanol}»"
        assert ingles in tabla[espanol]
    assert any("callback" in ingles for ingles in tabla.values())


def test_cada_termino_enlaza_a_una_seccion_que_existe(sitio):
    """La construcción estricta ya valida los anclas; aquí, además, que cada fila tenga el suyo."""
    base = "https://ejemplo/glosario/"
    for fila in filas(sitio):
        enlaces = fila.find_all("td")[2].find_all("a")
        assert enlaces, f"la fila «{fila.get_text(' ', strip=True)}» no enlaza a ningún sitio"
        for enlace in enlaces:
            destino = urlparse(urljoin(base, enlace["href"]))
            assert destino.fragment, f"{enlace['href']}: sin ancla a la sección"
            ruta = sitio / destino.path.lstrip("/") / "index.html"
            assert ruta.exists(), enlace["href"]
            assert BeautifulSoup(ruta.read_text(encoding="utf-8"), "html.parser").find(id=destino.fragment), enlace[
                "href"
            ]


def test_la_ortografia_conoce_cada_termino(sitio):
    espanol = " ".join(fila.find_all("td")[0].get_text() for fila in filas(sitio))
    ingles = " ".join(fila.find_all("td")[1].get_text() for fila in filas(sitio))
    conocidas = {p.lower() for p in lista_del_proyecto()}
    # Los términos en español, con el diccionario; los ingleses, en cursiva y con lang="en".
    assert not {p for p in desconocidas_para_hunspell(palabras(espanol)) if p.lower() not in conocidas}
    for fila in filas(sitio):
        for cursiva in fila.find_all("td")[1].find_all("em"):
            assert cursiva.get("lang") == "en", cursiva
    assert "callback" in ingles
