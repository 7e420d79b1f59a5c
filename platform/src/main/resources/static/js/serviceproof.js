// Feedback while a form uploads and the server checks what it received (imports, evidence files,
// dossiers to verify): the submit button is disabled so nobody submits twice, and a status line says
// how much is being sent. Without script the form posts as usual.
document.addEventListener('submit', function (event) {
  var form = event.target;
  if (!(form instanceof HTMLFormElement) || form.enctype !== 'multipart/form-data' || event.defaultPrevented) {
    return;
  }
  var bytes = 0;
  form.querySelectorAll('input[type=file]').forEach(function (input) {
    Array.prototype.forEach.call(input.files || [], function (file) { bytes += file.size; });
  });
  var size = bytes >= 1048576 ? (bytes / 1048576).toFixed(1) + ' MB' : Math.max(1, Math.round(bytes / 1024)) + ' KB';
  var status = document.createElement('div');
  status.className = 'small text-body-secondary mt-2 w-100';
  status.setAttribute('role', 'status');
  status.setAttribute('aria-live', 'polite');
  status.innerHTML = '<span class="spinner-border spinner-border-sm me-2" aria-hidden="true"></span>';
  status.appendChild(document.createTextNode((document.body.dataset.uploading || 'Uploading {0}…').replace('{0}', size)));
  form.appendChild(status);
  // Disabled after the browser has collected the form, so the button's own value is still sent.
  setTimeout(function () {
    form.querySelectorAll('button[type=submit], input[type=submit]').forEach(function (b) { b.disabled = true; });
  }, 0);
});
