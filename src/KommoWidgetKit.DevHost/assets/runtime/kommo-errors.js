/*
 * Kommo Widget Kit dev host: problem reporting.
 * Collects validation findings, errors thrown by the widget, rejected promises, console.error calls and
 * callback misuse; shows them in an overlay (like a bundler's error overlay) and echoes them to the terminal.
 * Loaded first so that nothing is missed. State for tests lives on window.__kommoDev.
 */
(function () {
  'use strict';

  var dev = window.__kommoDev = {
    calls: [],          // callback log: {name, area, result}
    problems: [],       // runtime problems: {level, message, file, line, column, source}
    diagnostics: [],    // validation findings from the host
    ready: false,       // true once the current page ran the widget's lifecycle
    reloads: 0,
    lastReloadMs: null,
    widgetBase: null    // e.g. /upl/my_widget/widget, set by the runtime
  };

  var originalConsoleError = window.console && window.console.error ? window.console.error.bind(window.console) : function () {};
  var FRAME = /(https?:\/\/[^\s()]+?):(\d+):(\d+)/g;

  function widgetRelative(url) {
    if (!url || !dev.widgetBase) {
      return null;
    }
    var path = url.replace(/^https?:\/\/[^/]+/, '').split('?')[0].split('#')[0];
    if (path.indexOf(dev.widgetBase + '/') === 0) {
      return path.substring(dev.widgetBase.length + 1);
    }
    return null;
  }

  /** The first stack frame inside the widget's own files: {file, line, column} or null. */
  function widgetFrame(stack) {
    if (!stack) {
      return null;
    }
    FRAME.lastIndex = 0;
    var match;
    while ((match = FRAME.exec(String(stack))) !== null) {
      var file = widgetRelative(match[1]);
      if (file) {
        return { file: file, line: +match[2], column: +match[3] };
      }
    }
    return null;
  }

  function text(value) {
    if (value instanceof Error) {
      return value.name + ': ' + value.message;
    }
    if (typeof value === 'string') {
      return value;
    }
    try {
      return JSON.stringify(value);
    } catch (e) {
      return String(value);
    }
  }

  function post(problem) {
    try {
      var xhr = new XMLHttpRequest();
      xhr.open('POST', '/__kommo/api/log', true);
      xhr.setRequestHeader('Content-Type', 'application/json');
      // For a script with a source map (a build's script.js) the host answers with the place in the source.
      xhr.onload = function () {
        var at = null;
        try {
          at = xhr.status === 200 ? JSON.parse(xhr.responseText) : null;
        } catch (e) {
          at = null;
        }
        if (at && at.file) {
          problem.generated = problem.file + ':' + problem.line + ':' + problem.column;
          problem.file = at.file;
          problem.line = at.line;
          problem.column = at.column;
          problem.source += ', built ' + problem.generated;
          render();
        }
      };
      xhr.send(JSON.stringify({
        level: problem.level, message: problem.message, file: problem.file,
        line: problem.line || null, column: problem.column || null, area: problem.area || null
      }));
    } catch (e) {
      // The terminal echo is best effort.
    }
  }

  /** Records a problem, shows it in the overlay and echoes it to the terminal. */
  function report(level, message, where, source) {
    var problem = {
      level: level,
      message: message,
      file: where && where.file || null,
      line: where && where.line || null,
      column: where && where.column || null,
      source: source || 'runtime',
      area: dev.currentArea || null
    };
    dev.problems.push(problem);
    post(problem);
    render();
    return problem;
  }

  function escapeHtml(s) {
    return String(s).replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  }

  var overlayHidden = false;

  function items() {
    var list = [];
    dev.diagnostics.forEach(function (d) {
      list.push({
        level: d.severity, source: 'validation ' + d.id, message: d.message,
        file: d.path, line: d.line, column: d.column
      });
    });
    dev.problems.forEach(function (p) {
      list.push(p);
    });
    return list;
  }

  /** Draws the overlay: opens by itself for errors; warnings only count in the top-bar badge. */
  function render() {
    if (!document.body) {
      return;
    }
    var all = items();
    var errors = all.filter(function (p) { return p.level === 'error'; });
    var badge = document.getElementById('kommo-dev-badge');
    if (badge) {
      badge.textContent = all.length ? all.length + (all.length === 1 ? ' problem' : ' problems') : 'no problems';
      badge.className = 'kommo-dev-badge' + (errors.length ? ' kommo-dev-badge_error' : all.length ? ' kommo-dev-badge_warning' : '');
    }
    var overlay = document.getElementById('kommo-dev-overlay');
    if (!overlay) {
      overlay = document.createElement('div');
      overlay.id = 'kommo-dev-overlay';
      overlay.className = 'kommo-dev-overlay';
      document.body.appendChild(overlay);
      overlay.addEventListener('click', function (e) {
        if (e.target && e.target.getAttribute('data-action') === 'close') {
          overlayHidden = true;
          overlay.style.display = 'none';
        }
      });
    }
    var show = all.length > 0 && (errors.length > 0 || dev.overlayForced) && !overlayHidden;
    overlay.style.display = show ? 'block' : 'none';
    overlay.innerHTML =
      '<div class="kommo-dev-overlay__panel">' +
      '<div class="kommo-dev-overlay__header"><span class="kommo-dev-overlay__title">' +
      errors.length + ' error(s), ' + (all.length - errors.length) + ' warning(s) in the widget</span>' +
      '<button type="button" class="kommo-dev-overlay__close" data-action="close" title="Hide">×</button></div>' +
      '<ol class="kommo-dev-overlay__list">' +
      all.map(function (p) {
        var where = p.file ? p.file + (p.line ? ':' + p.line + (p.column ? ':' + p.column : '') : '') : '';
        return '<li class="kommo-dev-overlay__item kommo-dev-overlay__item_' + escapeHtml(p.level) + '">' +
          '<span class="kommo-dev-overlay__level">' + escapeHtml(p.level) + '</span> ' +
          (where ? '<span class="kommo-dev-overlay__where">' + escapeHtml(where) + '</span> ' : '') +
          '<span class="kommo-dev-overlay__message">' + escapeHtml(p.message) + '</span>' +
          '<span class="kommo-dev-overlay__source"> (' + escapeHtml(p.source) + ')</span></li>';
      }).join('') + '</ol></div>';
  }

  dev.report = report;
  dev.widgetFrame = widgetFrame;
  dev.widgetRelative = widgetRelative;
  dev.describe = text;
  dev.renderOverlay = render;
  dev.showOverlay = function () {
    overlayHidden = false;
    dev.overlayForced = true;
    render();
  };
  dev.setDiagnostics = function (list) {
    dev.diagnostics = list || [];
    overlayHidden = false;
    render();
  };
  dev.clearProblems = function () {
    dev.problems = [];
    overlayHidden = false;
    render();
  };

  window.addEventListener('error', function (event) {
    if (!event || (!event.error && !event.message)) {
      return; // resource load errors are reported by the module loader
    }
    var file = widgetRelative(event.filename);
    var where = file ? { file: file, line: event.lineno, column: event.colno } : widgetFrame(event.error && event.error.stack);
    if (!where) {
      where = { file: event.filename ? event.filename.replace(/^https?:\/\/[^/]+/, '') : null, line: event.lineno, column: event.colno };
    }
    report('error', 'Uncaught ' + (event.error ? text(event.error) : event.message), where, 'uncaught exception');
  });

  window.addEventListener('unhandledrejection', function (event) {
    var reason = event.reason;
    report('error', 'Unhandled promise rejection: ' + text(reason), widgetFrame(reason && reason.stack), 'rejected promise');
  });

  window.console.error = function () {
    originalConsoleError.apply(null, arguments);
    var where = widgetFrame(new Error().stack);
    if (!where) {
      return; // only the widget's own console.error calls are problems of the widget
    }
    var parts = Array.prototype.map.call(arguments, text);
    report('error', 'console.error: ' + parts.join(' '), where, 'console.error');
  };

  document.addEventListener('DOMContentLoaded', render);
})();
