// Lets a meeting's card scanner open with no connection: the page is fetched from the network when it can be (and a
// copy kept), from that copy when it cannot; its scripts, styles and fonts are kept from the first visit. The scans
// themselves wait in the page's own store (IndexedDB), not here.
var CACHE = 'sangathan-meetings-v2';
var SHELL = ['/js/meeting-scan.js', '/js/card-check.js', '/js/outbox.js', '/lib/jsqr/jsQR.min.js', '/css/site.css', '/css/cards.css',
  '/fonts/noto-sans-devanagari-devanagari-400-normal.woff2', '/fonts/noto-sans-devanagari-latin-400-normal.woff2'];

self.addEventListener('install', function (event) {
  event.waitUntil(caches.open(CACHE).then(function (cache) { return cache.addAll(SHELL); }).then(function () { return self.skipWaiting(); }));
});

self.addEventListener('activate', function (event) {
  // Only this worker's older caches: the enrollment and verification pages' workers keep their own on the same site.
  event.waitUntil(caches.keys().then(function (keys) {
    return Promise.all(keys.filter(function (k) { return k.indexOf('sangathan-meetings') === 0 && k !== CACHE; })
      .map(function (k) { return caches.delete(k); }));
  }).then(function () { return self.clients.claim(); }));
});

self.addEventListener('fetch', function (event) {
  var request = event.request;
  if (request.method !== 'GET') return;
  var url = new URL(request.url);
  if (url.origin !== location.origin) return;
  if (request.mode === 'navigate' && /^\/meetings\/\d+\/scan$/.test(url.pathname)) {
    event.respondWith(fetch(request).then(function (response) {
      if (response.ok) {
        var copy = response.clone();
        caches.open(CACHE).then(function (cache) { cache.put(url.pathname, copy); });
      }
      return response;
    }).catch(function () {
      return caches.match(url.pathname, { ignoreSearch: true, ignoreVary: true });
    }));
    return;
  }
  if (SHELL.indexOf(url.pathname) >= 0) {
    event.respondWith(caches.match(request, { ignoreVary: true }).then(function (hit) { return hit || fetch(request); }));
  }
});
