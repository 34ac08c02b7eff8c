// Checks a membership card's QR in the browser. The QR holds "SG1:" and, in Base45, a statement (see the server's
// Cards/CardStatement.cs) followed by an ECDSA P-256 signature, which WebCrypto checks against the party's public keys.
// The keys and the revoked cards come from /api/v1/cards/trust and are kept in the phone's storage, so a card is
// checked with no connection too; online, the server's answer (which knows revocations at once) and the photo follow.
(function () {
  var box = document.getElementById('verify');
  if (!box || !window.crypto || !crypto.subtle || !window.fetch) return;
  var words = box.dataset;
  var STORE = 'sangathan.cards.trust';
  var EPOCH_DAY = Date.UTC(2020, 0, 1) / 86400000;
  var ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:';
  var keys = {};
  var result = document.getElementById('result');
  var video = document.getElementById('camera');
  var scanning = null;

  if ('serviceWorker' in navigator) navigator.serviceWorker.register('/verify-sw.js', { scope: '/verify' }).catch(function () {});

  // The trust list ----------------------------------------------------------------------------------------------

  function stored() {
    try { return JSON.parse(localStorage.getItem(STORE)); } catch (e) { return null; }
  }

  function showList() {
    var kept = stored();
    var state = document.getElementById('list-state');
    if (!kept) { state.textContent = words.noList; return; }
    var at = new Date(kept.fetched);
    state.textContent = words.listAt.replace('{0}', at.toLocaleString(document.documentElement.lang === 'hi' ? 'hi-IN' : 'en-IN'));
    state.dataset.fetched = kept.fetched;
    state.dataset.revoked = kept.list.revoked.length;
    if (Date.now() - at.getTime() > 7 * 86400000) state.textContent += ' ' + words.stale;
  }

  function refresh() {
    return fetch('/api/v1/cards/trust', { cache: 'no-store', credentials: 'omit' }).then(function (r) {
      if (!r.ok) throw new Error('trust list ' + r.status);
      return r.json();
    }).then(function (list) {
      localStorage.setItem(STORE, JSON.stringify({ fetched: new Date().toISOString(), list: list }));
      keys = {};
      showList();
    }).catch(function () { showList(); });
  }

  function key(id) {
    if (keys[id]) return keys[id];
    var kept = stored();
    var found = kept && kept.list.keys.filter(function (k) { return k.id === id; })[0];
    if (!found) return Promise.resolve(null);
    keys[id] = crypto.subtle.importKey('spki', base64(found.publicKey), { name: 'ECDSA', namedCurve: 'P-256' }, false, ['verify']);
    return keys[id];
  }

  // Reading the QR's text ---------------------------------------------------------------------------------------

  function base64(text) {
    var raw = atob(text);
    var bytes = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
    return bytes;
  }

  function base45(text) {
    if (text.length % 3 === 1) return null;
    var out = [];
    for (var i = 0; i < text.length; i += 3) {
      var a = ALPHABET.indexOf(text[i]), b = ALPHABET.indexOf(text[i + 1]);
      var c = i + 2 < text.length ? ALPHABET.indexOf(text[i + 2]) : 0;
      if (a < 0 || b < 0 || c < 0) return null;
      var n = a + b * 45 + c * 2025;
      if (i + 2 < text.length) {
        if (n > 0xFFFF) return null;
        out.push(n >> 8, n & 0xFF);
      } else {
        if (n > 0xFF) return null;
        out.push(n);
      }
    }
    return new Uint8Array(out);
  }

  function text(bytes, at) {
    if (at.i >= bytes.length) return null;
    var header = bytes[at.i++], length = header & 0x7F;
    if (at.i + length > bytes.length) return null;
    var field = bytes.subarray(at.i, at.i + length);
    at.i += length;
    if (header & 0x80) {
      try { return new TextDecoder('utf-8', { fatal: true }).decode(field); } catch (e) { return null; }
    }
    var s = '';
    for (var k = 0; k < field.length; k++) {
      var b = field[k];
      s += String.fromCharCode(b >= 0x80 ? 0x0900 + b - 0x80 : b === 1 ? 0x200C : b === 2 ? 0x200D : b);
    }
    return s;
  }

  function u16(b, i) { return b[i] * 256 + b[i + 1]; }

  function parse(code) {
    if (typeof code !== 'string' || code.length > 1000 || code.indexOf('SG1:') !== 0) return null;
    var bytes = base45(code.slice(4));
    if (!bytes || bytes.length < 17 || bytes[0] !== 1) return null;
    var number = 0;
    for (var i = 3; i < 8; i++) number = number * 256 + bytes[i];
    var at = { i: 17 };
    var texts = [];
    for (var t = 0; t < 4; t++) {
      var s = text(bytes, at);
      if (s === null) return null;
      texts.push(s);
    }
    return {
      keyId: u16(bytes, 1), number: String(number), issue: bytes[8], issued: EPOCH_DAY + u16(bytes, 9),
      valid: EPOCH_DAY + u16(bytes, 11), unitId: ((bytes[13] * 256 + bytes[14]) * 256 + bytes[15]) * 256 + bytes[16],
      nameHi: texts[0], nameEn: texts[1], unitHi: texts[2], unitEn: texts[3],
      signed: bytes.subarray(0, at.i), signature: bytes.subarray(at.i)
    };
  }

  // The check on this phone: signature, then the revocation list, then the dates.
  function checkHere(code) {
    var card = parse(code);
    if (!card) return Promise.resolve({ verdict: 'Unreadable' });
    if (card.signature.length !== 64) return Promise.resolve({ verdict: 'Forged' });
    return key(card.keyId).then(function (k) {
      if (!k) return { verdict: 'UnknownKey', noList: !stored() };
      return crypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, k, card.signature, card.signed).then(function (ok) {
        if (!ok) return { verdict: 'Forged' };
        var revoked = stored().list.revoked.indexOf(card.number + '.' + card.issue) >= 0;
        var today = Math.floor(Date.now() / 86400000);
        return { verdict: revoked ? 'Revoked' : card.valid < today ? 'Expired' : 'Genuine', card: card };
      });
    });
  }

  function checkOnline(code) {
    return fetch('/api/v1/cards/verify', {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, credentials: 'omit', body: JSON.stringify({ code: code })
    }).then(function (r) {
      return r.json().then(function (body) {
        if (r.status !== 200 && r.status !== 422) throw new Error('verify ' + r.status);
        return { verdict: body.verdict, message: body.message || body.detail };
      });
    });
  }

  function photo(code) {
    return fetch('/api/v1/cards/photo', {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, credentials: 'omit', body: JSON.stringify({ code: code })
    }).then(function (r) {
      if (!r.ok) return null;
      return r.blob().then(function (blob) {
        // A data: address, not blob: (the content security policy allows images from this site and data: only).
        return new Promise(function (resolve) {
          var reader = new FileReader();
          reader.onload = function () { resolve(reader.result); };
          reader.onerror = function () { resolve(null); };
          reader.readAsDataURL(blob);
        });
      });
    });
  }

  // Showing the verdict -----------------------------------------------------------------------------------------

  var MESSAGES = { Genuine: 'genuine', Revoked: 'revoked', Expired: 'expired', Forged: 'forged', UnknownKey: 'unknownKey', Unreadable: 'unreadable' };

  function day(n) {
    var d = new Date(n * 86400000);
    function two(x) { return (x < 10 ? '0' : '') + x; }
    return two(d.getUTCDate()) + '-' + two(d.getUTCMonth() + 1) + '-' + d.getUTCFullYear();
  }

  function set(id, value) { document.getElementById(id).textContent = value || ''; }

  function show(outcome, source, card) {
    result.hidden = false;
    result.dataset.verdict = outcome.verdict;
    result.dataset.source = source;
    // The page's own words, in the reader's language (the server answers the API in its default one).
    set('verdict-text', outcome.noList ? words.noList : words[MESSAGES[outcome.verdict]] || outcome.message);
    var who = result.querySelector('.verdict-who');
    who.hidden = !card;
    if (card) {
      set('name-hi', card.nameHi);
      set('name-en', card.nameEn);
      set('number', card.number.slice(0, 3) + ' ' + card.number.slice(3, 6) + ' ' + card.number.slice(6));
      set('unit-hi', card.unitHi);
      set('unit-en', card.unitEn);
      set('valid', day(card.valid));
      set('issue', String(card.issue));
    }
    set('checked', source === 'online' ? words.online : words.offline);
  }

  function check(code) {
    var img = document.getElementById('photo');
    img.hidden = true;
    img.removeAttribute('src');
    set('photo-note', '');
    return checkHere(code).then(function (here) {
      show(here, 'offline', here.card);
      if (!navigator.onLine || here.verdict === 'Unreadable') {
        if (here.verdict === 'Genuine') set('photo-note', words.photoOffline);
        return;
      }
      return checkOnline(code).then(function (there) {
        // The server knows revocations the kept list may not have yet: its verdict stands.
        show(there, 'online', here.card);
        if (there.verdict === 'Genuine') {
          return photo(code).then(function (src) {
            if (src) { img.src = src; img.hidden = false; } else set('photo-note', words.photoOffline);
          });
        }
      }).catch(function () {
        if (here.verdict === 'Genuine') set('photo-note', words.photoOffline);
      });
    });
  }

  // Reading QR codes from the camera and from pictures ----------------------------------------------------------

  var canvas = document.createElement('canvas');

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

  function stopCamera() {
    if (scanning) scanning.getTracks().forEach(function (t) { t.stop(); });
    scanning = null;
    video.hidden = true;
  }

  function frame() {
    if (!scanning) return;
    if (video.readyState >= 2 && video.videoWidth > 0) {
      var code = decode(video, video.videoWidth, video.videoHeight, 800);
      if (code) { stopCamera(); check(code); return; }
    }
    setTimeout(frame, 150);
  }

  document.getElementById('scan').addEventListener('click', function () {
    if (scanning) { stopCamera(); return; }
    if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) { show({ verdict: 'Unreadable', message: words.noCamera }, 'offline'); return; }
    navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false }).then(function (stream) {
      scanning = stream;
      video.srcObject = stream;
      video.hidden = false;
      return video.play().then(frame);
    }).catch(function () {
      stopCamera();
      show({ verdict: 'Unreadable', message: words.noCamera }, 'offline');
    });
  });

  document.getElementById('picture').addEventListener('change', function (event) {
    var file = event.target.files && event.target.files[0];
    if (!file) return;
    createImageBitmap(file).then(function (bitmap) {
      var code = decode(bitmap, bitmap.width, bitmap.height, 1600);
      if (code) check(code);
      else show({ verdict: 'Unreadable', message: words.noCode }, 'offline');
    }).catch(function () { show({ verdict: 'Unreadable', message: words.noCode }, 'offline'); });
    event.target.value = '';
  });

  window.addEventListener('online', refresh);
  showList();
  if (navigator.onLine) refresh();
})();
