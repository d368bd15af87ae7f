/* roi-ia: tooltips on the charts' static SVG, from the ARIA label Vega gives every mark.
   No chart runtime: the SVG rendered at build time is the chart, with or without JavaScript
   and on paper. Hover a mark, or Tab to the chart and move between its marks with the arrow
   keys (Home, End; Escape hides the tooltip): the focused mark's label shows beside it. */
(function () {
  "use strict";

  var MARKS = '[role="graphics-symbol"][aria-label]';
  // Axes and legends describe the scale; a line, area or rule mark is labelled with its
  // first point only (its points, drawn on top, carry one label each).
  var NOT_MARKS = {
    axis: true, legend: true, "title text": true,
    "line mark": true, "area mark": true, "rule mark": true
  };
  // Each mark's label is a French sentence written at build time (figures/charts.py).
  function label(mark) {
    return mark.getAttribute("aria-label");
  }

  function marks(graphic) {
    return Array.prototype.filter.call(graphic.querySelectorAll(MARKS), function (mark) {
      return !NOT_MARKS[mark.getAttribute("aria-roledescription")] &&
        !mark.closest('[aria-roledescription="axis"], [aria-roledescription="legend"]');
    });
  }

  function tooltip(graphic) {
    var tip = graphic.querySelector(".roi-chart-tooltip");
    if (!tip) {
      tip = document.createElement("div");
      tip.className = "roi-chart-tooltip";
      tip.setAttribute("role", "status");
      tip.hidden = true;
      graphic.appendChild(tip);
    }
    return tip;
  }

  function show(graphic, mark) {
    var tip = tooltip(graphic);
    var box = mark.getBoundingClientRect();
    var frame = graphic.getBoundingClientRect();
    tip.textContent = label(mark);
    tip.hidden = false;
    var left = box.left - frame.left + box.width / 2 - tip.offsetWidth / 2;
    tip.style.left = Math.max(0, Math.min(left, frame.width - tip.offsetWidth)) + "px";
    tip.style.top = Math.max(0, box.top - frame.top - tip.offsetHeight - 6) + "px";
  }

  function hide(graphic) {
    tooltip(graphic).hidden = true;
  }

  function focusMark(list, from, to) {
    list[from].setAttribute("tabindex", "-1");
    list[to].setAttribute("tabindex", "0");
    list[to].focus();
  }

  var STEPS = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };

  function onKey(graphic, list, event) {
    var at = list.indexOf(event.target);
    if (at < 0) {
      return;
    }
    var to = at;
    if (event.key in STEPS) {
      to = Math.max(0, Math.min(list.length - 1, at + STEPS[event.key]));
    } else if (event.key === "Home") {
      to = 0;
    } else if (event.key === "End") {
      to = list.length - 1;
    } else if (event.key === "Escape") {
      hide(graphic);
      return;
    } else {
      return;
    }
    event.preventDefault();
    focusMark(list, at, to);
  }

  function start(graphic) {
    if (graphic.dataset.roiTooltips) {
      return;
    }
    graphic.dataset.roiTooltips = "1";
    var list = marks(graphic);
    list.forEach(function (mark, i) {
      mark.setAttribute("tabindex", i === 0 ? "0" : "-1");
      mark.setAttribute("focusable", "true");
    });
    graphic.addEventListener("pointerover", function (event) {
      var mark = event.target.closest && event.target.closest(MARKS);
      if (mark && list.indexOf(mark) >= 0) {
        show(graphic, mark);
      }
    });
    graphic.addEventListener("pointerleave", function () { hide(graphic); });
    graphic.addEventListener("focusin", function (event) {
      if (list.indexOf(event.target) >= 0) {
        show(graphic, event.target);
      }
    });
    graphic.addEventListener("focusout", function () { hide(graphic); });
    graphic.addEventListener("keydown", function (event) { onKey(graphic, list, event); });
  }

  function startAll() {
    document.querySelectorAll("[data-roi-chart]").forEach(start);
  }

  if (typeof window.document$ !== "undefined" && window.document$.subscribe) {
    window.document$.subscribe(startAll);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", startAll);
  } else {
    startAll();
  }
})();
