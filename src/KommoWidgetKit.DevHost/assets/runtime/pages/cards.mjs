/*
 * Cards (lcard, ccard, comcard, cucard): the record, APP.data.current_card, the lead's status select, the right panel,
 * the card SDK tab (card_sdk).
 */
import { code, describe, entity, hasLocation, installed, locationOf, manager, widgetName } from '../core/state.mjs';
import { cssId } from '../core/html.mjs';
import { ELEMENT_TYPES } from '../core/app.mjs';
import { api } from '../core/net.mjs';
import { notInstalledBanner } from '../core/chrome.mjs';
import { invoke, settle, start } from '../core/lifecycle.mjs';
import { cardSdkEmpty, cardSdkItem, cardSdkTemplate, cardTemplate, recordNotFoundTemplate } from '../templates/cards.mjs';
import { startEverywhere } from './common.mjs';

const SINGULAR = { leads: 'lead', contacts: 'contact', companies: 'company', customers: 'customer' };

export function pageCard(state, $work) {
  const $ = state.$;
  const dev = state.dev;
  const app = state.app;
  const route = state.route;
  const record = entity(state, route.entity, route.id);
  const family = route.family;
  const loc = locationOf(state, family);
  if (!record) {
    $work.html(String(recordNotFoundTemplate(route.entity, route.id)));
    return Promise.resolve();
  }
  const resp = manager(state, record.responsibleUserId);
  const sdk = hasLocation(state, 'card_sdk') && loc && family !== 'cucard';
  $work.html(String(cardTemplate({
    entity: route.entity, singular: SINGULAR[route.entity], record: record, responsible: resp ? resp.name : '',
    pipelines: route.entity === 'leads' ? state.server.host.pipelines : null,
    sdk: sdk ? { code: code(state), name: widgetName(state) } : null,
    panel: !!(loc && loc.panel)
  })));
  const attributes = {};
  $work.find('input[name], textarea[name], select[name]').each(function () { attributes[this.name] = this.value; });
  const model = {
    attributes: attributes,
    get: function (k) { return attributes[k]; },
    set: function (k, v) { attributes[k] = v; return model; },
    toJSON: function () { return $.extend({}, attributes); },
    on: function () {}, off: function () {}, trigger: function () {}
  };
  $work.on('change input', 'input[name], textarea[name]', function () {
    attributes[this.name] = this.type === 'radio' ? $work.find('input[name="' + this.name + '"]:checked').val() : this.value;
  });
  $work.on('change', 'select.js-card-status', function () {
    const $option = $(this).find('option:selected');
    const statusId = +$option.val();
    const pipelineId = +$option.attr('data-pipeline');
    const $note = $work.find('.card-fields__status-note').text('Saving…');
    api('PATCH', '/api/v4/leads/' + record.id, { status_id: statusId, pipeline_id: pipelineId }).then(function () {
      record.statusId = statusId;
      record.pipelineId = pipelineId;
      attributes['lead[STATUS]'] = String(statusId);
      attributes['lead[PIPELINE_ID]'] = String(pipelineId);
      $work.find('input[name="lead[PIPELINE_ID]"]').val(pipelineId);
      app.constant('card_element', { id: record.id, pipeline_id: pipelineId, status: statusId, element_type: ELEMENT_TYPES.leads });
      $note.text('Moved to ' + $option.text());
    }, function (error) {
      $note.text('Not moved: ' + error.message);
      dev.report('error', 'Moving the lead failed: ' + error.message, null, route.area);
    });
  });
  app.data.current_card = {
    id: record.id, element_type: ELEMENT_TYPES[route.entity], entity: route.entity,
    main_user: record.responsibleUserId, model: model, $el: $('#card_holder'),
    user: { id: record.responsibleUserId }
  };
  app.data.current_entity = route.entity;
  app.constant('card_element', { id: record.id, pipeline_id: record.pipelineId, status: record.statusId, element_type: ELEMENT_TYPES[route.entity] });
  $work.on('click', '.card-tabs__item', function () {
    const tab = $(this).attr('data-tab');
    $work.find('.card-tabs__item').removeClass('card-tabs__item_selected');
    $(this).addClass('card-tabs__item_selected');
    $work.find('[data-tab-content]').hide();
    $work.find('[data-tab-content="' + tab + '"]').show();
    if (tab === code(state)) {
      openCardSdk(state, record);
    }
  });
  if (!loc) {
    return startEverywhere(state, route.area);
  }
  if (!installed(state)) {
    notInstalledBanner(state, 'in this card');
    return Promise.resolve(null);
  }
  return start(state, route.area, { family: family, panel: loc.panel, kind: 'card' });
}

