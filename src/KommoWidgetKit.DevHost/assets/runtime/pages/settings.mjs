/*
 * Settings → Integrations: the widget's tile, and the settings modal generated from the manifest:
 * render → init → bind_actions → settings($modal_body); Save → required fields → onSave → saved → onInstall the first
 * time; Disable → onSave({active: 'N'}) → destroy.
 */
import { code, describe, hasLocation, installed, logo, manifest, settingFields, t, widgetName } from '../core/state.mjs';
import { cssId } from '../core/html.mjs';
import { sanitizeHtml } from '../core/sanitize.mjs';
import { api } from '../core/net.mjs';
import { updateChrome } from '../core/chrome.mjs';
import { invoke, settle, start, stop } from '../core/lifecycle.mjs';
import { settingsModalTemplate, widgetsPageTemplate } from '../templates/settings.mjs';
import { startEverywhere } from './common.mjs';
import { fieldRows, missingRequired, readFields, showMissing } from './fields.mjs';

export function pageWidgets(state, $work) {
  const w = manifest(state).widget || {};
  $work.html(String(widgetsPageTemplate({
    code: code(state), name: widgetName(state), logo: logo(state, 'logo.png'),
    shortDescription: t(state, w.short_description) || '', installed: installed(state)
  })));
  $work.on('click', '.js-widget-card', function () { openSettingsModal(state); });
  const work = startEverywhere(state, state.route.area);
  if (state.win.location.hash === '#' + code(state)) {
    return work.then(function () { return openSettingsModal(state); });
  }
  return work;
}

/** The description with the host's tags (#HOST#, #SUBDOMAIN#, …) replaced. */
export function descriptionText(state, text) {
  const host = state.server.host;
  return String(text || '')
    .replace(/#HOST#/g, state.win.location.host).replace(/#SUBDOMAIN#/g, host.account.subdomain)
    .replace(/#LOGIN#/g, host.user.login).replace(/#ACCOUNT_ID#/g, host.account.id)
    .replace(/#USER_ID#/g, host.user.id).replace(/#TOP_LEVEL_DOMAIN#/g, 'com').replace(/#API_HASH#/g, 'dev-api-hash');
}

/** The settings modal; resolves once the widget ran settings() in it (or at once when the script does not load there). */
export function openSettingsModal(state) {
  const $ = state.$;
  const dev = state.dev;
  $('.modal.widget-settings__modal').remove();
  const w = manifest(state).widget || {};
  const fields = settingFields(state);
  const isActive = installed(state);
  const $modal = $(String(settingsModalTemplate({
    code: code(state), name: widgetName(state), logo: logo(state, 'logo_main.png'),
    shortDescription: t(state, w.short_description) || '',
    // HTML in Kommo: entities show as characters and links work; scripts, event handlers and the rest are dropped.
    description: sanitizeHtml(descriptionText(state, t(state, w.description))),
    fields: fieldRows(state, fields, state.server.install.settings || {}),
    active: isActive, scriptLoaded: hasLocation(state, 'settings')
  })));
  $('body').append($modal).addClass('body_modal-open');
  const $body = $modal.find('.modal-body');
  let instance = null;
  let closing = false;

  function close() {
    if (closing) {
      return;
    }
    closing = true;
    if (instance) {
      stop(state, instance);
    }
    $modal.remove();
    $('body').removeClass('body_modal-open');
  }
  $modal.on('click', '.modal-body__close', close);
  $modal.on('mousedown', function (e) {
    if ($(e.target).is('.modal-scroller, .modal-overlay')) {
      close();
    }
  });
  $modal.data('close', close);

  function setBusy(busy) {
    $modal.find('.js-widget-save').toggleClass('button-input-loading', busy).prop('disabled', busy);
  }

  function persist(active, values) {
    return api('POST', '/__kommo/api/settings', { active: active, fields: values }).then(function (install) {
      state.server.install = install;
      if (instance) {
        $.extend(instance.self.params, install.settings, { active: install.active, widget_active: install.active, status: install.status });
      }
      updateChrome(state);
      return install;
    });
  }

  function callOnSave(active, values) {
    if (!instance) {
      return Promise.resolve(true);
    }
    const outcome = invoke(state, instance, 'onSave', [{ active: active, fields: values }], { required: true, missingHint: 'so the settings were saved without asking the widget' });
    if (outcome.missing) {
      return Promise.resolve(true);
    }
    return settle(outcome).then(function (s) {
      if (s.threw) {
        return false;
      }
      if (s.rejected) {
        dev.report('error', 'onSave returned a Promise that rejected (' + dev.describe(s.rejected) + '), so the settings were not saved', dev.widgetFrame(s.rejected && s.rejected.stack), 'onSave');
        return false;
      }
      if (s.promised || s.value === true) {
        return true;
      }
      dev.report(s.value === false ? 'info' : 'warning', 'onSave returned ' + describe(s.value) + ', so the settings were not saved (return true or a Promise)', { file: 'script.js' }, 'onSave');
      return false;
    });
  }

  $modal.on('click', '.js-widget-save', function () {
    const values = readFields(state, $modal, fields);
    $modal.find('.widget_settings_block__item_field').removeClass('widget_settings_block__item_field_error').find('.widget_settings_block__error').text('');
    const missing = missingRequired(fields, values);
    if (missing.length) {
      showMissing(state, $modal, missing);
      $(this).trigger('button:save:error');
      return;
    }
    setBusy(true);
    callOnSave('Y', values).then(function (ok) {
      if (!ok) {
        setBusy(false);
        return null;
      }
      const firstInstall = !installed(state);
      return persist('Y', values).then(function () {
        setBusy(false);
        if (firstInstall && instance) {
          // Once, at installation; its errors do not undo the install.
          invoke(state, instance, 'onInstall', []);
        }
        if ($modal.find('.js-widget-save').attr('data-onsave-destroy-modal') === 'true') {
          close();
        }
      });
    }).catch(function (e) {
      setBusy(false);
      const errors = e && e.data && e.data.errors ? JSON.stringify(e.data.errors) : e.message;
      dev.report('error', 'the host refused the settings: ' + errors, null, 'settings');
    });
  });

  $modal.on('click', '.js-widget-uninstall', function () {
    const values = readFields(state, $modal, fields);
    callOnSave('N', values).then(function () {
      return persist('N', values);
    }).then(function () {
      close();
    });
  });

  $modal.on('change input', '#' + cssId(code(state)) + '_custom', function () {
    $modal.find('.js-widget-save').removeClass('button-input-disabled');
  });

  if (!hasLocation(state, 'settings')) {
    return Promise.resolve(null);
  }
  return start(state, 'settings', { kind: 'settings', $modal: $modal }).then(function (inst) {
    instance = inst;
    if (!inst) {
      return null;
    }
    invoke(state, inst, 'settings', [$body, { mode: installed(state) ? 'edit' : 'install' }], { required: true, missingHint: 'so the widget cannot adjust its settings modal' });
    return inst;
  });
}
