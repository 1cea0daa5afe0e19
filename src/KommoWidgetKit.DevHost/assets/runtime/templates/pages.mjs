/*
 * The widget's own pages: the advanced settings page and the left-menu page, each with #work-area-<code>.
 */
import { html } from '../core/html.mjs';

export function advancedTemplate(view) {
  return html`<div class="kommo-page settings-advanced"><h1 class="head_2 settings-advanced__title">${view.title}</h1>
    <div id="work-area-${view.code}" class="work-area work-area_advanced"></div></div>`;
}

export function widgetPageTemplate(view) {
  return html`<div class="kommo-page widget-page"><h1 class="head_2">${view.title}</h1>
    <div id="work-area-${view.code}" class="work-area work-area_widget-page"></div></div>`;
}
