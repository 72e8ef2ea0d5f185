"""Los conjuntos y la red del Playground (snippets/playground.py) contra los hechos de su código fuente.

Los hechos (/work/shared/playground-facts.md, de src/dataset.ts, src/nn.ts y src/playground.ts):
500 puntos por conjunto, etiquetas +1/-1, ruido = deslizador/100, reparto «barajar una vez y
cortar en floor(N * ratio)», pesos U(-0,5; 0,5), sesgos 0,1, tanh, SGD 0,03 sin momento, lotes
de 10 sin rebarajar y la pérdida mostrada = media de 0,5 (salida - objetivo)² = la mitad del MSE.
Además, el entrenamiento apilado de las figuras da lo mismo que `model.fit`.
"""

from __future__ import annotations

import keras
import numpy as np
import pytest
import tensorflow as tf

from maquinaria.apilado import RedesApiladas, entrenar_experimentos
from snippets import playground as pg

SEMILLAS = range(4)


def generar(nombre, ruido, semilla):
    return pg.CONJUNTOS[nombre](ruido, np.random.default_rng(semilla))


# ----------------------------------------------------------------------------- conjuntos


@pytest.mark.parametrize("nombre", sorted(pg.CONJUNTOS))
@pytest.mark.parametrize("ruido", [0, 25, 50])
def test_500_puntos_con_etiquetas_mas_menos_uno(nombre, ruido):
    X, y = generar(nombre, ruido, 0)
    assert X.shape == (500, 2) and y.shape == (500,)
    assert set(np.unique(y)) <= {-1.0, 1.0}
    assert np.isfinite(X).all()


@pytest.mark.parametrize("semilla", SEMILLAS)
def test_circulo_sin_ruido_radios_y_regla(semilla):
    X, y = generar("circulo", 0, semilla)
    r = np.hypot(X[:, 0], X[:, 1])
    # 250 positivos con r en [0, 2,5) y 250 negativos con r en [3,5; 5], en ese orden.
    assert (r[:250] < 2.5).all() and (r[250:] >= 3.5).all() and (r[250:] <= 5).all()
    assert r[:250].max() > 2.3 and r[250:].min() < 3.7 and r[250:].max() > 4.8  # llenan sus intervalos
    np.testing.assert_array_equal(y, np.where(r < 2.5, 1.0, -1.0))
    assert (y == 1).sum() == 250


@pytest.mark.parametrize("semilla", SEMILLAS)
def test_circulo_el_ruido_cambia_etiquetas_sin_mover_puntos(semilla):
    X0, y0 = generar("circulo", 0, semilla)
    for ruido in (10, 50):
        X, y = generar("circulo", ruido, semilla)
        np.testing.assert_array_equal(X, X0)  # mismos puntos
        cambiadas = y != y0
        assert cambiadas.any()
        # El desplazamiento de la regla es U(-5, 5) * ruido/100 por eje: como mucho 5·ruido/100·√2.
        alcance = 5 * ruido / 100 * np.sqrt(2)
        r = np.hypot(X[:, 0], X[:, 1])
        assert (np.abs(r[cambiadas] - 2.5) <= alcance).all()
    # Con ruido 10 solo pueden cambiar los puntos a menos de 0,71 del radio 2,5, y no hay ninguno:
    # el hueco entre 2,5 y 3,5 protege al anillo; dentro del disco sí cambian algunos.
    X, y = generar("circulo", 10, semilla)
    r = np.hypot(X[:, 0], X[:, 1])
    assert (y[r > 2.5 + 0.71] == -1).all()


@pytest.mark.parametrize("semilla", SEMILLAS)
def test_xor_separacion_y_regla(semilla):
    X, y = generar("xor", 0, semilla)
    assert (np.abs(X) >= 0.3).all() and (np.abs(X) <= 5.3).all()
    assert np.abs(X).min() < 0.35 and np.abs(X).max() > 5.2
    np.testing.assert_array_equal(y, np.where(X[:, 0] * X[:, 1] >= 0, 1.0, -1.0))


