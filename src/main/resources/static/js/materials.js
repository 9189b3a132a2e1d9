// Materials pages: refuse an over-size file before it is uploaded (the server checks again),
// add a suggested organization name to the distribution list, and show only the recipient
// fields of the chosen target. Without this script every field stays visible and usable.
(function () {
  function checkSize(input) {
    var max = Number(input.getAttribute('data-max-bytes'));
    var file = input.files && input.files[0];
    input.setCustomValidity(file && max && file.size > max ? input.getAttribute('data-too-large') : '');
  }
  document.addEventListener('change', function (event) {
    var input = event.target;
    if (input.matches && input.matches('input[type="file"][data-max-bytes]')) {
      checkSize(input);
      input.reportValidity();
    }
    if (input.matches && input.matches('input[name="target"]')) {
      showTarget(input.form);
    }
  });
  document.addEventListener('click', function (event) {
    var button = event.target.closest ? event.target.closest('[data-append-line]') : null;
    if (!button) {
      return;
    }
    var area = document.querySelector(button.getAttribute('data-append-line'));
    var line = button.getAttribute('data-line');
    if (area && line) {
      var lines = area.value.split(/\r?\n/).filter(function (l) { return l.trim() !== ''; });
      if (lines.indexOf(line) < 0) {
        lines.push(line);
      }
      area.value = lines.join('\n') + '\n';
      button.disabled = true;
    }
  });
  function showTarget(form) {
    if (!form) {
      return;
    }
    var chosen = form.querySelector('input[name="target"]:checked');
    form.querySelectorAll('[data-target-section]').forEach(function (section) {
      section.hidden = !chosen || section.getAttribute('data-target-section') !== chosen.value;
    });
  }
  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('form').forEach(showTarget);
  });
})();
