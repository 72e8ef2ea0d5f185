"""Sobreajuste y regularización (snippets/regularizacion.py, apartado 2.4): Dropout, L2, EarlyStopping y el registro."""

from __future__ import annotations

import importlib.util
import json

import keras
import numpy as np
import pytest
from conftest import RAIZ

from snippets import regularizacion as r

REGISTRO = RAIZ / "docs" / "figuras" / "regularizacion_curvas.json"


def _metricas():
    return json.loads(REGISTRO.read_text(encoding="utf-8"))["metricas"]


def _script():
    spec = importlib.util.spec_from_file_location(
        "regularizacion_curvas", RAIZ / "scripts" / "figuras" / "regularizacion_curvas.py"
    )
    modulo = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(modulo)
    return modulo


def test_los_datos_y_la_red():
    X, y, X_test, y_test = r.datos_lunas()
    assert X.shape == (120, 2) and X_test.shape == (1000, 2)
    assert 0.4 < y.mean() < 0.6
    red = r.crear_red()
    assert round(red.count_params(), -2) == 4400  # «unos 4400 pesos»
    assert not any(isinstance(c, keras.layers.Dropout) for c in red.layers)


def test_dropout_apaga_y_escala_solo_al_entrenar():
    keras.utils.set_random_seed(0)
    capa = keras.layers.Dropout(0.5)
    x = np.ones((200, 64), dtype="float32")
    entrenando = np.asarray(capa(x, training=True))
    assert set(np.unique(entrenando)) == {0.0, 2.0}  # a 0 o multiplicadas por 1 / (1 − 0,5)
    assert 0.4 < (entrenando == 0).mean() < 0.6
    assert np.array_equal(np.asarray(capa(x, training=False)), x)
    red = r.crear_red(dropout=0.5)
    X = r.datos_lunas()[0]
    assert np.array_equal(red.predict(X, verbose=0), red.predict(X, verbose=0))  # predict no apaga nada


def test_l2_suma_lambda_por_el_cuadrado_de_los_pesos():
    red = r.crear_red(l2=0.01)
    X, y = r.datos_lunas()[:2]
    penalizacion = sum(float(v) for v in red.losses)
    nucleos = [c.kernel.numpy() for c in red.layers if c.kernel_regularizer is not None]
    assert len(nucleos) == 2
    assert penalizacion == pytest.approx(0.01 * sum((k**2).sum() for k in nucleos), rel=1e-5)
    # La pérdida que da evaluate incluye la penalización
    perdida = red.evaluate(X, y, verbose=0)[0]
    cruzada = float(keras.losses.binary_crossentropy(y, red.predict(X, verbose=0)[:, 0]))
    assert perdida == pytest.approx(cruzada + penalizacion, rel=1e-4)


def test_restore_best_weights_deja_la_mejor_epoca():
    X, y = r.datos_lunas()[:2]
    keras.utils.set_random_seed(0)
    red = r.crear_red()
    parada = keras.callbacks.EarlyStopping(monitor="val_loss", patience=5, restore_best_weights=True)
    h = red.fit(X, y, epochs=60, batch_size=80, validation_split=1 / 3, verbose=0, callbacks=[parada]).history
    assert len(h["loss"]) < 60  # paró antes
    assert red.evaluate(X[80:], y[80:], verbose=0)[0] == pytest.approx(min(h["val_loss"]), rel=1e-5)


def test_veredicto_con_tolerancia():
    v = _script().veredicto
    assert v(0.02, 0.01) == "mejor" and v(-0.02, 0.01) == "peor" and v(0.005, 0.01) == "empate"
    assert v(0.01, 0.01) == "empate"


def test_el_registro_decide_cada_veredicto():
    """Cada celda «mejor/peor/empate» de la tabla sale de las medias y dispersiones guardadas."""
    m = _metricas()
    v = _script().veredicto
    base = m["variantes"]["sin regularizar"]
    assert m["semillas"] >= 3
    for nombre, var in m["variantes"].items():
        assert len(var["exactitudes"]) == m["semillas"]
        assert var["exactitud_media"] == pytest.approx(np.mean(var["exactitudes"]))
        assert var["exactitud_dispersion"] == pytest.approx(np.ptp(var["exactitudes"]))
        if nombre == "sin regularizar":
            continue
        tol = max(var["exactitud_dispersion"], base["exactitud_dispersion"])
        assert var["veredicto_exactitud"] == v(var["exactitud_media"] - base["exactitud_media"], tol)
        tol = max(var["perdida_dispersion"], base["perdida_dispersion"])
        assert var["veredicto_perdida"] == v(base["perdida_media"] - var["perdida_media"], tol)
    assert sorted(m["mejores_en_exactitud"]) == sorted(
        n for n, x in m["variantes"].items() if x.get("veredicto_exactitud") == "mejor"
    )
    assert sorted(m["mejores_en_perdida"]) == sorted(
        n for n, x in m["variantes"].items() if x.get("veredicto_perdida") == "mejor"
    )


def test_lo_que_afirma_la_pagina():
    m = _metricas()
    s = m["sin_regularizar"]
    # «la de validación llega a su mínimo ... y después sube»
    assert s["validacion_sube"] and s["validacion_final"] > 1.25 * s["validacion_minima"]
    assert s["epoca_minimo_validacion"] < m["epocas"] - 10
    # «Las tres técnicas mejoran a la red sin regularizar en exactitud y en pérdida de prueba»
    otras = [v for v in m["variantes"] if v != "sin regularizar"]
    assert sorted(m["mejores_en_exactitud"]) == sorted(otras) == sorted(m["mejores_en_perdida"])
    # «la pérdida de entrenamiento baja hasta ...» por debajo del mínimo de validación
    assert s["entrenamiento_final"] < s["validacion_minima"] / 2
    # La parada temprana para antes de las épocas máximas; «Dropout y L2 entrenan todas las épocas»
    assert m["variantes"]["parada temprana"]["epocas_medias"] < m["epocas"]
    assert m["variantes"]["Dropout"]["epocas_medias"] == m["variantes"]["L2"]["epocas_medias"] == m["epocas"]
