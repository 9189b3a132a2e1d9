// The participant grid takes rows pasted from Excel: tab-separated cells, one person a line. Pasting
// into any cell fills that cell's column and those to its right, from that row down, adding rows as
// needed (up to data-max-rows). A single value pastes as usual.
(function () {
  var grid = document.querySelector('[data-participant-grid]');
  if (!grid) {
    return;
  }
  var box = grid.querySelector('[data-grid-rows]');
  var status = grid.querySelector('[data-grid-status]');
  var max = parseInt(grid.getAttribute('data-max-rows') || '500', 10);
  var FIELDS = ['fullName', 'organization', 'categoryCode', 'position'];

  function rows() {
    return box.querySelectorAll('[data-grid-row]');
  }

  function fieldOf(element) {
    var m = element && element.name ? /\.(\w+)$/.exec(element.name) : null;
    return m && FIELDS.indexOf(m[1]) >= 0 ? m[1] : null;
  }

  function addRow() {
    var all = rows();
    if (all.length >= max) {
      return null;
    }
    var index = all.length;
    var copy = all[all.length - 1].cloneNode(true);
    copy.querySelectorAll('[name]').forEach(function (el) {
      el.name = el.name.replace(/rows\[\d+\]/, 'rows[' + index + ']');
      el.id = el.id.replace(/rows\d+/, 'rows' + index);
      el.classList.remove('is-invalid');
      if (el.tagName === 'SELECT') {
        el.selectedIndex = 0;
      } else if (el.type !== 'hidden') {
        el.value = '';
      }
    });
    copy.querySelectorAll('label[for]').forEach(function (label) {
      label.htmlFor = label.htmlFor.replace(/rows\d+/, 'rows' + index);
    });
    copy.querySelectorAll('.invalid-feedback, option[data-unmatched]').forEach(function (el) {
      el.remove();
    });
    box.appendChild(copy);
    if (window.htmx) {
      window.htmx.process(copy);
    }
    return copy;
  }

  function loose(text) {
    return (text || '').toLowerCase().replace(/ё/g, 'е').replace(/[^0-9a-zа-яәғқңөұүһі]/g, '');
  }

  // A category as typed: its code, or its name in Kazakh, Russian or English; else kept as typed for the server to name.
  function setCategory(select, text) {
    select.querySelectorAll('option[data-unmatched]').forEach(function (o) { o.remove(); });
    if (!text) {
      select.selectedIndex = 0;
      return;
    }
    var wanted = loose(text);
    for (var i = 0; i < select.options.length; i++) {
      var o = select.options[i];
      var names = (o.getAttribute('data-names') || o.textContent).split('|').map(loose);
      if (o.value && (o.value.toLowerCase() === text.toLowerCase() || names.indexOf(wanted) >= 0)) {
        select.selectedIndex = i;
        return;
      }
    }
    var typed = document.createElement('option');
    typed.value = text;
    typed.textContent = text;
    typed.setAttribute('data-unmatched', '');
    select.appendChild(typed);
    select.value = text;
  }

  // Excel's text: cells by tabs, rows by line breaks; a cell holding either comes in double quotes.
  function parse(text) {
    var lines = [];
    var cells = [];
    var cell = '';
    var quoted = false;
    text = text.replace(/\r\n?/g, '\n');
    for (var i = 0; i < text.length; i++) {
      var ch = text[i];
      if (quoted) {
        if (ch === '"' && text[i + 1] === '"') {
          cell += '"';
          i++;
        } else if (ch === '"') {
          quoted = false;
        } else {
          cell += ch;
        }
      } else if (ch === '"' && cell === '') {
        quoted = true;
      } else if (ch === '\t') {
        cells.push(cell);
        cell = '';
      } else if (ch === '\n') {
        cells.push(cell);
        lines.push(cells);
        cells = [];
        cell = '';
      } else {
        cell += ch;
      }
    }
    if (cell !== '' || cells.length) {
      cells.push(cell);
      lines.push(cells);
    }
    return lines.filter(function (l) {
      return l.some(function (c) { return c.trim() !== ''; });
    });
  }

  grid.addEventListener('paste', function (event) {
    var field = fieldOf(event.target);
    var text = event.clipboardData ? event.clipboardData.getData('text/plain') : '';
    if (!field || !text || (text.indexOf('\t') < 0 && text.trim().indexOf('\n') < 0)) {
      return;
    }
    event.preventDefault();
    var lines = parse(text);
    var all = Array.prototype.slice.call(rows());
    var start = all.indexOf(event.target.closest('[data-grid-row]'));
    var column = FIELDS.indexOf(field);
    var filled = 0;
    var left = 0;
    lines.forEach(function (cells, k) {
      var row = rows()[start + k] || addRow();
      if (!row) {
        left++;
        return;
      }
      cells.forEach(function (value, j) {
        var name = FIELDS[column + j];
        var input = name ? row.querySelector('[name$=".' + name + '"]') : null;
        if (!input) {
          return;
        }
        if (name === 'categoryCode') {
          setCategory(input, value.trim());
        } else {
          input.value = value.trim().replace(/\s+/g, ' ');
        }
      });
      filled++;
    });
    if (status) {
      status.textContent = left > 0 ? grid.getAttribute('data-msg-full')
        : (grid.getAttribute('data-msg-pasted') || '').replace('{0}', filled);
    }
  });

  var add = grid.querySelector('[data-grid-add]');
  if (add) {
    add.addEventListener('click', function () {
      var row = addRow();
      if (row) {
        row.querySelector('input').focus();
      } else if (status) {
        status.textContent = grid.getAttribute('data-msg-full');
      }
    });
  }
})();
