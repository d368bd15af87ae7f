/* roi-ia: draw every chart of the page with vega-embed, from the spec embedded in the page.
   Started from Material's document$ so it also runs after instant navigation; without
   JavaScript (or when printing) the static SVG rendered at build time stays in place. */
(function () {
  "use strict";

  function locales() {
    return window.roiVegaLocales || {};
  }

  function draw(container, locale) {
    if (container.dataset.roiDrawn) {
      return;
    }
    container.dataset.roiDrawn = "1";
    var id = container.getAttribute("data-roi-chart");
    var source = container.getAttribute("data-roi-spec");
    if (!source || typeof window.vegaEmbed !== "function") {
      return;
    }
    var options = {
      actions: false,
      renderer: "svg",
      formatLocale: locale.format,
      timeFormatLocale: locale.time
    };
    window.vegaEmbed(container, JSON.parse(source), options)
      .then(function () {
        var figure = container.closest("figure");
        if (figure) {
          figure.classList.add("roi-chart-live");
        }
      })
      .catch(function (error) {
        container.removeAttribute("data-roi-drawn");
        console.warn("roi-ia: chart " + id + " kept its static image", error);
      });
  }

  function drawAll() {
    var locale = locales();
    document.querySelectorAll("[data-roi-chart]").forEach(function (container) {
      draw(container, locale);
    });
  }

  if (typeof window.document$ !== "undefined" && window.document$.subscribe) {
    window.document$.subscribe(drawAll);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", drawAll);
  } else {
    drawAll();
  }
})();
