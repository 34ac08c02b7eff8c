// The public page that checks a membership card: first on the phone (card-check.js: the signature, the kept list of
// revoked cards, the dates), so a card is checked with no connection too; online, the server's answer (which knows
// revocations at once) and the photo follow.
(function () {
  var box = document.getElementById('verify');
  if (!box || !window.crypto || !crypto.subtle || !window.fetch || !window.CardCheck) return;
  var words = box.dataset;
  var result = document.getElementById('result');

  if ('serviceWorker' in navigator) navigator.serviceWorker.register('/verify-sw.js', { scope: '/verify' }).catch(function () {});

  // The trust list on this phone -------------------------------------------------------------------------------

  function showList(kept) {
    var state = document.getElementById('list-state');
    if (!kept) { state.textContent = CardCheck.say({ noList: true }); return; }
    var at = new Date(kept.fetched);
    state.textContent = words.listAt.replace('{0}', at.toLocaleString(document.documentElement.lang === 'hi' ? 'hi-IN' : 'en-IN'));
    state.dataset.fetched = kept.fetched;
    state.dataset.revoked = kept.list.revoked.length;
    if (Date.now() - at.getTime() > 7 * 86400000) state.textContent += ' ' + words.stale;
  }

  function refresh() { return CardCheck.refresh().then(showList); }

  // Checking a card ---------------------------------------------------------------------------------------------

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
    set('verdict-text', CardCheck.say(outcome) || outcome.message);
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
    return CardCheck.check(code).then(function (here) {
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

  // Cards from the camera (which stops at the first one read) and from pictures ---------------------------------

  CardCheck.cameraButton(document.getElementById('scan'), document.getElementById('camera'),
    function (code) { check(code); return false; },
    function () { show({ verdict: 'Unreadable', message: words.noCamera }, 'offline'); });
  CardCheck.pictureInput(document.getElementById('picture'), check,
    function () { show({ verdict: 'Unreadable', message: words.noCode }, 'offline'); });

  window.addEventListener('online', refresh);
  showList(CardCheck.stored());
  if (navigator.onLine) refresh();
})();
