// Lets the enrollment page open with no connection: the page itself is fetched from the network when it can be
// (and a copy kept), and from that copy when it cannot; its scripts, styles and fonts are kept from the first visit.
var CACHE = 'sangathan-enroll-v2';
var SHELL = ['/js/enroll.js', '/js/outbox.js', '/css/site.css',
  '/fonts/noto-sans-devanagari-devanagari-400-normal.woff2', '/fonts/noto-sans-devanagari-latin-400-normal.woff2',
  '/fonts/noto-sans-gujarati-gujarati-400-normal.woff2'];

self.addEventListener('install', function (event) {
  event.waitUntil(caches.open(CACHE).then(function (cache) { return cache.addAll(SHELL); }).then(function () { return self.skipWaiting(); }));
});

self.addEventListener('activate', function (event) {
  event.waitUntil(caches.keys().then(function (keys) {
    // Only this worker's older caches: the card verification page's worker keeps its own on the same site.
    return Promise.all(keys.filter(function (k) { return k.indexOf('sangathan-enroll') === 0 && k !== CACHE; })
      .map(function (k) { return caches.delete(k); }));
  }).then(function () { return self.clients.claim(); }));
});

self.addEventListener('fetch', function (event) {
  var request = event.request;
  if (request.method !== 'GET') return;
  var url = new URL(request.url);
  if (url.origin !== location.origin) return;
  if (request.mode === 'navigate' && url.pathname === '/membership/enroll') {
    event.respondWith(fetch(request).then(function (response) {
      if (response.ok) {
        var copy = response.clone();
        caches.open(CACHE).then(function (cache) { cache.put(request, copy); });
      }
      return response;
    }).catch(function () {
      // Vary (the answer was compressed) must not hide the kept page from a request that differs only in its headers.
      return caches.match(request, { ignoreVary: true }).then(function (hit) {
        return hit || caches.match('/membership/enroll', { ignoreSearch: true, ignoreVary: true });
      });
    }));
    return;
  }
  if (SHELL.indexOf(url.pathname) >= 0) {
    event.respondWith(caches.match(request, { ignoreVary: true }).then(function (hit) { return hit || fetch(request); }));
  }
});
