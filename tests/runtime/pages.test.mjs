import test from 'node:test';
import assert from 'node:assert/strict';
import { menuItems } from '../../src/KommoWidgetKit.DevHost/assets/runtime/core/menu.mjs';
import { indexRows } from '../../src/KommoWidgetKit.DevHost/assets/runtime/pages/overview.mjs';
import { listView, selectedCallback } from '../../src/KommoWidgetKit.DevHost/assets/runtime/pages/lists.mjs';
import { fieldRows, isEmpty, missingRequired } from '../../src/KommoWidgetKit.DevHost/assets/runtime/pages/fields.mjs';
import { salesbotHandlers } from '../../src/KommoWidgetKit.DevHost/assets/runtime/pages/salesbot.mjs';
import { needsPageReload, widgetStylesheet } from '../../src/KommoWidgetKit.DevHost/assets/runtime/core/live-reload.mjs';
import { bootedState } from './support.mjs';

test('the left menu places the widget entries after the section they name, hides sections, ends with the dev host', () => {
  const state = bootedState({
    widget: {
      manifest: {
        left_menu: {
          reports: { title: 'menu.reports', icon: '/images/menu.svg', sort: { after: 'leads' }, submenu: { b: { title: 'B', sort: 2 }, a: { title: 'A', sort: 1 } } },
          tail: { title: 'Tail' },
          tasks: { is_hidden: true }
        }
      }
    }
  });
  state.langs = { menu: { reports: 'Reports' } };
  const items = menuItems(state);
  assert.deepEqual(items.map((i) => i.code), ['dashboard', 'leads', 'widget_reports', 'customers', 'contacts', 'salesbot', 'settings', 'widget_tail', 'dev']);
  const reports = items[2];
  assert.deepEqual([reports.title, reports.href, reports.icon, reports.own], ['Reports', '/widget_page/demo/reports/', '/upl/demo/widget/images/menu.svg', true]);
  assert.deepEqual(reports.sub, [['/widget_page/demo/reports/a/', 'A'], ['/widget_page/demo/reports/b/', 'B']]);
  assert.equal(items[0].sub, undefined);
  assert.ok(items.find((i) => i.code === 'settings').sub.some((s) => s[0] === '/settings/pipeline/leads/8000001/'));
});

test('the index says on which pages the widget loads', () => {
  const loads = (locations) => indexRows(bootedState({ widget: { locations } })).filter((r) => r.loads).map((r) => r.title);
  assert.deepEqual(loads(['lcard-0', 'settings']), ['Lead card', 'Settings → Integrations (settings modal)']);
  assert.deepEqual(loads(['everywhere']).length, 11);
  assert.deepEqual(loads(['clist-1', 'widget_page']), ['Contacts list', 'Companies list', 'Left-menu page']);
  assert.equal(indexRows(bootedState()).length, 16);
});

test('a list view: one row per record, lead stages, the table id contacts and companies share', () => {
  const state = bootedState();
  const view = listView(state, { entity: 'leads', title: 'Leads' });
  assert.deepEqual(view.rows, [{ id: 30000001, name: 'First lead', owner: 'Dev User', phones: '', price: '$100', status: 'New' }]);
  assert.equal(view.tableId, 'list_table');
  assert.equal(listView(state, { entity: 'companies', title: 'C' }).tableId, 'contacts_list');
  assert.equal(listView(state, { entity: 'tasks', title: 'T' }).cardPath, null);
});

test('todo.selected falls back to tasks.selected, which many widgets define', () => {
  assert.equal(selectedCallback({ tasks: { selected() {} } }, 'todo.selected'), 'tasks.selected');
  assert.equal(selectedCallback({ todo: { selected() {} }, tasks: { selected() {} } }, 'todo.selected'), 'todo.selected');
  assert.equal(selectedCallback({}, 'todo.selected'), 'todo.selected');
  assert.equal(selectedCallback({ tasks: { selected() {} } }, 'leads.selected'), 'leads.selected');
});

test('settings fields come from the model\'s list, labels translated, required ones checked', () => {
  const state = bootedState();
  state.langs = { settings: { key: 'API key' } };
  const fields = [{ code: 'key', name: 'settings.key', type: 'text', required: true }, { code: 'opt', name: null, type: null, required: false },
    { code: 'who', name: 'Who', type: 'users', required: true }];
  const rows = fieldRows(state, fields, { key: 'k' }).map(String);
  assert.ok(rows[0].includes('>API key <span class="widget_settings_block__required">*</span>:') && rows[0].includes('value="k"'));
  assert.ok(rows[1].includes('data-field="opt" data-type="text"') && rows[1].includes('title="opt"'));
  assert.deepEqual(missingRequired(fields, { key: ' ', opt: '', who: {} }), ['key', 'who']);
  assert.deepEqual(missingRequired(fields, { key: 'k', who: { 1: 'x' } }), []);
  assert.ok(isEmpty(null) && isEmpty('  ') && isEmpty({}) && !isEmpty('0') && !isEmpty(0));
});

test('salesbot handlers are the objects of the block, logo aside', () => {
  const state = bootedState({ widget: { manifest: { salesbot_designer: { logo: '/x.png', send: { name: 'Send' }, bad: 'x' } } } });
  assert.deepEqual(salesbotHandlers(state).map((h) => h.code), ['send']);
});

test('live reload: which stylesheet links are the widget\'s, and when only a page reload will do', () => {
  const state = bootedState();
  assert.equal(widgetStylesheet(state, 'http://127.0.0.1:5173/upl/demo/widget/css/style.css?v=1'), 'css/style.css');
  assert.equal(widgetStylesheet(state, '/__kommo/runtime/kommo.css'), null);
  const before = state.server;
  const same = JSON.parse(JSON.stringify(before));
  same.widget.version = '2.0.0';
  assert.ok(!needsPageReload(before, same));
  const moved = JSON.parse(JSON.stringify(before));
  moved.widget.locations = ['llist-1'];
  assert.ok(needsPageReload(before, moved));
  const menu = JSON.parse(JSON.stringify(before));
  menu.widget.manifest.left_menu = { x: {} };
  assert.ok(needsPageReload(before, menu));
});
