"""Preparar datos, la tabla de salidas y pérdidas, y guardar y cargar (snippets/preprocesado.py, apartado 2.1)."""

from __future__ import annotations

import re

import keras
import numpy as np
import pytest
from conftest import RAIZ
from sklearn.datasets import load_wine
from sklearn.model_selection import train_test_split

from snippets import preprocesado as p

PAGINA = RAIZ / "docs" / "2-redes-densas" / "2-1-definicion.md"
SNIPPET = RAIZ / "snippets" / "preprocesado.py"


def _vino():
    vino = load_wine()
    return train_test_split(vino.data, vino.target, test_size=0.3, stratify=vino.target, random_state=0)


def test_normalizar_y_estandarizar():
    X_ent, X_test, _, _ = _vino()
    N = p.normalizar(X_ent, X_ent.min(axis=0), X_ent.max(axis=0))
    assert N.min() == 0 and N.max() == 1
    Z = p.estandarizar(X_ent, X_ent.mean(axis=0), X_ent.std(axis=0))
    np.testing.assert_allclose(Z.mean(axis=0), 0, atol=1e-12)
    np.testing.assert_allclose(Z.std(axis=0), 1, rtol=1e-12)
    capa = keras.layers.Normalization()
    capa.adapt(X_ent)
    np.testing.assert_allclose(
        np.asarray(capa(X_test)), p.estandarizar(X_test, X_ent.mean(axis=0), X_ent.std(axis=0)), atol=1e-5
    )


def test_estandarizar_mejora_la_red_de_los_vinos_con_cada_semilla():
    """La frase «estandarizando, la red acierta más en todas» (las semillas)."""
    X_ent, X_test, y_ent, y_test = _vino()
    media, desv = X_ent.mean(axis=0), X_ent.std(axis=0)
    for semilla in range(3):
        crudo = p.red_vino(X_ent, y_ent, X_test, y_test, semilla)
        escalado = p.red_vino(
            p.estandarizar(X_ent, media, desv), y_ent, p.estandarizar(X_test, media, desv), y_test, semilla
        )
        assert escalado > crudo


def test_sparse_y_categorical_dan_lo_mismo():
    rng = np.random.default_rng(0)
    probs = rng.dirichlet(np.ones(4), size=20)
    etiquetas = rng.integers(0, 4, 20)
    a = keras.losses.SparseCategoricalCrossentropy()(etiquetas, probs)
    b = keras.losses.CategoricalCrossentropy()(keras.utils.to_categorical(etiquetas, 4), probs)
    assert float(a) == pytest.approx(float(b), rel=1e-6)
    assert float(a) == pytest.approx(-np.mean(np.log(probs[np.arange(20), etiquetas])), rel=1e-5)


def _datos(problema, rng):
    X = rng.normal(size=(300, 4)).astype("float32")
    if problema == "regresión":
        return X, X @ np.array([1.0, -2.0, 0.5, 0.0]) + 0.1 * rng.normal(size=300), 1
    if problema == "binaria":
        return X, (X[:, 0] + X[:, 1] > 0).astype("float32"), 1
    clases = np.argmax(X[:, :3], axis=1)
    if problema == "multiclase, etiquetas enteras":
        return X, clases, 3
    if problema == "multiclase, etiquetas one-hot":
        return X, keras.utils.to_categorical(clases, 3), 3
    return X, (X[:, :3] > 0).astype("float32"), 3  # multietiqueta: cada una de 3 etiquetas, sí o no


@pytest.mark.parametrize("problema", list(p.SALIDAS))
def test_cada_fila_de_la_tabla_construye_y_aprende(problema):
    rng = np.random.default_rng(0)
    X, y, n = _datos(problema, rng)
    keras.utils.set_random_seed(0)
    red = p.modelo_para(problema, entradas=4, n_clases=n)
    neuronas, activacion, perdida, metrica = p.SALIDAS[problema]
    assert red.layers[-1].units == (1 if neuronas == "1" else n)
    assert red.layers[-1].activation.__name__ == activacion
    antes = red.evaluate(X, y, verbose=0)
    red.fit(X, y, epochs=40, batch_size=32, verbose=0)
    despues = red.evaluate(X, y, verbose=0)
    assert despues[0] < 0.5 * antes[0]  # la pérdida baja a menos de la mitad
    if metrica == "mae":
        assert despues[1] < 0.5 * np.mean(np.abs(y - y.mean()))  # mejor que predecir la media
    else:
        assert despues[1] > 0.85


def test_la_tabla_de_la_pagina_es_la_del_codigo():
    texto = PAGINA.read_text(encoding="utf-8")
    bloque = texto.split("| Tipo de problema |")[1].split("\n\n")[0]
    filas = [[c.strip() for c in linea.strip("|").split("|")] for linea in bloque.splitlines()[2:]]
    assert len(filas) == len(p.SALIDAS)
    for fila, (problema, (neuronas, activacion, perdida, metrica)) in zip(filas, p.SALIDAS.items()):
        assert all(palabra in fila[0].lower() for palabra in problema.replace(",", "").split())
        assert fila[1].startswith("1," if neuronas == "1" else r"\(n\),") and f"`{activacion}`" in fila[1]
        assert fila[2] == f"`{perdida}`" and fila[3] == f"`{metrica}`"


def _seccion(nombre):
    texto = SNIPPET.read_text(encoding="utf-8")
    cuerpo = re.search(rf"# --8<-- \[start:{nombre}\]\n(.*?)# --8<-- \[end:{nombre}\]", texto, re.S).group(1)
    import textwrap

    return textwrap.dedent(cuerpo)


def test_guardar_y_cargar_da_predicciones_identicas(tmp_path, monkeypatch):
    """Ejecuta la sección de la página tal cual con un modelo entrenado, en una carpeta vacía."""
    from maquinaria.digitos import entrenar_digitos

    modelo, _, (_, X_test, _, y_test) = entrenar_digitos(epocas=2)
    monkeypatch.chdir(tmp_path)
    espacio = {"modelo": modelo, "X_test": X_test, "y_test": y_test, "keras": keras, "np": np}
    exec(_seccion("guardar"), espacio)
    assert (tmp_path / "modelo.keras").is_file()
    assert np.array_equal(espacio["antes"], espacio["despues"])
    cargado = espacio["recuperado"]
    assert cargado is not modelo and cargado.optimizer.iterations.numpy() == modelo.optimizer.iterations.numpy() > 0
    for a, b in zip(modelo.get_weights(), cargado.get_weights()):
        assert np.array_equal(a, b)
