// The organizer's card scanner at a meeting. Each card read by the camera (or from a picture) is checked on the phone
// first, as the verification page checks it (card-check.js: the signature, the kept list of revoked cards, the dates),
// so a forged, altered, revoked or expired card is refused there, with no connection too, and never kept. A card that
// passes is kept on the phone with a key of its own and the time it was scanned, then sent to the page's Scan handler
// (the server checks it again, knowing revocations the phone may not have yet); with no connection it waits and is
// sent when the connection comes back. The key makes a scan sent twice (an answer lost on the way, a second sync)
// count once: the server answers it as it did the first time.
(function () {
  var box = document.getElementById('scanner');
  if (!box || !window.indexedDB || !window.fetch || !window.crypto || !crypto.subtle || !window.CardCheck) return;
  var words = box.dataset;
  var meeting = parseInt(box.dataset.meeting, 10);
  var antiforgery = box.dataset.token;
  var scans = PhoneStore('sangathan-meetings', 'scans', 'key');
  var list = document.getElementById('scans');
  var refusal = document.getElementById('refusal');
  var syncing = false, lastCode = null, lastAt = 0;

  if ('serviceWorker' in navigator) {
    navigator.serviceWorker.register('/meetings-sw.js', { scope: '/meetings/' }).catch(function () {});
    navigator.serviceWorker.ready.then(function () {
      return caches.open('sangathan-meetings-v2').then(function (cache) { return cache.add(location.pathname); });
    }).catch(function () {});
  }

  var newKey = PhoneStore.newKey;

  function mine(records) { return records.filter(function (r) { return r.meeting === meeting; }); }

  function render() {
    return scans.all().then(function (records) {
      records = mine(records).sort(function (a, b) { return b.at < a.at ? -1 : 1; });
      list.innerHTML = '';
      records.forEach(function (r) {
        var item = document.createElement('li');
        item.className = 'scan-' + r.state;
        item.dataset.state = r.state;
        var label = r.state === 'present' ? (r.late ? words.late : words.present) : r.state === 'refused' ? words.refused : words.waiting;
        item.textContent = (r.name || words.card) + ' · ' + label + (r.message && r.state === 'refused' ? ': ' + r.message : '');
        list.appendChild(item);
      });
      list.dataset.waiting = records.filter(function (r) { return r.state === 'waiting'; }).length;
      list.dataset.present = records.filter(function (r) { return r.state === 'present'; }).length;
    });
  }

  function send(r) {
    return fetch(location.pathname + '?handler=Scan', {
      method: 'POST', credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'Accept': 'application/json', 'RequestVerificationToken': antiforgery },
      body: JSON.stringify({ key: r.key, code: r.code, scannedAt: r.at })
    }).then(function (response) {
      if (response.status === 200 || response.status === 422) {
        return response.json().then(function (answer) {
          return scans.put({ key: r.key, meeting: meeting, at: r.at, state: answer.present ? 'present' : 'refused', late: answer.late,
            name: document.documentElement.lang === 'hi' ? answer.nameHi || answer.nameEn : answer.nameEn || answer.nameHi, message: answer.message });
        });
      }
      // Signed out, or the server is unwell: the scan waits for the next round.
      throw new Error('server answered ' + response.status);
    });
  }

  function sync() {
    if (syncing || !navigator.onLine) return render();
    syncing = true;
    return scans.all().then(function (records) {
      return mine(records).filter(function (r) { return r.state === 'waiting'; }).sort(function (a, b) { return a.at < b.at ? -1 : 1; })
        .reduce(function (chain, r) { return chain.then(function () { return send(r); }).then(render); }, Promise.resolve());
    }).catch(function () { /* still offline: the scans wait */ }).then(function () { syncing = false; return render(); });
  }

  function note(text) { document.getElementById('note').textContent = text || ''; }

  // A card the phone refuses: said at once, in the reader's words, and not kept (so never synced).
  function refuse(here) {
    refusal.hidden = false;
    refusal.dataset.verdict = here.verdict;
    document.getElementById('refusal-text').textContent = CardCheck.say(here);
  }

  function scanned(code) {
    // The camera sees the same card many times a second: one scan of it is enough.
    var now = Date.now();
    if (code === lastCode && now - lastAt < 10000) return Promise.resolve();
    lastCode = code;
    lastAt = now;
    return CardCheck.check(code).then(function (here) {
      // No list on this phone yet (never opened with a connection): it cannot tell, and the server checks on sync.
      var unchecked = here.verdict === 'UnknownKey' && here.noList;
      if (here.verdict !== 'Genuine' && !unchecked) { refuse(here); return; }
      refusal.hidden = true;
      delete refusal.dataset.verdict;
      note(unchecked ? words.unchecked : '');
      return scans.put({ key: newKey(), meeting: meeting, code: code, at: new Date(now).toISOString(), state: 'waiting' }).then(render).then(sync);
    });
  }

  CardCheck.cameraButton(document.getElementById('scan'), document.getElementById('camera'), scanned, function () { note(words.noCamera); });
  CardCheck.pictureInput(document.getElementById('picture'), function (code) { lastCode = null; scanned(code); }, function () { note(words.noCode); });

  window.addEventListener('online', function () { CardCheck.refresh(); sync(); });
  if (navigator.onLine) CardCheck.refresh();
  setInterval(sync, 30000);
  render().then(sync);
})();
