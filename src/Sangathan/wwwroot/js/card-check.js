// A membership card's QR, read and checked on the phone: by the public verification page and by a meeting's card
// scanner, which must refuse the same cards with no connection. The QR holds "SG1:" and, in Base45, a statement (see
// the server's Cards/CardStatement.cs) followed by an ECDSA P-256 signature, which WebCrypto checks against the party's
// public keys. The keys and the revoked cards come from /api/v1/cards/trust and are kept in the phone's storage, one
// list for both pages, so a card is checked offline too.
var CardCheck = (function () {
  var STORE = 'sangathan.cards.trust';
  var EPOCH_DAY = Date.UTC(2020, 0, 1) / 86400000;
  var ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:';
  var keys = {};

  // The trust list ----------------------------------------------------------------------------------------------

  function stored() {
    try { return JSON.parse(localStorage.getItem(STORE)); } catch (e) { return null; }
  }

  // Fetches the list and keeps it; resolves to the kept one (the older one, or null, when there is no connection).
  function refresh() {
    return fetch('/api/v1/cards/trust', { cache: 'no-store', credentials: 'omit' }).then(function (r) {
      if (!r.ok) throw new Error('trust list ' + r.status);
      return r.json();
    }).then(function (list) {
      localStorage.setItem(STORE, JSON.stringify({ fetched: new Date().toISOString(), list: list }));
      keys = {};
      return stored();
    }).catch(function () { return stored(); });
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

  // The check on this phone: signature, then the revocation list, then the dates. Resolves to { verdict, card, noList }
  // with the server's verdict names (Genuine, Revoked, Expired, Forged, UnknownKey, Unreadable).
  function check(code) {
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

  var SAY = { Genuine: 'genuine', Revoked: 'revoked', Expired: 'expired', Forged: 'forged', UnknownKey: 'unknownKey', Unreadable: 'unreadable' };

  // A verdict in the reader's language: the page's words (Pages/Shared/_CardVerdicts.cshtml), not the server's.
  function say(outcome) {
    var words = document.getElementById('card-words').dataset;
    return outcome.noList ? words.noList : words[SAY[outcome.verdict]];
  }

  // Reading QR codes from the camera and from pictures ----------------------------------------------------------

  var canvas = document.createElement('canvas');

  function read(source, width, height, limit) {
    var scale = Math.min(1, limit / Math.max(width, height));
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    var context = canvas.getContext('2d');
    context.drawImage(source, 0, 0, canvas.width, canvas.height);
    var pixels = context.getImageData(0, 0, canvas.width, canvas.height);
    var found = window.jsQR(pixels.data, pixels.width, pixels.height, { inversionAttempts: 'dontInvert' });
    return found ? found.data : null;
  }

  // The button that films cards: each QR read goes to found(code), which returns false to stop filming; a second press
  // stops it too. failed() when there is no camera to open.
  function cameraButton(button, video, found, failed) {
    var stream = null;
    function stop() {
      if (stream) stream.getTracks().forEach(function (t) { t.stop(); });
      stream = null;
      video.hidden = true;
    }
    function frame() {
      if (!stream) return;
      if (video.readyState >= 2 && video.videoWidth > 0) {
        var code = read(video, video.videoWidth, video.videoHeight, 800);
        if (code && found(code) === false) { stop(); return; }
      }
      setTimeout(frame, 150);
    }
    button.addEventListener('click', function () {
      if (stream) { stop(); return; }
      if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) { failed(); return; }
      navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false }).then(function (s) {
        stream = s;
        video.srcObject = s;
        video.hidden = false;
        return video.play().then(frame);
      }).catch(function () { stop(); failed(); });
    });
  }

  // A picture of a card chosen from the phone (from WhatsApp, say): found(code), or none() when it holds no QR.
  function pictureInput(input, found, none) {
    input.addEventListener('change', function (event) {
      var file = event.target.files && event.target.files[0];
      if (!file) return;
      createImageBitmap(file).then(function (bitmap) {
        var code = read(bitmap, bitmap.width, bitmap.height, 1600);
        if (code) found(code); else none();
      }).catch(none);
      event.target.value = '';
    });
  }

  return { stored: stored, refresh: refresh, check: check, say: say, cameraButton: cameraButton, pictureInput: pictureInput };
})();
