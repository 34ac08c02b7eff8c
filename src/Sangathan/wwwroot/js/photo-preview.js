// A photo chosen in a form that is posted the ordinary way (a member's correction) is shown before it is sent, and
// shrunk on the phone first: a camera's few MB become a JPEG of a few tens of KB. The server checks it again.
(function () {
  document.querySelectorAll('input[type=file][data-shrink]').forEach(function (input) {
    var preview = document.getElementById('photo-preview');
    var error = document.querySelector('p.error[data-for="Photo"]');
    input.addEventListener('change', function () {
      var chosen = input.files[0];
      if (!chosen || !window.createImageBitmap || !window.DataTransfer) return;
      createImageBitmap(chosen, { imageOrientation: 'from-image' }).then(function (bitmap) {
        var side = parseInt(input.dataset.shrink, 10) || 480;
        var scale = Math.min(1, side / Math.max(bitmap.width, bitmap.height));
        var canvas = document.createElement('canvas');
        canvas.width = Math.round(bitmap.width * scale);
        canvas.height = Math.round(bitmap.height * scale);
        canvas.getContext('2d').drawImage(bitmap, 0, 0, canvas.width, canvas.height);
        canvas.toBlob(function (blob) {
          var files = new DataTransfer();
          files.items.add(new File([blob], 'photo.jpg', { type: 'image/jpeg' }));
          input.files = files.files;
          if (preview) { preview.src = URL.createObjectURL(blob); preview.hidden = false; }
          if (error) error.textContent = '';
        }, 'image/jpeg', 0.7);
      }, function () {
        input.value = '';
        if (error) error.textContent = input.dataset.notImage || '';
      });
    });
  });
})();
