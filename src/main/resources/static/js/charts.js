// Dashboard charts: data comes from <script type="application/json"> blocks rendered by the server.
(function () {
  if (typeof Chart === 'undefined') {
    return;
  }
  var palette = ['#0b4f8a', '#2a9d8f', '#e9c46a', '#f4a261', '#e76f51', '#6c757d'];

  function data(canvas) {
    var source = document.getElementById(canvas.dataset.source);
    return source ? JSON.parse(source.textContent) : null;
  }

  var builders = {
    trend: function (d) {
      return {
        type: 'line',
        data: { labels: d.labels, datasets: [{ label: d.coverageLabel + ', %', data: d.coverage, borderColor: palette[0], backgroundColor: palette[0], tension: 0.2 }] },
        options: { scales: { y: { beginAtZero: true, ticks: { callback: function (v) { return v + '%'; } } } } }
      };
    },
    categories: function (d) {
      return {
        type: 'bar',
        data: {
          labels: d.labels,
          datasets: d.categories.map(function (s, i) { return { label: s.label, data: s.data, backgroundColor: palette[i % palette.length] }; })
        },
        options: { scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true } } }
      };
    },
    months: function (d) {
      return {
        type: 'bar',
        data: {
          labels: d.labels,
          datasets: [
            { label: d.participantsLabel, data: d.participants, backgroundColor: palette[1], yAxisID: 'y' },
            { label: d.eventsLabel, data: d.events, backgroundColor: palette[0], type: 'line', yAxisID: 'y1' }
          ]
        },
        options: { scales: { y: { beginAtZero: true, position: 'left' }, y1: { beginAtZero: true, position: 'right', grid: { drawOnChartArea: false } } } }
      };
    },
    districts: function (d) {
      return {
        type: 'bar',
        data: { labels: d.labels, datasets: [{ label: d.coverageLabel + ', %', data: d.coverage, backgroundColor: palette[0] }] },
        options: { indexAxis: 'y', scales: { x: { beginAtZero: true } } }
      };
    }
  };

  document.querySelectorAll('canvas[data-chart]').forEach(function (canvas) {
    var d = data(canvas);
    var build = builders[canvas.dataset.chart];
    if (d && build) {
      var config = build(d);
      config.options = config.options || {};
      config.options.responsive = true;
      config.options.animation = false;
      new Chart(canvas, config);
    }
  });
})();
