/* Preguntas de autoevaluación (maquinaria/sitio/preguntas.py): sin red, con teclado.
 *
 * Cada <form class="pregunta"> lleva la solución en sus atributos data-* y las explicaciones
 * en bloques .pregunta-retro ocultos; «Comprobar» (o Intro) muestra el veredicto y la
 * explicación que toca en una región aria-live. Se puede responder tantas veces como se quiera.
 */
(function () {
  "use strict";

  // «0,8», «0.8», «−0,3» (U+2212), «82,9 %», «1 152» o «1 152» (espacio fino) → número.
  function leerNumero(texto) {
    var limpio = String(texto).trim()
      .replace(/[\u2212\u2012\u2013]/g, "-")
      .replace(/%$/, "")
      .replace(/[\s\u00a0\u202f]/g, "");
    if (/^[-+]?\d+(,\d+)?$/.test(limpio) || /^[-+]?\d*,\d+$/.test(limpio)) limpio = limpio.replace(",", ".");
    if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(limpio)) return null;
    return parseFloat(limpio);
  }

  function mostrar(form, acierto, veredicto, casos) {
    var resultado = form.querySelector(".pregunta-resultado");
    form.classList.toggle("pregunta--acierto", acierto === true);
    form.classList.toggle("pregunta--fallo", acierto === false);
    resultado.querySelectorAll(".pregunta-retro").forEach(function (r) {
      r.hidden = casos.indexOf(r.getAttribute("data-caso")) < 0;
    });
    resultado.querySelector(".pregunta-veredicto").textContent = veredicto;
  }

  function comprobarOpcion(form) {
    var marcada = form.querySelector("input[type=radio]:checked");
    if (!marcada) return mostrar(form, null, "Elige una respuesta.", []);
    var correcta = form.getAttribute("data-correcta");
    var acierto = marcada.value === correcta;
    if (form.getAttribute("data-tipo") === "vf") {
      return mostrar(form, acierto, acierto ? "¡Correcto!" : "No es correcto.", ["solucion"]);
    }
    if (acierto) return mostrar(form, true, "¡Correcto!", ["opcion-" + marcada.value, "correcta"]);
    mostrar(form, false, "No es correcto. Prueba otra vez.", ["opcion-" + marcada.value]);
  }

  function comprobarNumero(form) {
    var entrada = form.querySelector("input[name=respuesta]");
    var x = leerNumero(entrada.value);
    if (x === null) return mostrar(form, null, "Escribe un número (con coma o punto decimal).", []);
    var valor = parseFloat(form.getAttribute("data-valor"));
    var tolerancia = parseFloat(form.getAttribute("data-tolerancia"));
    var margen = tolerancia + 1e-9 * Math.max(1, Math.abs(valor));
    if (Math.abs(x - valor) <= margen) return mostrar(form, true, "¡Correcto!", ["correcta"]);
    var errores = form.querySelectorAll(".pregunta-retro[data-valor]");
    for (var i = 0; i < errores.length; i++) {
      var e = parseFloat(errores[i].getAttribute("data-valor"));
      if (Math.abs(x - e) <= margen) {
        return mostrar(form, false, "No es correcto. Prueba otra vez.", [errores[i].getAttribute("data-caso")]);
      }
    }
    mostrar(form, false, "No es correcto. Prueba otra vez.", ["pista"]);
  }

  document.addEventListener("submit", function (evento) {
    var form = evento.target;
    if (!form.classList || !form.classList.contains("pregunta")) return;
    evento.preventDefault();
    if (form.getAttribute("data-tipo") === "numerica") comprobarNumero(form);
    else comprobarOpcion(form);
  });

  // Intro sobre una opción también comprueba (en un campo de texto ya lo hace el navegador).
  document.addEventListener("keydown", function (evento) {
    var objetivo = evento.target;
    if (evento.key !== "Enter" || !objetivo.matches || !objetivo.matches(".pregunta input[type=radio]")) return;
    evento.preventDefault();
    objetivo.form.requestSubmit();
  });

  window.preguntasLeerNumero = leerNumero; // para las pruebas
})();