@pytest.mark.parametrize("semilla", SEMILLAS)
def test_xor_el_ruido_solo_toca_etiquetas_cerca_de_los_ejes(semilla):
    X0, y0 = generar("xor", 0, semilla)
    X, y = generar("xor", 30, semilla)
    np.testing.assert_array_equal(X, X0)
    cambiadas = y != y0
    assert cambiadas.any()
    # Con ruido 30 cada coordenada se desplaza como mucho 1,5: solo cambian puntos cerca de un eje.
    assert (np.abs(X[cambiadas]).min(axis=1) <= 1.5).all()


def test_gaussiana_centros_y_varianza():
    for ruido in (0, 30, 50):
        positivos, negativos = [], []
        for semilla in range(8):  # 2000 puntos por clase para estimar la varianza con precisión
            X, y = generar("gaussiana", ruido, semilla)
            np.testing.assert_array_equal(y, np.repeat([1.0, -1.0], 250))
            positivos.append(X[:250])
            negativos.append(X[250:])
        varianza = 0.5 + 7 * ruido / 100
        for puntos, centro in ((np.concatenate(positivos), 2.0), (np.concatenate(negativos), -2.0)):
            np.testing.assert_allclose(puntos.mean(axis=0), [centro, centro], atol=0.2)
            np.testing.assert_allclose(puntos.var(axis=0), [varianza, varianza], rtol=0.1)


@pytest.mark.parametrize("semilla", SEMILLAS)
def test_espiral_sin_ruido_sigue_la_formula(semilla):
    X, y = generar("espiral", 0, semilla)
    np.testing.assert_array_equal(y, np.repeat([1.0, -1.0], 250))
    i = np.arange(250)
    r, t = 5 * i / 250, 1.75 * i / 250 * 2 * np.pi
    np.testing.assert_allclose(X[:250], np.stack([r * np.sin(t), r * np.cos(t)], axis=1), atol=1e-12)
    np.testing.assert_allclose(X[250:], -X[:250], atol=1e-12)  # girar media vuelta (delta = pi)


@pytest.mark.parametrize("ruido", [10, 50])
def test_espiral_el_ruido_mueve_los_puntos(ruido):
    X0, _ = generar("espiral", 0, 3)
    X, _ = generar("espiral", ruido, 3)
    desplazamiento = np.abs(X - X0)
    assert desplazamiento.max() <= ruido / 100 + 1e-12  # U(-1, 1) * ruido/100 por coordenada
    assert desplazamiento.max() > 0.9 * ruido / 100


@pytest.mark.parametrize("entrenamiento", range(10, 100, 10))
def test_reparto_barajar_una_vez_y_cortar(entrenamiento):
    X_ent, y_ent, X_test, y_test = pg.datos_playground("xor", ruido=20, entrenamiento=entrenamiento, semilla=5)
    corte = int(np.floor(500 * entrenamiento / 100))
    assert len(X_ent) == len(y_ent) == corte and len(X_test) == len(y_test) == 500 - corte
    # Lo mismo a mano: generar con el mismo generador, barajar una vez, los primeros entrenan.
    rng = np.random.default_rng(5)
    X, y = pg.xor(20, rng)
    orden = rng.permutation(500)
    np.testing.assert_array_equal(X_ent, X[orden][:corte].astype("float32"))
    np.testing.assert_array_equal(y_test, y[orden][corte:].astype("float32"))


def test_deslizadores_fuera_de_rango():
    with pytest.raises(ValueError):
        pg.datos_playground(ruido=55)
    with pytest.raises(ValueError):
        pg.datos_playground(entrenamiento=95)
    with pytest.raises(ValueError):
        pg.datos_playground(entrenamiento=5)


def test_la_semilla_reproduce_y_cambia_los_datos():
    a, b, c = (pg.datos_playground("espiral", 30, 50, s) for s in (1, 1, 2))
    np.testing.assert_array_equal(a[0], b[0])
    assert not np.array_equal(a[0], c[0])


