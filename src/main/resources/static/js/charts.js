// Dashboard charts: data comes from <script type="application/json"> blocks rendered by the server.
// Numbers follow the page's language (data-locale on the canvas, else <html lang>), not the browser's;
// a bar or point with a link opens the filtered list behind it (data-href + the point's parameters).
(function () {
  if (typeof Chart === 'undefined') {
    return;
  }
  var palette = ['#0b4f8a', '#2a9d8f', '#e9c46a', '#f4a261', '#e76f51', '#6c757d'];

  function data(canvas) {
    var source = document.getElementById(canvas.dataset.source);
    return source ? JSON.parse(source.textContent) : null;
  }

  function percent(locale) {
    var format = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
    return function (v) { return format.format(v) + '%'; };
  }

  var builders = {
    trend: function (d, locale) {
      return {
        type: 'line',
        data: { labels: d.labels, datasets: [{ label: d.coverageLabel + ', %', data: d.coverage, links: d.links, borderColor: palette[0], backgroundColor: palette[0], tension: 0.2 }] },
        options: { scales: { y: { beginAtZero: true, ticks: { callback: percent(locale) } } } }
      };
    },
    categories: function (d) {
      return {
        type: 'bar',
        data: {
          labels: d.labels,
          datasets: d.categories.map(function (s, i) { return { label: s.label, data: s.data, links: s.links, backgroundColor: palette[i % palette.length] }; })
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
            { label: d.participantsLabel, data: d.participants, links: d.links, backgroundColor: palette[1], yAxisID: 'y' },
            { label: d.eventsLabel, data: d.events, links: d.links, backgroundColor: palette[0], type: 'line', yAxisID: 'y1' }
          ]
        },
        options: { scales: { y: { beginAtZero: true, position: 'left' }, y1: { beginAtZero: true, position: 'right', grid: { drawOnChartArea: false } } } }
      };
    },
    regions: function (d, locale) {
      return builders.districts(d, locale);
    },
    districts: function (d, locale) {
      return {
        type: 'bar',
        data: { labels: d.labels, datasets: [{ label: d.coverageLabel + ', %', data: d.coverage, links: d.links, backgroundColor: palette[0] }] },
        options: { indexAxis: 'y', scales: { x: { beginAtZero: true, ticks: { callback: percent(locale) } } } }
      };
    }
  };

  function linkOf(canvas, chart, element) {
    var links = chart.data.datasets[element.datasetIndex].links;
    var params = links && links[element.index];
    if (!params || !canvas.dataset.href) {
      return null;
    }
    var url = new URL(canvas.dataset.href, window.location.href);
    Object.keys(params).forEach(function (k) { url.searchParams.set(k, params[k]); });
    return url.pathname + url.search;
  }

  document.querySelectorAll('canvas[data-chart]').forEach(function (canvas) {
    var d = data(canvas);
    var build = builders[canvas.dataset.chart];
    var locale = canvas.dataset.locale || document.documentElement.lang || 'kk';
    if (d && build) {
      var config = build(d, locale);
      config.options = config.options || {};
      config.options.locale = locale;
      config.options.responsive = true;
      config.options.animation = false;
      config.options.onClick = function (event, elements, chart) {
        var href = elements.length ? linkOf(canvas, chart, elements[0]) : null;
        if (href) {
          window.location.assign(href);
        }
      };
      config.options.onHover = function (event, elements, chart) {
        canvas.classList.toggle('chart-link', !!(elements.length && linkOf(canvas, chart, elements[0])));
      };
      canvas.chart = new Chart(canvas, config);
    }
  });
})();
