"""Lo que MkDocs ejecuta al construir: macros y hooks. `hooks/*.py` solo los llaman."""
