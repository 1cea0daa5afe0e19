import test from 'node:test';
import assert from 'node:assert/strict';
import { invoke, settle, start, stop, stopAll, runLifecycle } from '../../src/KommoWidgetKit.DevHost/assets/runtime/core/lifecycle.mjs';
import { bootedState } from './support.mjs';

/** A widget constructor whose callbacks are given; each call is also noted on the widget's own log. */
function widget(callbacks) {
  return function () {
    this.callbacks = callbacks;
    return this;
  };
}

function run(state, callbacks, area) {
  state.ctorPromise = Promise.resolve(widget(callbacks));
  return start(state, area || 'lcard', { kind: 'card', panel: true });
}

const calls = (state) => state.dev.calls.map((c) => c.name + '@' + c.area);
const problems = (state) => state.dev.problems.map((p) => p.level + ': ' + p.message);

test('render returning true runs init then bind_actions; destroy on leaving', async () => {
  const state = bootedState();
  const instance = await run(state, { render: () => true, init: () => true, bind_actions: () => true, destroy() {} });
  assert.deepEqual(calls(state), ['render@lcard', 'init@lcard', 'bind_actions@lcard']);
  assert.deepEqual(problems(state), []);
  assert.equal(state.app.widgets.list.demo, instance.self);
  assert.equal(state.app.widgets.system.area, 'lcard');
  assert.deepEqual(state.running, [instance]);
  stop(state, instance);
  stop(state, instance);
  assert.deepEqual(calls(state).slice(3), ['destroy@lcard']);
  assert.deepEqual(state.running, []);
});

test('a render Promise that resolves to true counts as true', async () => {
  const state = bootedState();
  await run(state, { render: () => Promise.resolve(true), init: () => true, bind_actions: () => true });
  assert.deepEqual(calls(state), ['render@lcard', 'init@lcard', 'bind_actions@lcard']);
  assert.equal(state.dev.calls[0].result, 'promise');
});

test('render returning anything but true stops the lifecycle, and says why', async () => {
  for (const [value, level, said] of [[false, 'info', 'render returned false'], [undefined, 'warning', 'render returned undefined'],
    [Promise.resolve('yes'), 'warning', 'render resolved to the string "yes"']]) {
    const state = bootedState();
    await run(state, { render: () => value, init: () => true, bind_actions: () => true });
    assert.deepEqual(calls(state), ['render@lcard']);
    assert.deepEqual(problems(state), [level + ': ' + said + ', so init and bind_actions were not called']);
  }
});

test('a missing, throwing or rejecting render is reported precisely', async () => {
  let state = bootedState();
  await run(state, { init: () => true });
  assert.deepEqual(problems(state), ['error: callbacks.render is missing, so init and bind_actions were not called']);
  assert.equal(state.dev.calls[0].result, 'missing');

  state = bootedState();
  await run(state, { render() { throw new TypeError('boom'); } });
  assert.deepEqual(problems(state), ['error: render threw TypeError: boom', 'warning: render threw, so init and bind_actions were not called']);

  state = bootedState();
  await run(state, { render: () => Promise.reject(new Error('no')) });
  assert.deepEqual(problems(state), ['error: render returned a Promise that rejected (Error: no), so init and bind_actions were not called']);
});

test('init and bind_actions that do not return true are warned about; optional callbacks that are missing are skipped', async () => {
  const state = bootedState();
  const instance = await run(state, { render: () => true, init: () => 1, bind_actions: () => Promise.resolve() });
  assert.deepEqual(problems(state), ['warning: init returned 1 (Kommo expects true)']);
  assert.deepEqual(invoke(state, instance, 'destroy', []), { missing: true });
  assert.deepEqual(invoke(state, instance, 'leads.selected', []), { missing: true });
  assert.equal(state.dev.calls.length, 3);
});

test("dotted callbacks are found in nested objects and called with the callbacks object as this", () => {
  const state = bootedState();
  let seen = null;
  const callbacks = { leads: { selected() { seen = this; return true; } } };
  const outcome = invoke(state, { area: 'llist', self: { callbacks } }, 'leads.selected', [], { required: true });
  assert.deepEqual(outcome, { value: true });
  assert.equal(seen, callbacks);
  assert.deepEqual(calls(state), ['leads.selected@llist']);
});

test('init_once runs init and bind_actions only in the first area of the page session', async () => {
  const state = bootedState({ widget: { initOnce: true } });
  const callbacks = { render: () => true, init: () => true, bind_actions: () => true, destroy() {} };
  await run(state, callbacks, 'lcard');
  stopAll(state);
  await run(state, callbacks, 'ccard');
  assert.deepEqual(calls(state), ['render@lcard', 'init@lcard', 'bind_actions@lcard', 'destroy@lcard', 'render@ccard', 'init@ccard']);
  assert.equal(state.dev.calls[5].result, 'skipped (init_once)');
});

test('settle gives the value a Promise resolved to, or the rejection', async () => {
  assert.deepEqual(await settle({ value: 1 }), { value: 1 });
  assert.deepEqual(await settle({ value: Promise.resolve(2) }), { value: 2, promised: true });
  const e = new Error('x');
  assert.deepEqual(await settle({ value: Promise.reject(e) }), { rejected: e });
  assert.deepEqual(await settle({ missing: true }), { missing: true });
});

test('the widget object is ready in the constructor: params, system(), i18n, writable members', async () => {
  const state = bootedState({ install: { settings: { api_key: 'k' } } });
  let seen = null;
  state.ctorPromise = Promise.resolve(function () {
    seen = { params: this.get_settings(), system: this.system(), name: this.i18n('widget.name'), langs: this.langs };
    this.system = function () { return 'mine'; };
    this.callbacks = { render: () => true, init: () => true, bind_actions: () => true };
  });
  const instance = await start(state, 'lcard', {});
  assert.equal(seen.params.api_key, 'k');
  assert.equal(seen.params.widget_code, 'demo');
  assert.equal(seen.params.path, '/upl/demo/widget');
  assert.equal(seen.system.area, 'lcard');
  assert.equal(seen.system.subdomain, 'devaccount');
  assert.equal(seen.system.entity_id, 30000001);
  assert.equal(seen.name, 'Demo <b>widget</b>');
  assert.equal(instance.self.system(), 'mine');
  assert.equal(instance.self.i18n('widget.missing'), undefined);
  assert.deepEqual(problems(state), ['warning: self.i18n("widget.missing") is not in i18n/en.json']);
});

test('a constructor that throws or sets no callbacks runs nothing', async () => {
  let state = bootedState();
  state.ctorPromise = Promise.resolve(function () { throw new Error('ctor'); });
  assert.equal(await start(state, 'lcard', {}), null);
  assert.deepEqual(problems(state), ['error: the widget constructor (the function script.js returns) threw: Error: ctor']);
  state = bootedState();
  state.ctorPromise = Promise.resolve(function () {});
  assert.equal(await start(state, 'lcard', {}), null);
  assert.deepEqual(problems(state), ['error: the widget constructor did not set this.callbacks, so no callback can run']);
  assert.deepEqual(state.dev.calls, []);
});

test('runLifecycle works on an instance that is already built', async () => {
  const state = bootedState();
  const instance = { area: 'settings', blocks: [], self: { callbacks: { render: () => true, init: () => true, bind_actions: () => true } } };
  assert.equal(await runLifecycle(state, instance), instance);
  assert.deepEqual(calls(state), ['render@settings', 'init@settings', 'bind_actions@settings']);
});
