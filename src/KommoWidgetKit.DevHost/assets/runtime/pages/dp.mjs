/*
 * Pipeline settings: the digital pipeline (digital_pipeline: the widget's block in the first stage, dpSettings, onSave,
 * the action saved per pipeline and stage) and the lead sources (lead_sources: onAddAsSource(pipeline_id)).
 */
import { code, dpSettingFields, hasLocation, installed, logo, widgetName } from '../core/state.mjs';
import { api } from '../core/net.mjs';
import { banner, notInstalledBanner } from '../core/chrome.mjs';
import { invoke, settle, start, stop } from '../core/lifecycle.mjs';
import { dpModalTemplate, dpPageTemplate } from '../templates/dp.mjs';
import { startEverywhere } from './common.mjs';
import { fieldRows, missingRequired, readFields, showMissing } from './fields.mjs';

export function pageDp(state, $work) {
  const $ = state.$;
  const route = state.route;
  const pipelines = state.server.host.pipelines;
  const pipeline = pipelines.filter(function (p) { return p.id === route.pipeline; })[0] || pipelines[0];
  const enabled = hasLocation(state, 'digital_pipeline');
  const asSource = hasLocation(state, 'lead_sources');
  $work.html(String(dpPageTemplate({
    pipelineName: pipeline.name, code: code(state), name: widgetName(state), logo: logo(state, 'logo_dp.png'),
    asSource: asSource, enabled: enabled, statuses: pipeline.statuses
  })));
  if (!enabled && !asSource) {
    banner(state, 'Neither "digital_pipeline" nor "lead_sources" is in the manifest\'s locations, so the widget has no part in the pipeline settings.');
    return startEverywhere(state, route.area);
  }
  if (!installed(state)) {
    notInstalledBanner(state, 'in the pipeline settings');
    return Promise.resolve(null);
  }
  $work.on('click', '.js-dp-widget', function () {
    openDpModal(state, pipeline, +$(this).closest('.digital-pipeline__column').attr('data-status-id'));
  });
  $work.on('click', '.js-add-source', function () {
    const $button = $(this);
    // lead_sources: the widget runs in its own area and is told which pipeline it was added to.
    start(state, 'lead_sources', { kind: 'source' }).then(function (instance) {
      if (!instance) {
        return;
      }
      invoke(state, instance, 'onAddAsSource', [pipeline.id], { required: true, missingHint: 'so adding the widget as a lead source does nothing' });
      $work.find('.digital-pipeline__sources__list').text(widgetName(state));
      $button.remove();
    });
  });
  return Promise.resolve(null);
}

function openDpModal(state, pipeline, statusId) {
  const url = '/__kommo/api/dp/' + pipeline.id + '/' + statusId;
  return api('GET', url).then(function (saved) { return drawDpModal(state, pipeline, statusId, saved || {}, url); });
}

/** The block's modal: the dp.settings fields, then dpSettings($body); Done → required → onSave → saved for the stage. */
function drawDpModal(state, pipeline, statusId, saved, url) {
  const $ = state.$;
  const fields = dpSettingFields(state);
  const $modal = $(String(dpModalTemplate({ code: code(state), name: widgetName(state), fields: fieldRows(state, fields, saved) })));
  $('body').append($modal);
  let instance = null;
  function close() {
    if (instance) {
      stop(state, instance);
    }
    $modal.remove();
  }
  $modal.on('click', '.modal-body__close', close);
  $modal.data('close', close);
  $modal.on('click', '.js-dp-save', function () {
    const values = readFields(state, $modal, fields);
    const missing = missingRequired(fields, values);
    $modal.find('.widget_settings_block__item_field').removeClass('widget_settings_block__item_field_error');
    if (missing.length) {
      showMissing(state, $modal, missing);
      return;
    }
    const done = instance ? settle(invoke(state, instance, 'onSave', [{ active: 'Y', fields: values, dp: true }])) : Promise.resolve({});
    done.then(function (s) {
      if (s.threw || s.rejected || s.value === false) {
        return;
      }
      return api('POST', url, values).then(function () {
        $modal.find('.digital-pipeline__saved').show().text(JSON.stringify({
          event: { data: { pipeline_id: pipeline.id, status_id: statusId } },
          action: { settings: { widget: { settings: values } } }, action_multiple: state.server.widget.dpActionMultiple === true
        }, null, 2));
      });
    });
  });
  return start(state, 'digital_pipeline', { kind: 'dp' }).then(function (inst) {
    instance = inst;
    if (inst) {
      invoke(state, inst, 'dpSettings', [$modal.find('.modal-body'), { pipeline_id: pipeline.id }], { required: true, missingHint: 'so the digital pipeline block shows only the manifest fields' });
    }
  });
}
