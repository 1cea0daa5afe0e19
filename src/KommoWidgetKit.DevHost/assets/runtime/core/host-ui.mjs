/*
 * The parts of host pages the widget's self API reads or draws into: the right panel (render_template), the list
 * overlay and selection, the card's action and source buttons.
 */
import { code, entity, getPath, describe, isThenable, logo, widgetName } from './state.mjs';
import { actionButton, panelBlock, sourceButton } from '../templates/panel.mjs';

/** self.render_template: a block in the right panel (cards, and the list overlay), when the location has one. */
export function renderTemplate(state, instance, options, templateParams) {
  const $ = state.$;
  const dev = state.dev;
  options = options || {};
  if (!instance.panel) {
    dev.report('info', 'render_template was called in ' + instance.area + ' but the widget has no right-panel block there (location ' +
      (instance.family || instance.area) + '-0, or not a card/list area)', null, 'render_template');
    return false;
  }
  const $host = instance.$panel || $('#card_widgets .card-widgets__elements');
  const caption = options.caption || {};
  let body = options.body || '';
  if (options.render) {
    try {
      body += state.win.Twig.twig({ data: options.render, allowInlineIncludes: true }).render(templateParams || {});
    } catch (e) {
      dev.report('error', 'render_template: the Twig template in options.render failed: ' + dev.describe(e), null, 'render_template');
    }
  }
  $host.find('.card-widgets__widget-' + code(state)).remove();
  const $block = $(String(panelBlock({
    code: code(state), logo: logo(state, 'logo_medium.png'), captionClass: caption.class_name,
    captionHtml: caption.html || null, name: widgetName(state)
  })));
  // The body is the widget's own markup (options.body and its Twig), inserted as HTML as Kommo does.
  $block.find('.card-widgets__widget__body').html(body);
  $host.append($block);
  instance.blocks.push($block);
  return true;
}

/** self.widgetsOverlay(show): the list's widget overlay (or the card's). */
export function widgetsOverlay(state, show) {
  const $ = state.$;
  $('#widgets_overlay').toggleClass('default-overlay-visible', !!show);
  $('#card_widgets_overlay').toggleClass('default-overlay-visible', !!show && !$('#widgets_overlay').length);
}

/** self.list_selected(): the ticked rows of the list. */
export function listSelected(state) {
  const $ = state.$;
  const route = state.route;
  const selected = [];
  $('#list_page_holder .js-list-checkbox:checked').each(function () {
    const id = +this.value;
    const r = entity(state, route.entity, id) || {};
    selected.push({ id: id, type: route.entity === 'companies' ? 'company' : route.entity === 'contacts' ? 'contact' : route.entity.replace(/s$/, ''), emails: r.emails || [], phones: r.phones || [] });
  });
  let emails = 0;
  let phones = 0;
  selected.forEach(function (s) { emails += s.emails.length; phones += s.phones.length; });
  return { selected: selected, summary: { items: selected.length, emails: emails, phones: phones }, count_selected: selected.length };
}

/** The card's phone/e-mail action buttons for the handlers self.add_action registered. */
export function refreshActions(state) {
  const $ = state.$;
  const dev = state.dev;
  $('.js-card-actions').each(function () {
    const $slot = $(this).empty();
    const type = $slot.attr('data-type');
    const action = state.actions[type] || (type === 'email' ? state.actions['e-mail'] : null);
    if (!action) {
      return;
    }
    const label = getPath(state.langs, 'widget.call_action') || widgetName(state);
    const $button = $(String(actionButton(label)));
    $button.on('click', function () {
      const route = state.route;
      dev.calls.push({ name: 'add_action:' + type, area: route.area, result: null });
      try {
        action.handler.call(action.self, { value: $slot.attr('data-value'), type: type, element: { id: route.id, type: route.entity } });
      } catch (e) {
        dev.report('error', 'the ' + type + ' action handler threw ' + dev.describe(e), dev.widgetFrame(e.stack), 'add_action');
      }
    });
    $slot.append($button);
  });
}

/** The feed's source buttons (sms, …) for the handlers self.add_source registered. */
export function refreshSources(state) {
  const $ = state.$;
  const dev = state.dev;
  const $holder = $('.feed-compose__sources').empty();
  Object.keys(state.sources).forEach(function (type) {
    const source = state.sources[type];
    const $b = $(String(sourceButton(source.caption || type.toUpperCase() + ' (' + widgetName(state) + ')')));
    $b.on('click', function () {
      const route = state.route;
      const record = entity(state, route.entity, route.id) || {};
      const payload = type === 'sms'
        ? { phone: (record.phones || [])[0] || '', message: $('.feed-compose__textarea').val(), contact_id: route.id }
        : $('.feed-compose');
      dev.calls.push({ name: 'add_source:' + type, area: route.area, result: null });
      try {
        const r = source.handler.call(source.self, payload);
        if (type === 'sms' && !isThenable(r)) {
          dev.report('warning', 'the sms source handler returned ' + describe(r) + ' (Kommo expects a Promise)', null, 'add_source');
        }
      } catch (e) {
        dev.report('error', 'the ' + type + ' source handler threw ' + dev.describe(e), dev.widgetFrame(e.stack), 'add_source');
      }
    });
    $holder.append($b);
  });
}
