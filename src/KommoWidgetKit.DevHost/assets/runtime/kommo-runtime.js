/*
 * Kommo Widget Kit dev host: the emulated Kommo interface and the widget runtime, as ES modules served as they are (no
 * bundler): this entry creates the one state object and hands it to the modules under core/, pages/ and templates/.
 * Loaded with <script type="module"> after kommo-errors.js and kommo-modules.js, so it neither calls nor disturbs the
 * AMD define/require the widget lives in.
 */
import { createState } from './core/state.mjs';
import { api } from './core/net.mjs';
import { applyTheme, buildApp } from './core/app.mjs';
import { extendTwig, registerTemplates } from './core/twig.mjs';
import { drawShell, installControls, installNavigation, navigate, pickLanguage, showPage, whenReady } from './core/shell.mjs';
import { listen, rerun } from './core/live-reload.mjs';
import { openSettingsModal } from './pages/settings.mjs';

const state = createState({ win: window, dev: window.__kommoDev, $: window.jQuery });
const dev = state.dev;

// What tests and people drive from the console.
dev.navigate = function (href) {
  navigate(state, href);
  return whenReady(state);
};
dev.whenReady = function () { return whenReady(state); };
dev.openSettings = function () { return openSettingsModal(state); };
dev.rerun = function (reason) { return rerun(state, reason); };

installNavigation(state);
installControls(state);

function boot() {
  applyTheme(state);
  api('GET', '/__kommo/api/state').then(function (s) {
    state.server = s;
    state.generation = s.widget.generation;
    dev.widgetBase = s.widget.path;
    dev.state = s;
    dev.setDiagnostics(s.diagnostics);
    pickLanguage(state);
    buildApp(state);
    extendTwig(state);
    registerTemplates(state);
    drawShell(state, function () { rerun(state, 'language'); });
    listen(state);
    return showPage(state);
  }).catch(function (e) {
    document.getElementById('page_holder').textContent = 'The dev host could not start the page: ' + e.message;
    dev.report('error', 'dev host boot failed: ' + dev.describe(e), null, 'host');
  });
}

if (document.readyState === 'loading') {
  document.addEventListener('DOMContentLoaded', boot);
} else {
  boot();
}
