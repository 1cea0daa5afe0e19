/*
 * Lists (llist, clist, culist, tlist): the rows, the control bar with "More…", the widgets overlay.
 */
import { html } from '../core/html.mjs';

/**
 * view: {entity, title, tableId, cardPath (null for tasks), name (the widget's), rows: [{id, name, owner, phones, price,
 * status (leads only, else null)}]}.
 */
export function listTemplate(view) {
  return html`<div id="list_page_holder" class="list list_${view.entity}">
    <div class="list__top content__top__preset"><span class="list__top__title">${view.title}</span> <span class="list__top__count">${view.rows.length}</span></div>
    <div class="list__body-right"><div class="list__body-right__top"><div class="list__body-right__top__buttons">
    <button type="button" class="button-input button-input_blue"><span class="button-input-inner"><span class="button-input-inner__text">+ Add</span></span></button></div></div>
    <div class="control-bar js-control-bar-actions" style="display:none"><span class="control-bar__group"><span class="control-bar__count">0</span> selected</span>
    <span class="control-bar__group"><button type="button" class="button-input js-list-more">More…</button>
    <ul class="control-bar__more" style="display:none"></ul></span></div>
    <div id="${view.tableId}" class="list__table"><form onsubmit="return false"><table class="content-table"><tbody>
    ${view.rows.map(function (r) { return listRow(view, r); })}</tbody></table></form></div></div>
    <div id="widgets_overlay" class="list-widgets-overlay default-overlay"><div class="list-widgets-overlay__panel card-widgets">
    <div class="list-widgets-overlay__head"><span>${view.name}</span><span id="multi-widget_close" class="list-widgets-overlay__close icon icon-modal-close">×</span></div>
    <div class="card-widgets__elements"></div></div></div>
    </div>`;
}

function listRow(view, r) {
  return html`<tr class="list-row js-list-row js-item-id-${r.id}" data-id="${r.id}">
    <td class="list-row__cell list-row__cell_checkbox"><input type="checkbox" class="js-list-checkbox" name="lead[]" value="${r.id}"></td>
    <td class="list-row__cell list-row__template-name"><div class="list-row__template-name__table-wrapper content-table__item__inner">
    ${view.cardPath
      ? html`<a class="js-navigate-link list-row__template-name__table-wrapper__name-link" href="${view.cardPath}${r.id}">${r.name}</a>`
      : html`<span>${r.name}</span>`}
    </div></td><td class="list-row__cell">${r.owner}</td>
    <td class="list-row__cell">${r.phones}</td><td class="list-row__cell">${r.price}</td>
    ${r.status !== null && html`<td class="list-row__cell list-row__cell_status">${r.status}</td>`}</tr>`;
}
