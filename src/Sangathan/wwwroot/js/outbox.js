// A store on the phone, in IndexedDB, of records that wait there until the server has answered: the enrollments'
// outbox (keyed by the request key, so a record is never queued twice and a retry always sends the same key) and the
// meeting scanner's scans (keyed by the scan's idempotency key, likewise).
function PhoneStore(database, name, keyPath) {
  var opening;

  function open() {
    opening = opening || new Promise(function (resolve, reject) {
      var request = indexedDB.open(database, 1);
      request.onupgradeneeded = function () {
        var store = request.result.createObjectStore(name, { keyPath: keyPath });
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
        var tx = db.transaction(name, mode);
        var result = work(tx.objectStore(name));
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
}

// A fresh key for a record (a request key, a scan's key): 128 random bits in hex.
PhoneStore.newKey = function () {
  if (window.crypto && crypto.randomUUID) return crypto.randomUUID().replace(/-/g, '');
  var bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.prototype.map.call(bytes, function (b) { return ('0' + b.toString(16)).slice(-2); }).join('');
};

var Outbox = PhoneStore('sangathan', 'outbox', 'requestKey');
