// The task page's form: the task's form-js form (schema in the page's language, the task's data), and the
// claim, release and complete buttons, sent to Kogito's user-task endpoint as the logged-in user (the server
// checks identity, separation of duties and the form again, and its refusals are shown on the fields).
(function () {
  'use strict';
  var container = document.getElementById('task-form');
  if (!container || !window.FormViewer) { return; }
  var messages = document.getElementById('task-messages');
  var words = {};
  document.querySelectorAll('#task-words [data-code]').forEach(function (item) { words[item.dataset.code] = item.textContent; });
  var editable = container.dataset.editable === 'true';
  var form = new FormViewer.Form({ container: container, properties: { readOnly: !editable } });
  var fieldIds = {};
  var editableKeys = [];

  function collect(components) {
    (components || []).forEach(function (component) {
      if (component.key) {
        fieldIds[component.key] = component.id;
        if (!component.readonly && !component.disabled && component.type !== 'text') { editableKeys.push(component.key); }
      }
      collect(component.components);
    });
  }

  function say(text, kind) {
    messages.textContent = '';
    var p = document.createElement('p');
    p.className = 'alert ' + (kind || 'error');
    p.textContent = text;
    messages.appendChild(p);
  }

  function word(code, argument) {
    var text = words[code] || words['status-other'] || '';
    return argument === undefined ? text : text.replace('{0}', String(argument));
  }

  function headers() {
    return container.dataset.onBehalfOf ? { 'X-On-Behalf-Of': container.dataset.onBehalfOf } : {};
  }

  function transition(id, data) {
    var c = window.workbench.csrf();
    var h = Object.assign({ 'Content-Type': 'application/json', 'Accept': 'application/json' }, headers());
    if (c) { h[c.header] = c.token; }
    return fetch(container.dataset.transitionUrl, { method: 'POST', credentials: 'same-origin', headers: h,
      body: JSON.stringify({ transitionId: id, data: data || {} }) })
      .then(function (response) {
        return response.text().then(function (text) {
          var body = null;
          try { body = text ? JSON.parse(text) : null; } catch (e) { body = null; }
          return { status: response.status, ok: response.ok, body: body };
        });
      });
  }

  function refused(answer) {
    var list = answer.body && Array.isArray(answer.body.errors) ? answer.body.errors : [];
    if (answer.status === 400 && list.length) {
      var errors = {};
      var summary = document.createElement('ul');
      summary.className = 'alert error';
      list.forEach(function (error) {
        var args = error.arguments || [];
        var text = word(error.code || 'invalid', args.length ? args[0] : undefined);
        var id = fieldIds[error.field];
        if (id) { errors[id] = (errors[id] || []).concat([text]); }
        var item = document.createElement('li');
        item.textContent = (labelOf(error.field) || error.field) + ': ' + text;
        summary.appendChild(item);
      });
      // form-js keeps field errors in its state; the viewer shows them under each field
      form._setState({ errors: errors });
      messages.textContent = '';
      var head = document.createElement('p');
      head.className = 'alert error';
      head.textContent = word('status-400');
      messages.appendChild(head);
      messages.appendChild(summary);
      return;
    }
    var code = answer.status === 403 && answer.body && /approve|level|request|duties/i.test(answer.body.detail || '') ? 'duty'
      : 'status-' + ([400, 403, 404, 409].indexOf(answer.status) >= 0 ? answer.status : 'other');
    say(word(code));
  }

  function labelOf(key) {
    var id = fieldIds[key];
    var element = id && container.querySelector('[id$="' + id + '"]');
    var label = element && container.querySelector('label[for="' + element.id + '"]');
    return label ? label.textContent.replace(/\*$/, '').trim() : null;
  }

  function reloadAfter(id) {
    return function () {
      transition(id).then(function (answer) { if (answer.ok) { window.location.reload(); } else { refused(answer); } });
    };
  }

  var claim = document.getElementById('task-claim');
  if (claim) { claim.addEventListener('click', reloadAfter('claim')); }
  var release = document.getElementById('task-release');
  if (release) { release.addEventListener('click', reloadAfter('release')); }
  var complete = document.getElementById('task-complete');
  if (complete) {
    complete.addEventListener('click', function () {
      var result = form.submit();
      if (Object.keys(result.errors || {}).length) { say(word('status-400')); return; }
      var data = {};
      editableKeys.forEach(function (key) { if (result.data[key] !== undefined) { data[key] = result.data[key]; } });
      complete.disabled = true;
      transition('complete', data).then(function (answer) {
        complete.disabled = false;
        if (answer.ok) {
          say(word('completed'), 'ok');
          window.location.assign(container.dataset.doneUrl);
        } else {
          refused(answer);
        }
      });
    });
  }

  fetch(container.dataset.formUrl, { credentials: 'same-origin', headers: Object.assign({ 'Accept': 'application/json' }, headers()) })
    .then(function (response) { return response.ok ? response.json() : Promise.reject(response.status); })
    .then(function (loaded) {
      collect(loaded.schema.components);
      return form.importSchema(loaded.schema, loaded.data);
    })
    .catch(function () { say(word('status-other')); });
})();
