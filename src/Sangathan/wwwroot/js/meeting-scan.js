// The organizer's card scanner at a meeting. Each card read by the camera (or from a picture) is kept on the phone
// first, with a key of its own and the time it was scanned, then sent to the page's Scan handler; with no connection
// it waits and is sent when the connection comes back. The key makes a scan sent twice (an answer lost on the way, a
// second sync) count once: the server answers it as it did the first time.
(function () {
  var box = document.getElementById('scanner');
  if (!box || !window.indexedDB || !window.fetch) return;
  var words = box.dataset;
  var meeting = parseInt(box.dataset.meeting, 10);
  var antiforgery = box.dataset.token;
  var scans = PhoneStore('sangathan-meetings', 'scans', 'key');
  var list = document.getElementById('scans');
  var video = document.getElementById('camera');
  var canvas = document.createElement('canvas');
  var camera = null, syncing = false, lastCode = null, lastAt = 0;

  if ('serviceWorker' in navigator) {
    navigator.serviceWorker.register('/meetings-sw.js', { scope: '/meetings/' }).catch(function () {});
    navigator.serviceWorker.ready.then(function () {
      return caches.open('sangathan-meetings-v1').then(function (cache) { return cache.add(location.pathname); });
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

  function scanned(code) {
    // The camera sees the same card many times a second: one scan of it is enough.
    var now = Date.now();
    if (code === lastCode && now - lastAt < 10000) return Promise.resolve();
    lastCode = code;
    lastAt = now;
    return scans.put({ key: newKey(), meeting: meeting, code: code, at: new Date(now).toISOString(), state: 'waiting' }).then(render).then(sync);
  }

  function decode(source, width, height, limit) {
    var scale = Math.min(1, limit / Math.max(width, height));
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    var context = canvas.getContext('2d');
    context.drawImage(source, 0, 0, canvas.width, canvas.height);
    var pixels = context.getImageData(0, 0, canvas.width, canvas.height);
    var found = window.jsQR(pixels.data, pixels.width, pixels.height, { inversionAttempts: 'dontInvert' });
    return found ? found.data : null;
  }

  function frame() {
    if (!camera) return;
    if (video.readyState >= 2 && video.videoWidth > 0) {
      var code = decode(video, video.videoWidth, video.videoHeight, 800);
      if (code) scanned(code);
    }
    setTimeout(frame, 200);
  }

  document.getElementById('scan').addEventListener('click', function () {
    if (camera) { camera.getTracks().forEach(function (t) { t.stop(); }); camera = null; video.hidden = true; return; }
    if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) { document.getElementById('note').textContent = words.noCamera; return; }
    navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false }).then(function (stream) {
      camera = stream;
      video.srcObject = stream;
      video.hidden = false;
      return video.play().then(frame);
    }).catch(function () { document.getElementById('note').textContent = words.noCamera; });
  });

  document.getElementById('picture').addEventListener('change', function (event) {
    var file = event.target.files && event.target.files[0];
    if (!file) return;
    createImageBitmap(file).then(function (bitmap) {
      var code = decode(bitmap, bitmap.width, bitmap.height, 1600);
      if (code) { lastCode = null; return scanned(code); }
      document.getElementById('note').textContent = words.noCode;
    }).catch(function () { document.getElementById('note').textContent = words.noCode; });
    event.target.value = '';
  });

  window.addEventListener('online', sync);
  setInterval(sync, 30000);
  render().then(sync);
})();
