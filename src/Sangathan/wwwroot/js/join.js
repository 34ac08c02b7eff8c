// Joining online: a phone's photo of several MB becomes a small JPEG before it is sent, so a 2G connection carries
// it and the 2 MB limit is no obstacle. Without this script the form sends the file as it is.
(function () {
  var form = document.querySelector('form[data-join]');
  var input = form && form.querySelector('input[type=file][data-shrink]');
  if (!input || !window.createImageBitmap || !window.DataTransfer) return;
  var side = parseInt(input.dataset.shrink, 10) || 480;
  var busy = null;

  input.addEventListener('change', function () {
    var file = input.files[0];
    if (!file || file.name === 'photo.jpg') return;
    busy = createImageBitmap(file, { imageOrientation: 'from-image' }).then(function (bitmap) {
      var scale = Math.min(1, side / Math.max(bitmap.width, bitmap.height));
      var canvas = document.createElement('canvas');
      canvas.width = Math.round(bitmap.width * scale);
      canvas.height = Math.round(bitmap.height * scale);
      canvas.getContext('2d').drawImage(bitmap, 0, 0, canvas.width, canvas.height);
      return new Promise(function (resolve) { canvas.toBlob(resolve, 'image/jpeg', 0.7); });
    }).then(function (blob) {
      if (!blob) return;
      var shrunk = new DataTransfer();
      shrunk.items.add(new File([blob], 'photo.jpg', { type: 'image/jpeg' }));
      input.files = shrunk.files;
    }).catch(function () { /* not an image the browser can read: the server says so */ });
  });

  // A photo still being shrunk is waited for, then the form goes.
  form.addEventListener('submit', function (event) {
    if (!busy) return;
    event.preventDefault();
    var pending = busy;
    busy = null;
    pending.then(function () { form.submit(); }, function () { form.submit(); });
  });
})();
