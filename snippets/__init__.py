"""El código que el lector ve en el sitio: módulos pequeños con secciones.

Las páginas incluyen estas secciones con pymdownx.snippets
(`--8<-- "snippets/x.py:seccion"`) y las pruebas las importan, así que cada
ejemplo que se copia del sitio se ha ejecutado.
"""
