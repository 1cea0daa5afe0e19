/*
 * What the widget's self API draws into host pages: the right-panel block (render_template), the card's action buttons
 * (add_action) and the feed's source buttons (add_source), the list's mass-action entry.
 */
import { html, raw } from '../core/html.mjs';

/**
 * The right-panel block. view: {code, logo, captionClass, captionHtml (the widget's own caption markup, or null), name}.
 * The body is filled afterwards with the widget's markup.
 */
export function panelBlock(view) {
  return html`<div class="card-widgets__widget card-widgets__widget-${view.code} js-widget-${view.code}" data-code="${view.code}">
    <div class="card-widgets__widget__caption ${view.captionClass || ''}">
    ${view.logo && html`<img class="card-widgets__widget__caption__logo" src="${view.logo}" alt="">`}
    <span class="card-widgets__widget__caption__logo_min"></span>
    <span class="card-widgets__widget__caption__title">${view.captionHtml ? raw(view.captionHtml) : view.name}</span></div>
    <div class="card-widgets__widget__body js-widget-${view.code}-body"></div></div>`;
}

export function actionButton(label) {
  return html`<button type="button" class="card-action-button js-widget-action">${label}</button>`;
}

export function sourceButton(caption) {
  return html`<button type="button" class="feed-compose__source js-widget-source">${caption}</button>`;
}

export function massActionItem(code, name) {
  return html`<li class="control-bar__more__item js-widget-mass-action" data-code="${code}">${name}</li>`;
}