# ----------------------------------------------------------------------------- la red


def test_red_por_defecto():
    keras.utils.set_random_seed(0)
    modelo = pg.crear_modelo()
    densas = modelo.layers
    assert [capa.units for capa in densas] == [4, 2, 1]
    assert all(capa.get_config()["activation"] == "tanh" for capa in densas)
    assert modelo.count_params() == (2 * 4 + 4) + (4 * 2 + 2) + (2 * 1 + 1)
    optimizador = modelo.optimizer
    assert isinstance(optimizador, keras.optimizers.SGD)
    assert float(optimizador.learning_rate) == pytest.approx(0.03)
    assert optimizador.momentum == 0 and not optimizador.nesterov


def test_pesos_iniciales_uniformes_y_sesgos_01():
    keras.utils.set_random_seed(1)
    modelo = pg.crear_modelo((8,) * 6)
    pesos = np.concatenate([w.ravel() for w in modelo.get_weights()[0::2]])
    sesgos = np.concatenate(modelo.get_weights()[1::2])
    assert len(pesos) == 2 * 8 + 5 * 64 + 8
    assert (pesos >= -0.5).all() and (pesos <= 0.5).all()
    assert pesos.min() < -0.45 and pesos.max() > 0.45 and abs(pesos.mean()) < 0.05
    assert abs(pesos.var() - 1 / 12) < 0.015  # varianza de U(-0,5; 0,5)
    np.testing.assert_array_equal(sesgos, np.float32(0.1))


@pytest.mark.parametrize("capas", [(), (1,), (8,) * 6, (3, 5)])
def test_limites_que_se_aceptan(capas):
    assert len(pg.crear_modelo(capas).layers) == len(capas) + 1


@pytest.mark.parametrize("capas", [(8,) * 7, (9,), (4, 0)])
def test_limites_del_playground(capas):
    with pytest.raises(ValueError):
        pg.crear_modelo(capas)


def test_la_perdida_del_playground_es_la_mitad_del_mse():
    rng = np.random.default_rng(0)
    y = rng.choice([-1.0, 1.0], size=(64, 1)).astype("float32")
    p = rng.uniform(-1, 1, size=(64, 1)).astype("float32")
    propia = float(keras.ops.mean(pg.perdida_playground(y, p)))
    a_mano = float(np.mean(0.5 * (p - y) ** 2))
    mse = float(keras.losses.MeanSquaredError()(y, p))
    assert propia == pytest.approx(a_mano, rel=1e-6)
    assert propia == pytest.approx(mse / 2, rel=1e-6)


def test_fit_hace_sgd_por_lotes_de_10_en_orden_con_el_gradiente_del_playground():
    """Una época de `entrenar` = 25 pasos w -= 0,03 · media del gradiente de 0,5 (salida - objetivo)²."""
    X_ent, y_ent, X_test, y_test = pg.datos_playground("circulo", semilla=2)
    keras.utils.set_random_seed(3)
    modelo = pg.crear_modelo()
    pesos = [tf.Variable(w) for w in modelo.get_weights()]

    def salida(X):
        h = tf.constant(X)
        for k in range(0, len(pesos), 2):
            h = tf.tanh(tf.matmul(h, pesos[k]) + pesos[k + 1])
        return h[:, 0]

    for inicio in range(0, len(X_ent), 10):  # sin barajar: siempre en el mismo orden
        with tf.GradientTape() as cinta:
            perdida = tf.reduce_mean(0.5 * tf.square(salida(X_ent[inicio : inicio + 10]) - y_ent[inicio : inicio + 10]))
        for w, g in zip(pesos, cinta.gradient(perdida, pesos)):
            w.assign_sub(0.03 * g)
    historia = pg.entrenar(modelo, X_ent, y_ent, X_test, y_test, epocas=1)
    for mio, de_keras in zip(pesos, modelo.get_weights()):
        np.testing.assert_allclose(mio.numpy(), de_keras, atol=1e-6)
    # Las pérdidas anotadas son las del Playground al final de la época, sobre cada conjunto.
    assert historia["entrenamiento"][0] == pytest.approx(
        float(np.mean(0.5 * (salida(X_ent).numpy() - y_ent) ** 2)), rel=1e-5
    )
    assert historia["prueba"][0] == pytest.approx(
        float(np.mean(0.5 * (salida(X_test).numpy() - y_test) ** 2)), rel=1e-5
    )


