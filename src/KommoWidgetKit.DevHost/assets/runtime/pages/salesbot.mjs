/*
 * The Salesbot designer (salesbot_designer): salesbotDesignerSettings($body, renderRow, params) for a step of the widget's
 * handler, onSalesbotDesignerSave(handler, params) on "Save bot" (its JSON shown).
 */
import { describe, hasLocation, installed, manifest, t } from '../core/state.mjs';
import { notInstalledBanner } from '../core/chrome.mjs';
import { invoke, start } from '../core/lifecycle.mjs';
import { salesbotExits, salesbotRow, salesbotStepTemplate, salesbotTemplate } from '../templates/salesbot.mjs';
import { startEverywhere } from './common.mjs';

/** The handlers of the manifest's salesbot_designer block: [{code, def}]. */
export function salesbotHandlers(state) {
  const sd = manifest(state).salesbot_designer || {};
  return Object.keys(sd).filter(function (k) { return k !== 'logo' && sd[k] && typeof sd[k] === 'object'; }).map(function (k) {
    return { code: k, def: sd[k] };
  });
}

export function pageSalesbot(state, $work) {
  const $ = state.$;
  const route = state.route;
  const handlers = salesbotHandlers(state);
  const enabled = hasLocation(state, 'salesbot_designer');
  $work.html(String(salesbotTemplate({
    enabled: enabled,
    handlers: handlers.map(function (h) { return { code: h.code, name: t(state, h.def.name) || h.code }; })
  })));
  if (!enabled) {
    return startEverywhere(state, route.area);
  }
  if (!installed(state)) {
    notInstalledBanner(state, 'in the Salesbot designer');
    return Promise.resolve(null);
  }
  return start(state, 'salesbot_designer', { kind: 'salesbot' }).then(function (instance) {
    if (!instance) {
      return;
    }
    $work.on('click', '.js-salesbot-add', function () {
      const handler = $(this).closest('.js-salesbot-handler').attr('data-handler');
      addSalesbotStep(state, instance, handlers.filter(function (h) { return h.code === handler; })[0]);
    });
  });
}

function addSalesbotStep(state, instance, handler) {
  const $ = state.$;
  const dev = state.dev;
  const settings = handler.def.settings || {};
  const $step = $(String(salesbotStepTemplate({
    code: handler.code, name: t(state, handler.def.name) || handler.code,
    params: Object.keys(settings).map(function (key) {
      const def = settings[key] || {};
      return { key: key, name: t(state, def.name) || key, type: def.type, value: def.default_value !== undefined ? t(state, def.default_value) : '', manual: def.manual };
    })
  })));
  const $body = $step.find('.salesbot-designer__step__body');
  $('.salesbot-designer__steps').append($step);
  const renderRow = function (caption, control) { return String(salesbotRow(caption, control)); };
  function params() {
    const p = {};
    $body.find('input[name]').each(function () { p[this.name] = this.value; });
    return p;
  }
  const outcome = invoke(state, instance, 'salesbotDesignerSettings', [$body, renderRow, params()], {});
  if (!outcome.missing && !outcome.threw && outcome.value && Array.isArray(outcome.value.exits)) {
    $step.find('.salesbot-designer__step__exits').html(String(salesbotExits(outcome.value.exits)));
  }
  $step.on('click', '.js-salesbot-save', function () {
    const result = invoke(state, instance, 'onSalesbotDesignerSave', [handler.code, params()], { required: true, missingHint: 'so the bot has no steps for this widget' });
    if (result.missing || result.threw) {
      return;
    }
    const value = result.value;
    const $out = $('#salesbot_json');
    if (typeof value !== 'string') {
      dev.report('error', 'onSalesbotDesignerSave returned ' + describe(value) + '; Kommo expects a JSON string of bot steps', { file: 'script.js' }, 'salesbot');
      $out.text(String(value)).addClass('kommo-dev-json_invalid');
      return;
    }
    try {
      $out.text(JSON.stringify(JSON.parse(value), null, 2)).removeClass('kommo-dev-json_invalid');
    } catch (e) {
      dev.report('error', 'onSalesbotDesignerSave returned a string that is not valid JSON: ' + e.message, { file: 'script.js' }, 'salesbot');
      $out.text(value).addClass('kommo-dev-json_invalid');
    }
  });
}
