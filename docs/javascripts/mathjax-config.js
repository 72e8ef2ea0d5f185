// MathJax 3 servido por el propio sitio (docs/javascripts/mathjax/): sin CDN.
//
// Solo se buscan fórmulas dentro de estos contenedores:
//  - .arithmatex: las páginas Markdown (pymdownx.arithmatex genérico: \( \) y \[ \]);
//  - las celdas y salidas de Markdown/LaTeX de los cuadernos de mkdocs-jupyter, donde las
//    fórmulas llegan en crudo, con $ $ y $$ $$.
// El resto de la página (código, navegación, texto normal) no se toca: un «$» suelto en
// la prosa no se convierte en fórmula.
(function () {
  var CONTENEDORES = ".arithmatex, .jp-RenderedMarkdown, .jp-MarkdownOutput, .jp-RenderedLatex";

  // Los contenedores más externos (una salida de Markdown es .jp-RenderedMarkdown y .jp-MarkdownOutput).
  function contenedores() {
    return Array.prototype.filter.call(document.querySelectorAll(CONTENEDORES), function (el) {
      return !(el.parentElement && el.parentElement.closest(CONTENEDORES));
    });
  }

  window.MathJax = {
    tex: {
      inlineMath: [["\\(", "\\)"], ["$", "$"]],
      displayMath: [["\\[", "\\]"], ["$$", "$$"]],
      processEscapes: true,
      processEnvironments: true
    },
    startup: {
      pageReady: function () {
        return MathJax.typesetPromise(contenedores());
      }
    }
  };

  // Si Material carga las páginas sin recargar (navigation.instant), componer la nueva cuando
  // MathJax termine lo que tenga pendiente. Sin output.clearCache(): vaciar la caché en plena
  // carga inicial dejaba las fórmulas sin el CSS de sus glifos (invisibles).
  if (typeof document$ !== "undefined") {
    document$.subscribe(function () {
      var m = window.MathJax;
      if (!m || !m.startup || !m.startup.promise || !m.typesetPromise) return; // aún cargando: lo hace pageReady
      m.startup.promise = m.startup.promise.then(function () {
        m.typesetClear();
        return m.typesetPromise(contenedores());
      });
    });
  }
})();