def test_mapa_de_decision_en_la_rejilla_del_playground():
    keras.utils.set_random_seed(0)
    modelo = pg.crear_modelo()
    eje, mapa = pg.mapa_de_decision(modelo)
    assert eje.shape == (100,) and eje[0] == -6 and eje[-1] == 6
    assert mapa.shape == (100, 100) and (np.abs(mapa) < 1).all()
    # Fila = y, columna = x: el valor en (x, y) = (eje[j], eje[i]) es la salida del modelo en ese punto.
    i, j = 17, 80
    punto = np.array([[eje[j], eje[i]]], dtype="float32")
    assert mapa[i, j] == pytest.approx(float(modelo(punto)[0, 0]), abs=1e-6)


def test_exactitud_usa_el_signo_de_la_salida():
    keras.utils.set_random_seed(0)
    modelo = pg.crear_modelo(())
    X = np.array([[1.0, 2.0], [-3.0, 0.5]], dtype="float32")
    salida = keras.ops.convert_to_numpy(modelo(X))[:, 0]
    y = np.where(salida >= 0, 1.0, -1.0)
    assert pg.exactitud(modelo, X, y) == 1.0
    assert pg.exactitud(modelo, X, -y) == 0.0


# ----------------------------------------------------------------------------- apiladas = model.fit


def _modelo(capas, activacion="tanh", tasa=0.03, semilla=0):
    keras.utils.set_random_seed(semilla)
    return pg.crear_modelo(capas, activacion, tasa)


def test_apiladas_igual_que_fit_para_la_red_por_defecto():
    datos = pg.datos_playground("circulo", semilla=1)
    con_fit = _modelo((4, 2), semilla=7)
    historia = pg.entrenar(con_fit, *datos, epocas=3)
    apiladas = RedesApiladas([_modelo((4, 2), semilla=7)], *datos)
    ent, test = apiladas.entrenar(3)
    np.testing.assert_allclose(ent[:, 0], historia["entrenamiento"], rtol=1e-5, atol=1e-7)
    np.testing.assert_allclose(test[:, 0], historia["prueba"], rtol=1e-5, atol=1e-7)
    for a, b in zip(apiladas.pesos(0), con_fit.get_weights()):
        np.testing.assert_allclose(a, b, atol=1e-6)


def test_apiladas_mezcladas_igual_que_cada_una_con_fit():
    """Redes de distinta forma, activación, tasa y datos, entrenadas juntas: cada una como con fit."""
    configuraciones = [
        dict(capas=(3,), semilla=1, conjunto="xor"),
        dict(capas=(8,) * 6, semilla=2, conjunto="circulo"),
        dict(capas=(), semilla=3, conjunto="gaussiana", tasa=0.1),
        dict(capas=(5, 2), semilla=4, conjunto="espiral", activacion="relu", tasa=0.01),
    ]
    datos = [
        pg.datos_playground(c["conjunto"], ruido=20, entrenamiento=30, semilla=c["semilla"]) for c in configuraciones
    ]
    modelos = [
        _modelo(c["capas"], c.get("activacion", "tanh"), c.get("tasa", 0.03), c["semilla"]) for c in configuraciones
    ]
    apiladas = RedesApiladas(modelos, *[np.stack([d[k] for d in datos]) for k in range(4)])
    ent, test = apiladas.entrenar(2)
    apiladas.devolver_pesos()
    for c, (conf, d) in enumerate(zip(configuraciones, datos)):
        con_fit = _modelo(conf["capas"], conf.get("activacion", "tanh"), conf.get("tasa", 0.03), conf["semilla"])
        historia = pg.entrenar(con_fit, *d, epocas=2)
        np.testing.assert_allclose(ent[:, c], historia["entrenamiento"], rtol=1e-4, atol=1e-6)
        np.testing.assert_allclose(test[:, c], historia["prueba"], rtol=1e-4, atol=1e-6)
        for a, b in zip(modelos[c].get_weights(), con_fit.get_weights()):
            np.testing.assert_allclose(a, b, atol=1e-5)
        # La salida apilada de la red c es la del modelo de Keras con sus pesos.
        mapa_apilado = apiladas.mapas()[c]
        np.testing.assert_allclose(mapa_apilado, pg.mapa_de_decision(modelos[c])[1], atol=1e-5)


