// Draws every <canvas data-chart="ID"> from the JSON of the element #ID (Django's json_script): no inline
// script, so the Content-Security-Policy holds. The same figures are in the table beside each chart.
(function () {
  "use strict";
  var PALETTE = ["#0d6efd", "#198754", "#fd7e14", "#6f42c1", "#20c997"];
  var STATUS = {met: "#198754", on_track: "#0dcaf0", at_risk: "#ffc107", missed: "#dc3545", no_data: "#adb5bd"};

  function draw(canvas) {
    var source = document.getElementById(canvas.dataset.chart);
    if (!source || typeof Chart === "undefined") { return; }
    var spec = JSON.parse(source.textContent);
    var datasets = spec.series.map(function (series, i) {
      var colour = PALETTE[i % PALETTE.length];
      if (spec.colours && i === 0) {
        colour = spec.colours.map(function (key) { return STATUS[key] || PALETTE[0]; });
      }
      return {label: series.label, data: series.data, backgroundColor: colour,
              borderColor: colour, borderWidth: 1};
    });
    if (spec.colours && datasets.length > 1) {
      datasets[1].backgroundColor = "rgba(108, 117, 125, 0.45)";
      datasets[1].borderColor = "#6c757d";
    }
    var horizontal = Boolean(spec.horizontal);
    var valueAxis = {beginAtZero: true};
    if (horizontal) { valueAxis.max = 100; }
    new Chart(canvas, {
      type: "bar",
      data: {labels: spec.labels, datasets: datasets},
      options: {
        indexAxis: horizontal ? "y" : "x",
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        scales: horizontal ? {x: valueAxis} : {y: Object.assign(valueAxis, {ticks: {precision: 0}})},
        plugins: {legend: {position: "bottom"}}
      }
    });
  }

  function start() {
    document.querySelectorAll("canvas[data-chart]").forEach(draw);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
