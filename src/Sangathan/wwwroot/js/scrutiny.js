// Scrutiny's decisions without reloading the page: a reject or send-back is asked once more on the phone, then the
// form is sent as it is (with confirmed=true) and the member's card says what was done. Without this script the forms
// still work: the server asks for the confirmation on a page of its own.
(function () {
  document.querySelectorAll('form[data-decide]').forEach(function (form) {
    form.addEventListener('submit', function (event) {
      var button = event.submitter;
      if (!button || !window.fetch || !window.FormData) return;
      var decision = button.value;
      var card = form.closest('[data-member]');
      var errors = card.querySelector('[data-errors]');
      var data = new FormData(form);
      data.set('decision', decision);
      if (decision !== 'Approve') {
        var reason = (data.get('reason') || '').trim();
        // No reason: the server refuses it at once, with its message; nothing to confirm.
        if (reason && !window.confirm(form.getAttribute(decision === 'Reject' ? 'data-confirm-reject' : 'data-confirm-sendback'))) {
          event.preventDefault();
          return;
        }
        data.set('confirmed', 'true');
      }
      event.preventDefault();
      card.querySelectorAll('button').forEach(function (b) { b.disabled = true; });
      fetch(form.action || location.href, { method: 'POST', body: data, credentials: 'same-origin', headers: { 'X-Sangathan-Script': '1' } })
        .then(function (r) {
          if (r.ok || r.status === 400 || r.status === 409) return r.json();
          throw new Error(String(r.status));
        })
        .then(function (answer) {
          if (answer.done) {
            var note = document.createElement('p');
            note.className = 'done';
            note.textContent = card.getAttribute('data-done-' + decision.toLowerCase());
            card.querySelectorAll('form, [data-errors]').forEach(function (e) { e.remove(); });
            card.appendChild(note);
          } else {
            errors.textContent = answer.errors.join(' ');
            card.querySelectorAll('button').forEach(function (b) { b.disabled = false; });
          }
        })
        .catch(function () {
          // Signed out, refused or no connection: the form goes as a plain post, and the page says why.
          card.querySelectorAll('button').forEach(function (b) { b.disabled = false; });
          var plain = document.createElement('input');
          plain.type = 'hidden'; plain.name = 'decision'; plain.value = decision;
          form.appendChild(plain);
          if (decision !== 'Approve') {
            var yes = document.createElement('input');
            yes.type = 'hidden'; yes.name = 'confirmed'; yes.value = 'true';
            form.appendChild(yes);
          }
          form.submit();
        });
    });
  });
})();