def test_entrenar_experimentos_agrupa_y_respeta_el_orden():
    experimentos = [
        dict(conjunto="circulo", entrenamiento=70, capas=(2,), semilla=0),
        dict(conjunto="xor", entrenamiento=50, capas=(4, 2), semilla=1),
        dict(conjunto="circulo", entrenamiento=70, capas=(1,), semilla=2),
    ]
    resultados = entrenar_experimentos(experimentos, epocas=2, capturas=(1,))
    assert [len(r["datos"][0]) for r in resultados] == [350, 250, 350]
    for r, exp in zip(resultados, experimentos):
        assert r["experimento"] is exp
        assert r["ent"].shape == r["test"].shape == (2,)
        assert r["capturas"][1].shape == (100, 100)
        # Las pérdidas anotadas son las del modelo de Keras devuelto, con sus datos.
        X_ent, y_ent = r["datos"][:2]
        salida = keras.ops.convert_to_numpy(r["modelo"](X_ent))[:, 0]
        assert r["ent"][-1] == pytest.approx(float(np.mean(0.5 * (salida - y_ent) ** 2)), rel=1e-5)


# ----------------------------------------------------------------------------- varias clases


def test_espiral_multiclase():
    X_ent, y_ent, X_test, y_test = pg.espiral_multiclase(clases=4, puntos_por_clase=50, ruido=0, entrenamiento=30)
    assert len(X_ent) == 60 and len(X_test) == 140
    y = np.concatenate([y_ent, y_test])
    assert sorted(np.bincount(y)) == [50, 50, 50, 50]
    assert np.hypot(*np.concatenate([X_ent, X_test]).T).max() <= 5


def test_softmax_y_entropia_cruzada():
    keras.utils.set_random_seed(0)
    modelo = pg.crear_modelo_multiclase(clases=3)
    assert modelo.layers[-1].get_config()["activation"] == "softmax"
    X, y, _, _ = pg.espiral_multiclase(semilla=1)
    p = keras.ops.convert_to_numpy(modelo(X))
    np.testing.assert_allclose(p.sum(axis=1), 1, atol=1e-6)
    perdida = modelo.evaluate(X, y, verbose=0)[0]
    assert perdida == pytest.approx(float(-np.mean(np.log(p[np.arange(len(y)), y]))), rel=1e-4)


def test_banco_de_pruebas_imprime_el_cociente(capsys):
    from maquinaria.bench_playground import main

    assert main(["--redes", "2", "--epocas", "1"]) == 0
    salida = capsys.readouterr().out
    assert "Cociente model.fit / apiladas" in salida and "veces más rápido" in salida
    diferencia = float(salida.rsplit(":", 1)[1])
    assert diferencia < 1e-5


# ----------------------------------------------------------------------------- lo que dice la página