/** The card SDK tab: loadPreloadedData, loadElements, linkCard, searchDataInCard. */
function openCardSdk(state, record) {
  const $ = state.$;
  const dev = state.dev;
  const route = state.route;
  const instance = state.running.filter(function (i) { return i.kind === 'card'; })[0];
  const $tab = $('#' + cssId(code(state)));
  if (!instance) {
    $tab.html(String(cardSdkEmpty()));
    return;
  }
  if ($tab.data('opened')) {
    return;
  }
  $tab.data('opened', true);
  const type = { id: ELEMENT_TYPES[route.entity], code: route.entity };
  $tab.html(String(cardSdkTemplate()));
  let linked = [];
  let catalog = [];
  function rows(items, linkedRows) {
    return items.map(function (i) { return String(cardSdkItem(i, linkedRows)); }).join('');
  }
  function drawLinked() {
    $tab.find('.card-sdk__linked').html(rows(linked, true));
  }
  function drawCatalog() {
    $tab.find('.card-sdk__catalog').html(rows(catalog, false));
  }
  function expectArray(name, r) {
    return settle(r).then(function (s) {
      if (s.missing || s.threw) {
        return [];
      }
      if (s.rejected) {
        dev.report('error', name + ' rejected: ' + dev.describe(s.rejected), null, 'card_sdk');
        return [];
      }
      if (!s.promised) {
        dev.report('warning', name + ' returned ' + describe(s.value) + ' (Kommo expects a Promise of an array)', null, 'card_sdk');
      }
      return Array.isArray(s.value) ? s.value : [];
    });
  }
  const sdkHint = { required: true, missingHint: 'the card SDK tab needs loadPreloadedData, loadElements, linkCard and searchDataInCard' };
  expectArray('loadPreloadedData', invoke(state, instance, 'loadPreloadedData', [], sdkHint)).then(function (items) {
    catalog = items;
    drawCatalog();
    return expectArray('loadElements', invoke(state, instance, 'loadElements', [type, record.id], sdkHint));
  }).then(function (items) {
    linked = items;
    drawLinked();
  });
  function link(item, unlink) {
    const links = [{ from: route.entity, from_id: record.id, to: 'catalog_elements', to_id: item.id, quantity: unlink ? 0 : 1, unlink: !!unlink }];
    settle(invoke(state, instance, 'linkCard', [links], sdkHint)).then(function (s) {
      if (s.rejected) {
        dev.report('error', 'linkCard rejected: ' + dev.describe(s.rejected), null, 'card_sdk');
        return;
      }
      if (unlink) {
        linked = linked.filter(function (l) { return l.id !== item.id; });
      } else if (!linked.some(function (l) { return l.id === item.id; })) {
        linked.push($.extend({ quantity: 1 }, item));
      }
      drawLinked();
    });
  }
  $tab.on('click', '.card-sdk__link', function () {
    const id = $(this).closest('.card-sdk__item').attr('data-id');
    const item = catalog.filter(function (i) { return String(i.id) === id; })[0];
    if (item) {
      link(item, false);
    }
  });
  $tab.on('click', '.card-sdk__unlink', function () {
    const id = $(this).closest('.card-sdk__item').attr('data-id');
    const item = linked.filter(function (i) { return String(i.id) === id; })[0];
    if (item) {
      link(item, true);
    }
  });
  $tab.on('change', '.js-card-sdk-search', function () {
    expectArray('searchDataInCard', invoke(state, instance, 'searchDataInCard', [this.value, type, record.id], sdkHint)).then(function (items) {
      catalog = items;
      drawCatalog();
    });
  });
}
