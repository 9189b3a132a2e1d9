// The public survey's service worker (scope /s/): pages network first, kept for when the network
// drops; the survey's own files (fingerprinted, never change) from the cache first. Decision 29.
var CACHE = 'oqytu-survey-1';

self.addEventListener('install', function () { self.skipWaiting(); });

self.addEventListener('activate', function (e) {
  e.waitUntil(caches.keys().then(function (keys) {
    return Promise.all(keys.filter(function (k) { return k.indexOf('oqytu-survey-') === 0 && k !== CACHE; })
      .map(function (k) { return caches.delete(k); }));
  }).then(function () { return self.clients.claim(); }));
});

function keep(key, res) {
  if (res.ok && res.type === 'basic' && !res.redirected) {
    var copy = res.clone();
    caches.open(CACHE).then(function (c) { return c.put(key, copy); });
  }
  return res;
}

self.addEventListener('fetch', function (e) {
  var r = e.request;
  var url = new URL(r.url);
  if (r.method !== 'GET' || url.origin !== self.location.origin) return;
  if (r.mode === 'navigate' && /^\/s(\/|$)/.test(url.pathname)) {
    // a page by its path: the language or a query does not make another copy
    e.respondWith(fetch(r).then(function (res) { return keep(url.pathname, res); })
      .catch(function () { return caches.match(url.pathname); }));
  } else if (/^\/(css|js|img)\//.test(url.pathname)) {
    e.respondWith(caches.match(r).then(function (hit) {
      return hit || fetch(r).then(function (res) { return keep(r, res); });
    }));
  }
});
