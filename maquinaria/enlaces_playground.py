"""Enlaces «Abrir en el Playground»: una configuración de Keras escrita en el hash de su URL.

El Playground guarda todo su estado en el hash (`src/state.ts`: `State.serialize` escribe
`nombre=valor` unidos por `&`; `State.deserializeState` los lee). Aquí se escribe ese hash a
partir de la misma configuración con la que se entrena la red de Keras de cada propuesta
(`maquinaria.apilado.configuracion`, guardada en el registro de la figura), y se lee de
vuelta como lo lee el Playground, para que las pruebas comparen enlace y experimento.

Los nombres y valores salen de `src/state.ts` e `index.html` de tensorflow/playground.
"""

from __future__ import annotations

URL = "https://playground.tensorflow.org/"

# Nuestro nombre del conjunto -> clave de `datasets` en state.ts.
CONJUNTOS = {"circulo": "circle", "xor": "xor", "gaussiana": "gauss", "espiral": "spiral"}
# Clave de `activations` en state.ts (las mismas palabras que usa Keras).
ACTIVACIONES = ("relu", "tanh", "sigmoid", "linear")
# Las entradas de INPUTS en playground.ts, en su orden (cosX y cosY existen en el estado pero
# no son entradas: la red no las ve nunca, así que siempre van apagadas).
ENTRADAS = ("x", "y", "xSquared", "ySquared", "xTimesY", "sinX", "sinY")
APAGADAS_SIEMPRE = ("cosX", "cosY")
# Las opciones de los desplegables de index.html.
TASAS = (0.00001, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10)
TASAS_REGULARIZACION = (0, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10)
# Todas las propiedades que State.PROPS serializa, en su orden.
PROPIEDADES = (
    "activation",
    "regularization",
    "batchSize",
    "dataset",
    "regDataset",
    "learningRate",
    "regularizationRate",
    "noise",
    "networkShape",
    "seed",
    "showTestData",
    "discretize",
    "percTrainData",
    "x",
    "y",
    "xTimesY",
    "xSquared",
    "ySquared",
    "cosX",
    "sinX",
    "cosY",
    "sinY",
    "collectStats",
    "tutorial",
    "problem",
    "initZero",
    "hideText",
)


class ConfiguracionNoValida(ValueError):
    pass


def _numero(valor) -> str:
    """Como escribe JavaScript un número en `${value}`: 0.03, 3, 0.00001 -> 0.00001."""
    valor = float(valor)
    if valor.is_integer():
        return str(int(valor))
    return f"{valor:.10f}".rstrip("0")


def estado(config: dict) -> dict[str, str]:
    """El estado del Playground (nombre de state.ts -> texto del hash) de una configuración."""
    if config["conjunto"] not in CONJUNTOS:
        raise ConfiguracionNoValida(f"El Playground no tiene el conjunto «{config['conjunto']}».")
    if config["activacion"] not in ACTIVACIONES:
        raise ConfiguracionNoValida(f"El Playground no tiene la activación «{config['activacion']}».")
    if config["tasa"] not in TASAS:
        raise ConfiguracionNoValida(f"La tasa {config['tasa']} no es una opción del Playground.")
    if config["regularizacion"] not in TASAS_REGULARIZACION:
        raise ConfiguracionNoValida(f"La regularización {config['regularizacion']} no es una opción.")
    if not (0 <= config["ruido"] <= 50 and config["ruido"] % 5 == 0):
        raise ConfiguracionNoValida("El ruido va de 0 a 50 de 5 en 5.")
    if not (10 <= config["entrenamiento"] <= 90 and config["entrenamiento"] % 10 == 0):
        raise ConfiguracionNoValida("El entrenamiento va de 10 a 90 % de 10 en 10.")
    if not 1 <= config["lote"] <= 30:
        raise ConfiguracionNoValida("El lote va de 1 a 30.")
    capas = list(config["capas"])
    if len(capas) > 6 or any(not 1 <= n <= 8 for n in capas):
        raise ConfiguracionNoValida("De 0 a 6 capas ocultas de 1 a 8 neuronas.")
    entradas = set(config["entradas"])
    if not entradas or not entradas <= set(ENTRADAS):
        raise ConfiguracionNoValida(f"Entradas no válidas: {sorted(entradas)}.")
    hash_ = {
        "activation": config["activacion"],
        "regularization": "L2" if config["regularizacion"] else "none",
        "batchSize": _numero(config["lote"]),
        "dataset": CONJUNTOS[config["conjunto"]],
        "regDataset": "reg-plane",
        "learningRate": _numero(config["tasa"]),
        "regularizationRate": _numero(config["regularizacion"]),
        "noise": _numero(config["ruido"]),
        "networkShape": ",".join(str(int(n)) for n in capas),
        # Sin «seed»: el Playground elige una al azar, datos y pesos nuevos cada vez (como
        # nuestras repeticiones con semillas distintas).
        "showTestData": "true",  # que se vean también los puntos de prueba, como en las figuras
        "discretize": "false",
        "percTrainData": _numero(config["entrenamiento"]),
    }
    for nombre in ("x", "y", "xTimesY", "xSquared", "ySquared", "cosX", "sinX", "cosY", "sinY"):
        hash_[nombre] = "true" if nombre in entradas else "false"
    hash_ |= {"collectStats": "false", "problem": "classification", "initZero": "false", "hideText": "false"}
    return {nombre: hash_[nombre] for nombre in PROPIEDADES if nombre in hash_}


