"""`python -m maquinaria`: regenera lo desactualizado (ver maquinaria/regenerar.py)."""

import sys

from .regenerar import main

sys.exit(main(sys.argv[1:]))
