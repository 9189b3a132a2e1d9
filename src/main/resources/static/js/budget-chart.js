// The region's training share over the years against the norm (budget overview page).
// Data comes from the canvas's data-* attributes: no inline script, the Content-Security-Policy
// forbids it. The same figures are in the table under the chart for those who cannot see it.
(function () {
  'use strict';
  var canvas = document.getElementById('budget-chart');
  if (!canvas || typeof window.Chart === 'undefined') {
    return;
  }
  var data = canvas.dataset;
  function list(text) {
    return text ? text.split(',') : [];
  }
  function numbers(text) {
    return list(text).map(function (v) { return v === '' ? null : Number(v); });
  }
  var decimal = data.decimal || ',';
  // As the union prints it: 8%, 9,5% (the values are already truncated to one decimal).
  function percent(value) {
    if (value === null || value === undefined) {
      return '—';
    }
    var text = (Math.round(value * 10) / 10).toString();
    return text.replace('.', decimal) + '%';
  }
  var statuses = list(data.statuses);
  var colours = statuses.map(function (s) {
    return s === 'MEETS' ? '#198754' : (s === 'BELOW' ? '#dc3545' : '#adb5bd');
  });
  new window.Chart(canvas, {
    data: {
      labels: list(data.years),
      datasets: [
        {
          type: 'line',
          label: data.labelNorm,
          data: numbers(data.norms),
          borderColor: '#212529',
          backgroundColor: 'transparent',
          borderDash: [6, 4],
          borderWidth: 2,
          pointStyle: 'line',
          pointRadius: 14,
          pointBorderWidth: 2,
          stepped: 'middle',
          fill: false
        },
        {
          type: 'bar',
          label: data.labelShare,
          data: numbers(data.values),
          backgroundColor: colours,
          maxBarThickness: 64
        }
      ]
    },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      scales: {
        y: {
          beginAtZero: true,
          suggestedMax: 12,
          ticks: { callback: function (value) { return percent(value); } }
        }
      },
      plugins: {
        // The page explains the colours and the dashed line in words under the chart.
        legend: { display: false },
        tooltip: {
          callbacks: {
            label: function (context) {
              return context.dataset.label + ': ' + percent(context.parsed.y);
            }
          }
        }
      }
    }
  });
}());
