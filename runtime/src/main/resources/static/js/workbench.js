// Every htmx request and every fetch of the workbench's widgets carries the session's CSRF token.
(function () {
  'use strict';
  function csrf() {
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    return token && header && token.content ? { header: header.content, token: token.content } : null;
  }
  window.workbench = {
    csrf: csrf,
    // fetch with the CSRF header and JSON body; answers the parsed body (or null) and the status
    send: function (method, url, body) {
      var headers = { 'Accept': 'application/json' };
      var c = csrf();
      if (c) { headers[c.header] = c.token; }
      if (body !== undefined) { headers['Content-Type'] = 'application/json'; }
      return fetch(url, { method: method, headers: headers, credentials: 'same-origin',
        body: body === undefined ? undefined : JSON.stringify(body) })
        .then(function (response) {
          return response.text().then(function (text) {
            var parsed = null;
            try { parsed = text ? JSON.parse(text) : null; } catch (e) { parsed = null; }
            return { status: response.status, ok: response.ok, body: parsed };
          });
        });
    }
  };
  document.addEventListener('htmx:configRequest', function (event) {
    var c = csrf();
    if (c) { event.detail.headers[c.header] = c.token; }
  });
  // a check box in a table header selects every row of that table (bulk actions)
  document.addEventListener('change', function (event) {
    var all = event.target.closest('input[data-select-all]');
    if (!all) { return; }
    document.querySelectorAll('input[name="' + all.dataset.selectAll + '"]').forEach(function (box) { box.checked = all.checked; });
  });
})();
