// Shrinks a camera photo on the phone before upload: a 4 MB picture becomes a JPEG of some 30-60 KB, which a 2G
// connection can carry. The server checks and re-encodes it anyway; without this script the full photo goes up.
(function () {
  document.querySelectorAll('input[type=file][data-shrink]').forEach(function (input) {
    input.addEventListener('change', function () {
      var file = input.files && input.files[0];
      if (!file || !window.createImageBitmap || !window.DataTransfer) return;
      var side = parseInt(input.dataset.shrink, 10) || 480;
      createImageBitmap(file, { imageOrientation: 'from-image' }).then(function (bitmap) {
        var scale = Math.min(1, side / Math.max(bitmap.width, bitmap.height));
        var canvas = document.createElement('canvas');
        canvas.width = Math.round(bitmap.width * scale);
        canvas.height = Math.round(bitmap.height * scale);
        canvas.getContext('2d').drawImage(bitmap, 0, 0, canvas.width, canvas.height);
        canvas.toBlob(function (blob) {
          if (!blob) return;
          var shrunk = new DataTransfer();
          shrunk.items.add(new File([blob], 'photo.jpg', { type: 'image/jpeg' }));
          input.files = shrunk.files;
        }, 'image/jpeg', 0.7);
      }).catch(function () { /* the original goes up; the server shrinks it */ });
    });
  });
})();
