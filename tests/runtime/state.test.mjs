import test from 'node:test';
import assert from 'node:assert/strict';
import {
  createState, getPath, t, code, base, widgetName, installed, logo, locationOf, hasLocation, locales, entity, firstId,
  statusName, manager, describe, isThenable, settingFields
} from '../../src/KommoWidgetKit.DevHost/assets/runtime/core/state.mjs';
import { bootedState, serverState } from './support.mjs';

test('a fresh state holds everything the runtime keeps between calls, and nothing is shared between states', () => {
  const a = createState({ win: 1, dev: 2, $: 3 });
  const b = createState({});
  assert.deepEqual([a.win, a.dev, a.$], [1, 2, 3]);
  assert.deepEqual(Object.keys(a).sort(), ['$', 'actions', 'app', 'ctorPromise', 'dev', 'generation', 'initOnceDone', 'lang', 'langs',
    'notificationCallbacks', 'page', 'reload', 'route', 'running', 'server', 'sources', 'twigExtended', 'win'].sort());
  a.running.push(1);
  a.page.waiters.push(1);
  assert.deepEqual([b.running, b.page.waiters], [[], []]);
});

test('dotted i18n paths resolve; anything else is shown as written', () => {
  const state = bootedState();
  assert.equal(getPath({ a: { b: 'x' } }, 'a.b'), 'x');
  assert.equal(getPath({ a: 'x' }, 'a.b'), undefined);
  assert.equal(getPath(null, 'a'), undefined);
  assert.equal(t(state, 'widget.name'), 'Demo <b>widget</b>');
  assert.equal(t(state, 'widget'), 'widget');
  assert.equal(t(state, 'Plain text'), 'Plain text');
  assert.equal(t(state, 5), 5);
  assert.equal(widgetName(state), 'Demo <b>widget</b>');
  state.langs = {};
  assert.equal(widgetName(state), 'widget.name');
});

test('widget facts come from the host state', () => {
  const state = bootedState();
  assert.deepEqual([code(state), base(state), installed(state)], ['demo', '/upl/demo/widget', true]);
  assert.equal(logo(state, 'logo_medium.png'), '/upl/demo/widget/images/logo_medium.png');
  assert.equal(logo(state, 'logo.png'), '');
  assert.deepEqual(locales(state), ['en']);
  state.server.widget.locales = [];
  state.server.widget.i18n = { es: {}, en: {} };
  assert.deepEqual(locales(state), ['es', 'en']);
  assert.deepEqual(settingFields(state), []);
});

test('a location family is listed with a panel (-1 or bare), without (-0), or not at all', () => {
  const state = bootedState({ widget: { locations: ['lcard-1', 'ccard-0', 'llist', 'settings'] } });
  assert.deepEqual(locationOf(state, 'lcard'), { panel: true });
  assert.deepEqual(locationOf(state, 'ccard'), { panel: false });
  assert.deepEqual(locationOf(state, 'llist'), { panel: true });
  assert.equal(locationOf(state, 'comcard'), null);
  assert.ok(hasLocation(state, 'settings'));
  assert.ok(!hasLocation(state, 'lcard'));
});

test('records, managers and stages are looked up in the host data', () => {
  const state = bootedState();
  assert.equal(entity(state, 'leads', 30000001).name, 'First lead');
  assert.equal(entity(state, 'leads', 1), null);
  assert.equal(entity(state, 'nope', 1), null);
  assert.equal(firstId(state, 'leads'), 30000001);
  assert.equal(firstId(state, 'contacts'), 1);
  assert.equal(statusName(state, 8000001, 142), 'Won');
  assert.equal(statusName(state, 1, 1), '');
  assert.equal(manager(state, 9000002).name, 'Ann <Smith>');
  assert.equal(manager(state, 1), null);
});

test('values are described as messages say them', () => {
  assert.equal(describe(undefined), 'undefined');
  assert.equal(describe(null), 'null');
  assert.equal(describe('x'.repeat(50)), 'the string "' + 'x'.repeat(40) + '…"');
  assert.equal(describe([]), 'an array');
  assert.equal(describe({}), 'an object');
  assert.equal(describe(false), 'false');
  assert.ok(isThenable(Promise.resolve()));
  assert.ok(isThenable({ then() {} }));
  assert.ok(!isThenable(0));
  assert.ok(!isThenable({ then: 1 }));
  assert.equal(serverState().install.active, 'Y');
});
