/*
 * The dev host's index, the dashboard, the not-found page and the leads pipeline board: `everywhere` at most.
 */
import { code, firstId, hasLocation, locationOf, locations, manifest, widgetName } from '../core/state.mjs';
import { indexTemplate, pipelineTemplate, simpleTemplate } from '../templates/overview.mjs';
import { startEverywhere } from './common.mjs';

/** The index's rows: every page, its location and whether the widget loads there. */
export function indexRows(state) {
  const widgetCode = encodeURIComponent(code(state));
  const rows = [
    ['/dashboard/', 'Dashboard', 'everywhere'],
    ['/leads/pipeline/', 'Leads pipeline', 'everywhere'],
    ['/leads/detail/' + firstId(state, 'leads'), 'Lead card', 'lcard'],
    ['/contacts/detail/' + firstId(state, 'contacts'), 'Contact card', 'ccard'],
    ['/companies/detail/' + firstId(state, 'companies'), 'Company card', 'comcard'],
    ['/customers/detail/' + firstId(state, 'customers'), 'Customer card', 'cucard'],
    ['/leads/list/', 'Leads list', 'llist'],
    ['/contacts/list/contacts/', 'Contacts list', 'clist'],
    ['/contacts/list/companies/', 'Companies list', 'clist'],
    ['/customers/list/', 'Customers list', 'culist'],
    ['/todo/list/', 'Tasks list', 'tlist'],
    ['/settings/widgets/', 'Settings → Integrations (settings modal)', 'settings'],
    ['/settings/widgets/' + widgetCode + '/', 'Advanced settings', 'advanced_settings'],
    ['/settings/pipeline/leads/' + state.server.host.pipelines[0].id + '/', 'Digital pipeline', 'digital_pipeline'],
    ['/widget_page/' + widgetCode + '/' + encodeURIComponent(Object.keys(manifest(state).left_menu || {})[0] || 'main') + '/', 'Left-menu page', 'widget_page'],
    ['/salesbot/designer/', 'Salesbot designer', 'salesbot_designer']
  ];
  return rows.map(function (r) {
    const where = r[2];
    const loads = where === 'everywhere' || where === 'settings' ? hasLocation(state, where) :
      /card|list$/.test(where) ? !!locationOf(state, where) || hasLocation(state, 'everywhere') : hasLocation(state, where);
    return { href: r[0], title: r[1], location: where, loads: loads };
  });
}

export function pageIndex(state, $work) {
  $work.html(String(indexTemplate({
    name: widgetName(state), code: code(state), version: state.server.widget.version,
    locations: locations(state).join(', ') || '(none)', rows: indexRows(state)
  })));
  return Promise.resolve();
}

/** The dashboard, and the page for a path the host does not emulate. */
export function pageSimple(state, $work) {
  const route = state.route;
  const entities = state.server.host.entities;
  $work.html(String(simpleTemplate({
    page: route.page, title: route.title, notFound: route.page === 'notfound',
    leads: (entities.leads || []).length, tasks: (entities.tasks || []).length
  })));
  return startEverywhere(state, route.area);
}

export function pagePipeline(state, $work) {
  const pipeline = state.server.host.pipelines[0];
  const leads = state.server.host.entities.leads || [];
  $work.html(String(pipelineTemplate({
    statuses: pipeline.statuses.map(function (s) {
      return {
        id: s.id, name: s.name, color: s.color,
        leads: leads.filter(function (l) { return l.pipelineId === pipeline.id && l.statusId === s.id; })
      };
    })
  })));
  return startEverywhere(state, state.route.area);
}
