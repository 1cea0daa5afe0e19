/*
 * The runtime's state: one object, created by the shell at boot and handed to every module. Nothing else in the runtime
 * keeps mutable state between calls. The reads below are pure functions of it.
 */

/**
 * A fresh state. env: {win, dev, $}: the window, window.__kommoDev (problem reporting, callback log) and jQuery; tests
 * give stand-ins.
 */
export function createState(env) {
  env = env || {};
  return {
    win: env.win || null,
    dev: env.dev || null,
    $: env.$ || null,
    server: null,             // what /__kommo/api/state answered: widget, install, host, diagnostics, systemTemplates, apiToken
    lang: 'en',               // the account language picked in the top bar
    langs: {},                // the widget's i18n of that language
    route: null,              // the current page (core/routing.mjs)
    app: null,                // APP = AMOCRM
    running: [],              // widget instances on the page: {self, area, kind, panel, blocks, …}
    initOnceDone: false,      // init_once: init and bind_actions ran in this page session
    actions: {},              // self.add_action handlers by type
    sources: {},              // self.add_source handlers by type
    notificationCallbacks: [],
    generation: 0,            // the widget generation the page runs (live reload)
    ctorPromise: null,        // the widget constructor, loaded once per generation
    page: { token: 0, waiters: [] },
    reload: { running: null, again: null },
    twigExtended: false
  };
}

/** Follows a dotted path (a.b.c) through objects; undefined when any part is missing. */
export function getPath(obj, path) {
  if (!obj || typeof path !== 'string') {
    return undefined;
  }
  const parts = path.split('.');
  let cur = obj;
  for (let i = 0; i < parts.length; i++) {
    if (cur === null || typeof cur !== 'object' || !(parts[i] in cur)) {
      return undefined;
    }
    cur = cur[parts[i]];
  }
  return cur;
}

/** Manifest strings are dotted i18n paths; anything that does not resolve is shown as written. */
export function t(state, value) {
  if (typeof value !== 'string') {
    return value;
  }
  const found = getPath(state.langs, value);
  return typeof found === 'string' ? found : value;
}

export function manifest(state) {
  return state.server && state.server.widget.manifest || {};
}

export function code(state) {
  return state.server.widget.code;
}

/** The widget files' base path, self.params.path (/upl/<code>/widget). */
export function base(state) {
  return state.server.widget.path;
}

export function widgetName(state) {
  const w = manifest(state).widget || {};
  return t(state, w.name) || code(state);
}

export function installed(state) {
  return state.server.install.active === 'Y';
}

export function hasFile(state, path) {
  return state.server.widget.files.indexOf(path) >= 0;
}

/** The URL of images/<name> when the widget has it, else ''. */
export function logo(state, name) {
  return hasFile(state, 'images/' + name) ? base(state) + '/images/' + name : '';
}

export function locations(state) {
  return state.server.widget.locations || [];
}

/** How a location family is listed: null (not at all), {panel: true} for -1 or bare, {panel: false} for -0. */
export function locationOf(state, family) {
  const list = locations(state);
  if (list.indexOf(family + '-1') >= 0 || list.indexOf(family) >= 0) {
    return { panel: true };
  }
  if (list.indexOf(family + '-0') >= 0) {
    return { panel: false };
  }
  return null;
}

export function hasLocation(state, name) {
  return locations(state).indexOf(name) >= 0;
}

/** The locales of the language switch: the manifest's, else those with an i18n file. */
export function locales(state) {
  const w = state.server.widget;
  return w.locales.length ? w.locales : Object.keys(w.i18n);
}

/** The manifest's settings fields as the host's core model read them: [{code, name, type, required}]. */
export function settingFields(state) {
  return state.server.widget.settings || [];
}

/** The dp.settings fields, likewise. */
export function dpSettingFields(state) {
  return state.server.widget.dpSettings || [];
}

export function entity(state, type, id) {
  const list = state.server.host.entities[type] || [];
  for (let i = 0; i < list.length; i++) {
    if (list[i].id === id) {
      return list[i];
    }
  }
  return null;
}

export function firstId(state, type) {
  const list = state.server.host.entities[type] || [];
  return list.length ? list[0].id : 1;
}

export function statusName(state, pipelineId, statusId) {
  const pipeline = state.server.host.pipelines.filter(function (p) { return p.id === pipelineId; })[0];
  const status = pipeline && pipeline.statuses.filter(function (s) { return s.id === statusId; })[0];
  return status ? status.name : '';
}

export function manager(state, id) {
  const list = state.server.host.managers;
  for (let i = 0; i < list.length; i++) {
    if (list[i].id === id) {
      return list[i];
    }
  }
  return null;
}

/** A value as a message says it: undefined, null, the string "…", an object, 42. */
export function describe(value) {
  if (value === undefined) {
    return 'undefined';
  }
  if (value === null) {
    return 'null';
  }
  if (typeof value === 'string') {
    return 'the string ' + JSON.stringify(value.length > 40 ? value.substring(0, 40) + '…' : value);
  }
  if (typeof value === 'object') {
    return Array.isArray(value) ? 'an array' : 'an object';
  }
  return String(value);
}

export function isThenable(value) {
  return !!value && (typeof value === 'object' || typeof value === 'function') && typeof value.then === 'function';
}
