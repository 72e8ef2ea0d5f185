# %% [markdown]
# # demoKeras1: una red densa que reconoce dígitos escritos a mano
#
# En este cuaderno entrenamos una red neuronal densa con Keras para reconocer
# dígitos escritos a mano. Seguimos las cinco etapas del apartado 2.1: crear el
# modelo, configurar el aprendizaje (`compile`), entrenar (`fit`), evaluar
# (`evaluate`) y predecir (`predict`).
#
# Los datos son los 1797 dígitos de 8 × 8 píxeles que trae scikit-learn
# (`load_digits`), así que el cuaderno funciona sin descargar nada, también en
# Colab.

# %%
import keras
import matplotlib.pyplot as plt
import numpy as np
from sklearn.datasets import load_digits
from sklearn.metrics import classification_report
from sklearn.model_selection import train_test_split

SEMILLA = 0
# Mismos pesos iniciales y mismo orden de los lotes.
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


# %% [markdown]
# ## Los datos
#
# Cada imagen tiene 8 × 8 = 64 píxeles con valores de 0 a 16. Las aplanamos en
# vectores de 64 números entre 0 y 1 y apartamos un 20 % para la prueba final,
# con la misma proporción de cada dígito (`stratify`).

# %%
digitos = load_digits()
X = digitos.data.astype("float32") / 16.0
y = digitos.target
X_ent, X_test, y_ent, y_test = train_test_split(
    X, y, test_size=0.2, stratify=y, random_state=SEMILLA
)
print("entrenamiento:", X_ent.shape, " prueba:", X_test.shape)

# %% alt="Las diez primeras imágenes del conjunto, de 8 por 8 píxeles en escala de grises, con su etiqueta encima: los dígitos del 0 al 9 en orden."  # noqa: E501 (jupytext lee los metadatos de la celda de una sola línea)
figura, ejes = plt.subplots(1, 10, figsize=(12, 1.8))
for eje, imagen, etiqueta in zip(ejes, digitos.images, digitos.target):
    eje.imshow(imagen, cmap="gray_r")
    eje.set_title(str(etiqueta))
    eje.axis("off")
plt.show()

# %% [markdown]
# ## 1. Crear el modelo
#
# Dos capas ocultas densas con ReLU (64 y 32 neuronas) y una capa de salida con
# 10 neuronas y softmax: una probabilidad por dígito. Cada capa densa tiene
# $n \cdot m + m$ parámetros, donde $n$ es el número de entradas y $m$ el de
# neuronas.

# %%
modelo = keras.Sequential(
    [
        keras.Input(shape=(64,)),
        keras.layers.Dense(64, activation="relu"),
        keras.layers.Dense(32, activation="relu"),
        keras.layers.Dense(10, activation="softmax"),
    ]
)
modelo.summary()
print("a mano:", (64 * 64 + 64) + (64 * 32 + 32) + (32 * 10 + 10))

# %% [markdown]
# ## 2. Configurar el aprendizaje
#
# Entropía cruzada para etiquetas enteras, descenso de gradiente estocástico con
# tasa 0,1 y la exactitud como métrica.

# %%
modelo.compile(
    loss="sparse_categorical_crossentropy",
    optimizer=keras.optimizers.SGD(learning_rate=0.1),
    metrics=["accuracy"],
)

# %% [markdown]
# ## 3. Entrenar
#
# 20 épocas con lotes de 32 ejemplos. Keras aparta el último 20 % de los datos
# de entrenamiento para validar.

# %%
historial = modelo.fit(
    X_ent, y_ent, epochs=20, batch_size=32, validation_split=0.2, verbose=0
)
h = historial.history
print(
    f"última época: pérdida {h['loss'][-1]:.3f}, "
    f"exactitud {h['accuracy'][-1]:.3f}, "
    f"validación {h['val_accuracy'][-1]:.3f}"
)
# ¿Sobreajuste? Cuánto queda la validación por encima del entrenamiento y dónde
# toca fondo.
print(
    f"pérdida de validación: mínima {min(h['val_loss']):.3f} en la época "
    f"{int(np.argmin(h['val_loss'])) + 1}, final {h['val_loss'][-1]:.3f}; "
    f"de entrenamiento, final {h['loss'][-1]:.3f}"
)

# %% alt="Dos gráficas a lo largo de las 20 épocas. A la izquierda, la pérdida de entrenamiento (línea continua) y la de validación (discontinua) por época; a la derecha, la exactitud de entrenamiento y la de validación por época. Los valores de la primera y la última época, y el mínimo de la validación, son los que imprime la celda anterior."  # noqa: E501 (jupytext lee los metadatos de la celda de una sola línea)
figura, (izq, der) = plt.subplots(1, 2, figsize=(11, 3.8))
epocas = np.arange(1, len(h["loss"]) + 1)
izq.plot(epocas, h["loss"], label="entrenamiento")
izq.plot(epocas, h["val_loss"], "--", label="validación")
izq.set_title("Pérdida")
izq.set_xlabel("época")
izq.legend()
der.plot(epocas, h["accuracy"], label="entrenamiento")
der.plot(epocas, h["val_accuracy"], "--", label="validación")
der.set_title("Exactitud")
der.set_xlabel("época")
der.legend()
plt.show()

# %% [markdown]
# ## 4. Evaluar con los datos de prueba

# %%
perdida, exactitud = modelo.evaluate(X_test, y_test, verbose=0)
print(f"prueba: pérdida {perdida:.3f}, exactitud {exactitud:.3f}")

# %% [markdown]
# ## 5. Predecir
#
# `predict` devuelve diez probabilidades por imagen; la clase predicha es la
# mayor. Además de la exactitud, `classification_report` da la precisión
# (columna `precision`), la sensibilidad (columna `recall`) y F1 de cada dígito.

# %%
probabilidades = modelo.predict(X_test, verbose=0)
y_pred = probabilidades.argmax(axis=1)
print(classification_report(y_test, y_pred, digits=3))

# %% alt="Una fila con las primeras imágenes de prueba de 8 por 8 píxeles que la red clasifica mal (como mucho ocho), cada una con su clase real y la que predice la red encima; la celda imprime cuántos errores hay en total."  # noqa: E501 (jupytext lee los metadatos de la celda de una sola línea)
errores = np.flatnonzero(y_pred != y_test)
print(f"{len(errores)} errores de {len(y_test)}")
mostrados = errores[:8]
figura, ejes = plt.subplots(
    1, len(mostrados), figsize=(1.5 * len(mostrados), 2), squeeze=False
)
for eje, i in zip(ejes[0], mostrados):
    eje.imshow(X_test[i].reshape(8, 8), cmap="gray_r")
    eje.set_title(f"real {y_test[i]}\nred {y_pred[i]}", fontsize=9)
    eje.axis("off")
plt.show()

# %% [markdown]
# ## Para seguir
#
# - Cambia el número de neuronas de las capas ocultas o quita una capa. ¿Cuántos
#   parámetros tiene ahora el modelo? ¿Cambia la exactitud?
# - Usa `optimizer="sgd"` (tasa 0,01). ¿Cuántas épocas hacen falta para llegar a
#   la misma exactitud?
# - Con `keras.datasets.mnist.load_data()` (necesita conexión) la misma red
#   sirve para imágenes de 28 × 28: cambia `keras.Input(shape=(784,))` y divide
#   los píxeles entre 255.
