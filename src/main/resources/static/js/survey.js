// The public survey without a framework (decision 29): keeps the page for offline use (service worker),
// queues an answer sent while offline and sends it once when the network is back, keeps typed
// answers across a language switch, suggests organization names, and focuses the error summary.
(function () {
  'use strict';
  var CACHE = 'oqytu-survey-1', QUEUE = 'oqytu-survey-queue', DRAFT = 'oqytu-draft:';
  var page = '<!DOCTYPE html>\n' + document.documentElement.outerHTML;
  var store = {};
  try { store = window.localStorage || {}; } catch (e) { /* storage off */ }

  function queue() { try { return JSON.parse(store[QUEUE] || '[]'); } catch (e) { return []; } }
  function saveQueue(q) { try { if (q.length) { store[QUEUE] = JSON.stringify(q); } else { delete store[QUEUE]; } } catch (e) { /* full */ } }
  function drop(key) { saveQueue(queue().filter(function (i) { return i.key !== key; })); }

  function uuid() {
    if (window.crypto && crypto.randomUUID) { return crypto.randomUUID(); }
    var b = crypto.getRandomValues(new Uint8Array(16)), h = '';
    b[6] = (b[6] & 15) | 64; b[8] = (b[8] & 63) | 128;
    for (var i = 0; i < 16; i++) { h += (b[i] + 256).toString(16).slice(1); if (i === 3 || i === 5 || i === 7 || i === 9) { h += '-'; } }
    return h;
  }

  function draftKey(form) { return DRAFT + form.action; }

  function saveDraft(form) {
    var d = {};
    new FormData(form).forEach(function (v, k) { if (k.indexOf('q_') === 0) { (d[k] = d[k] || []).push(v); } });
    try { sessionStorage.setItem(draftKey(form), JSON.stringify(d)); } catch (e) { /* private mode */ }
  }

  function restoreDraft(form) {
    var d;
    try { d = JSON.parse(sessionStorage.getItem(draftKey(form)) || 'null'); } catch (e) { d = null; }
    if (!d) { return; }
    Array.prototype.forEach.call(form.elements, function (el) {
      var v = d[el.name];
      if (!v) { return; }
      if (el.type === 'radio' || el.type === 'checkbox') { el.checked = v.indexOf(el.value) >= 0; } else if (el.name) { el.value = v[0]; }
    });
  }

  function say(which) {
    var s = document.getElementById('survey-status');
    if (s) { s.textContent = s.getAttribute('data-' + which); s.hidden = false; s.focus(); }
  }

  function init() {
    var summary = document.getElementById('errors-summary');
    if (summary) { summary.focus(); }
    if (document.querySelector('[data-survey-done]')) {
      try { Object.keys(sessionStorage).forEach(function (k) { if (k.indexOf(DRAFT) === 0) { sessionStorage.removeItem(k); } }); } catch (e) { /* none */ }
    }
    var form = document.querySelector('form[data-survey]');
    if (!form) { return; }
    var key = form.querySelector('input[name=_key]');
    if (key && !key.value) { key.value = uuid(); }
    if (form.hasAttribute('data-fresh')) { restoreDraft(form); }
    form.addEventListener('input', function () { saveDraft(form); });
    form.addEventListener('change', function () { saveDraft(form); });
    form.addEventListener('submit', function (e) {
      saveDraft(form);
      if (navigator.onLine !== false || !key) { return; }
      e.preventDefault();
      var q = queue().filter(function (i) { return i.key !== key.value; });
      q.push({ url: form.action, key: key.value, body: new URLSearchParams(new FormData(form)).toString() });
      saveQueue(q);
      say('queued');
    });
    suggest(form);
  }

  function suggest(form) {
    var input = form.querySelector('input[data-suggest]'), timer;
    if (!input || !input.list) { return; }
    input.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        if (input.value.length < 2) { return; }
        fetch(input.getAttribute('data-suggest') + '?q_organization=' + encodeURIComponent(input.value), { credentials: 'same-origin' })
          .then(function (r) { return r.ok ? r.text() : ''; })
          .then(function (html) { input.list.innerHTML = html; }, function () { /* offline */ });
      }, 300);
    });
  }

  function currentForm(item) {
    var form = document.querySelector('form[data-survey]');
    return form && form.action === item.url ? form : null;
  }

  // Fresh tokens for a queued answer whose tokens were refused (the browser was closed meanwhile): the
  // survey page is asked again; the answer and its key stay the same.
  function refreshed(item) {
    return fetch(item.url, { credentials: 'same-origin' }).then(function (r) { return r.text(); }).then(function (html) {
      var doc = new DOMParser().parseFromString(html, 'text/html');
      var csrf = doc.querySelector('input[name=_csrf]'), form = doc.querySelector('input[name=_form]');
      if (!csrf || !form) { return null; }
      var p = new URLSearchParams(item.body);
      p.set('_csrf', csrf.value); p.set('_form', form.value);
      return { url: item.url, key: item.key, body: p.toString() };
    });
  }

  var sending = {};
  function send(item, retried) {
    sending[item.key] = true;
    return fetch(item.url, { method: 'POST', body: item.body, credentials: 'same-origin',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' } }).then(function (res) {
      var outcome = res.redirected && /\/thanks$/.test(new URL(res.url).pathname) ? 'stored' : res.headers.get('X-Survey-Outcome');
      if (!retried && (res.status === 403 || outcome === 'stale')) {
        return refreshed(item).then(function (next) { return next ? send(next, true) : drop(item.key); });
      }
      if (!outcome || outcome === 'busy') { return null; }
      drop(item.key);
      if (!currentForm(item)) { return null; }
      if (outcome === 'stored' || outcome === 'stored-before') { location.assign(item.url + '/thanks'); return null; }
      return res.text().then(function (html) {
        var doc = new DOMParser().parseFromString(html, 'text/html'), main = doc.querySelector('main');
        if (main) { document.querySelector('main').replaceWith(document.importNode(main, true)); document.title = doc.title; init(); }
      });
    }).catch(function () { /* still offline: later */ }).then(function () { delete sending[item.key]; });
  }

  function flush() {
    if (navigator.onLine === false) { return; }
    queue().forEach(function (item) { if (!sending[item.key]) { send(item, false); } });
  }

  function keepForOffline() {
    if (!('serviceWorker' in navigator) || !window.caches) { return; }
    navigator.serviceWorker.register('/s/sw.js', { scope: '/s/' }).then(function () {
      return caches.open(CACHE);
    }).then(function (c) {
      // this page as it arrived (a fresh form, or a page without one) and its files (from the
      // browser's cache), for a reload without network
      if (!document.querySelector('form[data-survey]:not([data-fresh])')) {
        c.put(location.pathname, new Response(page, { headers: { 'Content-Type': 'text/html; charset=utf-8' } }));
      }
      document.querySelectorAll('link[rel=stylesheet][href^="/"], script[src^="/"]').forEach(function (el) {
        c.add(el.getAttribute('href') || el.getAttribute('src')).catch(function () { /* later */ });
      });
    }).catch(function () { /* no worker: the page still works online */ });
  }

  init();
  keepForOffline();
  flush();
  window.addEventListener('online', flush);
})();
