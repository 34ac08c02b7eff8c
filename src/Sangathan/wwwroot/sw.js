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
      // The query must match, though: it names the booth, and another booth's form standing in for this one enrolled
      // members into the wrong booth (issue 20). A page never opened online here is said to be missing, in both languages.
      return caches.match(request, { ignoreVary: true }).then(function (hit) { return hit || notKept(); });
    }));
    return;
  }
  if (SHELL.indexOf(url.pathname) >= 0) {
    event.respondWith(caches.match(request, { ignoreVary: true }).then(function (hit) { return hit || fetch(request); }));
  }
});

function notKept() {
  var html = '<!DOCTYPE html><html lang="hi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">' +
    '<title>नेटवर्क नहीं · No connection</title><link rel="stylesheet" href="/css/site.css"></head><body><main>' +
    '<h1 id="not-kept">नेटवर्क नहीं</h1><p class="card">इस बूथ का फ़ॉर्म इस फ़ोन पर नेटवर्क के रहते कभी नहीं खुला, इसलिए अभी नहीं खुल सकता। ' +
    'नेटवर्क मिलने पर इसे एक बार खोलें; उसके बाद यह बिना नेटवर्क के भी खुलेगा।</p>' +
    '<p class="card" lang="en">This booth\'s form was never opened on this phone with a connection, so it cannot open now. ' +
    'Open it once when there is a connection; after that it opens without one.</p>' +
    '<p><a href="/membership/enroll">सदस्य बनाएँ · Enroll members</a></p></main></body></html>';
  return new Response(html, { status: 503, headers: { 'Content-Type': 'text/html; charset=utf-8' } });
}
