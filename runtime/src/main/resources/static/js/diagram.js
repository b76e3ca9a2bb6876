// The process diagram widget: every element with [data-diagram] shows the BPMN diagram at data-diagram-url in a
// bpmn-js NavigatedViewer (the global BpmnJS), fitted to its box, with the elements named in data-current
// (comma-separated ids) marked "highlight-current" and those in data-passed marked "highlight-passed".
// Needs /vendor/bpmn-js/bpmn-navigated-viewer.production.min.js and the bpmn-js style sheets on the page.
(function () {
  'use strict';

  function ids(value) {
    return (value || '').split(',').map(function (id) { return id.trim(); }).filter(Boolean);
  }

  function mark(viewer, elementIds, marker) {
    var registry = viewer.get('elementRegistry');
    var canvas = viewer.get('canvas');
    elementIds.forEach(function (id) {
      if (registry.get(id)) { canvas.addMarker(id, marker); }
    });
  }

  function failed(container) {
    container.classList.add('diagram-failed');
    container.setAttribute('data-diagram-state', 'failed');
    var text = container.getAttribute('data-diagram-error');
    if (text) {
      var note = document.createElement('p');
      note.className = 'muted';
      note.textContent = text;
      container.appendChild(note);
    }
  }

  function show(container) {
    if (container.getAttribute('data-diagram-state')) { return; }
    container.setAttribute('data-diagram-state', 'loading');
    if (typeof window.BpmnJS !== 'function') { failed(container); return; }
    var viewer = new window.BpmnJS({ container: container });
    fetch(container.getAttribute('data-diagram-url'), { credentials: 'same-origin', headers: { 'Accept': 'application/xml, text/xml' } })
      .then(function (response) {
        if (!response.ok) { throw new Error('diagram ' + response.status); }
        return response.text();
      })
      .then(function (xml) { return viewer.importXML(xml); })
      .then(function () {
        viewer.get('canvas').zoom('fit-viewport', 'auto');
        var current = ids(container.getAttribute('data-current'));
        // an element both passed and current (a loop) shows as current
        mark(viewer, ids(container.getAttribute('data-passed')).filter(function (id) { return current.indexOf(id) < 0; }), 'highlight-passed');
        mark(viewer, current, 'highlight-current');
        container.setAttribute('data-diagram-state', 'shown');
      })
      .catch(function () { failed(container); });
  }

  function showAll(root) {
    (root || document).querySelectorAll('[data-diagram]').forEach(show);
  }

  window.workbenchDiagram = { show: show, showAll: showAll };
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', function () { showAll(document); });
  } else {
    showAll(document);
  }
  // diagrams in content htmx swaps in
  document.addEventListener('htmx:afterSettle', function (event) { showAll(event.target); });
})();
