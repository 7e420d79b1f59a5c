// Feedback while a form uploads and the server checks what it received (imports, evidence files,
// attestation files, dossiers to verify). The form is sent by XMLHttpRequest so that a progress bar
// can show the share of bytes actually sent; once all are sent, the status says the server is
// checking them. The server's answer (the redirected page with its notice, or the form with its
// error) then replaces this page, as a plain post would have. Without script the form posts as usual.
(function () {
  function size(bytes) {
    return bytes >= 1048576 ? (bytes / 1048576).toFixed(1) + ' MB' : Math.max(1, Math.round(bytes / 1024)) + ' KB';
  }

  function say(key, fallback, value) {
    return (document.body.dataset[key] || fallback).replace('{0}', value);
  }

  function statusLine(form, bytes) {
    var status = document.createElement('div');
    status.className = 'small text-body-secondary mt-2 w-100 upload-status';
    status.setAttribute('role', 'status');
    status.setAttribute('aria-live', 'polite');
    var text = document.createElement('span');
    text.textContent = say('uploading', 'Uploading {0}…', size(bytes));
    var bar = document.createElement('progress');
    bar.className = 'd-block w-100 mt-1';
    bar.max = 100;
    bar.value = 0;
    bar.setAttribute('aria-label', text.textContent);
    status.appendChild(text);
    status.appendChild(bar);
    form.appendChild(status);
    return { text: text, bar: bar };
  }

  function showAnswer(xhr) {
    // The answer is a whole page of this site: it replaces this one, and the address follows a redirect.
    if (xhr.responseURL && xhr.responseURL !== location.href) {
      history.pushState(null, '', xhr.responseURL);
    }
    document.open();
    document.write(xhr.responseText);
    document.close();
  }

  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (!(form instanceof HTMLFormElement) || form.enctype !== 'multipart/form-data' || event.defaultPrevented) {
      return;
    }
    var bytes = 0;
    form.querySelectorAll('input[type=file]').forEach(function (input) {
      Array.prototype.forEach.call(input.files || [], function (file) { bytes += file.size; });
    });
    var line = statusLine(form, bytes);
    var buttons = form.querySelectorAll('button[type=submit], input[type=submit]');
    if (!window.FormData || !window.XMLHttpRequest) {
      // Disabled after the browser has collected the form, so the button's own value is still sent.
      setTimeout(function () { buttons.forEach(function (b) { b.disabled = true; }); }, 0);
      return;
    }
    event.preventDefault();
    var data = new FormData(form);
    if (event.submitter && event.submitter.name) {
      data.append(event.submitter.name, event.submitter.value);
    }
    buttons.forEach(function (b) { b.disabled = true; });
    var xhr = new XMLHttpRequest();
    xhr.open((form.getAttribute('method') || 'post').toUpperCase(), form.action);
    xhr.upload.addEventListener('progress', function (e) {
      if (e.lengthComputable) {
        var percent = Math.floor((e.loaded / e.total) * 100);
        line.bar.value = percent;
        line.text.textContent = say('uploadingPercent', 'Uploading {0}', size(bytes)) + ' · ' + percent + ' %';
      }
    });
    xhr.upload.addEventListener('load', function () {
      line.bar.value = 100;
      line.bar.removeAttribute('value');
      line.text.textContent = say('uploadChecking', 'Sent; the server is checking it…', '');
    });
    xhr.addEventListener('load', function () { showAnswer(xhr); });
    xhr.addEventListener('error', function () {
      line.text.textContent = say('uploadFailed', 'The upload did not reach the server. Check the connection and try again.', '');
      line.bar.remove();
      buttons.forEach(function (b) { b.disabled = false; });
    });
    xhr.send(data);
  });
})();
