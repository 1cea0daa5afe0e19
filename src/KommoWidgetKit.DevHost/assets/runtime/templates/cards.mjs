/*
 * Cards: the record's form (name, status select of a lead, fields, contacts), the feed, the right panel, the card SDK tab.
 */
import { html } from '../core/html.mjs';

/**
 * view: {entity, singular, record, responsible, pipelines (leads only, else null), sdk: null | {code, name}, panel}.
 * record: {id, name, price, company, phones, emails, fields: [{id, name, type, values}], contacts: [{id, name, isMain}],
 * pipelineId, statusId, createdAt}.
 */
export function cardTemplate(view) {
  const record = view.record;
  const singular = view.singular;
  return html`<div id="card_holder" class="card-holder js-card card-${singular}" data-entity="${view.entity}" data-id="${record.id}">
    <div class="card-holder__fields card-entity-form"><form class="linked-form js-linked-form" action="/ajax/${view.entity}/detail/" onsubmit="return false">
    <input type="hidden" name="ID" value="${record.id}"><input type="hidden" name="${singular}[ID]" value="${record.id}">
    <input type="hidden" name="MAIN_ID" value="${record.id}">
    <div id="card_name_holder" class="card-fields__top-name js-card-name"><input id="person_name" class="text-input js-linked-name-view" name="${singular}[NAME]" value="${record.name}"></div>
    ${view.pipelines && statusSelect(record, view.pipelines)}
    <div class="card-tabs"><span class="card-tabs__item card-tabs__item_selected" data-tab="main">Main</span>
    ${view.sdk && html`<span class="card-tabs__item js-card-tab-sdk" data-tab="${view.sdk.code}">${view.sdk.name}</span>`}</div>
    <div id="card_fields" class="card-fields card-cf-table-main-entity" data-tab-content="main">${cardFields(view)}</div>
    ${view.sdk && html`<div class="card-sdk-tab" data-tab-content="${view.sdk.code}" style="display:none"><div id="${view.sdk.code}" class="card-sdk-tab__body"></div></div>`}
    </form></div>
    <div class="card-holder__feed"><div class="notes-wrapper"><div class="feed-note">Card created ${new Date(record.createdAt * 1000).toISOString().substring(0, 10)}</div></div>
    <div class="feed-compose"><div class="feed-compose-switcher"><span class="feed-compose-switcher__text">Note</span><span class="feed-compose__sources"></span></div>
    <div class="feed-compose__quick-actions-wrapper"></div><textarea class="feed-compose__textarea js-control-contenteditable-input" placeholder="Type a note"></textarea>
    <button type="button" class="button-input button-input_blue feed-note__button"><span class="button-input-inner"><span class="button-input-inner__text">Send</span></span></button></div></div>
    <div id="card_widgets" class="card-widgets${!view.panel && html` card-widgets_empty`}"><div class="card-widgets__elements"></div>
    <div id="card_widgets_overlay" class="default-overlay"></div></div>
    </div>`;
}

/** Kommo's card header of a lead: one select of every pipeline's stages; a change moves the lead through /api/v4. */
function statusSelect(record, pipelines) {
  return html`<input type="hidden" name="lead[PIPELINE_ID]" value="${record.pipelineId}">
    <div class="card-fields__status linked-form__field_status"><select class="pipeline-select js-card-status" name="lead[STATUS]">
    ${pipelines.map(function (p) {
      return html`<optgroup label="${p.name}">${p.statuses.map(function (s) {
        const selected = p.id === record.pipelineId && s.id === record.statusId;
        return html`<option value="${s.id}" data-pipeline="${p.id}"${selected && html` selected`}>${s.name}</option>`;
      })}</optgroup>`;
    })}</select><span class="card-fields__status-note"></span></div>`;
}

function field(label, value) {
  return html`<div class="linked-form__field__label">${label}</div><div class="linked-form__field__value">${value}</div>`;
}

function cardFields(view) {
  const record = view.record;
  const hasPrice = record.price !== null && record.price !== undefined;
  return html`${hasPrice && html`<div class="linked-form__field" id="lead_card_budget">
      ${field('Budget', html`<input class="text-input linked-form__cf" name="${view.singular}[PRICE]" value="${record.price}">`)}</div>`}
    <div class="linked-form__field">${field('Responsible user', view.responsible)}</div>
    ${record.company && html`<div class="linked-form__field">
      ${field('Company', html`<input class="text-input linked-form__cf" name="company[NAME]" value="${record.company}">`)}</div>`}
    ${(record.phones || []).map(function (phone) { return contactField('phone', 'Phone', phone); })}
    ${(record.emails || []).map(function (email) { return contactField('email', 'Email', email); })}
    ${(record.fields || []).map(function (f) {
      return html`<div class="linked-form__field linked-form__field-cf" data-id="${f.id}" data-type="${f.type}">
        ${field(f.name, html`<input type="text" class="text-input linked-form__cf" name="CFV[${f.id}]" value="${f.values.join(', ')}" readonly>`)}</div>`;
    })}
    ${(record.contacts || []).length > 0 && html`<div class="linked-form__contacts"><div class="linked-form__field__label">Contacts</div>
      ${record.contacts.map(function (c) {
        return html`<div class="linked-form__contact${c.isMain && html` linked-form__contact_main`}" data-id="${c.id}">
          <a class="js-navigate-link" href="/contacts/detail/${c.id}">${c.name}</a></div>`;
      })}</div>`}`;
}

/** A phone or e-mail row with the slot for the widget's add_action button. */
function contactField(type, label, value) {
  return html`<div class="linked-form__field ${type}_wrapper" data-pei-code="${type}">
    ${field(label, html`<input type="text" class="text-input linked-form__cf" name="CFV[${type}]" value="${value}">
      <span class="js-card-actions" data-type="${type}" data-value="${value}"></span>`)}</div>`;
}

/** The card SDK tab's frame: search, linked items, catalog. */
export function cardSdkTemplate() {
  return html`<div class="card-sdk"><div class="card-sdk__search"><input type="text" class="text-input js-card-sdk-search" placeholder="Search"></div>
    <div class="card-sdk__section"><div class="card-sdk__title">Linked</div><ul class="card-sdk__linked"></ul></div>
    <div class="card-sdk__section"><div class="card-sdk__title">Catalog</div><ul class="card-sdk__catalog"></ul></div></div>`;
}

/** One catalog item: linked rows show the quantity and Unlink, catalog rows Link. */
export function cardSdkItem(item, linked) {
  return html`<li class="card-sdk__item" data-id="${item.id}"><span class="card-sdk__item__name">${item.name}</span>
    <span class="card-sdk__item__price">${item.price !== undefined ? ' ' + item.price : ''}</span>
    ${linked
      ? html`<span class="card-sdk__item__quantity">${' × ' + (item.quantity || 1)}</span><button type="button" class="button-input card-sdk__unlink">Unlink</button>`
      : html`<button type="button" class="button-input card-sdk__link">Link</button>`}</li>`;
}

export function cardSdkEmpty() {
  return html`<p class="card-sdk-tab__empty">The widget is not running in this card.</p>`;
}

export function recordNotFoundTemplate(entity, id) {
  return html`<div class="kommo-page"><h1 class="head_2">Not found</h1><p>No ${entity} with id ${id} in the sandbox data.</p></div>`;
}
