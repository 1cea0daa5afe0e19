/*
 * The dev host's index, the dashboard (and the not-found page), the leads pipeline board.
 */
import { html } from '../core/html.mjs';

/** view: {name, code, version, locations: 'a, b' or '(none)', rows: [{href, title, location, loads}]}. */
export function indexTemplate(view) {
  return html`<div class="kommo-page kommo-dev-index"><h1 class="head_2">${view.name} <small>${view.code} ${view.version}</small></h1>
    <p>Locations: <code>${view.locations}</code></p>
    <table class="kommo-dev-index__table"><thead><tr><th>Page</th><th>Path</th><th>Location</th><th>Widget loads</th></tr></thead><tbody>
    ${view.rows.map(function (r) {
      return html`<tr><td><a class="js-navigate-link" href="${r.href}">${r.title}</a></td><td><code>${r.href}</code></td>
        <td>${r.location}</td><td>${r.loads ? 'yes' : '—'}</td></tr>`;
    })}</tbody></table></div>`;
}

/** view: {page, title, notFound, leads, tasks}. */
export function simpleTemplate(view) {
  return html`<div class="kommo-page kommo-page_${view.page}"><h1 class="kommo-page__title head_2">${view.title}</h1>
    ${view.notFound
      ? html`<p>This path is not one of the emulated Kommo pages. <a class="js-navigate-link" href="/">All pages</a></p>`
      : html`<div class="dashboard__widgets"><div class="dashboard__widget">Incoming leads: ${view.leads}</div>
        <div class="dashboard__widget">Tasks: ${view.tasks}</div></div>`}</div>`;
}

/** view: {statuses: [{id, name, color, leads: [{id, name, price}]}]}. */
export function pipelineTemplate(view) {
  return html`<div class="kommo-page pipeline"><div class="pipeline__body">${view.statuses.map(function (s) {
    return html`<div class="pipeline_status" data-id="${s.id}"><div class="pipeline_status__head" style="border-color:${s.color}">${s.name}</div>
      ${s.leads.map(function (l) {
        return html`<div class="pipeline_leads__item" data-id="${l.id}"><a class="js-navigate-link" href="/leads/detail/${l.id}">${l.name}</a>
          <div>$${l.price}</div></div>`;
      })}</div>`;
  })}</div></div>`;
}

/** A page for a path whose widget code is not the widget's. */
export function unknownWidgetTemplate(widgetCode) {
  return html`<div class="kommo-page"><h1 class="head_2">Unknown widget</h1><p>No widget with code ${widgetCode}.</p></div>`;
}