def test_l2_como_el_playground():
    """l2(λ/2) de Keras = 0,5·λ·w² del Playground, solo en los pesos; y un paso de SGD resta lr·(g + λ·w)."""
    keras.utils.set_random_seed(0)
    modelo = pg.crear_modelo((4, 2), regularizacion=0.1)
    for capa in modelo.layers:
        w = capa.kernel.numpy()
        assert float(capa.losses[0]) == pytest.approx(0.5 * 0.1 * float((w**2).sum()), rel=1e-5)
        assert capa.bias_regularizer is None
    X, y, _, _ = pg.datos_playground("circulo", semilla=0)
    X, y = X[:10], y[:10]
    pesos = [tf.Variable(w) for w in modelo.get_weights()]
    with tf.GradientTape() as cinta:
        h = tf.constant(X)
        for k in range(0, len(pesos), 2):
            h = tf.tanh(tf.matmul(h, pesos[k]) + pesos[k + 1])
        perdida = tf.reduce_mean(0.5 * tf.square(h[:, 0] - y))
    gradientes = cinta.gradient(perdida, pesos)
    esperado = [
        w.numpy() - 0.03 * (g.numpy() + (0.1 * w.numpy() if k % 2 == 0 else 0))
        for k, (w, g) in enumerate(zip(pesos, gradientes))
    ]
    modelo.fit(X, y, batch_size=10, epochs=1, shuffle=False, verbose=0)
    for a, b in zip(modelo.get_weights(), esperado):
        np.testing.assert_allclose(a, b, atol=1e-6)


def test_una_neurona_basta_para_la_gaussiana(capsys):
    """La solución del primer ejercicio: con pocas épocas, una neurona ya separa las dos nubes."""
    modelo, _ = pg.experimento("gaussiana", capas=(1,), epocas=5)
    _, _, X_test, y_test = pg.datos_playground("gaussiana")
    assert pg.exactitud(modelo, X_test, y_test) >= 0.97
    assert "gaussiana" in capsys.readouterr().out


def test_apiladas_con_otras_entradas_y_sin_capas_igual_que_fit():
    """El círculo sin capas ocultas con X1² y X2²: apilado y model.fit dan lo mismo."""
    entradas = ("xSquared", "ySquared")
    X_ent, y_ent, X_test, y_test = pg.datos_playground("circulo", semilla=2)
    datos = (pg.caracteristicas(X_ent, entradas), y_ent, pg.caracteristicas(X_test, entradas), y_test)
    keras.utils.set_random_seed(2)
    con_fit = pg.crear_modelo((), n_entradas=2)
    historia = pg.entrenar(con_fit, *datos, epocas=3)
    keras.utils.set_random_seed(2)
    apiladas = RedesApiladas([pg.crear_modelo((), n_entradas=2)], *datos, entradas=entradas)
    ent, test = apiladas.entrenar(3)
    np.testing.assert_allclose(test[:, 0], historia["prueba"], rtol=1e-5, atol=1e-7)
    for a, b in zip(apiladas.pesos(0), con_fit.get_weights()):
        np.testing.assert_allclose(a, b, atol=1e-6)
    apiladas.devolver_pesos()
    np.testing.assert_allclose(apiladas.mapas()[0], pg.mapa_de_decision(apiladas.modelos[0], entradas)[1], atol=1e-5)


def test_las_entradas_son_las_del_playground_en_su_orden():
    X = np.array([[2.0, -3.0]], dtype="float32")
    assert list(pg.ENTRADAS) == ["x", "y", "xSquared", "ySquared", "xTimesY", "sinX", "sinY"]
    todas = pg.caracteristicas(X, tuple(pg.ENTRADAS))
    np.testing.assert_allclose(todas[0], [2, -3, 4, 9, -6, np.sin(2), np.sin(-3)], rtol=1e-6)
    # El orden lo marca el Playground, no el de la lista que se pasa.
    np.testing.assert_allclose(pg.caracteristicas(X, ("ySquared", "x"))[0], [2, 9])


def test_el_codigo_del_lector_cabe_en_80_columnas():
    from pathlib import Path

    ruta = Path(__file__).resolve().parents[1] / "snippets" / "playground.py"
    largas = [n for n, linea in enumerate(ruta.read_text(encoding="utf-8").splitlines(), 1) if len(linea) > 80]
    assert not largas, f"líneas de más de 80 columnas: {largas}"
