/*
 * One settings field of the manifest (settings or dp.settings) as Kommo draws it: text, pass, users, users_lp, custom.
 */
import { html } from '../core/html.mjs';

/**
 * view: {code (the field's), label, required, type, value, managers: [{id, name}], widgetCode}.
 * Inputs are named after the field code (users: code[<user id>], users_lp: code[<user id>][login|password]).
 */
export function fieldRow(view) {
  return html`<div class="widget_settings_block__item_field${view.required && html` widget_settings_block__item_field_required`}" data-field="${view.code}" data-type="${view.type}">
    <div class="widget_settings_block__title_field" title="${view.label}">${view.label}${view.required && html` <span class="widget_settings_block__required">*</span>`}:</div>
    <div class="widget_settings_block__input_field">${fieldInput(view)}</div>
    <div class="widget_settings_block__error"></div></div>`;
}

function fieldInput(view) {
  const value = view.value;
  if (view.type === 'users' || view.type === 'users_lp') {
    const stored = value && typeof value === 'object' ? value : {};
    return html`<div class="widget_settings_block__users" data-field="${view.code}">${view.managers.map(function (m) {
      return view.type === 'users' ? userInput(view.code, m, stored[m.id]) : userLoginInputs(view.code, m, stored[m.id]);
    })}</div>`;
  }
  if (view.type === 'custom') {
    const customValue = value === undefined || value === null ? '' : typeof value === 'string' ? value : JSON.stringify(value);
    return html`<div id="${view.widgetCode}_custom_content" class="widget_settings_block__custom_content"></div>
      <input type="hidden" id="${view.widgetCode}_custom" name="${view.code}" value="${customValue}">`;
  }
  const secret = view.type === 'pass';
  const text = typeof value === 'string' ? value : value === undefined || value === null ? '' : String(value);
  return html`<input type="${secret ? 'password' : 'text'}" class="widget_settings_block__controls__ text-input${secret && html` js-secret`}" name="${view.code}" value="${text}">`;
}

function userInput(fieldCode, m, v) {
  return html`<div class="widget_settings_block__user"><span class="widget_settings_block__user__name">${m.name}</span>
    <input type="text" class="widget_settings_block__controls__ text-input" name="${fieldCode}[${m.id}]" data-user-id="${m.id}" value="${typeof v === 'string' ? v : ''}"></div>`;
}

function userLoginInputs(fieldCode, m, v) {
  const pair = v && typeof v === 'object' ? v : {};
  return html`<div class="widget_settings_block__user"><span class="widget_settings_block__user__name">${m.name}</span>
    <input type="text" class="widget_settings_block__controls__ text-input" placeholder="Login" name="${fieldCode}[${m.id}][login]" data-user-id="${m.id}" data-part="login" value="${pair.login || ''}">
    <input type="password" class="widget_settings_block__controls__ text-input js-secret" placeholder="Password" name="${fieldCode}[${m.id}][password]" data-user-id="${m.id}" data-part="password" value="${pair.password || ''}"></div>`;
}
