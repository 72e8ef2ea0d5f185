"""Las métricas de snippets/metricas.py contra scikit-learn y keras.metrics."""

from __future__ import annotations

import keras
import numpy as np
import pytest
from sklearn import metrics as skm

from snippets import metricas as m


def binarios(semilla, n=200):
    rng = np.random.default_rng(semilla)
    real = rng.integers(0, 2, n)
    pred = np.where(rng.uniform(size=n) < 0.75, real, 1 - real)  # acierta el 75 % más o menos
    return real, pred


@pytest.mark.parametrize("semilla", range(5))
def test_recuentos_como_scikit_learn(semilla):
    real, pred = binarios(semilla)
    tn, fp, fn, tp = skm.confusion_matrix(real, pred, labels=[0, 1]).ravel()  # orden de scikit-learn
    assert m.recuentos(real, pred) == {"TP": tp, "FP": fp, "FN": fn, "TN": tn}


@pytest.mark.parametrize("semilla", range(5))
def test_metricas_binarias_como_scikit_learn_y_keras(semilla):
    real, pred = binarios(semilla)
    c = m.recuentos(real, pred)
    assert m.exactitud(c) == pytest.approx(skm.accuracy_score(real, pred))
    assert m.precision(c) == pytest.approx(skm.precision_score(real, pred))
    assert m.sensibilidad(c) == pytest.approx(skm.recall_score(real, pred))
    assert m.f1(c) == pytest.approx(skm.f1_score(real, pred))
    assert m.f1(c) == pytest.approx(2 * c["TP"] / (2 * c["TP"] + c["FP"] + c["FN"]))
    for metrica, propia in [
        (keras.metrics.BinaryAccuracy(), m.exactitud),
        (keras.metrics.Precision(), m.precision),
        (keras.metrics.Recall(), m.sensibilidad),
    ]:
        metrica.update_state(real, pred)
        assert float(metrica.result()) == pytest.approx(propia(c), rel=1e-6)
    f1_keras = keras.metrics.F1Score(threshold=0.5)
    f1_keras.update_state(real[:, None].astype("float32"), pred[:, None].astype("float32"))
    assert float(f1_keras.result()[0]) == pytest.approx(m.f1(c), rel=1e-5)


def test_la_formula_de_los_apuntes_es_la_exactitud_no_la_precision():
    # Los apuntes llaman «Presicion» a (TP + TN) / total: eso es la exactitud (accuracy).
    real, pred = binarios(0)
    c = m.recuentos(real, pred)
    formula_apuntes = (c["TP"] + c["TN"]) / (c["TP"] + c["TN"] + c["FP"] + c["FN"])
    assert formula_apuntes == pytest.approx(skm.accuracy_score(real, pred))
    assert formula_apuntes != pytest.approx(skm.precision_score(real, pred))


def test_sin_positivos_predichos_la_precision_vale_0_como_en_scikit_learn():
    real, pred = np.array([1, 0, 1, 0]), np.zeros(4, dtype=int)
    c = m.recuentos(real, pred)
    assert m.precision(c) == skm.precision_score(real, pred, zero_division=0) == 0
    assert m.sensibilidad(c) == 0 and m.exactitud(c) == 0.5 and m.f1(c) == 0


def test_matriz_de_confusion_multiclase():
    rng = np.random.default_rng(3)
    real = rng.integers(0, 10, 500)
    pred = np.where(rng.uniform(size=500) < 0.8, real, rng.integers(0, 10, 500))
    M = m.matriz_confusion(real, pred, 10)
    np.testing.assert_array_equal(M, skm.confusion_matrix(real, pred, labels=range(10)))
    assert np.trace(M) / M.sum() == pytest.approx(skm.accuracy_score(real, pred))
    # Keras calcula la misma exactitud a partir de las probabilidades
    acc = keras.metrics.SparseCategoricalAccuracy()
    acc.update_state(real, np.eye(10)[pred])
    assert float(acc.result()) == pytest.approx(np.trace(M) / M.sum())
    # Uno contra el resto: la fila es la sensibilidad, la columna la precisión
    por_clase = [m.uno_contra_el_resto(M, k) for k in range(10)]
    for k, c in enumerate(por_clase):
        assert c == m.recuentos(real == k, pred == k)
    np.testing.assert_allclose([m.precision(c) for c in por_clase], skm.precision_score(real, pred, average=None))
    np.testing.assert_allclose([m.sensibilidad(c) for c in por_clase], skm.recall_score(real, pred, average=None))
    assert np.mean([m.f1(c) for c in por_clase]) == pytest.approx(skm.f1_score(real, pred, average="macro"))


def test_un_modelo_que_siempre_dice_no_tiene_exactitud_alta_y_sensibilidad_cero():
    real = np.array([1] * 35 + [0] * 325)
    c = m.recuentos(real, np.zeros_like(real))
    assert m.exactitud(c) == pytest.approx(325 / 360) and m.sensibilidad(c) == 0
