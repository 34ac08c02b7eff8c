// The broadcast page's live counts: a small JSON every few seconds while the broadcast is under way. Without
// JavaScript the page shows the counts as they were when it was loaded.
(function () {
  var live = document.getElementById('live');
  if (!live) return;
  var url = live.getAttribute('data-status-url');
  var keys = { queued: ['queued', 'sending'], sent: ['sent'], delivered: ['delivered'], failed: ['failed'], uncertain: ['uncertain'], rerouted: ['rerouted'], cancelled: ['cancelled'] };
  function tick() {
    fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (c) {
        if (!c) return;
        Object.keys(keys).forEach(function (k) {
          var cell = live.querySelector('[data-count="' + k + '"]');
          if (cell) cell.textContent = keys[k].reduce(function (s, f) { return s + (c[f] || 0); }, 0);
        });
        if (c.status === 'Sending' || c.status === 'Scheduled' || c.status === 'AwaitingApproval') setTimeout(tick, 3000);
      })
      .catch(function () { setTimeout(tick, 10000); });
  }
  setTimeout(tick, 3000);
})();
