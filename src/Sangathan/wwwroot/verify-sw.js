// Lets the card verification page open and check cards with no connection: the page is fetched from the network when
// it can be (and a copy kept), from that copy when it cannot; its scripts, styles and fonts are kept from the first
// visit. The list of trusted keys and revoked cards is the page's own (kept in the phone's storage), not this worker's.
var CACHE = 'sangathan-verify-v3';
var PAGE = '/verify';
// The regular weight only, as the style sheet asks for: bold is drawn from it.
var SHELL = ['/js/verify.js', '/js/card-check.js', '/lib/jsqr/jsQR.min.js', '/css/site.css', '/css/cards.css',
  '/fonts/noto-sans-devanagari-devanagari-400-normal.woff2', '/fonts/noto-sans-devanagari-latin-400-normal.woff2'];

self.addEventListener('install', function (event) {
  event.waitUntil(caches.open(CACHE).then(function (cache) { return cache.addAll(SHELL.concat([PAGE])); })
    .then(function () { return self.skipWaiting(); }));
});

self.addEventListener('activate', function (event) {
  // Only this worker's older caches: the enrollment page's worker keeps caches of its own on the same site.
  event.waitUntil(caches.keys().then(function (keys) {
    return Promise.all(keys.filter(function (k) { return k.indexOf('sangathan-verify') === 0 && k !== CACHE; })
      .map(function (k) { return caches.delete(k); }));
  }).then(function () { return self.clients.claim(); }));
});

self.addEventListener('fetch', function (event) {
  var request = event.request;
  if (request.method !== 'GET') return;
  var url = new URL(request.url);
  if (url.origin !== location.origin) return;
  if (request.mode === 'navigate' && url.pathname === PAGE) {
    event.respondWith(fetch(request).then(function (response) {
      if (response.ok) {
        var copy = response.clone();
        caches.open(CACHE).then(function (cache) { cache.put(PAGE, copy); });
      }
      return response;
    }).catch(function () {
      return caches.match(PAGE, { ignoreSearch: true, ignoreVary: true });
    }));
    return;
  }
  if (SHELL.indexOf(url.pathname) >= 0) {
    event.respondWith(caches.match(request, { ignoreVary: true }).then(function (hit) { return hit || fetch(request); }));
  }
});
