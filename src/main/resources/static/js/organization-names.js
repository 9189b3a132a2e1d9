// The public survey's organization question: names that match what the participant types, as the
// options of its datalist. A few lines instead of htmx (50 KB), so the survey stays light on a weak
// network (issue #19, decision 0028). Without JavaScript the field is a plain text field.
(function () {
  'use strict';
  document.querySelectorAll('input[data-suggest]').forEach(function (input) {
    var list = document.getElementById(input.getAttribute('list'));
    var timer = null;
    var last = null;
    input.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        var q = input.value.trim();
        if (q === last || q.length < 2) {
          return;
        }
        last = q;
        var url = input.getAttribute('data-suggest') + '?' + encodeURIComponent(input.name) + '=' + encodeURIComponent(q);
        fetch(url, { credentials: 'same-origin' })
          .then(function (r) { return r.ok ? r.text() : null; })
          .then(function (html) {
            if (html === null || q !== input.value.trim()) {
              return;
            }
            var parsed = new DOMParser().parseFromString('<datalist>' + html + '</datalist>', 'text/html');
            list.replaceChildren.apply(list, Array.prototype.slice.call(parsed.querySelectorAll('option')));
          })
          .catch(function () { /* offline: the field stays a plain text field */ });
      }, 300);
    });
  });
})();
