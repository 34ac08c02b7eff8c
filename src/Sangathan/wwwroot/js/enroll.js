// Enrollment that works with no connection. The form is checked on the phone, in the reader's language, before anything
// is sent; the photo is shrunk to a small JPEG, shown, and measured for a retake. Then the member goes to the phone's
// outbox and on to the server at once when there is a connection: a refusal leaves the form as it was, the photo too,
// each message at its field. With no connection the member waits on the phone, and a later refusal comes back in the
// list with the member's name and "correct and send again". The request key makes every retry safe. Without this
// script the form still posts the ordinary way.
(function () {
  var form = document.querySelector('form[data-enroll]');
  var list = document.getElementById('outbox');
  if (!form || !list || !window.indexedDB || !window.fetch) return;
  var msg = form.dataset;
  var words = list.dataset;
  var booth = parseInt(form.dataset.booth, 10);
  var done = document.getElementById('enrolled');
  var antiforgery = (form.elements['__RequestVerificationToken'] || {}).value || '';
  var syncing = false;

  // A page kept on the phone is this address's own; should any other booth's form stand here, it must not enroll.
  if (new URLSearchParams(location.search).get('unit') !== String(booth)) {
    form.hidden = true;
    say(msg.msgWrongBooth, true);
    return;
  }

  if ('serviceWorker' in navigator) {
    navigator.serviceWorker.register('/sw.js', { scope: '/membership/' }).catch(function () {});
    // This very page, kept for opening offline (the worker keeps it from the next visit on, too).
    navigator.serviceWorker.ready.then(function () {
      return caches.open('sangathan-enroll-v1').then(function (cache) { return cache.add(location.pathname + location.search); });
    }).catch(function () {});
  }

  var file = form.elements['Photo'];
  var preview = document.getElementById('photo-preview');
  var photo = { data: field('Input.PhotoKept').value || null, problem: null, warned: null };
  // Where each field's message points: the field itself, or the first choice of a group.
  var targets = { VoterId: 'Input_VoterId', Name: 'Input_Name', Mobile: 'Input_Mobile', Age: 'Input_Age', Gender: 'Input_Gender',
    Category: 'Input_Category', Photo: 'Photo', Consent: 'Input_Consent', Village: 'Input_Village', Address: 'Input_Address' };

  function field(name) { return form.elements[name]; }
  function value(name) { var f = field(name); return f && f.value ? f.value.trim() : ''; }
  function box(name) { return form.querySelector('input[type=checkbox][name="' + name + '"]'); }
  function checked(name) { var b = box(name); return !!(b && b.checked); }
  function choice(name) { var r = form.querySelector('input[type=radio][name="' + name + '"]:checked'); return r ? r.value : ''; }
  function choose(name, v) { form.querySelectorAll('input[type=radio][name="' + name + '"]').forEach(function (r) { r.checked = r.value === v; }); }

  function say(text, error) {
    done.textContent = text;
    done.hidden = false;
    done.classList.toggle('error', !!error);
  }

  function voterId(v) { return v.toUpperCase().replace(/[\s\-\/]/g, ''); }
  function mobile(v) {
    var d = v.replace(/[\s\-]/g, '');
    if (/^\+91/.test(d)) d = d.slice(3); else if (/^91\d{10}$/.test(d)) d = d.slice(2); else if (/^0\d{10}$/.test(d)) d = d.slice(1);
    return /^[6-9]\d{9}$/.test(d) ? d : null;
  }

  // The server's rules, asked on the phone first: nothing leaves it that the server would refuse for its shape.
  function check() {
    var errors = [];
    var age = parseInt(value('Input.Age'), 10);
    if (!/^[A-Z]{3}[0-9]{7}$/.test(voterId(value('Input.VoterId')))) errors.push({ field: 'VoterId', message: msg.msgVoter });
    if (!value('Input.Name')) errors.push({ field: 'Name', message: msg.msgName });
    if (!mobile(value('Input.Mobile'))) errors.push({ field: 'Mobile', message: msg.msgMobile });
    if (!(age >= parseInt(msg.minAge, 10) && age <= 120)) errors.push({ field: 'Age', message: msg.msgAge });
    if (!choice('Input.Gender')) errors.push({ field: 'Gender', message: msg.msgGender });
    if (!choice('Input.Category')) errors.push({ field: 'Category', message: msg.msgCategory });
    if (!photo.data) errors.push({ field: 'Photo', message: msg.msgPhoto });
    if (!checked('Input.Consent')) errors.push({ field: 'Consent', message: msg.msgConsent });
    return errors;
  }

  function clearErrors() {
    form.querySelectorAll('p.error[data-for]').forEach(function (p) { p.textContent = ''; });
    form.querySelectorAll('[aria-invalid]').forEach(function (e) { e.removeAttribute('aria-invalid'); });
    var summary = document.getElementById('refused');
    if (summary) summary.remove();
  }

  // Each message at its field, and the first such field brought into view with the cursor in it.
  function showErrors(errors) {
    clearErrors();
    var first = null;
    errors.forEach(function (e) {
      var key = e.field === 'NameEn' || e.field === 'NameHi' ? 'Name' : e.field;
      var p = form.querySelector('p.error[data-for="' + key + '"]') || form.querySelector('p.error[data-for=""]');
      p.textContent = (p.textContent ? p.textContent + ' ' : '') + e.message;
      var target = document.getElementById(targets[key] || '');
      if (target) target.setAttribute('aria-invalid', 'true');
      first = first || target || p;
    });
    if (!first) return;
    var details = first.closest('details');
    if (details) details.open = true;
    first.scrollIntoView({ block: 'center' });
    var focus = first.matches('fieldset') ? first.querySelector('input') : first;
    if (focus && focus.focus) focus.focus({ preventScroll: true });
  }

  // A phone photo of several MB becomes a JPEG of a few tens of KB that a 2G connection can carry.
  function shrink(blob, side) {
    return createImageBitmap(blob, { imageOrientation: 'from-image' }).then(function (bitmap) {
      var scale = Math.min(1, side / Math.max(bitmap.width, bitmap.height));
      var canvas = document.createElement('canvas');
      canvas.width = Math.round(bitmap.width * scale);
      canvas.height = Math.round(bitmap.height * scale);
      canvas.getContext('2d').drawImage(bitmap, 0, 0, canvas.width, canvas.height);
      return { canvas: canvas, base64: canvas.toDataURL('image/jpeg', 0.7).split(',')[1] };
    });
  }

  // The server's measures (Membership/Flags/PhotoQuality.cs), on the same 160 pixels: grey levels' mean (dark), their
  // spread (blank), and the variance of their Laplacian (edges: a blurred picture has few).
  function quality(canvas) {
    var scale = Math.min(1, 160 / Math.max(canvas.width, canvas.height));
    var w = Math.max(3, Math.round(canvas.width * scale)), h = Math.max(3, Math.round(canvas.height * scale));
    var small = document.createElement('canvas');
    small.width = w;
    small.height = h;
    var context = small.getContext('2d');
    context.drawImage(canvas, 0, 0, w, h);
    var rgba = context.getImageData(0, 0, w, h).data, grey = new Float64Array(w * h), sum = 0, i;
    for (i = 0; i < w * h; i++) { grey[i] = 0.299 * rgba[4 * i] + 0.587 * rgba[4 * i + 1] + 0.114 * rgba[4 * i + 2]; sum += grey[i]; }
    var mean = sum / grey.length, spread = 0;
    for (i = 0; i < grey.length; i++) spread += (grey[i] - mean) * (grey[i] - mean);
    spread = Math.sqrt(spread / grey.length);
    var laplacians = [], lsum = 0;
    for (var y = 1; y < h - 1; y++)
      for (var x = 1; x < w - 1; x++) {
        var l = grey[(y - 1) * w + x] + grey[(y + 1) * w + x] + grey[y * w + x - 1] + grey[y * w + x + 1] - 4 * grey[y * w + x];
        laplacians.push(l);
        lsum += l;
      }
    var lmean = lsum / laplacians.length, edges = 0;
    laplacians.forEach(function (l) { edges += (l - lmean) * (l - lmean); });
    edges /= laplacians.length;
    return spread < 12 ? 'Blank' : mean < 40 ? 'Dark' : edges < 20 ? 'Blurred' : null;
  }

  function showPhoto(data) {
    if (data) { preview.src = 'data:image/jpeg;base64,' + data; preview.hidden = false; }
    else { preview.removeAttribute('src'); preview.hidden = true; }
  }

  file.addEventListener('change', function () {
    var chosen = file.files[0];
    if (!chosen) return;
    shrink(chosen, 480).then(function (shrunk) {
      photo = { data: shrunk.base64, problem: quality(shrunk.canvas), warned: null };
      field('Input.PhotoKept').value = '';
      showPhoto(photo.data);
      var p = form.querySelector('p.error[data-for="Photo"]');
      p.textContent = photo.problem ? msg['msg' + photo.problem] : '';
      if (photo.problem) file.setAttribute('aria-invalid', 'true'); else file.removeAttribute('aria-invalid');
    }, function () {
      // Not a picture the phone can open (a PDF, a broken file): said at once, at the photo.
      photo = { data: null, problem: null, warned: null };
      file.value = '';
      showPhoto(null);
      showErrors([{ field: 'Photo', message: msg.msgNotImage }]);
    });
  });

  // One id per phone, kept locally, so scrutiny can see many enrollments from one device.
  function deviceId() {
    var id = localStorage.getItem('sangathan-device');
    if (!id) { id = PhoneStore.newKey(); localStorage.setItem('sangathan-device', id); }
    return id;
  }

  function recordOf() {
    var key = value('Input.RequestKey') || PhoneStore.newKey();
    var name = value('Input.Name'), hindi = /[\u0900-\u097F]/.test(name);
    return {
      requestKey: key, state: 'waiting', at: Date.now(), name: name,
      body: {
        requestKey: key, boothId: booth, voterId: voterId(value('Input.VoterId')), nameEn: hindi ? '' : name, nameHi: hindi ? name : '',
        mobile: value('Input.Mobile'), category: choice('Input.Category'), gender: choice('Input.Gender') || 'Unspecified',
        age: parseInt(value('Input.Age'), 10) || null, village: value('Input.Village'), address: value('Input.Address'),
        consent: checked('Input.Consent'), cashPaid: checked('Input.CashPaid'), language: value('Input.Language') || 'hi',
        photoBase64: photo.data, deviceId: deviceId()
      }
    };
  }

  // The next member's form: what a booth shares (category, cash, language) stays; the rest is emptied.
  function next() {
    ['Input.VoterId', 'Input.Name', 'Input.Mobile', 'Input.Age', 'Input.Village', 'Input.Address', 'Input.PhotoKept'].forEach(function (n) { field(n).value = ''; });
    choose('Input.Gender', '');
    box('Input.Consent').checked = false;
    field('Input.RequestKey').value = PhoneStore.newKey();
    file.value = '';
    photo = { data: null, problem: null, warned: null };
    showPhoto(null);
    clearErrors();
  }

  // The problem's messages by field; one with none is a refusal of the whole (not allowed here any more).
  function problemErrors(problem) {
    var errors = [];
    if (problem && problem.errors)
      Object.keys(problem.errors).forEach(function (k) { problem.errors[k].forEach(function (m) { errors.push({ field: k, message: m }); }); });
    return errors.length ? errors : [{ field: '', message: words.denied }];
  }

  // The page's own handler: it takes the session cookie and the form's antiforgery token (the API wants a bearer token).
  // Answers { sent: member } or { errors: [...] }; fails when the server cannot be reached or is unwell.
  function post(record) {
    return fetch('/membership/enroll?handler=Queue', {
      method: 'POST', credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'Accept': 'application/json', 'RequestVerificationToken': antiforgery },
      body: JSON.stringify(record.body)
    }).then(function (response) {
      if (response.status === 200 || response.status === 201) return response.json().then(function (m) { return { sent: m }; });
      if (response.status === 400 || response.status === 403 || response.status === 404)
        return response.json().catch(function () { return {}; }).then(function (p) { return { errors: problemErrors(p) }; });
      // Signed out (401), or the server is unwell: the record waits for the next round.
      throw new Error('server answered ' + response.status);
    });
  }

  // Once the server has it, the phone keeps only what the enroller may see again: the name and the voter ID masked.
  function settle(record, answer) {
    if (answer.sent) return Outbox.put({ requestKey: record.requestKey, state: 'sent', at: record.at, name: record.name + ' · ' + answer.sent.voterId });
    return Outbox.put({ requestKey: record.requestKey, state: 'refused', at: record.at, name: record.name, errors: answer.errors, body: record.body });
  }

  function render() {
    return Outbox.all().then(function (records) {
      list.innerHTML = '';
      records.sort(function (a, b) { return b.at - a.at; }).forEach(function (r) {
        var item = document.createElement('li');
        item.className = 'outbox-' + r.state;
        item.dataset.state = r.state;
        var label = r.state === 'sent' ? words.sent : r.state === 'waiting' ? words.waiting : words.refused;
        var reasons = (r.errors || []).map(function (e) { return e.message; }).join(' ');
        item.textContent = (r.name || words.unnamed) + ' · ' + label + (reasons ? ': ' + reasons : '');
        if (r.state === 'refused') {
          var again = document.createElement('button');
          again.type = 'button';
          again.className = 'link';
          again.textContent = words.correct;
          again.addEventListener('click', function () { correct(r); });
          item.appendChild(document.createElement('br'));
          item.appendChild(again);
        }
        list.appendChild(item);
      });
      list.setAttribute('data-waiting-count', records.filter(function (r) { return r.state === 'waiting'; }).length);
    });
  }

  // A member the server refused after the connection came back: into the form again, as sent, with the reasons at their fields.
  function correct(record) {
    var b = record.body;
    field('Input.VoterId').value = b.voterId || '';
    field('Input.Name').value = b.nameHi || b.nameEn || '';
    field('Input.Mobile').value = b.mobile || '';
    field('Input.Age').value = b.age || '';
    field('Input.Village').value = b.village || '';
    field('Input.Address').value = b.address || '';
    field('Input.Language').value = b.language || 'hi';
    field('Input.RequestKey').value = record.requestKey;
    choose('Input.Gender', b.gender);
    choose('Input.Category', b.category);
    box('Input.Consent').checked = !!b.consent;
    box('Input.CashPaid').checked = !!b.cashPaid;
    photo = { data: b.photoBase64, problem: null, warned: null };
    showPhoto(photo.data);
    record.state = 'editing';
    Outbox.put(record).then(render);
    showErrors(record.errors || []);
  }

  function sync() {
    if (syncing) return Promise.resolve();
    syncing = true;
    return Outbox.all().then(function (records) {
      var waiting = records.filter(function (r) { return r.state === 'waiting'; });
      // One at a time, oldest first; the first failure to reach the server ends the round.
      return waiting.sort(function (a, b) { return a.at - b.at; }).reduce(function (chain, r) {
        return chain.then(function () { return post(r); }).then(function (answer) { return settle(r, answer); }).then(render);
      }, Promise.resolve());
    }).catch(function () { /* still offline: the records wait */ }).then(function () { syncing = false; return render(); });
  }

  var button = form.querySelector('button[type=submit]');

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var errors = check();
    if (errors.length) { showErrors(errors); return; }
    // A photo to retake is said once; the same photo sent again goes as it is (scrutiny then sees the flag).
    if (photo.problem && photo.warned !== photo.data) {
      photo.warned = photo.data;
      showErrors([{ field: 'Photo', message: msg['msg' + photo.problem] + ' ' + msg.msgAnyway }]);
      return;
    }
    var record = recordOf();
    button.disabled = true;
    Outbox.put(record).then(function () {
      if (navigator.onLine === false) return null;
      return post(record).catch(function () { return null; });
    }).then(function (answer) {
      if (answer && answer.errors) {
        // Refused as sent: the form stays as it is, photo and all, and the record leaves the phone's list.
        return Outbox.remove(record.requestKey).then(function () { showErrors(answer.errors); });
      }
      if (answer && answer.sent) {
        say(msg.msgEnrolled + ': ' + record.name + ' · ' + answer.sent.voterId + '. ' + msg.msgSms);
        return settle(record, answer).then(next);
      }
      say(record.name + ': ' + msg.msgKept);
      next();
    }).then(function () { button.disabled = false; return render(); });
  });

  // After a refusal rendered by the server (the form posted without script), the cursor goes to the first field named.
  var invalid = form.querySelector('[aria-invalid=true]');
  if (invalid) invalid.focus();

  window.addEventListener('online', sync);
  setInterval(sync, 30000);
  render().then(sync);
})();
