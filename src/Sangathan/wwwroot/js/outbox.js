// The phone's outbox of enrollments, in IndexedDB: each waits here, photo included, until the server has answered.
// Keyed by the request key, so a record is never queued twice and a retry always sends the same key.
var Outbox = (function () {
  var opening;

  function open() {
    opening = opening || new Promise(function (resolve, reject) {
      var request = indexedDB.open('sangathan', 1);
      request.onupgradeneeded = function () {
        var store = request.result.createObjectStore('outbox', { keyPath: 'requestKey' });
        store.createIndex('state', 'state');
      };
      request.onsuccess = function () { resolve(request.result); };
      request.onerror = function () { reject(request.error); };
    });
    return opening;
  }

  function run(mode, work) {
    return open().then(function (db) {
      return new Promise(function (resolve, reject) {
        var tx = db.transaction('outbox', mode);
        var result = work(tx.objectStore('outbox'));
        tx.oncomplete = function () { resolve(result && 'result' in result ? result.result : undefined); };
        tx.onerror = function () { reject(tx.error); };
      });
    });
  }

  return {
    put: function (record) { return run('readwrite', function (store) { store.put(record); }); },
    all: function () { return run('readonly', function (store) { return store.getAll(); }); },
    remove: function (key) { return run('readwrite', function (store) { store.delete(key); }); }
  };
})();
