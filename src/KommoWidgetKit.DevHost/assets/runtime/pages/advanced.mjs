/*
 * The widget's advanced settings page (advanced_settings): advancedSettings($('#work-area-<code>')).
 */
import { code, hasLocation, installed, manifest, t, widgetName } from '../core/state.mjs';
import { cssId } from '../core/html.mjs';
import { banner, notInstalledBanner } from '../core/chrome.mjs';
import { invoke, start } from '../core/lifecycle.mjs';
import { advancedTemplate } from '../templates/pages.mjs';
import { unknownWidgetTemplate } from '../templates/overview.mjs';
import { startEverywhere } from './common.mjs';

export function pageAdvanced(state, $work) {
  const $ = state.$;
  const route = state.route;
  const advanced = manifest(state).advanced || {};
  if (route.code !== code(state)) {
    $work.html(String(unknownWidgetTemplate(route.code)));
    return Promise.resolve();
  }
  $work.html(String(advancedTemplate({ title: t(state, advanced.title) || widgetName(state), code: code(state) })));
  if (!hasLocation(state, 'advanced_settings')) {
    banner(state, '"advanced_settings" is not in the manifest\'s locations, so Kommo shows no advanced settings page for this widget.');
    return startEverywhere(state, route.area);
  }
  if (!installed(state)) {
    notInstalledBanner(state, 'on its advanced settings page');
    return Promise.resolve(null);
  }
  return start(state, 'advanced_settings', { kind: 'advanced' }).then(function (instance) {
    if (instance) {
      invoke(state, instance, 'advancedSettings', [$('#work-area-' + cssId(code(state)))], { required: true, missingHint: 'so the advanced settings page stays empty' });
    }
  });
}
