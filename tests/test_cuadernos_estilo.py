"""Las gráficas de los cuadernos usan el estilo de las figuras del sitio (maquinaria/estilo.py).

Los cuadernos no importan la maquinaria (se abren en Colab, donde no está): copian su estilo
en la primera celda de código. Esta prueba ejecuta esa copia y la compara con el original.
"""

from __future__ import annotations

import re

import matplotlib
import pytest
from conftest import RAIZ

matplotlib.use("Agg")

CUADERNOS = sorted((RAIZ / "scripts" / "cuadernos").glob("*.py"))
# Hasta el cierre de plt.rcParams.update({...}), en una línea «})» o, con ruff format, «)».
_BLOQUE = re.compile(r"^COLORES = .*?^(?:\}\)|\))\n", re.MULTILINE | re.DOTALL)


def _estilo_del_sitio() -> dict:
    from maquinaria import estilo

    matplotlib.rcdefaults()
    base = dict(matplotlib.rcParams)
    estilo.aplicar()
    cambiado = {k: v for k, v in matplotlib.rcParams.items() if base.get(k) != v}
    matplotlib.rcdefaults()
    return cambiado


@pytest.mark.parametrize("script", CUADERNOS, ids=lambda p: p.name)
def test_el_cuaderno_dibuja_con_el_estilo_del_sitio(script):
    import matplotlib.pyplot as plt

    esperado = _estilo_del_sitio()
    assert esperado, "maquinaria.estilo.aplicar() no cambia nada"
    bloque = _BLOQUE.search(script.read_text(encoding="utf-8"))
    assert bloque, f"{script.name}: falta el bloque de estilo (COLORES = ... plt.rcParams.update({{...}}))"
    matplotlib.rcdefaults()
    exec(bloque[0], {"plt": plt})  # noqa: S102 (código del propio repositorio)
    distintos = {k: (matplotlib.rcParams[k], v) for k, v in esperado.items() if matplotlib.rcParams[k] != v}
    matplotlib.rcdefaults()
    assert not distintos, f"{script.name}: estilo distinto del de las figuras (cuaderno, sitio): {distintos}"
