/*
 * Lists (llist, clist, culist, tlist): APP.data.current_list, the ticked rows, <entity>.selected from "More…".
 */
import { code, getPath, installed, locationOf, manager, statusName, widgetName } from '../core/state.mjs';
import { notInstalledBanner } from '../core/chrome.mjs';
import { widgetsOverlay } from '../core/host-ui.mjs';
import { invoke, start } from '../core/lifecycle.mjs';
import { massActionItem } from '../templates/panel.mjs';
import { listTemplate } from '../templates/lists.mjs';
import { startEverywhere } from './common.mjs';

const CARD_PATHS = { leads: '/leads/detail/', contacts: '/contacts/detail/', companies: '/companies/detail/', customers: '/customers/detail/', tasks: null };

/** The list's view: one row per record with its owner, phones, price and (leads) stage. */
export function listView(state, route) {
  const records = state.server.host.entities[route.entity] || [];
  return {
    entity: route.entity,
    title: route.title,
    tableId: route.entity === 'contacts' || route.entity === 'companies' ? 'contacts_list' : 'list_table',
    cardPath: CARD_PATHS[route.entity],
    name: widgetName(state),
    rows: records.map(function (r) {
      const owner = manager(state, r.responsibleUserId);
      return {
        id: r.id, name: r.name, owner: owner ? owner.name : '', phones: (r.phones || []).join(', '),
        price: r.price !== null && r.price !== undefined ? '$' + r.price : '',
        status: route.entity === 'leads' ? statusName(state, r.pipelineId, r.statusId) : null
      };
    })
  };
}

export function pageList(state, $work) {
  const $ = state.$;
  const app = state.app;
  const route = state.route;
  const rows = state.server.host.entities[route.entity] || [];
  const family = route.family;
  const loc = locationOf(state, family);
  $work.html(String(listTemplate(listView(state, route))));
  app.data.current_list = rows.map(function (r) { return { id: r.id, name: r.name, checked: false }; });
  app.data.current_entity = route.entity;
  const selectedName = route.selected;
  const $bar = $work.find('.js-control-bar-actions');
  $work.on('change', '.js-list-checkbox', function () {
    const n = $work.find('.js-list-checkbox:checked').length;
    $bar.toggle(n > 0).find('.control-bar__count').text(n);
    app.data.current_list.forEach(function (item) {
      item.checked = $work.find('.js-item-id-' + item.id + ' .js-list-checkbox').prop('checked');
    });
  });
  $work.on('click', '#multi-widget_close', function () { widgetsOverlay(state, false); });
  const $more = $work.find('.control-bar__more');
  $work.on('click', '.js-list-more', function () { $more.toggle(); });

  if (!loc) {
    return startEverywhere(state, route.area);
  }
  if (!installed(state)) {
    notInstalledBanner(state, 'in this list');
    return Promise.resolve(null);
  }
  return start(state, route.area, { family: family, panel: loc.panel, kind: 'list', $panel: $work.find('#widgets_overlay .card-widgets__elements') }).then(function (instance) {
    if (!instance) {
      return;
    }
    // Kommo lists the widget under "More" for the selected rows; picking it runs <entity>.selected.
    const $item = $(String(massActionItem(code(state), widgetName(state))));
    $more.append($item);
    $item.on('click', function () {
      $more.hide();
      if (instance.panel) {
        widgetsOverlay(state, true);
      }
      if (selectedName) {
        invoke(state, instance, selectedCallback(instance.self.callbacks, selectedName), [],
          { required: true, missingHint: 'so nothing happens when the widget is picked for the selected rows' });
      }
    });
  });
}

/** The docs name todo.selected; many widgets define tasks.selected instead, so either is accepted. */
export function selectedCallback(callbacks, name) {
  if (name === 'todo.selected' && typeof getPath(callbacks, name) !== 'function' && typeof getPath(callbacks, 'tasks.selected') === 'function') {
    return 'tasks.selected';
  }
  return name;
}
