"""Las cuentas de las que salen las respuestas de las preguntas: Python puro, sin TensorFlow.

La construcción del sitio no puede importar TensorFlow (tardaría segundos y el presupuesto
de `mkdocs build --strict` es de 10 s), así que estas fórmulas se escriben aquí y
`tests/test_preguntas.py` las compara con Keras: `count_params()` de capas reales, las
formas de salida de `Conv2D` y `MaxPooling2D` y las activaciones de `keras.activations`.

Un fichero de preguntas las usa con `{calculo: nombre, args: [...]}`; un argumento que
empieza por «=» es otro valor de la misma página («=entradas»).
"""

from __future__ import annotations

import math

from ..cuentas import parametros_densa


def pesos_densa(entradas: int, unidades: int) -> int:
    """Solo los pesos de Dense, sin los sesgos (el error típico)."""
    return unidades * entradas


def parametros_red(*capas: int) -> int:
    """Una red densa de capas con estos tamaños (la primera es la entrada)."""
    return sum(parametros_densa(a, b) for a, b in zip(capas, capas[1:]))


def parametros_conv2d(alto: int, ancho: int, canales: int, filtros: int) -> int:
    """Conv2D(filtros, (alto, ancho)) sobre `canales` canales: cada filtro, sus pesos y un sesgo."""
    return filtros * (alto * ancho * canales + 1)


def lado_salida(lado: int, filtro: int, paso: int = 1, relleno: str = "valid") -> int:
    """Lado de la salida de una convolución o de un pooling (las fórmulas de Keras)."""
    if relleno == "same":
        return math.ceil(lado / paso)
    if relleno != "valid":
        raise ValueError(f"relleno desconocido: {relleno!r}")
    return (lado - filtro) // paso + 1


def parametros_simple_rnn(entradas: int, unidades: int) -> int:
    """SimpleRNN: pesos de la entrada, pesos del estado anterior (unidades × unidades) y sesgos."""
    return unidades * (entradas + unidades + 1)


def parametros_lstm(entradas: int, unidades: int) -> int:
    """LSTM: cuatro veces lo de una SimpleRNN (tres puertas y la celda candidata)."""
    return 4 * parametros_simple_rnn(entradas, unidades)


ACTIVACIONES = {
    "sigmoide": lambda x: 1 / (1 + math.exp(-x)) if x >= 0 else math.exp(x) / (1 + math.exp(x)),
    "tanh": math.tanh,
    "relu": lambda x: max(0.0, x),
    "identidad": lambda x: x,
}


def activacion(nombre: str, x: float) -> float:
    return float(ACTIVACIONES[nombre](float(x)))


def acotada(nombre: str) -> bool:
    """¿La activación se queda entre dos valores fijos por grande que sea la entrada?

    Se mira lejos del origen (±10⁶): una función acotada no pasa de 1 ahí; ReLU y la
    identidad devuelven 10⁶."""
    return max(abs(activacion(nombre, x)) for x in (-1e6, 1e6)) <= 1


def derivada_maxima(nombre: str) -> float:
    """El máximo de la derivada, numérica y centrada, en una rejilla de [−10, 10]."""
    h = 1e-5
    return max(
        (activacion(nombre, x + h) - activacion(nombre, x - h)) / (2 * h) for x in [i / 100 for i in range(-1000, 1001)]
    )


def entropia_binaria(p: float) -> float:
    """Pérdida de un ejemplo positivo al que la red da probabilidad p (logaritmo natural)."""
    return -math.log(p)


def producto(*valores: float) -> float:
    return math.prod(valores)


def suma(*valores: float) -> float:
    return sum(valores)


def resta(a: float, b: float) -> float:
    return a - b


def cociente(a: float, b: float) -> float:
    return a / b


def igual(a, b) -> bool:
    return a == b


def menor(a: float, b: float) -> bool:
    return a < b


def distinto(a, b) -> bool:
    return a != b


def division_entera(a: int, b: int) -> int:
    return a // b


def pasos_por_epoca(ejemplos: int, lote: int) -> int:
    """Pasos de una época: el último lote, aunque esté incompleto, también es un paso."""
    return math.ceil(ejemplos / lote)


def parametros_pooling() -> int:
    """MaxPooling2D no tiene nada que aprender: cero parámetros."""
    return 0


def entropia_binaria_log10(p: float) -> float:
    """La misma pérdida con logaritmo decimal (el error de base: Keras usa el natural)."""
    return -math.log10(p)
