/*
 * The left menu: Kommo's sections, with the widget's left_menu entries placed and hidden as the manifest says.
 */
import { base, code, firstId, manifest, t } from './state.mjs';

const SYSTEM_SECTIONS = ['dashboard', 'leads', 'customers', 'tasks', 'catalogs', 'mail', 'stats', 'settings'];

/** [{code, href, title, own, icon, sub: [[href, title]]}] for the shell. */
export function menuItems(state) {
  const widgetCode = encodeURIComponent(code(state));
  let items = [
    { code: 'dashboard', href: '/dashboard/', title: 'Dashboard' },
    { code: 'leads', href: '/leads/list/', title: 'Leads', sub: [['/leads/pipeline/', 'Pipeline'], ['/leads/list/', 'List'], ['/leads/detail/' + firstId(state, 'leads'), 'Lead card']] },
    { code: 'customers', href: '/customers/list/', title: 'Customers', sub: [['/customers/list/', 'List'], ['/customers/detail/' + firstId(state, 'customers'), 'Customer card']] },
    { code: 'contacts', href: '/contacts/list/contacts/', title: 'Contacts', sub: [['/contacts/list/contacts/', 'Contacts'], ['/contacts/list/companies/', 'Companies'], ['/contacts/detail/' + firstId(state, 'contacts'), 'Contact card'], ['/companies/detail/' + firstId(state, 'companies'), 'Company card']] },
    { code: 'tasks', href: '/todo/list/', title: 'Tasks' },
    { code: 'salesbot', href: '/salesbot/designer/', title: 'Salesbot' },
    { code: 'settings', href: '/settings/widgets/', title: 'Settings', sub: [['/settings/widgets/', 'Integrations'], ['/settings/widgets/' + widgetCode + '/', 'Advanced settings'], ['/settings/pipeline/leads/' + state.server.host.pipelines[0].id + '/', 'Digital pipeline']] }
  ];
  const leftMenu = manifest(state).left_menu || {};
  Object.keys(leftMenu).forEach(function (key) {
    const entry = leftMenu[key] || {};
    if (SYSTEM_SECTIONS.indexOf(key) >= 0) {
      if (entry.is_hidden === true) {
        items = items.filter(function (i) { return i.code !== key; });
      }
      return;
    }
    const own = {
      code: 'widget_' + key, own: true, href: '/widget_page/' + widgetCode + '/' + encodeURIComponent(key) + '/',
      title: t(state, entry.title) || key, icon: entry.icon ? base(state) + '/' + String(entry.icon).replace(/^\//, '') : '', sub: []
    };
    const submenu = entry.submenu || {};
    Object.keys(submenu).sort(function (a, b) { return (submenu[a].sort || 0) - (submenu[b].sort || 0); }).forEach(function (subKey) {
      own.sub.push(['/widget_page/' + widgetCode + '/' + encodeURIComponent(key) + '/' + encodeURIComponent(subKey) + '/', t(state, submenu[subKey].title) || subKey]);
    });
    const after = entry.sort && entry.sort.after;
    let index = -1;
    items.forEach(function (i, n) { if (i.code === after) { index = n; } });
    if (index >= 0) {
      items.splice(index + 1, 0, own);
    } else {
      items.push(own);
    }
  });
  items.push({ code: 'dev', href: '/', title: 'Dev host' });
  return items;
}
