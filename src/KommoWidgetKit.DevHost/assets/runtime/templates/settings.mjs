/*
 * Settings → Integrations: the widget's tile, and the settings modal generated from the manifest.
 */
import { html } from '../core/html.mjs';

/** view: {code, name, logo, shortDescription, installed}. */
export function widgetsPageTemplate(view) {
  return html`<div class="kommo-page widgets-settings"><h1 class="head_2">Integrations</h1>
    <div class="widgets-settings__list">
    <div class="widget-card js-widget-card js-widget-card-${view.code}" data-code="${view.code}" tabindex="0">
    ${view.logo ? html`<img class="widget-card__logo" src="${view.logo}" alt="">` : html`<div class="widget-card__logo widget-card__logo_empty"></div>`}
    <div class="widget-card__name">${view.name}</div>
    <div class="widget-card__descr">${view.shortDescription}</div>
    <div class="widget-card__status">${view.installed ? 'Installed' : 'Install'}</div></div>
    <div class="widget-card widget-card_system"><div class="widget-card__logo widget-card__logo_empty"></div><div class="widget-card__name">Another integration</div>
    <div class="widget-card__status">Install</div></div>
    </div></div>`;
}

/**
 * view: {code, name, logo, shortDescription, description (markup: the sanitised description), fields (markup rows),
 * active, scriptLoaded}.
 */
export function settingsModalTemplate(view) {
  return html`<div class="modal modal-list widget-settings__modal ${view.code}" id="${view.code}_widget">
    <div class="modal-overlay"></div>
    <div class="modal-scroller custom-scroll"><div class="modal-body widget-settings__modal-body">
    <div class="modal-body__inner">
    <span class="modal-body__close"><span class="icon icon-modal-close"></span></span>
    <div class="widget-settings__wrap-desc-space"><div class="widget-settings__desc-space">
    ${view.logo && html`<img class="widget-settings__logo" src="${view.logo}" alt="">`}
    <h2 class="widget-settings__name head_2">${view.name}</h2>
    <div class="widget-settings__short-descr">${view.shortDescription}</div>
    </div></div>
    <div class="widget_settings_block" id="widget_settings_block_${view.code}">
    <div class="widget_settings_block__descr">${view.description}</div>
    <div class="widget_settings_block__fields" id="widget_settings__fields_wrapper">
    ${view.fields}
    <input type="hidden" name="widget_active" value="${view.active ? 'Y' : 'N'}">
    </div>
    <div class="widget_settings_block__controls">
    <button type="button" class="button-input button-input_blue js-widget-save ${view.active ? '' : 'js-widget-install'}" id="save_${view.code}" data-onsave-destroy-modal="true">
    <span class="button-input-inner"><span class="button-input-inner__text">${view.active ? 'Save' : 'Install'}</span></span>
    <span class="button-input__spinner"><span class="button-input__spinner__icon spinner-icon"></span></span></button>
    ${view.active && html`<button type="button" class="button-input button-cancel js-widget-uninstall" id="disable_${view.code}"><span class="button-input-inner">
      <span class="button-input-inner__text">Disable</span></span></button>`}
    </div>
    ${!view.scriptLoaded && html`<div class="widget_settings_block__note">script.js is not loaded here: "settings" is not in the manifest's locations,
      ${' '}so settings() and onSave are not called.</div>`}
    </div></div></div></div></div>`;
}
