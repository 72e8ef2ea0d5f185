/* Búsqueda en español (la añade hooks/busqueda.py al final de lunr.es.min.js al construir).
 *
 * Corre dentro del web worker de búsqueda de Material, justo después de que lunr-languages
 * defina lunr.es. Hace que el índice y la consulta se encuentren:
 *
 *  1. Tildes: «activacion» encuentra «activación». Cada palabra del índice se guarda sin
 *     tildes ni diéresis (á é í ó ú ü → a e i o u u; la ñ se conserva) y lo mismo se hace
 *     con la consulta.
 *  2. Flexiones: «neuronas» encuentra «neurona». Material añade un comodín final a cada
 *     término («neuronas*») y lunr no pasa por el lematizador los términos con comodín, así
 *     que la consulta nunca se encontraba con las raíces del índice («neuron»). Aquí la
 *     consulta se lematiza antes de añadir el comodín («neuron*»).
 *
 * El índice guarda, para cada palabra, su raíz (Snowball, sin tildes) y la palabra entera sin
 * tildes: la raíz reúne las flexiones y la palabra entera permite buscar mientras se escribe
 * («activac» encuentra «activacion»).
 *
 *  3. Resaltado limpio: la raíz y la palabra entera comparten la posición en el texto; si la
 *     consulta encuentra las dos («marc*» encuentra «marc» y «marco»), Material recibía esa
 *     posición dos veces y la envolvía dos veces en <mark>, una dentro de la otra, con
 *     restos como «<mar<mark>k>» o «k>Capa de pooling». Cada posición queda una sola vez.
 */
(function (lunr) {
  "use strict";
  if (!lunr || !lunr.es || !lunr.es.stemmer || lunr.es.stemmer.plegado) return;

  var raiz = lunr.es.stemmer; // el lematizador Snowball de lunr-languages
  var indiceLematizado = false;

  function plegar(texto) {
    return texto.normalize("NFD").replace(/[\u0300\u0301\u0308]/g, "").normalize("NFC");
  }

  function raizPlegada(palabra) {
    return plegar(raiz(palabra));
  }

  // Sustituye al lematizador en el pipeline del índice y en el de la consulta. Si la
  // configuración quita el lematizador (pipeline de mkdocs.yml), Material quita también este.
  function lematizarSinTildes(token) {
    indiceLematizado = true;
    var palabra = token.toString();
    var entera = plegar(palabra);
    var base = raizPlegada(palabra);
    if (base === entera) return token.update(function () { return entera; });
    return [
      token.clone(function () { return base; }),
      token.clone(function () { return entera; })
    ];
  }
  lematizarSinTildes.plegado = true;
  lunr.Pipeline.registerFunction(lematizarSinTildes, "stemmer-es-sin-tildes");
  lunr.es.stemmer = lematizarSinTildes;

  // Los términos con comodín final («activacion*», los que genera Material) no pasan por el
  // pipeline de lunr: se pliegan y lematizan aquí, al leerlos el analizador de la consulta.
  var consumir = lunr.QueryParser.prototype.consumeLexeme;
  lunr.QueryParser.prototype.consumeLexeme = function () {
    var lexema = consumir.call(this);
    if (indiceLematizado && lexema && lexema.type === lunr.QueryLexer.TERM && !lexema.plegado) {
      var partes = /^([^*]+)\*$/.exec(lexema.str);
      if (partes) lexema.str = raizPlegada(partes[1].toLowerCase()) + "*";
      lexema.plegado = true;
    }
    return lexema;
  };

  // 3. Una sola vez cada posición por campo, aunque la encuentren varios términos.
  var buscar = lunr.Index.prototype.search;
  lunr.Index.prototype.search = function () {
    var resultados = buscar.apply(this, arguments);
    resultados.forEach(function (resultado) {
      var vistas = {};
      var metadatos = resultado.matchData.metadata;
      Object.keys(metadatos).forEach(function (termino) {
        Object.keys(metadatos[termino]).forEach(function (campo) {
          var datos = metadatos[termino][campo];
          if (!datos || !Array.isArray(datos.position)) return;
          var ya = vistas[campo] || (vistas[campo] = {});
          datos.position = datos.position.filter(function (posicion) {
            var clave = String(posicion);
            if (ya[clave]) return false;
            ya[clave] = true;
            return true;
          });
        });
      });
    });
    return resultados;
  };
})(self.lunr);