NOMBRES_CONJUNTOS = {"circulo": "círculo", "xor": "XOR", "gaussiana": "gaussiana", "espiral": "espiral"}
NOMBRES_ENTRADAS = {
    "x": "X₁",
    "y": "X₂",
    "xSquared": "X₁²",
    "ySquared": "X₂²",
    "xTimesY": "X₁X₂",
    "sinX": "sin(X₁)",
    "sinY": "sin(X₂)",
}


def describir(config: dict) -> str:
    """La configuración en palabras, como se ve junto a cada enlace de la página."""
    from .formato import numero

    capas = config["capas"]
    if not capas:
        red = "sin capas ocultas"
    elif len(capas) == 1:
        red = f"1 capa oculta de {capas[0]}"
    else:
        red = f"{len(capas)} capas ocultas: {'-'.join(str(n) for n in capas)}"
    partes = [
        NOMBRES_CONJUNTOS[config["conjunto"]],
        f"{config['entrenamiento']} % para entrenar",
        f"ruido {config['ruido']}",
        f"lote {config['lote']}",
        "entradas " + ", ".join(NOMBRES_ENTRADAS[e] for e in ENTRADAS if e in config["entradas"]),
        red,
        config["activacion"] if config["activacion"] != "relu" else "ReLU",
        f"tasa {numero(config['tasa'])}",
        f"regularización L2 {numero(config['regularizacion'])}" if config["regularizacion"] else "sin regularización",
    ]
    return " · ".join(partes)


def enlace(config: dict) -> str:
    """La URL que abre el Playground con `config`."""
    return URL + "#" + "&".join(f"{k}={v}" for k, v in estado(config).items())


def leer(url: str) -> dict:
    """Lee una URL del Playground como `State.deserializeState` y devuelve la configuración.

    Lo que falta en el hash toma el valor por defecto de state.ts (tanh, tasa 0,03, lote 10,
    ruido 0, 50 %, red 4-2, entradas X1 y X2, círculo).
    """
    if not url.startswith(URL + "#"):
        raise ConfiguracionNoValida(f"No es un enlace al Playground: {url}")
    mapa = {}
    for par in url.split("#", 1)[1].split("&"):
        nombre, _, valor = par.partition("=")
        mapa[nombre] = valor
    desconocidas = set(mapa) - set(PROPIEDADES)
    if desconocidas:
        raise ConfiguracionNoValida(f"Propiedades que el Playground no conoce: {sorted(desconocidas)}")

    def tiene(nombre):
        return nombre in mapa and mapa[nombre].strip() != ""

    def booleano(nombre, defecto):
        return (mapa[nombre] != "false") if tiene(nombre) else defecto

    if mapa.get("regularization") == "L1":
        raise ConfiguracionNoValida("Las figuras no usan L1: el enlace no corresponde a ninguna.")
    conjuntos = {v: k for k, v in CONJUNTOS.items()}
    defecto_entradas = {"x": True, "y": True}
    forma = mapa.get("networkShape")
    return {
        "conjunto": conjuntos.get(mapa.get("dataset"), "circulo"),
        "ruido": int(float(mapa["noise"])) if tiene("noise") else 0,
        "entrenamiento": int(float(mapa["percTrainData"])) if tiene("percTrainData") else 50,
        "capas": ([int(n) for n in forma.split(",")] if forma.strip() else []) if forma is not None else [4, 2],
        "activacion": mapa["activation"] if mapa.get("activation") in ACTIVACIONES else "tanh",
        "tasa": float(mapa["learningRate"]) if tiene("learningRate") else 0.03,
        "lote": int(float(mapa["batchSize"])) if tiene("batchSize") else 10,
        "regularizacion": (float(mapa["regularizationRate"]) if tiene("regularizationRate") else 0.0)
        if mapa.get("regularization") == "L2"
        else 0.0,
        "entradas": [e for e in ENTRADAS if booleano(e, defecto_entradas.get(e, False))],
    }
