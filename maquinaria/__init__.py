"""La maquinaria del sitio: todo lo que no es código del lector.

La herramienta de regeneración (`python -m maquinaria`) y sus piezas (claves de
contenido, registros, trabajador, cuadernos), el estilo y las piezas de dibujo de las
figuras, el formato de los números en español y el entrenamiento apilado del
Playground. El código que ve el lector vive aparte, en `snippets/`.
"""
