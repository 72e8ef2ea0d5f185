# %% [markdown]
# # demoKeras2: una red densa para regresión, con Adam y parada temprana
#
# En `demoKeras1` la red clasificaba dígitos: diez neuronas de salida con
# softmax, entropía cruzada y SGD. Aquí cambiamos casi todo para ver qué depende
# del problema:
#
# | | demoKeras1 | demoKeras2 |
# |---|---|---|
# | Problema | clasificación (10 clases) | regresión (un número) |
# | Salida | 10 neuronas, softmax | 1 neurona, sin activación |
# | Pérdida | entropía cruzada | error cuadrático medio (MSE) |
# | Métricas | exactitud | RMSE y error absoluto medio (`mae`) |
# | Optimizador | SGD | Adam |
# | Épocas | fijas | parada temprana (`EarlyStopping`) |
#
# Los datos son los de diabetes que trae scikit-learn (`load_diabetes`): 442
# pacientes, 10 variables (edad, sexo, índice de masa corporal, tensión arterial
# y seis análisis de sangre) y, como objetivo, una medida de cómo avanza la
# enfermedad un año después.

# %%
import keras
import matplotlib.pyplot as plt
import numpy as np
from sklearn.datasets import load_diabetes
from sklearn.linear_model import LinearRegression
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler

SEMILLA = 0
keras.utils.set_random_seed(SEMILLA)

# Las gráficas, con el estilo de las figuras del sitio: fondo blanco, rejilla
# suave, sin marco arriba ni a la derecha y los mismos colores.
COLORES = [
    "#3f51b5",
    "#ff5722",
    "#009688",
    "#9c27b0",
    "#795548",
    "#607d8b",
    "#e91e63",
    "#8bc34a",
]
plt.rcParams.update(
    {
        "figure.dpi": 110,
        "savefig.dpi": 110,
        "figure.facecolor": "white",
        "axes.facecolor": "white",
        "savefig.facecolor": "white",
        "font.family": "DejaVu Sans",
        "font.size": 11,
        "axes.titlesize": 12,
        "axes.grid": True,
        "grid.alpha": 0.3,
        "axes.spines.top": False,
        "axes.spines.right": False,
        "axes.prop_cycle": plt.cycler(color=COLORES),
        "lines.linewidth": 2,
    }
)


def rmse(y, y_pred):
    return float(
        np.sqrt(np.mean((np.asarray(y) - np.asarray(y_pred).ravel()) ** 2))
    )


# %% [markdown]
# ## Los datos
#
# Separamos un 20 % para la prueba y **estandarizamos** cada variable (media 0 y
# desviación 1). El escalador se ajusta solo con los datos de entrenamiento: los
# de prueba no pueden influir en nada de lo que aprende el modelo.

# %%
X, y = load_diabetes(return_X_y=True)
X_ent, X_test, y_ent, y_test = train_test_split(
    X, y, test_size=0.2, random_state=SEMILLA
)
escalador = StandardScaler().fit(X_ent)
X_ent, X_test = escalador.transform(X_ent), escalador.transform(X_test)
print("entrenamiento:", X_ent.shape, " prueba:", X_test.shape)
print(f"objetivo: de {y.min():.0f} a {y.max():.0f}, media {y_ent.mean():.1f}")

# %% [markdown]
# ## Dos referencias antes de la red
#
# Un modelo que siempre predice la media y una regresión lineal. Si la red no
# mejora a la segunda, no compensa.

# %%
rmse_media = rmse(y_test, np.full_like(y_test, y_ent.mean()))
lineal = LinearRegression().fit(X_ent, y_ent)
rmse_lineal = rmse(y_test, lineal.predict(X_test))
print(f"RMSE prediciendo siempre la media: {rmse_media:.1f}")
print(f"RMSE de la regresión lineal:      {rmse_lineal:.1f}")

# %% [markdown]
# ## La red
#
# Una capa oculta de 16 neuronas con ReLU y una salida de **una** neurona sin
# función de activación, porque el resultado puede ser cualquier número. La
# salida empieza con un sesgo igual a la media del objetivo: así la red no gasta
# las primeras épocas en aprender el nivel medio.
#
# **Adam** es una variante del descenso de gradiente que adapta el paso de cada
# peso según el historial de sus gradientes; suele necesitar menos ajuste de la
# tasa que SGD.

# %%
modelo = keras.Sequential(
    [
        keras.Input(shape=(10,)),
        keras.layers.Dense(16, activation="relu"),
        keras.layers.Dense(
            1, bias_initializer=keras.initializers.Constant(y_ent.mean())
        ),
    ]
)
modelo.compile(
    loss="mse",
    optimizer=keras.optimizers.Adam(learning_rate=0.02),
    metrics=[keras.metrics.RootMeanSquaredError(name="rmse"), "mae"],
)
modelo.summary()

