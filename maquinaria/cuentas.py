"""Cuentas de la unidad que usan a la vez las figuras y las preguntas (sin importar nada).

Un módulo aparte, fuera del paquete `maquinaria.preguntas`: el paquete importa los registros,
y una figura que lo importara dependería de ellos (su clave de cálculo cambiaría al tocar
`registros.py` o el esquema, y se reentrenaría para nada).
"""


def parametros_densa(entradas: int, unidades: int) -> int:
    """Dense(unidades) sobre `entradas` valores: un peso por pareja entrada-neurona y un sesgo por neurona."""
    return unidades * (entradas + 1)
