// The decision-table page's dmn-js: the version's DMN (data-xml-url) in the dmn-js modeler when data-mode is "edit"
// (the draft's author), in the dmn-js viewer otherwise; the decision tables and literal expressions as tabs. Save
// writes the XML with modeler.saveXML, posts it with the examples (and the session's CSRF token) to data-save-url,
// shows the checks panel the server answers, then reloads the what-if panel (data-what-if-url). The upload field
// refuses a file above its data-max-bytes before it is sent; submitting with unsaved changes asks to save first.
(function () {
  'use strict';
  var container = document.getElementById('dmn-editor');
  if (!container) { return; }
  var words = {};
  document.querySelectorAll('#dmn-words [data-code]').forEach(function (item) { words[item.dataset.code] = item.textContent; });
  var editing = container.dataset.mode === 'edit';
  var status = document.getElementById('dmn-status');
  var tabs = document.getElementById('dmn-views');
  var saveButton = document.getElementById('dmn-save');
  var examples = document.getElementById('examples');
  var dirty = false;
  var watched = [];

  function say(code, kind) {
    if (!status) { return; }
    status.textContent = words[code] || '';
    status.className = kind === 'error' ? 'errors' : (kind === 'ok' ? 'ok' : 'muted');
    status.setAttribute('data-state', code);
  }

  function failed() {
    container.setAttribute('data-state', 'failed');
    container.textContent = '';
    var note = document.createElement('p');
    note.className = 'alert error';
    note.textContent = words.loadFailed || '';
    container.appendChild(note);
  }

  function changed() {
    dirty = true;
    say('unsaved');
  }

  // dmn-js's own words in the page's language: its English text -> the bundle's words
  var dmnWords = {};
  document.querySelectorAll('#dmn-js-words [data-dmn]').forEach(function (item) { dmnWords[item.dataset.dmn] = item.textContent; });
  function translate(template, replacements) {
    var text = dmnWords[template] || template;
    return text.replace(/{([^}]+)}/g, function (all, key) {
      return replacements && Object.prototype.hasOwnProperty.call(replacements, key) ? replacements[key] : all;
    });
  }

  if (typeof window.DmnJS !== 'function') { failed(); return; }
  // dmn-js takes additional modules per view (its "common" ones are replaced by a view's own)
  var translated = { additionalModules: [{ translate: ['value', translate] }] };
  var dmn = new window.DmnJS({ container: container, drd: translated, decisionTable: translated,
    literalExpression: translated, boxedExpression: translated });

  function viewName(view) {
    var element = view.element || {};
    var kind = words['view-' + view.type] || view.type;
    return view.type === 'drd' ? kind : (element.name || element.id) + ' (' + kind + ')';
  }

  function showTabs(views, active) {
    tabs.textContent = '';
    views.forEach(function (view) {
      var button = document.createElement('button');
      button.type = 'button';
      button.textContent = viewName(view);
      button.setAttribute('aria-pressed', String(view === active));
      button.setAttribute('data-view', view.type + ':' + (view.element && view.element.id));
      button.addEventListener('click', function () { dmn.open(view); });
      tabs.appendChild(button);
    });
    container.classList.toggle('drd', !!active && active.type === 'drd');
  }

  function watchActiveViewer() {
    var viewer = dmn.getActiveViewer();
    if (!editing || !viewer || watched.indexOf(viewer) >= 0) { return; }
    watched.push(viewer);
    viewer.on('elements.changed', changed);
  }

  dmn.on('views.changed', function (event) {
    showTabs(event.views, event.activeView);
    watchActiveViewer();
  });

  say('loading');
  fetch(container.dataset.xmlUrl, { credentials: 'same-origin', headers: { 'Accept': 'application/xml, text/xml' } })
    .then(function (response) {
      if (!response.ok) { throw new Error('dmn ' + response.status); }
      return response.text();
    })
    .then(function (xml) { return dmn.importXML(xml); })
    .then(function () {
      // open the first table (or literal expression): the diagram is one tab away
      var first = dmn.getViews().filter(function (view) { return view.type !== 'drd'; })[0];
      return first ? dmn.open(first) : null;
    })
    .then(function () {
      container.setAttribute('data-state', 'shown');
      watchActiveViewer();
      say('');
    })
    .catch(function () { failed(); say('loadFailed', 'error'); });

  function replacePanel(id, html) {
    var holder = document.createElement('div');
    holder.innerHTML = html;
    var fresh = holder.querySelector('#' + id);
    var old = document.getElementById(id);
    if (!fresh || !old) { return false; }
    old.replaceWith(fresh);
    if (window.htmx) { window.htmx.process(fresh); }
    return true;
  }

  function save() {
    saveButton.disabled = true;
    say('saving');
    dmn.saveXML({ format: true })
      .then(function (result) {
        var body = new FormData();
        body.append('xml', result.xml);
        body.append('examples', examples ? examples.value : '');
        var headers = { 'Accept': 'text/html' };
        var csrf = window.workbench && window.workbench.csrf();
        if (csrf) { headers[csrf.header] = csrf.token; }
        return fetch(container.dataset.saveUrl, { method: 'POST', credentials: 'same-origin', headers: headers, body: body });
      })
      .then(function (response) {
        return response.text().then(function (html) { return { ok: response.ok, html: html }; });
      })
      .then(function (answer) {
        var shown = replacePanel('checks-panel', answer.html);
        if (answer.ok && shown) {
          dirty = false;
          say('saved', 'ok');
          if (window.htmx) {
            window.htmx.ajax('GET', container.dataset.whatIfUrl, { target: '#whatif-panel', swap: 'outerHTML' });
          }
        } else {
          say('saveFailed', 'error');
        }
      })
      .catch(function () { say('saveFailed', 'error'); })
      .then(function () { saveButton.disabled = false; });
  }

  if (editing && saveButton) {
    saveButton.addEventListener('click', save);
    if (examples) { examples.addEventListener('input', changed); }
  }

  var submit = document.getElementById('dmn-submit');
  if (submit) {
    submit.addEventListener('submit', function (event) {
      if (dirty) {
        event.preventDefault();
        say('saveFirst', 'error');
      }
    });
  }

  var file = document.getElementById('dmn-file');
  var fileProblem = document.getElementById('dmn-upload-problem');
  if (file) {
    file.addEventListener('change', function () {
      var max = Number(file.dataset.maxBytes || 0);
      var tooLarge = max > 0 && file.files.length > 0 && file.files[0].size > max;
      file.setCustomValidity(tooLarge ? (words.tooLarge || '') : '');
      if (fileProblem) { fileProblem.textContent = tooLarge ? (words.tooLarge || '') : ''; }
    });
  }
})();
