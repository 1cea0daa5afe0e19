/*
 * The left-menu page (widget_page, from left_menu): initMenuPage({location, item_code, subitem_code}).
 */
import { code, hasLocation, installed, manifest, t, widgetName } from '../core/state.mjs';
import { banner, notInstalledBanner } from '../core/chrome.mjs';
import { invoke, start } from '../core/lifecycle.mjs';
import { widgetPageTemplate } from '../templates/pages.mjs';
import { unknownWidgetTemplate } from '../templates/overview.mjs';
import { startEverywhere } from './common.mjs';

export function pageMenu(state, $work) {
  const route = state.route;
  if (route.code !== code(state)) {
    $work.html(String(unknownWidgetTemplate(route.code)));
    return Promise.resolve();
  }
  const entry = (manifest(state).left_menu || {})[route.item] || {};
  $work.html(String(widgetPageTemplate({ title: t(state, entry.title) || widgetName(state), code: code(state) })));
  if (!hasLocation(state, 'widget_page')) {
    banner(state, '"widget_page" is not in the manifest\'s locations, so Kommo shows no left-menu page for this widget.');
    return startEverywhere(state, route.area);
  }
  if (!installed(state)) {
    notInstalledBanner(state, 'on its left-menu page');
    return Promise.resolve(null);
  }
  return start(state, 'widget_page', { kind: 'menu' }).then(function (instance) {
    if (instance) {
      const params = { location: 'widget_page', item_code: route.item };
      if (route.subitem) {
        params.subitem_code = route.subitem;
      }
      invoke(state, instance, 'initMenuPage', [params], { required: true, missingHint: 'so the left-menu page stays empty' });
    }
  });
}
