/*
 * The callback lifecycle: load the widget's module, build self, render → (only if it returned true) init and
 * bind_actions, destroy on leaving. Every call is logged on dev.calls; misuse is reported precisely.
 */
import { base, describe, getPath, hasFile, isThenable, code } from './state.mjs';
import { createWidget, systemFor } from './widget.mjs';

/** The host modules a widget may also take with a synchronous require('…'): loaded before the widget. */
export const HOST_MODULES = ['jquery', 'underscore', 'moment', 'twigjs', 'text', 'json', 'lib/components/base/modal'];

/**
 * Calls one callback (a dotted name: leads.selected), records it, reports what is missing or thrown.
 * options: {required, missingLevel, missingHint, thrownHint}. Returns {missing} | {threw} | {value}.
 */
export function invoke(state, instance, name, args, options) {
  const dev = state.dev;
  options = options || {};
  const fn = getPath(instance.self.callbacks, name);
  const entry = { name: name, area: instance.area, result: null };
  if (typeof fn !== 'function') {
    entry.result = 'missing';
    if (options.required) {
      dev.calls.push(entry);
      dev.report(options.missingLevel || 'warning', 'callbacks.' + name + ' is missing' + (options.missingHint ? ', ' + options.missingHint : ''), { file: 'script.js' }, 'callback');
    }
    return { missing: true };
  }
  dev.calls.push(entry);
  try {
    const value = fn.apply(instance.self.callbacks, args || []);
    entry.result = isThenable(value) ? 'promise' : describe(value);
    return { value: value };
  } catch (e) {
    entry.result = 'threw';
    dev.report('error', name + ' threw ' + dev.describe(e) + (options.thrownHint ? ', ' + options.thrownHint : ''), dev.widgetFrame(e.stack), 'callback');
    return { threw: e };
  }
}

/** Settles a callback's outcome: {value} (with promised: true when a Promise resolved to it), {rejected}, or as it was. */
export function settle(outcome) {
  if (outcome.missing || outcome.threw) {
    return Promise.resolve(outcome);
  }
  if (isThenable(outcome.value)) {
    return Promise.resolve(outcome.value).then(function (v) {
      return { value: v, promised: true };
    }, function (e) {
      return { rejected: e };
    });
  }
  return Promise.resolve(outcome);
}

/** Loads script.js through RequireJS (after the host modules), forgetting the widget's modules of a previous generation. */
export function loadWidgetModule(state) {
  const dev = state.dev;
  const win = state.win;
  if (!hasFile(state, 'script.js')) {
    return Promise.resolve(null);
  }
  const requirejs = win.requirejs;
  const ctx = requirejs.s.contexts._;
  const root = base(state);
  Object.keys(ctx.defined).concat(Object.keys(ctx.registry)).forEach(function (id) {
    if (id.indexOf(root + '/') === 0 || id.indexOf('text!' + root) === 0 || id.indexOf('json!' + root) === 0) {
      requirejs.undef(id);
    }
  });
  const id = root + '/script.js';
  return new Promise(function (resolve) {
    win.require(HOST_MODULES, function () { resolve(); });
  }).then(function () {
    return new Promise(function (resolve) {
      win.require([id], function (Ctor) {
        if (typeof Ctor !== 'function') {
          dev.report('error', 'script.js must define() a constructor function; it defined ' + describe(Ctor), { file: 'script.js' }, 'define');
          resolve(null);
          return;
        }
        resolve(Ctor);
      }, function (err) {
        requirejs.onError(err);
        resolve(null);
      });
    });
  });
}

/** The widget's constructor, loaded once per page generation. */
export function widgetCtor(state) {
  if (!state.ctorPromise) {
    state.ctorPromise = loadWidgetModule(state);
  }
  return state.ctorPromise;
}

/**
 * Runs render → (only if it returned true, or a Promise of true) init and bind_actions on an instance whose self is
 * built. init_once: init and bind_actions only the first time in this page session.
 */
export function runLifecycle(state, instance) {
  const dev = state.dev;
  return settle(invoke(state, instance, 'render', [], { required: true, missingLevel: 'error', missingHint: 'so init and bind_actions were not called' }))
    .then(function (r) {
      if (r.missing || r.threw) {
        if (r.threw) {
          dev.report('warning', 'render threw, so init and bind_actions were not called', null, 'lifecycle');
        }
        return instance;
      }
      if (r.rejected) {
        dev.report('error', 'render returned a Promise that rejected (' + dev.describe(r.rejected) + '), so init and bind_actions were not called', dev.widgetFrame(r.rejected && r.rejected.stack), 'lifecycle');
        return instance;
      }
      if (r.value !== true) {
        dev.report(r.value === false ? 'info' : 'warning', 'render ' + (r.promised ? 'resolved to ' : 'returned ') + describe(r.value) + ', so init and bind_actions were not called', { file: 'script.js' }, 'lifecycle');
        return instance;
      }
      if (state.server.widget.initOnce === true && state.initOnceDone) {
        dev.calls.push({ name: 'init', area: instance.area, result: 'skipped (init_once)' });
        return instance;
      }
      state.initOnceDone = true;
      ['init', 'bind_actions'].forEach(function (name) {
        const outcome = invoke(state, instance, name, [], { required: true });
        if (!outcome.missing && !outcome.threw && outcome.value !== true && !isThenable(outcome.value)) {
          dev.report('warning', name + ' returned ' + describe(outcome.value) + ' (Kommo expects true)', { file: 'script.js' }, 'lifecycle');
        }
      });
      return instance;
    });
}

/**
 * Starts the widget in an area. extra: what the page knows of the instance ({kind, family, panel, $panel, $modal}).
 * Resolves to the running instance, or null when the widget could not be built (reported).
 */
export function start(state, area, extra) {
  return widgetCtor(state).then(function (Ctor) {
    if (!Ctor) {
      return null;
    }
    const instance = Object.assign({ area: area, panel: false, blocks: [] }, extra || {});
    state.dev.currentArea = area;
    state.app.widgets.system = systemFor(state, area);
    const self = createWidget(state, Ctor, area, instance);
    if (!self) {
      return null;
    }
    instance.self = self;
    state.app.widgets.list[code(state)] = self;
    state.running.push(instance);
    return runLifecycle(state, instance);
  });
}

/** Leaves an area: destroy, then the host removes what it drew for the widget. */
export function stop(state, instance) {
  if (!instance || instance.stopped) {
    return;
  }
  instance.stopped = true;
  invoke(state, instance, 'destroy', []);
  instance.blocks.forEach(function ($b) { $b.remove(); });
  state.running = state.running.filter(function (i) { return i !== instance; });
}

export function stopAll(state) {
  state.running.slice().forEach(function (instance) { stop(state, instance); });
}
