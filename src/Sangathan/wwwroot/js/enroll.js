// Enrollment that works with no connection. The form is saved to the phone's outbox (photo shrunk to a small JPEG
// first) and sent to /api/v1/members when the connection allows; the request key makes every retry safe. Without
// this script the form still posts the ordinary way.
(function () {
  var form = document.querySelector('form[data-enroll]');
  var list = document.getElementById('outbox');
  if (!form || !list || !window.indexedDB || !window.fetch) return;
  var words = list.dataset;
  var booth = parseInt(form.dataset.booth, 10);
  var syncing = false;
  var antiforgery = (form.elements['__RequestVerificationToken'] || {}).value || '';

  if ('serviceWorker' in navigator) {
    navigator.serviceWorker.register('/sw.js', { scope: '/membership/' }).catch(function () {});
    // This very page, kept for opening offline (the worker keeps it from the next visit on, too).
    navigator.serviceWorker.ready.then(function () {
      return caches.open('sangathan-enroll-v1').then(function (cache) { return cache.add(location.pathname + location.search); });
    }).catch(function () {});
  }

  var newKey = PhoneStore.newKey;

  function value(name) { var field = form.elements[name]; return field ? field.value.trim() : ''; }
  // A checkbox travels with a hidden "false" of the same name (for forms posted without script): ask the box itself.
  function box(name) { return form.querySelector('input[type=checkbox][name="' + name + '"]'); }
  function checked(name) { var field = box(name); return !!(field && field.checked); }

  // A phone photo of several MB becomes a JPEG of a few tens of KB that a 2G connection can carry.
  function shrink(file, side) {
    return createImageBitmap(file, { imageOrientation: 'from-image' }).then(function (bitmap) {
      var scale = Math.min(1, side / Math.max(bitmap.width, bitmap.height));
      var canvas = document.createElement('canvas');
      canvas.width = Math.round(bitmap.width * scale);
      canvas.height = Math.round(bitmap.height * scale);
      canvas.getContext('2d').drawImage(bitmap, 0, 0, canvas.width, canvas.height);
      return canvas.toDataURL('image/jpeg', 0.7).split(',')[1];
    });
  }

  function render() {
    return Outbox.all().then(function (records) {
      list.innerHTML = '';
      records.sort(function (a, b) { return b.at - a.at; }).forEach(function (r) {
        var item = document.createElement('li');
        item.className = 'outbox-' + r.state;
        item.dataset.state = r.state;
        var label = r.state === 'sent' ? words.sent : r.state === 'refused' ? words.refused : words.waiting;
        item.textContent = r.name + ' · ' + label + (r.reason ? ': ' + r.reason : '');
        list.appendChild(item);
      });
      var waiting = records.filter(function (r) { return r.state === 'waiting'; }).length;
      list.setAttribute('data-waiting-count', waiting);
    });
  }

  function send(record) {
    // The page's own handler: it takes the session cookie and the form's antiforgery token (the API wants a bearer token).
    return fetch('/membership/enroll?handler=Queue', {
      method: 'POST', credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'Accept': 'application/json', 'RequestVerificationToken': antiforgery },
      body: JSON.stringify(record.body)
    }).then(function (response) {
      if (response.status === 200 || response.status === 201) {
        return response.json().then(function (member) {
          // Once the server has it, the phone keeps only what the enroller may see again: masked.
          return Outbox.put({ requestKey: record.requestKey, state: 'sent', at: record.at, name: record.name + ' · ' + member.voterId });
        });
      }
      if (response.status === 400 || response.status === 403 || response.status === 404) {
        return response.json().catch(function () { return {}; }).then(function (problem) {
          var messages = problem.errors ? Object.keys(problem.errors).map(function (k) { return problem.errors[k][0]; }) : [words.denied];
          return Outbox.put({ requestKey: record.requestKey, state: 'refused', at: record.at, name: record.name, reason: messages.join(' '), body: record.body });
        });
      }
      // Signed out (401), or the server is unwell: the record waits for the next round.
      throw new Error('server answered ' + response.status);
    });
  }

  function sync() {
    if (syncing) return Promise.resolve();
    syncing = true;
    return Outbox.all().then(function (records) {
      var waiting = records.filter(function (r) { return r.state === 'waiting'; });
      // One at a time, oldest first; the first failure to reach the server ends the round.
      return waiting.sort(function (a, b) { return a.at - b.at; }).reduce(function (chain, r) {
        return chain.then(function () { return send(r); }).then(render);
      }, Promise.resolve());
    }).catch(function () { /* still offline: the records wait */ }).then(function () { syncing = false; return render(); });
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var photo = form.elements['Photo'].files[0];
    if (!photo || !form.reportValidity()) return;
    var key = value('Input.RequestKey') || newKey();
    shrink(photo, 480).then(function (base64) {
      var record = {
        requestKey: key, state: 'waiting', at: Date.now(), name: value('Input.NameHi') || value('Input.NameEn'),
        body: {
          requestKey: key, boothId: booth, voterId: value('Input.VoterId'), nameEn: value('Input.NameEn'), nameHi: value('Input.NameHi'),
          mobile: value('Input.Mobile'), category: value('Input.Category'), gender: value('Input.Gender'),
          age: parseInt(value('Input.Age'), 10) || null, village: value('Input.Village'), address: value('Input.Address'),
          consent: checked('Input.Consent'), cashPaid: checked('Input.CashPaid'), photoBase64: base64, deviceId: deviceId()
        }
      };
      return Outbox.put(record);
    }).then(function () {
      var category = value('Input.Category'), cash = checked('Input.CashPaid');
      form.reset();
      form.elements['Input.RequestKey'].value = newKey();
      form.elements['Input.Category'].value = category;
      box('Input.CashPaid').checked = cash;
      return render();
    }).then(sync);
  });

  // One id per phone, kept locally, so scrutiny can see many enrollments from one device.
  function deviceId() {
    var id = localStorage.getItem('sangathan-device');
    if (!id) { id = newKey(); localStorage.setItem('sangathan-device', id); }
    return id;
  }

  window.addEventListener('online', sync);
  setInterval(sync, 30000);
  render().then(sync);
})();
