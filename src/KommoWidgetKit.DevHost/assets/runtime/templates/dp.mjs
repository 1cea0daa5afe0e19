/*
 * The pipeline settings page (digital pipeline, lead sources) and the digital pipeline block's modal.
 */
import { html } from '../core/html.mjs';

/** view: {pipelineName, code, name, logo, asSource, enabled, statuses: [{id, name, color}]}. */
export function dpPageTemplate(view) {
  return html`<div class="kommo-page digital-pipeline"><h1 class="head_2">Digital pipeline — ${view.pipelineName}</h1>
    <div class="digital-pipeline__sources"><span class="digital-pipeline__sources__title">Lead sources:</span> <span class="digital-pipeline__sources__list"></span>
    ${view.asSource && html` <button type="button" class="button-input js-add-source"><span class="button-input-inner">
      <span class="button-input-inner__text">Add ${view.name} as a source</span></span></button>`}
    </div>
    <div class="digital-pipeline__columns">${view.statuses.map(function (s, n) {
      return html`<div class="digital-pipeline__column" data-status-id="${s.id}"><div class="digital-pipeline__column__head" style="border-color:${s.color}">${s.name}</div>
        <div class="digital-pipeline__column__body">
        ${n === 0 && view.enabled && dpBlock(view)}
        <div class="digital-pipeline__add">+ Add trigger</div></div></div>`;
    })}</div></div>`;
}

function dpBlock(view) {
  return html`<div class="digital-pipeline__short-task digital-pipeline__short-task_widget-style_${view.code} js-dp-widget" data-code="${view.code}" tabindex="0">
    ${view.logo && html`<img class="digital-pipeline__short-task__logo" src="${view.logo}" alt="">`}
    <span class="digital-pipeline__short-task__title">${view.name}</span></div>`;
}

/** view: {code, name, fields (markup rows)}. */
export function dpModalTemplate(view) {
  return html`<div class="modal modal-list digital-pipeline__modal ${view.code}"><div class="modal-overlay"></div><div class="modal-scroller custom-scroll">
    <div class="modal-body"><div class="modal-body__inner"><span class="modal-body__close"><span class="icon icon-modal-close"></span></span>
    <h2 class="head_2">${view.name}</h2>
    <div class="digital-pipeline__short-task_widget-style_${view.code} digital-pipeline__widget-settings">
    <form id="widget_settings__fields_wrapper" class="widget_settings_block__fields" onsubmit="return false">${view.fields}</form></div>
    <div class="widget_settings_block__controls"><button type="button" class="button-input button-input_blue js-dp-save"><span class="button-input-inner">
    <span class="button-input-inner__text">Done</span></span></button></div>
    <pre class="digital-pipeline__saved kommo-dev-json" style="display:none"></pre>
    </div></div></div></div>`;
}
