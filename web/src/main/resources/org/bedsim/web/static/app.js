// bedsim serve: the editor's inline validation and saving, and the live progress of a run. No framework.
(function () {
  'use strict';
  var meta = document.querySelector('meta[name="csrf-token"]');
  var csrf = meta ? meta.getAttribute('content') : '';

  function post(url, body) {
    return fetch(url, {
      method: 'POST', credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf },
      body: JSON.stringify(body)
    }).then(function (r) {
      return r.json().then(function (j) {
        if (!r.ok) { throw new Error(j.error || ('HTTP ' + r.status)); }
        return j;
      });
    });
  }

  function text(el, s) { el.textContent = s; return el; }

  // ------------------------------------------------------------------ editor
  var editorBox = document.getElementById('editor');
  if (editorBox && window.CodeMirror) {
    var name = editorBox.getAttribute('data-name');
    var summary = document.getElementById('summary');
    var list = document.getElementById('problems');
    var saveState = document.getElementById('save-state');
    var dirty = false;
    var marked = [];

    var show = function (result, cm) {
      marked.forEach(function (l) { cm.removeLineClass(l, 'background', 'bad-line'); });
      marked = [];
      list.innerHTML = '';
      summary.className = result.ok ? 'ok' : 'bad';
      text(summary, (result.ok ? 'Can run: ' : 'Cannot run: ') + result.summary);
      var annotations = [];
      result.problems.forEach(function (p) {
        var li = text(document.createElement('li'), p.text);
        li.className = p.severity;
        if (p.here && p.line > 0) {
          li.setAttribute('data-line', p.line);
          li.addEventListener('click', function () {
            cm.focus(); cm.setCursor({ line: p.line - 1, ch: Math.max(0, p.column - 1) });
          });
          var line = Math.min(p.line - 1, cm.lastLine());
          var len = cm.getLine(line).length;
          var ch = Math.min(Math.max(0, p.column - 1), len);
          annotations.push({ from: CodeMirror.Pos(line, ch), to: CodeMirror.Pos(line, Math.max(len, ch + 1)),
            message: p.message, severity: p.severity });
          if (p.severity === 'error') { cm.addLineClass(line, 'background', 'bad-line'); marked.push(line); }
        }
        list.appendChild(li);
      });
      return annotations;
    };

    var validate = function (source, updateLinting, options, cm) {
      post('/api/validate', { name: name, text: source }).then(function (result) {
        updateLinting(show(result, cm));
      }).catch(function (e) {
        summary.className = 'bad';
        text(summary, 'Could not check the file: ' + e.message);
        updateLinting([]);
      });
    };

    // schema-driven completion: keys where a key goes (line start, after "- " or "{"/","), values elsewhere
    var words = null;
    fetch('/api/completions', { credentials: 'same-origin' }).then(function (r) { return r.json(); })
      .then(function (j) { words = j; }).catch(function () { words = { keys: [], values: [] }; });
    var complete = function (c) {
      if (!words || !c.showHint) { return; }
      c.showHint({ completeSingle: false, hint: function (ed) {
        var cur = ed.getCursor();
        var line = ed.getLine(cur.line);
        var start = cur.ch;
        while (start > 0 && /[A-Za-z0-9_-]/.test(line.charAt(start - 1))) { start--; }
        var prefix = line.slice(start, cur.ch);
        var before = line.slice(0, start);
        var keyPlace = /^\s*(-\s+)?$/.test(before) || /[{,]\s*$/.test(before);
        var list = (keyPlace ? words.keys : words.values).filter(function (w) { return w.indexOf(prefix) === 0; })
          .map(function (w) { return keyPlace ? { text: w + ': ', displayText: w } : w; });
        return { list: list, from: CodeMirror.Pos(cur.line, start), to: CodeMirror.Pos(cur.line, cur.ch) };
      } });
    };

    var cm = CodeMirror.fromTextArea(document.getElementById('source'), {
      mode: 'yaml', lineNumbers: true, indentUnit: 2, tabSize: 2, lineWrapping: false,
      extraKeys: { Tab: function (c) { c.replaceSelection('  '); }, 'Ctrl-S': function () { save(); },
        'Ctrl-Space': function (c) { complete(c); },
        'Cmd-S': function () { save(); } },
      gutters: ['CodeMirror-lint-markers', 'CodeMirror-linenumbers'],
      lint: { getAnnotations: validate, async: true, delay: 400, lintOnChange: true }
    });
    editorBox.CodeMirrorInstance = cm;
    cm.on('change', function () { dirty = true; text(saveState, 'unsaved changes'); });

    var save = function () {
      text(saveState, 'saving...');
      return post('/scenarios/' + encodeURIComponent(name) + '/save', { text: cm.getValue() }).then(function (r) {
        dirty = false;
        text(saveState, 'saved (' + r.summary + ')');
      }).catch(function (e) {
        text(saveState, 'not saved: ' + e.message);
        throw e;
      });
    };
    document.getElementById('save').addEventListener('click', function () { save().catch(function () {}); });
    Array.prototype.forEach.call(document.querySelectorAll('form.run-form'), function (f) {
      f.addEventListener('submit', function (ev) {
        var reps = document.getElementById('replications');
        f.querySelector('input[name="replications"]').value = reps ? reps.value : '';
        if (!dirty) { return; }
        ev.preventDefault();
        save().then(function () { f.submit(); }).catch(function () {});
      });
    });
    window.addEventListener('beforeunload', function (ev) {
      if (dirty) { ev.preventDefault(); ev.returnValue = ''; }
    });
  }

  // ------------------------------------------------------------------ run progress
  var run = document.getElementById('run');
  if (run && window.EventSource) {
    var status = run.getAttribute('data-status');
    if (status === 'queued' || status === 'running') {
      var id = run.getAttribute('data-run');
      var bar = document.getElementById('progress');
      var label = document.getElementById('progress-text');
      var statusEl = document.getElementById('status');
      var es = new EventSource('/runs/' + encodeURIComponent(id) + '/events');
      es.addEventListener('state', function (ev) {
        var s = JSON.parse(ev.data);
        if (s.total > 0) { bar.max = s.total; bar.value = s.done; }
        text(label, s.status === 'queued' ? 'waiting in the queue'
          : s.total > 0 ? s.done + '/' + s.total + ' replications' : 'starting...');
        text(statusEl, s.status);
        statusEl.className = 'status ' + s.status;
        try { window.sessionStorage.setItem('bedsim-progress-' + id, s.done + '/' + s.total + ' ' + s.status); }
        catch (e) { /* storage off: the page still updates */ }
        if (s.finished) {
          es.close();
          window.setTimeout(function () { window.location.reload(); }, 300);
        }
      });
    }
  }
})();
