/*
 * The widget object (self) the constructor runs with: params, system(), i18n, render, and the rest of Kommo's widget API.
 * Members are writable and the object extensible, as widgets expect.
 */
import { code, base, manifest, entity, describe, getPath } from './state.mjs';
import { api, crmPost, authorizedAjax } from './net.mjs';
import { renderTwig } from './twig.mjs';
import { updateChrome } from './chrome.mjs';
import { renderTemplate, listSelected, widgetsOverlay, refreshActions, refreshSources } from './host-ui.mjs';

/** self.params / get_settings(): the saved setting values and the widget's facts. */
export function buildParams(state) {
  const server = state.server;
  const w = manifest(state).widget || {};
  const params = Object.assign({}, server.install.settings || {});
  params.widget_code = code(state);
  params.path = base(state);
  params.cdn_path = base(state);
  params.images_path = base(state) + '/images';
  params.version = server.widget.version;
  params.active = server.install.active;
  params.widget_active = server.install.active;
  params.status = server.install.status;
  params.id = 'dev_' + code(state);
  params.oauth_client_uuid = server.widget.clientUuid;
  params.category_code = 'own_integrations';
  params.support = w.support || {};
  return params;
}

/** self.system() in an area. */
export function systemFor(state, area) {
  const host = state.server.host;
  return {
    area: area,
    amouser_id: host.user.id,
    amouser: host.user.login,
    amohash: state.server.apiToken || 'dev-api-hash',
    subdomain: host.account.subdomain,
    domain: state.win.location.host,
    server: 'dev',
    entity_id: state.route && state.route.id || null,
    displayed_count: 1,
    displayed_count_by_area: {}
  };
}

/**
 * Builds self for one area and runs the widget's constructor with it. Returns the object (or the one the constructor
 * returned), or null when the constructor threw or set no callbacks (both reported).
 */
export function createWidget(state, Ctor, area, instance) {
  const dev = state.dev;
  const proto = typeof Ctor === 'function' && Ctor.prototype ? Ctor.prototype : Object.prototype;
  let self = Object.create(proto);
  self.params = buildParams(state);
  self.langs = state.langs;
  self.ns = '.' + code(state);
  self.get_settings = function () { return self.params; };
  self.set_settings = function (values) {
    state.$.extend(self.params, values || {});
    return self.params;
  };
  self.system = function () { return systemFor(state, area); };
  self.i18n = function (key) {
    const found = getPath(self.langs, key);
    if (found === undefined) {
      dev.report('warning', 'self.i18n(' + JSON.stringify(key) + ') is not in i18n/' + state.lang + '.json', null, 'i18n');
    }
    return found;
  };
  self.set_lang = function (newLangs) { self.langs = newLangs; };
  self.get_version = function () { return state.server.widget.version; };
  self.get_install_status = function () { return state.server.install.status; };
  self.set_status = function (status) {
    return api('POST', '/__kommo/api/status', { status: status }).then(function (install) {
      state.server.install = install;
      self.params.status = install.status;
      updateChrome(state);
      return install;
    }, function () {
      dev.report('error', 'self.set_status(' + JSON.stringify(status) + '): status must be install, installed, not_configured or error', null, 'set_status');
    });
  };
  self.render = function (data, templateParams) { return renderTwig(state, data, templateParams); };
  self.render_template = function (options, templateParams) { return renderTemplate(state, instance, options, templateParams); };
  self.list_selected = function () { return listSelected(state); };
  self.widgetsOverlay = function (show) { widgetsOverlay(state, show !== false); };
  self.add_action = function (type, handler) {
    state.actions[type] = { handler: handler, self: self };
    refreshActions(state);
  };
  self.add_source = function (type, handler, caption) {
    state.sources[type] = { handler: handler, caption: caption, self: self };
    refreshSources(state);
  };
  self.crm_post = function (url, data, success, dataType, error) { return crmPost(state, url, data, success, dataType, error); };
  self.$authorizedAjax = function (options) { return authorizedAjax(state, options); };
  self.get_accounts_current = function () {
    return { account: state.app.constant('account'), user: state.app.constant('user') };
  };
  self.get_current_card_contacts_data = function () {
    const card = state.app.data.current_card;
    const record = card ? entity(state, card.entity, card.id) : null;
    const linked = record && card.entity === 'contacts' ? [record] :
      (record && record.contacts || []).map(function (l) { return entity(state, 'contacts', l.id); }).filter(Boolean);
    return Promise.resolve(linked.map(function (c) {
      const parts = c.name.split(' ');
      return { id: c.id, name: c.name, first_name: parts[0], last_name: parts.slice(1).join(' '), phones: c.phones || [], emails: c.emails || [] };
    }));
  };
  self.get_pipeline_id = function () { return Promise.resolve(state.route && state.route.pipeline || state.server.host.pipelines[0].id); };
  self.setSdkCatalogId = function (id) { self.params.catalog_id = id; };
  self.listenSocketChannel = function () {};

  let result;
  try {
    result = Ctor.call(self);
  } catch (e) {
    dev.report('error', 'the widget constructor (the function script.js returns) threw: ' + dev.describe(e), dev.widgetFrame(e.stack), 'constructor');
    return null;
  }
  if (result && typeof result === 'object') {
    self = result;
  }
  if (!self.callbacks || typeof self.callbacks !== 'object') {
    dev.report('error', 'the widget constructor did not set this.callbacks, so no callback can run', { file: 'script.js' }, 'constructor');
    return null;
  }
  return self;
}
