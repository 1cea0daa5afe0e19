/*
 * Live reload: the host's server-sent events (/__kommo/events). A CSS-only change swaps the widget's stylesheet links in
 * place; any other change re-runs the widget in the open page (destroy, reload the modules, lifecycle again) without
 * reloading it; a change of locations or left_menu, or a restarted host, reloads the page.
 */
import { base } from './state.mjs';
import { api } from './net.mjs';
import { buildApp } from './app.mjs';
import { registerTemplates } from './twig.mjs';
import { stopAll } from './lifecycle.mjs';
import { drawShell, pickLanguage, showPage } from './shell.mjs';
import { openSettingsModal } from '../pages/settings.mjs';

/** The widget-relative path of a stylesheet link's href, or null when it is not one of the widget's files. */
export function widgetStylesheet(state, href) {
  const path = String(href || '').replace(/^https?:\/\/[^/]+/, '').split('?')[0];
  const root = base(state);
  return path.indexOf(root + '/') === 0 ? path.substring(root.length + 1) : null;
}

/** Swaps the links to the changed stylesheets for fresh ones (the old link goes once the new one loaded). */
export function swapStylesheets(state, files) {
  const $ = state.$;
  const dev = state.dev;
  const stamp = Date.now();
  $('link[rel="stylesheet"]').each(function () {
    const href = this.getAttribute('href') || '';
    const rel = widgetStylesheet(state, href);
    if (!rel || files.indexOf(rel) < 0) {
      return;
    }
    const old = this;
    const fresh = old.cloneNode();
    fresh.href = href.split('#')[0] + (href.indexOf('?') >= 0 ? '&' : '?') + '_r=' + stamp;
    fresh.onload = function () { old.parentNode && old.parentNode.removeChild(old); dev.cssSwaps = (dev.cssSwaps || 0) + 1; };
    old.parentNode.insertBefore(fresh, old.nextSibling);
  });
}

/** Re-runs one at a time: a change that arrives during a re-run queues one more re-run after it. */
export function rerun(state, reason) {
  const reload = state.reload;
  if (reload.running) {
    reload.again = reason;
    return reload.running;
  }
  reload.running = rerunOnce(state, reason).catch(function (e) {
    state.dev.report('error', 'dev host re-run failed: ' + state.dev.describe(e), null, 'host');
  }).then(function () {
    reload.running = null;
    if (reload.again) {
      const next = reload.again;
      reload.again = null;
      return rerun(state, next);
    }
  });
  return reload.running;
}

/** Whether a new state from the host needs a page reload rather than a re-run: locations or left_menu changed. */
export function needsPageReload(before, after) {
  return JSON.stringify(after.widget.locations) !== JSON.stringify(before.widget.locations) ||
    JSON.stringify(after.widget.manifest && after.widget.manifest.left_menu) !== JSON.stringify(before.widget.manifest && before.widget.manifest.left_menu);
}

/** Re-runs the widget on the current page without reloading it: destroy, load the code again, lifecycle again. */
function rerunOnce(state, reason) {
  const $ = state.$;
  const dev = state.dev;
  const win = state.win;
  const started = win.performance.now();
  const modalOpen = $('.modal.widget-settings__modal').length > 0;
  return api('GET', '/__kommo/api/state').then(function (fresh) {
    if (needsPageReload(state.server, fresh)) {
      win.location.reload();
      return;
    }
    $('.modal').each(function () {
      const close = $(this).data('close');
      if (close) {
        close();
      }
    });
    stopAll(state);
    state.server = fresh;
    state.generation = fresh.widget.generation;
    dev.clearProblems();
    dev.setDiagnostics(fresh.diagnostics);
    pickLanguage(state);
    buildApp(state);
    registerTemplates(state);
    state.initOnceDone = false;
    state.ctorPromise = null;
    drawShell(state, function () { rerun(state, 'language'); });
    return showPage(state).then(function () {
      if (modalOpen) {
        return openSettingsModal(state);
      }
    }).then(function () {
      dev.reloads++;
      dev.lastReloadMs = Math.round(win.performance.now() - started);
      dev.lastReloadReason = reason;
    });
  });
}

/** Listens to the host's events. */
export function listen(state) {
  const win = state.win;
  const dev = state.dev;
  if (!win.EventSource) {
    return;
  }
  const source = new win.EventSource('/__kommo/events');
  source.addEventListener('hello', function (event) {
    // After a reconnect: a restarted host counts from 0 again (reload the page); a higher count means missed changes.
    const serverGeneration = +event.data;
    if (serverGeneration < state.generation) {
      win.location.reload();
    } else if (serverGeneration > state.generation) {
      rerun(state, 'reconnected');
    }
  });
  source.addEventListener('widget', function (event) {
    const data = JSON.parse(event.data);
    if (data.generation <= state.generation) {
      return;
    }
    if (data.kind === 'css') {
      state.generation = data.generation;
      dev.setDiagnostics(data.diagnostics);
      swapStylesheets(state, data.files);
      return;
    }
    rerun(state, 'change: ' + data.files.join(', '));
  });
  dev.eventSource = source;
}
