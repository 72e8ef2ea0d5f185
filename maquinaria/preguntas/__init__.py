"""Preguntas de autoevaluación: una lista por página, en `maquinaria/preguntas/*.yml`.

Cada fichero dice a qué página va (`pagina:`), qué valores usa (`valores:`) y sus preguntas.
Un valor sale de un registro de figura o de una cuenta de `calculos.py`, nunca se escribe a
mano, y los textos lo citan con `{{nombre}}`:

    pagina: 1-introduccion/1-2-red-neuronal.md
    valores:
      total: {dato: "red_diagrama:total"}              # metricas["total"] del registro
      sin_sesgos: {calculo: suma, args: ["=pesos_1", "=pesos_2"]}
      exactitud: {dato: "xor:una_neurona.exactitud", formato: "%", decimales: 0}
    preguntas:
      - id: parametros                                  # único en la página
        tipo: numerica                                  # numerica | opcion | vf
        enunciado: "¿Cuántos parámetros tiene la red?"
        respuesta: total                                # un valor (en % si su formato es "%")
        tolerancia: 0                                   # obligatoria si la respuesta no es entera
        pista: "Cuenta pesos y sesgos de cada capa."    # tras una respuesta equivocada cualquiera
        errores:                                        # equivocaciones típicas, con su explicación
          - {valor: sin_sesgos, explicacion: "Te faltan los sesgos."}
        explicacion: "Son {{total}}: ..."               # tras acertar
      - id: capas
        tipo: opcion                                    # una sola correcta; cada opción explica
        enunciado: "..."
        opciones:
          - {texto: "...", correcta: true, explicacion: "..."}
          - {texto: "...", explicacion: "..."}          # correcta puede ser "=valor_booleano"
      - id: afirmacion
        tipo: vf
        enunciado: "..."
        verdadero: "=sigmoide_acotada"                  # o true / false
        explicacion: "..."

`cargar()` lee y comprueba todos los ficheros sin importar TensorFlow; lo usan el hook de
las páginas (`maquinaria/sitio/preguntas.py`), la exportación a Moodle y las pruebas.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .. import formato
from ..registros import leer_registro
from . import calculos

CARPETA = Path(__file__).resolve().parent
TIPOS = ("opcion", "numerica", "vf")
_MARCA = re.compile(r"\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*(:tex)?\s*\}\}")


class ErrorDePreguntas(Exception):
    """Un fichero de preguntas mal escrito; el mensaje dice el fichero y la pregunta."""


@dataclass
class Valor:
    bruto: object  # lo que da el registro o la cuenta
    texto: str  # como se escribe en la página
    respuesta: float | None  # como se responde (en % si el formato es "%")


@dataclass
class Opcion:
    texto: str
    correcta: bool
    explicacion: str


@dataclass
class Equivocacion:
    valor: float
    explicacion: str


@dataclass
class Pregunta:
    id: str
    tipo: str
    enunciado: str
    explicacion: str = ""
    opciones: list[Opcion] = field(default_factory=list)
    valor: float | None = None  # numerica: la respuesta
    tolerancia: float = 0.0  # numerica: |respuesta − valor| ≤ tolerancia
    unidad: str = ""  # numerica: «%», por ejemplo
    pista: str = ""
    errores: list[Equivocacion] = field(default_factory=list)
    verdadero: bool | None = None  # vf


@dataclass
class Cuestionario:
    pagina: str  # fichero de docs/ («1-introduccion/1-1-neurona.md»)
    fichero: Path
    preguntas: list[Pregunta]
    fuentes: list[str]  # registros de figura que cita (para saber de qué depende)


def _recorrer(metricas, clave: str, donde: str):
    valor = metricas
    for parte in clave.split("."):
        if isinstance(valor, list) and parte.lstrip("-").isdigit():
            valor = valor[int(parte)]
        elif isinstance(valor, dict) and parte in valor:
            valor = valor[parte]
        else:
            raise ErrorDePreguntas(f"{donde}: el registro no tiene la métrica «{clave}».")
    return valor


class _Valores:
    def __init__(self, especificaciones: dict, donde: str):
        self.espec = especificaciones or {}
        self.donde = donde
        self.hechos: dict[str, Valor] = {}
        self.fuentes: set[str] = set()
        self._en_curso: set[str] = set()

    def __getitem__(self, nombre: str) -> Valor:
        if nombre in self.hechos:
            return self.hechos[nombre]
        if nombre not in self.espec:
            raise ErrorDePreguntas(f"{self.donde}: no hay ningún valor «{nombre}» en `valores:`.")
        if nombre in self._en_curso:
            raise ErrorDePreguntas(f"{self.donde}: el valor «{nombre}» depende de sí mismo.")
        self._en_curso.add(nombre)
        self.hechos[nombre] = self._calcular(nombre, self.espec[nombre])
        self._en_curso.discard(nombre)
        return self.hechos[nombre]

    def argumento(self, arg):
        if isinstance(arg, str) and arg.startswith("="):
            return self[arg[1:]].bruto
        if isinstance(arg, dict):  # un valor sin nombre dentro de otro: {dato: ...} o {calculo: ...}
            return self._calcular("(argumento)", arg).bruto
        return arg

    def _calcular(self, nombre: str, espec) -> Valor:
        donde = f"{self.donde}, valor «{nombre}»"
        if not isinstance(espec, dict) or ("dato" in espec) == ("calculo" in espec):
            raise ErrorDePreguntas(
                f'{donde}: escribe {{dato: "figura:clave"}} o {{calculo: nombre, args: [...]}}; '
                "los números no se escriben a mano."
            )
        if "dato" in espec:
            figura, _, clave = str(espec["dato"]).partition(":")
            registro = leer_registro(figura)
            if registro is None:
                raise ErrorDePreguntas(f"{donde}: la figura «{figura}» no tiene registro en docs/figuras/.")
            self.fuentes.add(figura)
            bruto = _recorrer(registro.get("metricas", {}), clave, donde)
        else:
            funcion = getattr(calculos, str(espec["calculo"]), None)
            if not callable(funcion) or str(espec["calculo"]).startswith("_"):
                raise ErrorDePreguntas(f"{donde}: calculos.py no tiene la cuenta «{espec['calculo']}».")
            bruto = funcion(*[self.argumento(a) for a in espec.get("args", [])])
        decimales = espec.get("decimales")
        if espec.get("formato") == "%":
            return Valor(bruto, formato.porcentaje(bruto, 1 if decimales is None else decimales), 100 * bruto)
        if isinstance(bruto, bool):
            return Valor(bruto, "verdadero" if bruto else "falso", None)
        if isinstance(bruto, (int, float)):
            if isinstance(bruto, float) and decimales is None:
                decimales = 3
            return Valor(bruto, formato.numero(bruto, decimales), float(bruto))
        return Valor(bruto, str(bruto), None)


def _texto(plantilla, valores: _Valores, donde: str) -> str:
    if plantilla is None:
        return ""
    if not isinstance(plantilla, str):
        raise ErrorDePreguntas(f"{donde}: los textos van entre comillas (se encontró {plantilla!r}).")
    for formula in re.findall(r"\\\((.*?)\\\)", plantilla, re.S):
        for m in _MARCA.finditer(formula):
            if not m[2] and re.search(r"[,\u2212\u202f%]", valores[m[1]].texto):
                raise ErrorDePreguntas(
                    f"{donde}: {{{{{m[1]}}}}} va dentro de una fórmula: escribe {{{{{m[1]}:tex}}}} "
                    "(si no, la coma decimal sale con un espacio detrás)."
                )

    def poner(m: re.Match) -> str:
        texto = valores[m[1]].texto
        if m[2]:  # dentro de una fórmula: la coma decimal sin espacio detrás y miles con \,
            texto = texto.replace(",", "{,}").replace(formato.MILES, "\\,").replace("\u00a0%", "\\,\\%")
            if texto.startswith(formato.MENOS):  # un número negativo, no una resta: sin espacios
                texto = "{" + texto + "}"
        return texto

    return _MARCA.sub(poner, plantilla).strip()


def _booleano(espec, valores: _Valores, donde: str) -> bool:
    if isinstance(espec, bool):
        return espec
    if isinstance(espec, str) and espec.startswith("="):
        valor = valores[espec[1:]].bruto
        if isinstance(valor, bool):
            return valor
    raise ErrorDePreguntas(f"{donde}: se esperaba true, false o «=valor» booleano, no {espec!r}.")


def _numero(nombre, valores: _Valores, donde: str) -> float:
    if not isinstance(nombre, str):
        raise ErrorDePreguntas(f"{donde}: la respuesta es el nombre de un valor, no {nombre!r} escrito a mano.")
    valor = valores[nombre]
    if valor.respuesta is None or not math.isfinite(valor.respuesta):
        raise ErrorDePreguntas(f"{donde}: el valor «{nombre}» no es un número.")
    return valor.respuesta


def _pregunta(datos: dict, valores: _Valores, donde: str) -> Pregunta:
    if not isinstance(datos, dict) or not datos.get("id"):
        raise ErrorDePreguntas(f"{donde}: cada pregunta necesita un `id`.")
    donde = f"{donde}, pregunta «{datos['id']}»"
    tipo = datos.get("tipo")
    if tipo not in TIPOS:
        raise ErrorDePreguntas(f"{donde}: el tipo es {' | '.join(TIPOS)}, no {tipo!r}.")
    p = Pregunta(
        id=str(datos["id"]),
        tipo=tipo,
        enunciado=_texto(datos.get("enunciado"), valores, donde),
        explicacion=_texto(datos.get("explicacion"), valores, donde),
        pista=_texto(datos.get("pista"), valores, donde),
    )
    if not p.enunciado:
        raise ErrorDePreguntas(f"{donde}: falta el enunciado.")
    if tipo == "opcion":
        for i, o in enumerate(datos.get("opciones") or []):
            p.opciones.append(
                Opcion(
                    texto=_texto(o.get("texto"), valores, f"{donde}, opción {i + 1}"),
                    correcta=_booleano(o.get("correcta", False), valores, f"{donde}, opción {i + 1}"),
                    explicacion=_texto(o.get("explicacion"), valores, f"{donde}, opción {i + 1}"),
                )
            )
        if len(p.opciones) < 2:
            raise ErrorDePreguntas(f"{donde}: hacen falta al menos dos opciones.")
        if sum(o.correcta for o in p.opciones) != 1:
            raise ErrorDePreguntas(
                f"{donde}: tiene que haber exactamente una opción correcta y hay {sum(o.correcta for o in p.opciones)}."
            )
        textos = [o.texto for o in p.opciones]
        if len(set(textos)) != len(textos):
            raise ErrorDePreguntas(f"{donde}: dos opciones dicen lo mismo: {textos}.")
        sin = [i + 1 for i, o in enumerate(p.opciones) if not o.explicacion or not o.texto]
        if sin:
            raise ErrorDePreguntas(f"{donde}: las opciones {sin} no tienen texto o explicación.")
    elif tipo == "numerica":
        p.valor = _numero(datos.get("respuesta"), valores, donde)
        espec = valores.espec.get(datos.get("respuesta"), {})
        p.unidad = "%" if espec.get("formato") == "%" else str(datos.get("unidad", ""))
        if "tolerancia" in datos:
            tolerancia = datos["tolerancia"]
            if not isinstance(tolerancia, (int, float)) or isinstance(tolerancia, bool) or tolerancia < 0:
                raise ErrorDePreguntas(f"{donde}: la tolerancia es un número ≥ 0, no {tolerancia!r}.")
            p.tolerancia = float(tolerancia)
        elif float(p.valor).is_integer():
            p.tolerancia = 0.0
        else:
            raise ErrorDePreguntas(f"{donde}: la respuesta no es entera: di qué `tolerancia` se acepta.")
        for e in datos.get("errores") or []:
            valor = _numero(e.get("valor"), valores, f"{donde}, error «{e.get('valor')}»")
            if abs(valor - p.valor) <= p.tolerancia:
                raise ErrorDePreguntas(
                    f"{donde}: el error «{e.get('valor')}» ({valor}) cae dentro de la tolerancia de la "
                    "respuesta correcta."
                )
            p.errores.append(Equivocacion(valor, _texto(e.get("explicacion"), valores, donde)))
        if not p.pista or not p.explicacion:
            raise ErrorDePreguntas(f"{donde}: una pregunta numérica necesita `pista` y `explicacion`.")
    else:
        p.verdadero = _booleano(datos.get("verdadero"), valores, donde)
        if not p.explicacion:
            raise ErrorDePreguntas(f"{donde}: falta la explicación.")
    return p


def leer(fichero: Path) -> Cuestionario:
    donde = fichero.name
    try:
        datos = yaml.safe_load(fichero.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as error:
        raise ErrorDePreguntas(f"{donde}: YAML mal formado: {error}") from None
    if not datos.get("pagina"):
        raise ErrorDePreguntas(f"{donde}: falta `pagina:` (el fichero de docs/ al que van las preguntas).")
    valores = _Valores(datos.get("valores"), donde)
    preguntas = [_pregunta(p, valores, donde) for p in datos.get("preguntas") or []]
    ids = [p.id for p in preguntas]
    if len(set(ids)) != len(ids):
        raise ErrorDePreguntas(f"{donde}: hay ids repetidos: {ids}.")
    return Cuestionario(str(datos["pagina"]), fichero, preguntas, sorted(valores.fuentes))


def ficheros(carpeta: Path = CARPETA) -> list[Path]:
    return sorted(carpeta.glob("*.yml"))


def cargar(carpeta: Path = CARPETA) -> dict[str, Cuestionario]:
    """Todos los cuestionarios, por página de docs/. Lanza ErrorDePreguntas al primer fallo."""
    cuestionarios: dict[str, Cuestionario] = {}
    for fichero in ficheros(carpeta):
        c = leer(fichero)
        if c.pagina in cuestionarios:
            raise ErrorDePreguntas(
                f"{fichero.name}: la página {c.pagina} ya tiene preguntas en {cuestionarios[c.pagina].fichero.name}."
            )
        cuestionarios[c.pagina] = c
    return cuestionarios