# %% [markdown]
# ## Entrenar con parada temprana
#
# En vez de fijar las épocas, `EarlyStopping` vigila la pérdida de validación y
# para cuando lleva 15 épocas sin mejorar (`patience`). Con
# `restore_best_weights=True` el modelo se queda con los pesos de la mejor
# época.

# %%
parada = keras.callbacks.EarlyStopping(
    monitor="val_loss", patience=15, restore_best_weights=True
)
historial = modelo.fit(
    X_ent,
    y_ent,
    epochs=200,
    batch_size=32,
    validation_split=0.2,
    verbose=0,
    callbacks=[parada],
)
h = historial.history
mejor = int(np.argmin(h["val_loss"]))
print(
    f"se detuvo tras {len(h['loss'])} épocas; la mejor fue la {mejor + 1}, "
    f"con RMSE de validación {h['val_rmse'][mejor]:.1f} "
    f"(el de entrenamiento en esa época: {h['rmse'][mejor]:.1f})"
)

# %% alt="Curvas del RMSE de entrenamiento (línea continua) y de validación (discontinua) por época, con una línea vertical punteada en la época de menor pérdida de validación, la que conserva EarlyStopping; los dos RMSE de esa época son los que imprime la celda anterior."  # noqa: E501 (jupytext lee los metadatos de la celda de una sola línea)
figura, eje = plt.subplots(figsize=(8, 3.8))
epocas = np.arange(1, len(h["loss"]) + 1)
eje.plot(epocas, h["rmse"], label="entrenamiento")
eje.plot(epocas, h["val_rmse"], "--", label="validación")
eje.axvline(mejor + 1, color="gray", lw=1, ls=":", label="mejor época")
eje.set_xlabel("época")
eje.set_ylabel("RMSE")
eje.set_ylim(0, max(h["val_rmse"][0], h["rmse"][0]) * 1.05)
eje.legend()
plt.show()

# %% [markdown]
# ## Evaluar y comparar

# %%
perdida, rmse_red, mae_red = modelo.evaluate(X_test, y_test, verbose=0)
print(
    f"red:               MSE {perdida:.0f}, RMSE {rmse_red:.1f}, "
    f"MAE {mae_red:.1f}"
)
print(f"regresión lineal:  RMSE {rmse_lineal:.1f}")
print(f"siempre la media:  RMSE {rmse_media:.1f}")
print("el RMSE es la raíz del MSE:", np.isclose(rmse_red, np.sqrt(perdida)))
# ¿Gana la red a la regresión lineal? Contamos como empate una diferencia de
# menos del 5 %.
diferencia = (rmse_lineal - rmse_red) / rmse_lineal
if abs(diferencia) < 0.05:
    veredicto = "empate con la regresión lineal"
elif diferencia > 0:
    veredicto = "la red es mejor que la regresión lineal"
else:
    veredicto = "la red es peor que la regresión lineal"
print(
    "diferencia de RMSE con la regresión lineal: "
    f"{100 * diferencia:+.1f} % -> {veredicto}"
)

# %% alt="Nube de puntos de los pacientes de prueba, con el valor real en el eje horizontal y la predicción de la red en el vertical, y una diagonal discontinua de predicción perfecta. La celda imprime el rango de los valores reales y el de las predicciones."  # noqa: E501 (jupytext lee los metadatos de la celda de una sola línea)
y_pred = modelo.predict(X_test, verbose=0).ravel()
print(
    f"valores reales de {y_test.min():.0f} a {y_test.max():.0f}; "
    f"predicciones de {y_pred.min():.0f} a {y_pred.max():.0f}"
)
figura, eje = plt.subplots(figsize=(5, 4.6))
eje.scatter(y_test, y_pred, s=14, alpha=0.7)
limites = [y.min(), y.max()]
eje.plot(
    limites, limites, color="gray", lw=1, ls="--", label="predicción perfecta"
)
eje.set_xlabel("valor real")
eje.set_ylabel("predicción de la red")
eje.legend(loc="upper left")
plt.show()

# %% [markdown]
# Compara los RMSE de arriba: la celda de la evaluación dice, con una tolerancia
# del 5 %, si la red gana, pierde o empata con la regresión lineal, y la de la
# nube de puntos, si las predicciones abarcan todo el rango de los valores
# reales. Aquí solo hay 442 pacientes y 10 variables; las redes neuronales
# suelen sacar ventaja cuando hay muchos datos y relaciones complicadas, como en
# las imágenes de `demoKeras1`.
#
# ## Para seguir
#
# - Quita `restore_best_weights=True`. ¿Con qué pesos se queda el modelo?
# - Cambia Adam por `keras.optimizers.SGD(learning_rate=0.01)`. ¿Cuántas épocas
#   tarda?
# - Quita el sesgo inicial de la salida. ¿Cuántas épocas tarda ahora en llegar
#   al mismo RMSE?
