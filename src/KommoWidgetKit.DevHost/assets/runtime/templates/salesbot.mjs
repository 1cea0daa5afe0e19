/*
 * The Salesbot designer: the canvas of steps, the widget's handlers in the sidebar, the JSON onSalesbotDesignerSave gave.
 */
import { html, raw } from '../core/html.mjs';

/** view: {enabled, handlers: [{code, name}]}. */
export function salesbotTemplate(view) {
  return html`<div class="kommo-page salesbot-designer"><div class="salesbot-designer__canvas"><div class="salesbot-designer__step salesbot-designer__step_start">Start</div>
    <div class="salesbot-designer__steps"></div></div>
    <div class="salesbot-designer__sidebar"><div class="salesbot-designer__sidebar__title">Widgets</div>
    ${view.enabled ? view.handlers.map(handlerTemplate) : html`<p>"salesbot_designer" is not in the manifest's locations.</p>`}
    </div><div class="salesbot-designer__result"><div class="salesbot-designer__result__title">onSalesbotDesignerSave returned:</div>
    <pre id="salesbot_json" class="kommo-dev-json"></pre></div></div>`;
}

function handlerTemplate(h) {
  return html`<div class="salesbot-designer__handler js-salesbot-handler" data-handler="${h.code}"><span class="salesbot-designer__handler__name">${h.name}</span>
    <button type="button" class="button-input js-salesbot-add"><span class="button-input-inner"><span class="button-input-inner__text">Add</span></span></button></div>`;
}

/** A step of the widget's handler. view: {code, name, params: [{key, name, type, value, manual}]}. */
export function salesbotStepTemplate(view) {
  return html`<div class="salesbot-designer__step salesbot-designer__step_widget" data-handler="${view.code}">
    <div class="salesbot-designer__step__title">${view.name}</div>
    <div class="salesbot-designer__step__body">${view.params.map(paramTemplate)}</div><div class="salesbot-designer__step__exits"></div>
    <button type="button" class="button-input button-input_blue js-salesbot-save"><span class="button-input-inner"><span class="button-input-inner__text">Save bot</span></span></button></div>`;
}

function paramTemplate(p) {
  const type = p.type === 'numeric' ? 'number' : p.type === 'url' ? 'url' : 'text';
  return html`<div class="widget_settings_block__item_field salesbot-designer__param" data-param="${p.key}"><div class="widget_settings_block__title_field">${p.name}</div>
    <input type="${type}" class="text-input" name="${p.key}" value="${p.value}"${p.manual === false && html` data-manual="false"`}></div>`;
}

/** The renderRow helper salesbotDesignerSettings gets: a caption and the widget's control markup. */
export function salesbotRow(caption, control) {
  return html`<div class="widget_settings_block__item_field"><div class="widget_settings_block__title_field">${caption}</div>
    <div class="widget_settings_block__input_field">${raw(control || '')}</div></div>`;
}

export function salesbotExits(exits) {
  return html`${exits.map(function (e) {
    return html`<span class="salesbot-designer__exit" data-code="${e.code}">${e.title || e.code}</span>`;
  })}`;
}
