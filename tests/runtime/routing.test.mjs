import test from 'node:test';
import assert from 'node:assert/strict';
import { parseRoute, isInternalHref } from '../../src/KommoWidgetKit.DevHost/assets/runtime/core/routing.mjs';

test('every emulated page routes to its page and widget area', () => {
  const cases = {
    '/': ['index', 'index'],
    '/dashboard/': ['dashboard', 'dashboard'],
    '/leads/pipeline/': ['pipeline', 'leads_pipeline'],
    '/leads/detail/30000001': ['card', 'lcard'],
    '/contacts/detail/10000001': ['card', 'ccard'],
    '/companies/detail/20000001': ['card', 'comcard'],
    '/customers/detail/40000001': ['card', 'cucard'],
    '/leads/list/': ['list', 'llist'],
    '/contacts/list/contacts/': ['list', 'clist'],
    '/contacts/list/': ['list', 'clist'],
    '/contacts/list/companies/': ['list', 'clist'],
    '/customers/list/': ['list', 'culist'],
    '/todo/list/': ['list', 'tlist'],
    '/settings/widgets/': ['widgets', 'widgetsSettings'],
    '/settings/widgets/my_widget/': ['advanced', 'advanced_settings'],
    '/settings/pipeline/leads/8000001/': ['dp', 'digital_pipeline'],
    '/widget_page/my_widget/main/': ['menu', 'widget_page'],
    '/widget_page/my_widget/main/sub/': ['menu', 'widget_page'],
    '/salesbot/designer/': ['salesbot', 'salesbot_designer'],
    '/no/such/page': ['notfound', 'notfound'],
    '/leads/detail/abc': ['notfound', 'notfound']
  };
  for (const [path, [page, area]] of Object.entries(cases)) {
    const route = parseRoute(path);
    assert.deepEqual([route.page, route.area], [page, area], path);
  }
});

test('routes carry the record, the list callback, the codes and items', () => {
  assert.deepEqual(parseRoute('/leads/detail/42'), { page: 'card', area: 'lcard', family: 'lcard', entity: 'leads', id: 42, title: 'leads' });
  assert.equal(parseRoute('/contacts/list/companies').selected, 'contacts.selected');
  assert.equal(parseRoute('/todo/list/').selected, 'todo.selected');
  assert.equal(parseRoute('/customers/list/').selected, null);
  assert.equal(parseRoute('/settings/widgets/my%20code/').code, 'my code');
  assert.equal(parseRoute('/settings/pipeline/leads/7/').pipeline, 7);
  const menu = parseRoute('/widget_page/w/item/sub');
  assert.deepEqual([menu.code, menu.item, menu.subitem], ['w', 'item', 'sub']);
  assert.equal(parseRoute('/widget_page/w/item/').subitem, null);
});

test('only absolute paths navigate inside the page', () => {
  assert.ok(isInternalHref('/leads/list/'));
  assert.ok(!isInternalHref('https://example.com/'));
  assert.ok(!isInternalHref('#x'));
  assert.ok(!isInternalHref(undefined));
});
