/*
 * Routing on location.pathname, like Kommo's single-page app: which page, which widget area, which record.
 */

const CARD_FAMILIES = { leads: 'lcard', contacts: 'ccard', companies: 'comcard', customers: 'cucard' };

/** The page for a path: {page, area, title, …} (card: family, entity, id; list: family, entity, selected; …). */
export function parseRoute(pathname) {
  const p = pathname.replace(/\/+$/, '') || '/';
  let m;
  if (p === '/') {
    return { page: 'index', area: 'index', title: 'Dev host' };
  }
  if (p === '/dashboard') {
    return { page: 'dashboard', area: 'dashboard', title: 'Dashboard' };
  }
  if (p === '/leads/pipeline') {
    return { page: 'pipeline', area: 'leads_pipeline', title: 'Leads' };
  }
  if ((m = /^\/(leads|contacts|companies|customers)\/detail\/(\d+)$/.exec(p))) {
    const fam = CARD_FAMILIES[m[1]];
    return { page: 'card', area: fam, family: fam, entity: m[1], id: +m[2], title: m[1] };
  }
  if (p === '/leads/list') {
    return { page: 'list', area: 'llist', family: 'llist', entity: 'leads', selected: 'leads.selected', title: 'Leads' };
  }
  if (p === '/contacts/list/contacts' || p === '/contacts/list') {
    return { page: 'list', area: 'clist', family: 'clist', entity: 'contacts', selected: 'contacts.selected', title: 'Contacts' };
  }
  if (p === '/contacts/list/companies') {
    return { page: 'list', area: 'clist', family: 'clist', entity: 'companies', selected: 'contacts.selected', title: 'Companies' };
  }
  if (p === '/customers/list') {
    return { page: 'list', area: 'culist', family: 'culist', entity: 'customers', selected: null, title: 'Customers' };
  }
  if (p === '/todo/list') {
    return { page: 'list', area: 'tlist', family: 'tlist', entity: 'tasks', selected: 'todo.selected', title: 'Tasks' };
  }
  if (p === '/settings/widgets') {
    return { page: 'widgets', area: 'widgetsSettings', title: 'Settings — Integrations' };
  }
  if ((m = /^\/settings\/widgets\/([^/]+)$/.exec(p))) {
    return { page: 'advanced', area: 'advanced_settings', code: decodeURIComponent(m[1]), title: 'Settings' };
  }
  if ((m = /^\/settings\/pipeline\/leads\/(\d+)$/.exec(p))) {
    return { page: 'dp', area: 'digital_pipeline', pipeline: +m[1], title: 'Digital pipeline' };
  }
  if ((m = /^\/widget_page\/([^/]+)\/([^/]+)(?:\/([^/]+))?$/.exec(p))) {
    return { page: 'menu', area: 'widget_page', code: decodeURIComponent(m[1]), item: m[2], subitem: m[3] || null, title: 'Widget page' };
  }
  if (p === '/salesbot/designer') {
    return { page: 'salesbot', area: 'salesbot_designer', title: 'Salesbot designer' };
  }
  return { page: 'notfound', area: 'notfound', title: 'Not found' };
}

/** Whether a link's href is one the shell navigates to without a reload (same origin, absolute path). */
export function isInternalHref(href) {
  return typeof href === 'string' && href.charAt(0) === '/';
}
