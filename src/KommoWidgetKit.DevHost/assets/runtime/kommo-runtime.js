/*
 * Kommo Widget Kit dev host: the emulated Kommo interface and the widget runtime.
 * Routes on location.pathname like Kommo's single-page app, draws a Kommo-like page, builds the widget
 * object (self), provides APP/AMOCRM, and runs the callback lifecycle where the manifest's locations allow.
 */
(function () {
  'use strict';

  var $ = window.jQuery;
  var _ = window._;
  var dev = window.__kommoDev;
  var ELEMENT_TYPES = { contacts: 1, leads: 2, companies: 3, tasks: 4, customers: 12 };
  var CARD_FAMILIES = { lcard: 'leads', ccard: 'contacts', comcard: 'companies', cucard: 'customers' };

  var state = null;          // /__kommo/api/state
  var lang = 'en';
  var langs = {};
  var route = null;          // the current page
  var running = [];          // widget instances running on the page: {self, area, kind}
  var initOnceDone = false;
  var actions = {};          // add_action handlers by type
  var sources = {};          // add_source handlers by type
  var notificationCallbacks = [];
  var generation = 0;

  // ------------------------------------------------------------------ helpers

  function esc(s) {
    return String(s === undefined || s === null ? '' : s).replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  }

  function getPath(obj, path) {
    if (!obj || typeof path !== 'string') {
      return undefined;
    }
    var parts = path.split('.');
    var cur = obj;
    for (var i = 0; i < parts.length; i++) {
      if (cur === null || typeof cur !== 'object' || !(parts[i] in cur)) {
        return undefined;
      }
      cur = cur[parts[i]];
    }
    return cur;
  }

  /** Manifest strings are dotted i18n paths; anything that does not resolve is shown as written. */
  function t(value) {
    if (typeof value !== 'string') {
      return value;
    }
    var found = getPath(langs, value);
    return typeof found === 'string' ? found : value;
  }

  function manifest() {
    return state && state.widget.manifest || {};
  }

  function code() {
    return state.widget.code;
  }

  function base() {
    return state.widget.path;
  }

  function widgetName() {
    var w = manifest().widget || {};
    return t(w.name) || code();
  }

  function installed() {
    return state.install.active === 'Y';
  }

  function hasFile(path) {
    return state.widget.files.indexOf(path) >= 0;
  }

  function logo(name) {
    return hasFile('images/' + name) ? base() + '/images/' + name : '';
  }

  function locations() {
    return state.widget.locations || [];
  }

  /** How a location family is listed: null (not at all), {panel: true} for -1 or bare, {panel: false} for -0. */
  function locationOf(family) {
    var list = locations();
    if (list.indexOf(family + '-1') >= 0 || list.indexOf(family) >= 0) {
      return { panel: true };
    }
    if (list.indexOf(family + '-0') >= 0) {
      return { panel: false };
    }
    return null;
  }

  function hasLocation(name) {
    return locations().indexOf(name) >= 0;
  }

  function api(method, url, body) {
    return fetch(url, {
      method: method,
      headers: body ? { 'Content-Type': 'application/json' } : {},
      body: body ? JSON.stringify(body) : undefined,
      cache: 'no-store'
    }).then(function (response) {
      return response.json().catch(function () { return null; }).then(function (data) {
        if (!response.ok) {
          var error = new Error('HTTP ' + response.status);
          error.status = response.status;
          error.data = data;
          throw error;
        }
        return data;
      });
    });
  }

  function describe(value) {
    if (value === undefined) {
      return 'undefined';
    }
    if (value === null) {
      return 'null';
    }
    if (typeof value === 'string') {
      return 'the string ' + JSON.stringify(value.length > 40 ? value.substring(0, 40) + '…' : value);
    }
    if (typeof value === 'object') {
      return Array.isArray(value) ? 'an array' : 'an object';
    }
    return String(value);
  }

  function isThenable(value) {
    return value && (typeof value === 'object' || typeof value === 'function') && typeof value.then === 'function';
  }

  function entity(type, id) {
    var list = state.host.entities[type] || [];
    for (var i = 0; i < list.length; i++) {
      if (list[i].id === id) {
        return list[i];
      }
    }
    return null;
  }

  function statusName(pipelineId, statusId) {
    var pipeline = state.host.pipelines.filter(function (p) { return p.id === pipelineId; })[0];
    var status = pipeline && pipeline.statuses.filter(function (s) { return s.id === statusId; })[0];
    return status ? status.name : '';
  }

  function manager(id) {
    var list = state.host.managers;
    for (var i = 0; i < list.length; i++) {
      if (list[i].id === id) {
        return list[i];
      }
    }
    return null;
  }

  // ------------------------------------------------------------------ routing

  function parseRoute(pathname) {
    var p = pathname.replace(/\/+$/, '') || '/';
    var m;
    if (p === '/') {
      return { page: 'index', area: 'index', title: 'Dev host' };
    }
    if (p === '/dashboard') {
      return { page: 'dashboard', area: 'dashboard', title: 'Dashboard' };
    }
    if (p === '/leads/pipeline') {
      return { page: 'pipeline', area: 'leads_pipeline', title: 'Leads' };
    }
    if ((m = /^\/(leads|contacts|companies|customers)\/detail\/(\d+)$/.exec(p))) {
      var fam = { leads: 'lcard', contacts: 'ccard', companies: 'comcard', customers: 'cucard' }[m[1]];
      return { page: 'card', area: fam, family: fam, entity: m[1], id: +m[2], title: m[1] };
    }
    if (p === '/leads/list') {
      return { page: 'list', area: 'llist', family: 'llist', entity: 'leads', selected: 'leads.selected', title: 'Leads' };
    }
    if (p === '/contacts/list/contacts' || p === '/contacts/list') {
      return { page: 'list', area: 'clist', family: 'clist', entity: 'contacts', selected: 'contacts.selected', title: 'Contacts' };
    }
    if (p === '/contacts/list/companies') {
      return { page: 'list', area: 'clist', family: 'clist', entity: 'companies', selected: 'contacts.selected', title: 'Companies' };
    }
    if (p === '/customers/list') {
      return { page: 'list', area: 'culist', family: 'culist', entity: 'customers', selected: null, title: 'Customers' };
    }
    if (p === '/todo/list') {
      return { page: 'list', area: 'tlist', family: 'tlist', entity: 'tasks', selected: 'todo.selected', title: 'Tasks' };
    }
    if (p === '/settings/widgets') {
      return { page: 'widgets', area: 'widgetsSettings', title: 'Settings — Integrations' };
    }
    if ((m = /^\/settings\/widgets\/([^/]+)$/.exec(p))) {
      return { page: 'advanced', area: 'advanced_settings', code: decodeURIComponent(m[1]), title: 'Settings' };
    }
    if ((m = /^\/settings\/pipeline\/leads\/(\d+)$/.exec(p))) {
      return { page: 'dp', area: 'digital_pipeline', pipeline: +m[1], title: 'Digital pipeline' };
    }
    if ((m = /^\/widget_page\/([^/]+)\/([^/]+)(?:\/([^/]+))?$/.exec(p))) {
      return { page: 'menu', area: 'widget_page', code: decodeURIComponent(m[1]), item: m[2], subitem: m[3] || null, title: 'Widget page' };
    }
    if (p === '/salesbot/designer') {
      return { page: 'salesbot', area: 'salesbot_designer', title: 'Salesbot designer' };
    }
    return { page: 'notfound', area: 'notfound', title: 'Not found' };
  }

  // ------------------------------------------------------------------ APP / AMOCRM

  function buildApp() {
    var user = state.host.user;
    var account = state.host.account;
    var managers = {};
    state.host.managers.forEach(function (m) {
      managers[m.id] = { id: m.id, title: m.name, login: m.login, active: true, is_admin: m.isAdmin ? 'Y' : 'N', group: 'group_' + m.groupId };
    });
    var constants = {
      user: {
        id: user.id, login: user.login, name: user.name, title: user.name, amojo_id: 'amojo-' + user.id,
        uuid: 'user-' + user.id, photo: '', personal_mobile: '', theme: currentTheme(), user_rank: 'admin',
        lang_id: lang, group_mates_ids: [], settings: {}
      },
      user_rights: { is_admin: 'Y', is_free_user: 'N' },
      account: {
        id: account.id, name: account.name, subdomain: account.subdomain, currency: account.currency,
        country: account.country, language: lang, users: managers, cf: {},
        timezone: 'UTC', date_format: 'DD.MM.YYYY', time_format: 'HH:mm'
      },
      managers: managers,
      groups: $.extend({}, state.host.groups || {}),
      task_types: { 1: { id: 1, option: 'Follow-up', code: 'FOLLOW_UP' }, 2: { id: 2, option: 'Meeting', code: 'MEETING' } },
      card_element: false
    };
    var app = window.APP = window.AMOCRM = {
      lang_id: lang,
      environment: 'development',
      click_event: 'click',
      constant: function (name, value) {
        if (arguments.length > 1) {
          constants[name] = value;
        }
        return constants[name];
      },
      data: { current_card: false, current_entity: null, current_view: null, current_list: null },
      getBaseEntity: function () {
        return route && route.entity || null;
      },
      isCard: function () {
        return !!(route && route.page === 'card');
      },
      getWidgetsArea: function () {
        return route ? route.area : null;
      },
      widgets: {
        system: null,
        list: {},
        clear_cache: function () {}
      },
      addNotificationCallback: function (widgetCode, fn) {
        notificationCallbacks.push({ code: widgetCode, fn: fn });
      },
      notifications: {
        show_message: function (o) { toast('message', o && o.header, o && o.text); },
        show_message_error: function (o) { toast('error', o && o.header, o && o.text); },
        show_notification: function (o) {
          var text = o && o.text || {};
          toast(o && o.type === 'error' ? 'error' : 'message', text.header, text.text);
        },
        add_error: function (o) { toast('error', o && o.header || 'Error', o && o.text); },
        add_call: function (o) { toast('call', 'Call', o && o.text); }
      },
      cf_types: { text: 1, numeric: 2, checkbox: 3, select: 4, multiselect: 5, date: 6, url: 7, textarea: 9, radiobutton: 10, streetaddress: 11, smart_address: 13, birthday: 14, legal_entity: 15, date_time: 19, price: 20 },
      element_types: ELEMENT_TYPES,
      note_types: { common: 4, call_in: 10, call_out: 11, sms_in: 102, sms_out: 103 },
      system: {
        subdomain: account.subdomain,
        domain: location.host,
        format: { date: { date: 'DD.MM.YYYY', time: 'HH:mm', date_time: 'DD.MM.YYYY HH:mm' } }
      },
      USER: { id: user.id, name: user.name, login: user.login },
      sdk: {
        showUserStatus: function () {},
        setCallingStatus: function () {}
      }
    };
    return app;
  }

  function toast(kind, header, text) {
    var $holder = $('#notifications_holder');
    var $n = $('<div class="kommo-notification kommo-notification_' + kind + '"><div class="kommo-notification__header"></div><div class="kommo-notification__text"></div></div>');
    $n.find('.kommo-notification__header').text(header || '');
    $n.find('.kommo-notification__text').html(text || '');
    $holder.append($n);
    setTimeout(function () { $n.fadeOut(300, function () { $n.remove(); }); }, 6000);
  }

  // ------------------------------------------------------------------ Twig

  function registerTemplate(id, source) {
    delete dev.twigInternal.Templates.registry[id];
    return window.Twig.twig({ id: id, data: source, allowInlineIncludes: true });
  }

  function registerTemplates() {
    Object.keys(state.systemTemplates).forEach(function (path) {
      var source = state.systemTemplates[path];
      var rel = path.replace(/^\/tmpl\//, '');       // controls/button.twig
      registerTemplate(path, source);                 // /tmpl/controls/button.twig
      registerTemplate('interface/' + rel, source);   // interface/controls/button.twig (their own includes)
    });
    Object.keys(state.widget.templates).forEach(function (path) {
      var source = state.widget.templates[path];
      registerTemplate(path, source);                 // templates/x.twig (includes relative to the root)
      registerTemplate('/' + path, source);
    });
  }

  var twigExtended = false;
  function extendTwig() {
    if (twigExtended) {
      return;
    }
    twigExtended = true;
    window.Twig.extendFilter('i18n', function (value) {
      var found = getPath(langs, value);
      return typeof found === 'string' ? found : value;
    });
    window.Twig.extendFilter('numeral', function (value, args) {
      var n = Number(value);
      if (isNaN(n)) {
        return value;
      }
      return n.toLocaleString('en-US');
    });
  }

  // ------------------------------------------------------------------ the widget object

  function settingsValues() {
    var values = {};
    var saved = state.install.settings || {};
    Object.keys(saved).forEach(function (k) {
      values[k] = saved[k];
    });
    return values;
  }

  function buildParams() {
    var w = manifest().widget || {};
    var params = settingsValues();
    params.widget_code = code();
    params.path = base();
    params.cdn_path = base();
    params.images_path = base() + '/images';
    params.version = state.widget.version;
    params.active = state.install.active;
    params.widget_active = state.install.active;
    params.status = state.install.status;
    params.id = 'dev_' + code();
    params.oauth_client_uuid = state.widget.clientUuid;
    params.category_code = 'own_integrations';
    params.support = w.support || {};
    return params;
  }

  function systemFor(area) {
    var user = state.host.user;
    var account = state.host.account;
    return {
      area: area,
      amouser_id: user.id,
      amouser: user.login,
      amohash: state.apiToken || 'dev-api-hash',
      subdomain: account.subdomain,
      domain: location.host,
      server: 'dev',
      entity_id: route && route.id || null,
      displayed_count: 1,
      displayed_count_by_area: {}
    };
  }

  function renderTwig(data, params) {
    if (!data) {
      dev.report('error', 'self.render called without a template description', null, 'render');
      return '';
    }
    if (data.ref) {
      var ref = String(data.ref).replace(/\?.*$/, '');
      if (!window.Twig.Templates.registry[ref]) {
        dev.report('error', 'self.render: system template ' + ref + ' is not provided (system templates live under /tmpl/controls/)', null, 'render');
        return '';
      }
      return window.Twig.twig({ ref: ref }).render(params || {});
    }
    if (typeof data.data === 'string') {
      return window.Twig.twig({ data: data.data, allowInlineIncludes: true }).render(params || {});
    }
    if (data.href) {
      var basePath = data.base_path !== undefined ? data.base_path : '';
      var url = basePath + data.href + (data.v !== undefined ? (data.href.indexOf('?') >= 0 ? '&' : '?') + 'v=' + encodeURIComponent(data.v) : '');
      var promise = fetch(url, { cache: 'no-store' }).then(function (response) {
        if (!response.ok) {
          throw new Error('HTTP ' + response.status);
        }
        return response.text();
      }).then(function (source) {
        var template = registerTemplate(basePath + data.href, source);
        if (typeof data.load === 'function') {
          data.load(template);
        }
        return template;
      }, function (error) {
        dev.report('error', 'self.render: template ' + url + ' could not be loaded (' + error.message + '), so its load callback was not called',
          dev.widgetRelative(basePath + data.href) ? { file: dev.widgetRelative(basePath + data.href) } : null, 'render');
        throw error;
      });
      if (data.promised) {
        return promise;
      }
      promise.catch(function () {});
      return '';
    }
    dev.report('error', 'self.render needs {ref}, {data} or {href}; got ' + describe(data), null, 'render');
    return '';
  }

  function createWidget(Ctor, area, instance) {
    var proto = typeof Ctor === 'function' && Ctor.prototype ? Ctor.prototype : Object.prototype;
    var self = Object.create(proto);
    var params = buildParams();
    self.params = params;
    self.langs = langs;
    self.ns = '.' + code();
    self.get_settings = function () { return self.params; };
    self.set_settings = function (values) {
      $.extend(self.params, values || {});
      return self.params;
    };
    self.system = function () { return systemFor(area); };
    self.i18n = function (key) {
      var found = getPath(self.langs, key);
      if (found === undefined) {
        dev.report('warning', 'self.i18n(' + JSON.stringify(key) + ') is not in i18n/' + lang + '.json', null, 'i18n');
      }
      return found;
    };
    self.set_lang = function (newLangs) { self.langs = newLangs; };
    self.get_version = function () { return state.widget.version; };
    self.get_install_status = function () { return state.install.status; };
    self.set_status = function (status) {
      return api('POST', '/__kommo/api/status', { status: status }).then(function (install) {
        state.install = install;
        self.params.status = install.status;
        updateChrome();
        return install;
      }, function () {
        dev.report('error', 'self.set_status(' + JSON.stringify(status) + '): status must be install, installed, not_configured or error', null, 'set_status');
      });
    };
    self.render = function (data, templateParams) { return renderTwig(data, templateParams); };
    self.render_template = function (options, templateParams) { return renderTemplate(instance, options, templateParams); };
    self.list_selected = function () { return listSelected(); };
    self.widgetsOverlay = function (show) { widgetsOverlay(show !== false); };
    self.add_action = function (type, handler) {
      actions[type] = { handler: handler, self: self };
      refreshActions();
    };
    self.add_source = function (type, handler, caption) {
      sources[type] = { handler: handler, caption: caption, self: self };
      refreshSources();
    };
    self.crm_post = function (url, data, success, dataType, error) { return crmPost(url, data, success, dataType, error); };
    self.$authorizedAjax = function (options) { return authorizedAjax(options); };
    self.get_accounts_current = function () {
      return { account: window.APP.constant('account'), user: window.APP.constant('user') };
    };
    self.get_current_card_contacts_data = function () {
      var card = window.APP.data.current_card;
      var record = card ? entity(card.entity, card.id) : null;
      var linked = record && card.entity === 'contacts' ? [record] :
        (record && record.contacts || []).map(function (l) { return entity('contacts', l.id); }).filter(Boolean);
      return Promise.resolve(linked.map(function (c) {
        var parts = c.name.split(' ');
        return { id: c.id, name: c.name, first_name: parts[0], last_name: parts.slice(1).join(' '), phones: c.phones || [], emails: c.emails || [] };
      }));
    };
    self.get_pipeline_id = function () { return Promise.resolve(route && route.pipeline || state.host.pipelines[0].id); };
    self.setSdkCatalogId = function (id) { self.params.catalog_id = id; };
    self.listenSocketChannel = function () {};

    var result;
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

  // ------------------------------------------------------------------ callbacks

  function lookup(callbacks, name) {
    return getPath(callbacks, name);
  }

  /** Calls one callback, records it in the callback log, reports what is missing or thrown. */
  function invoke(instance, name, args, options) {
    options = options || {};
    var fn = lookup(instance.self.callbacks, name);
    var entry = { name: name, area: instance.area, result: null };
    if (typeof fn !== 'function') {
      entry.result = 'missing';
      if (options.required) {
        dev.calls.push(entry);
        dev.report(options.missingLevel || 'warning', 'callbacks.' + name + ' is missing' + (options.missingHint ? ', ' + options.missingHint : ''), { file: 'script.js' }, 'callback');
      }
      return { missing: true };
    }
    dev.calls.push(entry);
    try {
      var value = fn.apply(instance.self.callbacks, args || []);
      entry.result = isThenable(value) ? 'promise' : describe(value);
      return { value: value };
    } catch (e) {
      entry.result = 'threw';
      dev.report('error', name + ' threw ' + dev.describe(e) + (options.thrownHint ? ', ' + options.thrownHint : ''), dev.widgetFrame(e.stack), 'callback');
      return { threw: e };
    }
  }

  /** Settles a callback's result: a value, or the value a Promise resolves to. */
  function settle(outcome) {
    if (outcome.missing || outcome.threw) {
      return Promise.resolve(outcome);
    }
    if (isThenable(outcome.value)) {
      return Promise.resolve(outcome.value).then(function (v) {
        return { value: v, promised: true };
      }, function (e) {
        return { rejected: e };
      });
    }
    return Promise.resolve(outcome);
  }

  var moduleIds = [];

  function loadWidgetModule() {
    if (!hasFile('script.js')) {
      return Promise.resolve(null);
    }
    var ctx = requirejs.s.contexts._;
    Object.keys(ctx.defined).concat(Object.keys(ctx.registry)).forEach(function (id) {
      if (id.indexOf(base() + '/') === 0 || id.indexOf('text!' + base()) === 0 || id.indexOf('json!' + base()) === 0) {
        requirejs.undef(id);
      }
    });
    var id = base() + '/script.js';
    // Host modules are loaded first, so a widget may also take them with synchronous require('twigjs').
    var hostModules = ['jquery', 'underscore', 'moment', 'twigjs', 'text', 'json', 'lib/components/base/modal'];
    return new Promise(function (resolve) {
      require(hostModules, function () { resolve(); });
    }).then(function () {
      return new Promise(function (resolve) {
        require([id], function (Ctor) {
          if (typeof Ctor !== 'function') {
            dev.report('error', 'script.js must define() a constructor function; it defined ' + describe(Ctor), { file: 'script.js' }, 'define');
            resolve(null);
            return;
          }
          resolve(Ctor);
        }, function (err) {
          requirejs.onError(err);
          resolve(null);
        });
      });
    });
  }

  var ctorPromise = null;

  function widgetCtor() {
    if (!ctorPromise) {
      ctorPromise = loadWidgetModule();
    }
    return ctorPromise;
  }

  /**
   * Starts the widget in an area: render → (only if it returned true) init and bind_actions.
   * init_once: init/bind_actions only the first time in this page session.
   */
  function start(area, extra) {
    return widgetCtor().then(function (Ctor) {
      if (!Ctor) {
        return null;
      }
      var instance = $.extend({ area: area, panel: false, blocks: [] }, extra || {});
      dev.currentArea = area;
      window.APP.widgets.system = systemFor(area);
      var self = createWidget(Ctor, area, instance);
      if (!self) {
        return null;
      }
      instance.self = self;
      window.APP.widgets.list[code()] = self;
      running.push(instance);
      return settle(invoke(instance, 'render', [], { required: true, missingLevel: 'error', missingHint: 'so init and bind_actions were not called' }))
        .then(function (r) {
          if (r.missing || r.threw) {
            if (r.threw) {
              dev.report('warning', 'render threw, so init and bind_actions were not called', null, 'lifecycle');
            }
            return instance;
          }
          if (r.rejected) {
            dev.report('error', 'render returned a Promise that rejected (' + dev.describe(r.rejected) + '), so init and bind_actions were not called', dev.widgetFrame(r.rejected && r.rejected.stack), 'lifecycle');
            return instance;
          }
          if (r.value !== true) {
            dev.report(r.value === false ? 'info' : 'warning', 'render ' + (r.promised ? 'resolved to ' : 'returned ') + describe(r.value) + ', so init and bind_actions were not called', { file: 'script.js' }, 'lifecycle');
            return instance;
          }
          if (manifest().widget && manifest().widget.init_once === true && initOnceDone) {
            dev.calls.push({ name: 'init', area: area, result: 'skipped (init_once)' });
            return instance;
          }
          initOnceDone = true;
          ['init', 'bind_actions'].forEach(function (name) {
            var outcome = invoke(instance, name, [], { required: true });
            if (!outcome.missing && !outcome.threw && outcome.value !== true && !isThenable(outcome.value)) {
              dev.report('warning', name + ' returned ' + describe(outcome.value) + ' (Kommo expects true)', { file: 'script.js' }, 'lifecycle');
            }
          });
          return instance;
        });
    });
  }

  /** Leaves an area: destroy, then the host removes what it drew for the widget. */
  function stop(instance) {
    if (!instance || instance.stopped) {
      return;
    }
    instance.stopped = true;
    invoke(instance, 'destroy', []);
    instance.blocks.forEach(function ($b) { $b.remove(); });
    running = running.filter(function (i) { return i !== instance; });
  }

  function stopAll() {
    running.slice().forEach(stop);
  }

  // ------------------------------------------------------------------ right panel

  function renderTemplate(instance, options, templateParams) {
    options = options || {};
    if (!instance.panel) {
      dev.report('info', 'render_template was called in ' + instance.area + ' but the widget has no right-panel block there (location ' +
        (instance.family || instance.area) + '-0, or not a card/list area)', null, 'render_template');
      return false;
    }
    var $host = instance.$panel || $('#card_widgets .card-widgets__elements');
    var caption = options.caption || {};
    var html = options.body || '';
    if (options.render) {
      try {
        html += window.Twig.twig({ data: options.render, allowInlineIncludes: true }).render(templateParams || {});
      } catch (e) {
        dev.report('error', 'render_template: the Twig template in options.render failed: ' + dev.describe(e), null, 'render_template');
      }
    }
    var cls = 'card-widgets__widget-' + code();
    $host.find('.' + cls).remove();
    var logoMedium = logo('logo_medium.png');
    var $block = $(
      '<div class="card-widgets__widget ' + cls + ' js-widget-' + esc(code()) + '" data-code="' + esc(code()) + '">' +
      '<div class="card-widgets__widget__caption ' + esc(caption.class_name || '') + '">' +
      (logoMedium ? '<img class="card-widgets__widget__caption__logo" src="' + esc(logoMedium) + '" alt="">' : '') +
      '<span class="card-widgets__widget__caption__logo_min"></span>' +
      '<span class="card-widgets__widget__caption__title">' + (caption.html || esc(widgetName())) + '</span></div>' +
      '<div class="card-widgets__widget__body js-widget-' + esc(code()) + '-body"></div></div>');
    $block.find('.card-widgets__widget__body').html(html);
    $host.append($block);
    instance.blocks.push($block);
    return true;
  }

  // ------------------------------------------------------------------ network helpers for self

  function crmPost(url, data, success, dataType, error) {
    var body = typeof data === 'string' ? data : $.param(data || {});
    var deferred = $.Deferred();
    api('POST', '/__kommo/api/crm_post', { url: url, body: body }).then(function (res) {
      var fakeXhr = { status: res.status, responseText: res.body, getResponseHeader: function () { return res.contentType; } };
      if (res.status >= 200 && res.status < 300) {
        var parsed = res.body;
        if (dataType === 'json') {
          try {
            parsed = JSON.parse(res.body);
          } catch (e) {
            if (typeof error === 'function') {
              error(fakeXhr, 'parsererror', e);
            }
            deferred.reject(fakeXhr, 'parsererror', e);
            return;
          }
        }
        if (typeof success === 'function') {
          success(parsed, 'success', fakeXhr);
        }
        deferred.resolve(parsed, 'success', fakeXhr);
      } else {
        if (typeof error === 'function') {
          error(fakeXhr, 'error', res.body);
        }
        deferred.reject(fakeXhr, 'error', res.body);
      }
    }, function (e) {
      dev.report('error', 'crm_post(' + JSON.stringify(url) + ') was refused by the host: ' + (e.data && e.data.errors ? JSON.stringify(e.data.errors) : e.message), null, 'crm_post');
      if (typeof error === 'function') {
        error({ status: e.status || 0, responseText: '' }, 'error', e.message);
      }
      deferred.reject({ status: e.status || 0 }, 'error', e.message);
    });
    return deferred.promise();
  }

  function authorizedAjax(options) {
    options = options || {};
    var deferred = $.Deferred();
    var target = options.url || '';
    var audience = /^https?:\/\//.test(target) ? target.replace(/^(https?:\/\/[^/]+).*$/, '$1') : location.origin;
    api('POST', '/__kommo/api/token', { audience: audience }).then(function (res) {
      var request = $.extend({}, options);
      request.headers = $.extend({}, options.headers || {}, { 'X-Auth-Token': res.token });
      $.ajax(request).then(deferred.resolve, deferred.reject);
    }, function (e) {
      deferred.reject({ status: 0 }, 'error', e.message);
    });
    return deferred.promise();
  }

  // ------------------------------------------------------------------ shell

  function currentTheme() {
    return localStorage.getItem('kommo-dev-theme') === 'dark' ? 'dark' : 'light';
  }

  function applyTheme() {
    var dark = currentTheme() === 'dark';
    document.documentElement.classList.toggle('kommo-theme-dark', dark);
    document.body.classList.toggle('theme_dark', dark);
    document.documentElement.setAttribute('data-theme', currentTheme());
  }

  function pickLanguage() {
    var locales = state.widget.locales.length ? state.widget.locales : Object.keys(state.widget.i18n);
    var stored = localStorage.getItem('kommo-dev-lang');
    lang = locales.indexOf(stored) >= 0 ? stored : locales.indexOf('en') >= 0 ? 'en' : (locales[0] || 'en');
    langs = state.widget.i18n[lang] || {};
    document.documentElement.lang = lang;
  }

  function menu() {
    var items = [
      { code: 'dashboard', href: '/dashboard/', title: 'Dashboard' },
      { code: 'leads', href: '/leads/list/', title: 'Leads', sub: [['/leads/pipeline/', 'Pipeline'], ['/leads/list/', 'List'], ['/leads/detail/' + firstId('leads'), 'Lead card']] },
      { code: 'customers', href: '/customers/list/', title: 'Customers', sub: [['/customers/list/', 'List'], ['/customers/detail/' + firstId('customers'), 'Customer card']] },
      { code: 'contacts', href: '/contacts/list/contacts/', title: 'Contacts', sub: [['/contacts/list/contacts/', 'Contacts'], ['/contacts/list/companies/', 'Companies'], ['/contacts/detail/' + firstId('contacts'), 'Contact card'], ['/companies/detail/' + firstId('companies'), 'Company card']] },
      { code: 'tasks', href: '/todo/list/', title: 'Tasks' },
      { code: 'salesbot', href: '/salesbot/designer/', title: 'Salesbot' },
      { code: 'settings', href: '/settings/widgets/', title: 'Settings', sub: [['/settings/widgets/', 'Integrations'], ['/settings/widgets/' + encodeURIComponent(code()) + '/', 'Advanced settings'], ['/settings/pipeline/leads/' + state.host.pipelines[0].id + '/', 'Digital pipeline']] }
    ];
    var leftMenu = manifest().left_menu || {};
    var systemSections = ['dashboard', 'leads', 'customers', 'tasks', 'catalogs', 'mail', 'stats', 'settings'];
    Object.keys(leftMenu).forEach(function (key) {
      var entry = leftMenu[key] || {};
      if (systemSections.indexOf(key) >= 0) {
        if (entry.is_hidden === true) {
          items = items.filter(function (i) { return i.code !== key; });
        }
        return;
      }
      var own = {
        code: 'widget_' + key, own: true, href: '/widget_page/' + encodeURIComponent(code()) + '/' + encodeURIComponent(key) + '/',
        title: t(entry.title) || key, icon: entry.icon ? base() + '/' + String(entry.icon).replace(/^\//, '') : '', sub: []
      };
      var submenu = entry.submenu || {};
      Object.keys(submenu).sort(function (a, b) { return (submenu[a].sort || 0) - (submenu[b].sort || 0); }).forEach(function (subKey) {
        own.sub.push(['/widget_page/' + encodeURIComponent(code()) + '/' + encodeURIComponent(key) + '/' + encodeURIComponent(subKey) + '/', t(submenu[subKey].title) || subKey]);
      });
      var after = entry.sort && entry.sort.after;
      var index = -1;
      items.forEach(function (i, n) { if (i.code === after) { index = n; } });
      if (index >= 0) {
        items.splice(index + 1, 0, own);
      } else {
        items.push(own);
      }
    });
    items.push({ code: 'dev', href: '/', title: 'Dev host' });
    return items;
  }

  function firstId(type) {
    var list = state.host.entities[type] || [];
    return list.length ? list[0].id : 1;
  }

  function drawShell() {
    var locales = state.widget.locales.length ? state.widget.locales : Object.keys(state.widget.i18n);
    var html =
      '<div class="kommo-shell">' +
      '<aside id="left_menu" class="nav__menu">' +
      '<div class="nav__top"><span class="nav__top__logo">kommo</span><span class="nav__top__dev">dev</span></div>' +
      '<ul class="nav__menu__list">' + menu().map(function (item) {
        return '<li class="nav__menu__item' + (item.own ? ' nav__menu__item_widget' : '') + '" data-entity="' + esc(item.code) + '">' +
          '<a class="nav__menu__item__link js-navigate-link" href="' + esc(item.href) + '">' +
          (item.icon ? '<img class="nav__menu__item__icon" src="' + esc(item.icon) + '" alt="">' : '<span class="nav__menu__item__icon nav__menu__item__icon_' + esc(item.code) + '"></span>') +
          '<span class="nav__menu__item__title">' + esc(item.title) + '</span></a>' +
          (item.sub && item.sub.length ? '<ul class="nav__menu__sub">' + item.sub.map(function (s) {
            return '<li><a class="nav__menu__sub__link js-navigate-link" href="' + esc(s[0]) + '">' + esc(s[1]) + '</a></li>';
          }).join('') + '</ul>' : '') + '</li>';
      }).join('') + '</ul></aside>' +
      '<div class="kommo-shell__main">' +
      '<header class="kommo-topbar">' +
      '<div class="kommo-topbar__title" id="kommo-page-title"></div>' +
      '<div class="kommo-topbar__tools">' +
      '<span class="kommo-dev-widget-chip" id="kommo-dev-widget-chip"></span>' +
      '<button type="button" id="kommo-dev-badge" class="kommo-dev-badge">no problems</button>' +
      '<label class="kommo-topbar__lang">Language <select id="kommo-dev-lang">' + locales.map(function (l) {
        return '<option value="' + esc(l) + '"' + (l === lang ? ' selected' : '') + '>' + esc(l) + '</option>';
      }).join('') + '</select></label>' +
      '<button type="button" id="kommo-dev-theme" class="kommo-topbar__theme">' + (currentTheme() === 'dark' ? 'Light theme' : 'Dark theme') + '</button>' +
      '</div></header>' +
      '<div id="kommo-dev-banner"></div>' +
      '<div id="work_area" class="work-area-holder"></div>' +
      '</div></div>' +
      '<div id="notifications_holder" class="kommo-notifications"></div>';
    $('#page_holder').html(html);
    $('#kommo-dev-lang').on('change', function () {
      localStorage.setItem('kommo-dev-lang', this.value);
      rerun('language');
    });
    $('#kommo-dev-theme').on('click', function () {
      localStorage.setItem('kommo-dev-theme', currentTheme() === 'dark' ? 'light' : 'dark');
      applyTheme();
      $(this).text(currentTheme() === 'dark' ? 'Light theme' : 'Dark theme');
      if (window.APP) {
        window.APP.constant('user').theme = currentTheme();
      }
    });
    $('#kommo-dev-badge').on('click', function () { dev.showOverlay(); });
    dev.renderOverlay();
  }

  function updateChrome() {
    $('#kommo-dev-widget-chip').text(code() + ' · ' + (installed() ? 'installed' : state.install.status)).toggleClass('kommo-dev-widget-chip_off', !installed());
    $('.nav__menu__item').removeClass('nav__menu__item_selected');
    var path = location.pathname;
    $('.nav__menu__item').each(function () {
      var $a = $(this).find('> a');
      var href = $a.attr('href');
      if (href && href !== '/' && path.indexOf(href.replace(/(list|detail)\/.*$/, '')) === 0) {
        $(this).addClass('nav__menu__item_selected');
      }
    });
  }

  function banner(html) {
    $('#kommo-dev-banner').html(html ? '<div class="kommo-dev-banner">' + html + '</div>' : '');
  }

  function notInstalledBanner(where) {
    banner('The widget <b>' + esc(widgetName()) + '</b> is not installed, so Kommo does not load it ' + esc(where) +
      '. <a class="js-navigate-link" href="/settings/widgets/#' + esc(code()) + '">Install it in Settings → Integrations</a>.');
  }

  // ------------------------------------------------------------------ navigation

  $(document).on('click', 'a.js-navigate-link', function (e) {
    var href = $(this).attr('href');
    if (!href || href.charAt(0) !== '/' || e.ctrlKey || e.metaKey || e.shiftKey) {
      return;
    }
    e.preventDefault();
    navigate(href);
  });

  window.addEventListener('popstate', function () {
    showPage();
  });

  function navigate(href) {
    history.pushState({}, '', href);
    showPage();
  }

  dev.navigate = function (href) {
    navigate(href);
    return whenReady();
  };

  var readyWaiters = [];
  function setReady(value) {
    dev.ready = value;
    if (value) {
      readyWaiters.splice(0).forEach(function (fn) { fn(); });
    }
  }
  function whenReady() {
    return dev.ready ? Promise.resolve() : new Promise(function (resolve) { readyWaiters.push(resolve); });
  }
  dev.whenReady = whenReady;

  var pageToken = 0;

  /** Draws the page for location.pathname and runs the widget where its locations allow. */
  function showPage() {
    var token = ++pageToken;
    setReady(false);
    $('.modal').remove();
    stopAll();
    window.APP.data.current_card = false;
    window.APP.data.current_entity = null;
    window.APP.constant('card_element', false);
    actions = {};
    sources = {};
    route = parseRoute(location.pathname);
    dev.route = route;
    banner('');
    $('#kommo-page-title').text(route.title);
    updateChrome();
    var $work = $('#work_area').empty().attr('data-page', route.page);
    var pages = {
      index: pageIndex, dashboard: pageSimple, pipeline: pagePipeline, card: pageCard, list: pageList,
      widgets: pageWidgets, advanced: pageAdvanced, dp: pageDp, menu: pageMenu, salesbot: pageSalesbot, notfound: pageSimple
    };
    var work = Promise.resolve().then(function () {
      return pages[route.page]($work);
    }).catch(function (e) {
      dev.report('error', 'dev host page error: ' + dev.describe(e), null, 'host');
    });
    return work.then(function () {
      if (token === pageToken) {
        setReady(true);
      }
    });
  }

  /** Runs the widget in the page's area when `everywhere` asks for it and no specific location did. */
  function startEverywhere(area) {
    if (!hasLocation('everywhere')) {
      return Promise.resolve(null);
    }
    if (!installed()) {
      notInstalledBanner('on this page');
      return Promise.resolve(null);
    }
    return start(area, { kind: 'everywhere' });
  }

  function pageSimple($work) {
    $work.html('<div class="kommo-page kommo-page_' + esc(route.page) + '"><h1 class="kommo-page__title head_2">' + esc(route.title) + '</h1>' +
      (route.page === 'notfound' ? '<p>This path is not one of the emulated Kommo pages. <a class="js-navigate-link" href="/">All pages</a></p>' :
        '<div class="dashboard__widgets"><div class="dashboard__widget">Incoming leads: ' + (state.host.entities.leads || []).length + '</div>' +
        '<div class="dashboard__widget">Tasks: ' + (state.host.entities.tasks || []).length + '</div></div>') + '</div>');
    return startEverywhere(route.area);
  }

  function pageIndex($work) {
    var rows = [
      ['/dashboard/', 'Dashboard', 'everywhere'],
      ['/leads/pipeline/', 'Leads pipeline', 'everywhere'],
      ['/leads/detail/' + firstId('leads'), 'Lead card', 'lcard'],
      ['/contacts/detail/' + firstId('contacts'), 'Contact card', 'ccard'],
      ['/companies/detail/' + firstId('companies'), 'Company card', 'comcard'],
      ['/customers/detail/' + firstId('customers'), 'Customer card', 'cucard'],
      ['/leads/list/', 'Leads list', 'llist'],
      ['/contacts/list/contacts/', 'Contacts list', 'clist'],
      ['/contacts/list/companies/', 'Companies list', 'clist'],
      ['/customers/list/', 'Customers list', 'culist'],
      ['/todo/list/', 'Tasks list', 'tlist'],
      ['/settings/widgets/', 'Settings → Integrations (settings modal)', 'settings'],
      ['/settings/widgets/' + encodeURIComponent(code()) + '/', 'Advanced settings', 'advanced_settings'],
      ['/settings/pipeline/leads/' + state.host.pipelines[0].id + '/', 'Digital pipeline', 'digital_pipeline'],
      ['/widget_page/' + encodeURIComponent(code()) + '/' + encodeURIComponent(Object.keys(manifest().left_menu || {})[0] || 'main') + '/', 'Left-menu page', 'widget_page'],
      ['/salesbot/designer/', 'Salesbot designer', 'salesbot_designer']
    ];
    $work.html('<div class="kommo-page kommo-dev-index"><h1 class="head_2">' + esc(widgetName()) + ' <small>' + esc(code()) + ' ' + esc(state.widget.version) + '</small></h1>' +
      '<p>Locations: <code>' + esc(locations().join(', ') || '(none)') + '</code></p>' +
      '<table class="kommo-dev-index__table"><thead><tr><th>Page</th><th>Path</th><th>Location</th><th>Widget loads</th></tr></thead><tbody>' +
      rows.map(function (r) {
        var loads = r[2] === 'everywhere' ? hasLocation('everywhere') : r[2] === 'settings' ? hasLocation('settings') :
          /card|list$/.test(r[2]) ? !!locationOf(r[2]) || hasLocation('everywhere') : hasLocation(r[2]);
        return '<tr><td><a class="js-navigate-link" href="' + esc(r[0]) + '">' + esc(r[1]) + '</a></td><td><code>' + esc(r[0]) + '</code></td><td>' + esc(r[2]) + '</td><td>' + (loads ? 'yes' : '—') + '</td></tr>';
      }).join('') + '</tbody></table></div>');
    return Promise.resolve();
  }

  function pagePipeline($work) {
    var pipeline = state.host.pipelines[0];
    $work.html('<div class="kommo-page pipeline"><div class="pipeline__body">' + pipeline.statuses.map(function (s) {
      var leads = (state.host.entities.leads || []).filter(function (l) { return l.pipelineId === pipeline.id && l.statusId === s.id; });
      return '<div class="pipeline_status" data-id="' + s.id + '"><div class="pipeline_status__head" style="border-color:' + esc(s.color) + '">' + esc(s.name) + '</div>' +
        leads.map(function (l) {
          return '<div class="pipeline_leads__item" data-id="' + l.id + '"><a class="js-navigate-link" href="/leads/detail/' + l.id + '">' + esc(l.name) + '</a><div>$' + esc(l.price) + '</div></div>';
        }).join('') + '</div>';
    }).join('') + '</div></div>');
    return startEverywhere(route.area);
  }

  // ------------------------------------------------------------------ cards

  function pageCard($work) {
    var record = entity(route.entity, route.id);
    var family = route.family;
    var loc = locationOf(family);
    if (!record) {
      $work.html('<div class="kommo-page"><h1 class="head_2">Not found</h1><p>No ' + esc(route.entity) + ' with id ' + esc(route.id) + ' in the sandbox data.</p></div>');
      return Promise.resolve();
    }
    var singular = { leads: 'lead', contacts: 'contact', companies: 'company', customers: 'customer' }[route.entity];
    var resp = manager(record.responsibleUserId);
    var sdk = hasLocation('card_sdk') && loc && family !== 'cucard';
    var fields =
      (record.price !== null && record.price !== undefined ? '<div class="linked-form__field" id="lead_card_budget"><div class="linked-form__field__label">Budget</div><div class="linked-form__field__value"><input class="text-input linked-form__cf" name="' + singular + '[PRICE]" value="' + esc(record.price) + '"></div></div>' : '') +
      '<div class="linked-form__field"><div class="linked-form__field__label">Responsible user</div><div class="linked-form__field__value">' + esc(resp ? resp.name : '') + '</div></div>' +
      (record.company ? '<div class="linked-form__field"><div class="linked-form__field__label">Company</div><div class="linked-form__field__value"><input class="text-input linked-form__cf" name="company[NAME]" value="' + esc(record.company) + '"></div></div>' : '') +
      (record.phones || []).map(function (phone) {
        return '<div class="linked-form__field phone_wrapper" data-pei-code="phone"><div class="linked-form__field__label">Phone</div><div class="linked-form__field__value"><input type="text" class="text-input linked-form__cf" name="CFV[phone]" value="' + esc(phone) + '"><span class="js-card-actions" data-type="phone" data-value="' + esc(phone) + '"></span></div></div>';
      }).join('') +
      (record.emails || []).map(function (email) {
        return '<div class="linked-form__field email_wrapper" data-pei-code="email"><div class="linked-form__field__label">Email</div><div class="linked-form__field__value"><input type="text" class="text-input linked-form__cf" name="CFV[email]" value="' + esc(email) + '"><span class="js-card-actions" data-type="email" data-value="' + esc(email) + '"></span></div></div>';
      }).join('') +
      (record.fields || []).map(function (f) {
        return '<div class="linked-form__field linked-form__field-cf" data-id="' + f.id + '" data-type="' + esc(f.type) + '"><div class="linked-form__field__label">' + esc(f.name) + '</div><div class="linked-form__field__value"><input type="text" class="text-input linked-form__cf" name="CFV[' + f.id + ']" value="' + esc(f.values.join(', ')) + '" readonly></div></div>';
      }).join('') +
      ((record.contacts || []).length ? '<div class="linked-form__contacts"><div class="linked-form__field__label">Contacts</div>' + record.contacts.map(function (c) {
        return '<div class="linked-form__contact' + (c.isMain ? ' linked-form__contact_main' : '') + '" data-id="' + c.id + '"><a class="js-navigate-link" href="/contacts/detail/' + c.id + '">' + esc(c.name) + '</a></div>';
      }).join('') + '</div>' : '');
    var statusRadios = '';
    if (route.entity === 'leads') {
      // Kommo's card header: one select of every pipeline's stages; a change moves the lead through /api/v4.
      statusRadios = '<input type="hidden" name="lead[PIPELINE_ID]" value="' + esc(record.pipelineId) + '">' +
        '<div class="card-fields__status linked-form__field_status"><select class="pipeline-select js-card-status" name="lead[STATUS]">' +
        state.host.pipelines.map(function (p) {
          return '<optgroup label="' + esc(p.name) + '">' + p.statuses.map(function (s) {
            return '<option value="' + s.id + '" data-pipeline="' + p.id + '"' + (p.id === record.pipelineId && s.id === record.statusId ? ' selected' : '') + '>' + esc(s.name) + '</option>';
          }).join('') + '</optgroup>';
        }).join('') + '</select><span class="card-fields__status-note"></span></div>';
    }
    $work.html(
      '<div id="card_holder" class="card-holder js-card card-' + esc(singular) + '" data-entity="' + esc(route.entity) + '" data-id="' + record.id + '">' +
      '<div class="card-holder__fields card-entity-form"><form class="linked-form js-linked-form" action="/ajax/' + esc(route.entity) + '/detail/" onsubmit="return false">' +
      '<input type="hidden" name="ID" value="' + record.id + '"><input type="hidden" name="' + singular + '[ID]" value="' + record.id + '"><input type="hidden" name="MAIN_ID" value="' + record.id + '">' +
      '<div id="card_name_holder" class="card-fields__top-name js-card-name"><input id="person_name" class="text-input js-linked-name-view" name="' + singular + '[NAME]" value="' + esc(record.name) + '"></div>' +
      statusRadios +
      '<div class="card-tabs"><span class="card-tabs__item card-tabs__item_selected" data-tab="main">Main</span>' +
      (sdk ? '<span class="card-tabs__item js-card-tab-sdk" data-tab="' + esc(code()) + '">' + esc(widgetName()) + '</span>' : '') + '</div>' +
      '<div id="card_fields" class="card-fields card-cf-table-main-entity" data-tab-content="main">' + fields + '</div>' +
      (sdk ? '<div class="card-sdk-tab" data-tab-content="' + esc(code()) + '" style="display:none"><div id="' + esc(code()) + '" class="card-sdk-tab__body"></div></div>' : '') +
      '</form></div>' +
      '<div class="card-holder__feed"><div class="notes-wrapper"><div class="feed-note">Card created ' + esc(new Date(record.createdAt * 1000).toISOString().substring(0, 10)) + '</div></div>' +
      '<div class="feed-compose"><div class="feed-compose-switcher"><span class="feed-compose-switcher__text">Note</span><span class="feed-compose__sources"></span></div>' +
      '<div class="feed-compose__quick-actions-wrapper"></div><textarea class="feed-compose__textarea js-control-contenteditable-input" placeholder="Type a note"></textarea>' +
      '<button type="button" class="button-input button-input_blue feed-note__button"><span class="button-input-inner"><span class="button-input-inner__text">Send</span></span></button></div></div>' +
      '<div id="card_widgets" class="card-widgets' + (loc && loc.panel ? '' : ' card-widgets_empty') + '"><div class="card-widgets__elements"></div>' +
      '<div id="card_widgets_overlay" class="default-overlay"></div></div>' +
      '</div>');
    var attributes = {};
    $work.find('input[name], textarea[name], select[name]').each(function () { attributes[this.name] = this.value; });
    var model = {
      attributes: attributes,
      get: function (k) { return attributes[k]; },
      set: function (k, v) { attributes[k] = v; return model; },
      toJSON: function () { return $.extend({}, attributes); },
      on: function () {}, off: function () {}, trigger: function () {}
    };
    $work.on('change input', 'input[name], textarea[name]', function () {
      attributes[this.name] = this.type === 'radio' ? $work.find('input[name="' + this.name + '"]:checked').val() : this.value;
    });
    $work.on('change', 'select.js-card-status', function () {
      var $option = $(this).find('option:selected');
      var statusId = +$option.val();
      var pipelineId = +$option.attr('data-pipeline');
      var $note = $work.find('.card-fields__status-note').text('Saving…');
      api('PATCH', '/api/v4/leads/' + record.id, { status_id: statusId, pipeline_id: pipelineId }).then(function () {
        record.statusId = statusId;
        record.pipelineId = pipelineId;
        attributes['lead[STATUS]'] = String(statusId);
        attributes['lead[PIPELINE_ID]'] = String(pipelineId);
        $work.find('input[name="lead[PIPELINE_ID]"]').val(pipelineId);
        window.APP.constant('card_element', { id: record.id, pipeline_id: pipelineId, status: statusId, element_type: ELEMENT_TYPES.leads });
        $note.text('Moved to ' + $option.text());
      }, function (error) {
        $note.text('Not moved: ' + error.message);
        dev.report('error', 'Moving the lead failed: ' + error.message, null, route.area);
      });
    });
    window.APP.data.current_card = {
      id: record.id, element_type: ELEMENT_TYPES[route.entity], entity: route.entity,
      main_user: record.responsibleUserId, model: model, $el: $('#card_holder'),
      user: { id: record.responsibleUserId }
    };
    window.APP.data.current_entity = route.entity;
    window.APP.constant('card_element', { id: record.id, pipeline_id: record.pipelineId, status: record.statusId, element_type: ELEMENT_TYPES[route.entity] });
    $work.on('click', '.card-tabs__item', function () {
      var tab = $(this).attr('data-tab');
      $work.find('.card-tabs__item').removeClass('card-tabs__item_selected');
      $(this).addClass('card-tabs__item_selected');
      $work.find('[data-tab-content]').hide();
      $work.find('[data-tab-content="' + tab + '"]').show();
      if (tab === code()) {
        openCardSdk(record);
      }
    });
    if (!loc) {
      return startEverywhere(route.area);
    }
    if (!installed()) {
      notInstalledBanner('in this card');
      return Promise.resolve(null);
    }
    return start(route.area, { family: family, panel: loc.panel, kind: 'card' });
  }

  function refreshActions() {
    $('.js-card-actions').each(function () {
      var $slot = $(this).empty();
      var type = $slot.attr('data-type');
      var action = actions[type] || (type === 'email' ? actions['e-mail'] : null);
      if (!action) {
        return;
      }
      var label = getPath(langs, 'widget.call_action') || widgetName();
      var $button = $('<button type="button" class="card-action-button js-widget-action"></button>').text(label);
      $button.on('click', function () {
        dev.calls.push({ name: 'add_action:' + type, area: route.area, result: null });
        try {
          action.handler.call(action.self, { value: $slot.attr('data-value'), type: type, element: { id: route.id, type: route.entity } });
        } catch (e) {
          dev.report('error', 'the ' + type + ' action handler threw ' + dev.describe(e), dev.widgetFrame(e.stack), 'add_action');
        }
      });
      $slot.append($button);
    });
  }

  function refreshSources() {
    var $holder = $('.feed-compose__sources').empty();
    Object.keys(sources).forEach(function (type) {
      var source = sources[type];
      var $b = $('<button type="button" class="feed-compose__source js-widget-source"></button>').text(source.caption || type.toUpperCase() + ' (' + widgetName() + ')');
      $b.on('click', function () {
        var record = entity(route.entity, route.id) || {};
        var payload = type === 'sms'
          ? { phone: (record.phones || [])[0] || '', message: $('.feed-compose__textarea').val(), contact_id: route.id }
          : $('.feed-compose');
        dev.calls.push({ name: 'add_source:' + type, area: route.area, result: null });
        try {
          var r = source.handler.call(source.self, payload);
          if (type === 'sms' && !isThenable(r)) {
            dev.report('warning', 'the sms source handler returned ' + describe(r) + ' (Kommo expects a Promise)', null, 'add_source');
          }
        } catch (e) {
          dev.report('error', 'the ' + type + ' source handler threw ' + dev.describe(e), dev.widgetFrame(e.stack), 'add_source');
        }
      });
      $holder.append($b);
    });
  }

  // ------------------------------------------------------------------ card SDK tab

  function openCardSdk(record) {
    var instance = running.filter(function (i) { return i.kind === 'card'; })[0];
    var $tab = $('#' + cssId(code()));
    if (!instance) {
      $tab.html('<p class="card-sdk-tab__empty">The widget is not running in this card.</p>');
      return;
    }
    if ($tab.data('opened')) {
      return;
    }
    $tab.data('opened', true);
    var type = { id: ELEMENT_TYPES[route.entity], code: route.entity };
    $tab.html(
      '<div class="card-sdk"><div class="card-sdk__search"><input type="text" class="text-input js-card-sdk-search" placeholder="Search"></div>' +
      '<div class="card-sdk__section"><div class="card-sdk__title">Linked</div><ul class="card-sdk__linked"></ul></div>' +
      '<div class="card-sdk__section"><div class="card-sdk__title">Catalog</div><ul class="card-sdk__catalog"></ul></div></div>');
    var linked = [];
    function itemRow(item, linkedRow) {
      var $li = $('<li class="card-sdk__item"></li>').attr('data-id', item.id);
      $li.append($('<span class="card-sdk__item__name"></span>').text(item.name));
      $li.append($('<span class="card-sdk__item__price"></span>').text(item.price !== undefined ? ' ' + item.price : ''));
      if (linkedRow) {
        $li.append($('<span class="card-sdk__item__quantity"></span>').text(' × ' + (item.quantity || 1)));
        $li.append($('<button type="button" class="button-input card-sdk__unlink">Unlink</button>'));
      } else {
        $li.append($('<button type="button" class="button-input card-sdk__link">Link</button>'));
      }
      return $li;
    }
    function drawLinked() {
      $tab.find('.card-sdk__linked').empty().append(linked.map(function (i) { return itemRow(i, true); }));
    }
    function expectArray(name, r) {
      return settle(r).then(function (s) {
        if (s.missing || s.threw) {
          return [];
        }
        if (s.rejected) {
          dev.report('error', name + ' rejected: ' + dev.describe(s.rejected), null, 'card_sdk');
          return [];
        }
        if (!s.promised) {
          dev.report('warning', name + ' returned ' + describe(s.value) + ' (Kommo expects a Promise of an array)', null, 'card_sdk');
        }
        return Array.isArray(s.value) ? s.value : [];
      });
    }
    var sdkHint = { required: true, missingHint: 'the card SDK tab needs loadPreloadedData, loadElements, linkCard and searchDataInCard' };
    var catalog = [];
    expectArray('loadPreloadedData', invoke(instance, 'loadPreloadedData', [], sdkHint)).then(function (items) {
      catalog = items;
      $tab.find('.card-sdk__catalog').empty().append(items.map(function (i) { return itemRow(i, false); }));
      return expectArray('loadElements', invoke(instance, 'loadElements', [type, record.id], sdkHint));
    }).then(function (items) {
      linked = items;
      drawLinked();
    });
    function link(item, unlink) {
      var links = [{ from: route.entity, from_id: record.id, to: 'catalog_elements', to_id: item.id, quantity: unlink ? 0 : 1, unlink: !!unlink }];
      settle(invoke(instance, 'linkCard', [links], sdkHint)).then(function (s) {
        if (s.rejected) {
          dev.report('error', 'linkCard rejected: ' + dev.describe(s.rejected), null, 'card_sdk');
          return;
        }
        if (unlink) {
          linked = linked.filter(function (l) { return l.id !== item.id; });
        } else if (!linked.some(function (l) { return l.id === item.id; })) {
          linked.push($.extend({ quantity: 1 }, item));
        }
        drawLinked();
      });
    }
    $tab.on('click', '.card-sdk__link', function () {
      var id = $(this).closest('.card-sdk__item').attr('data-id');
      var item = catalog.filter(function (i) { return String(i.id) === id; })[0];
      if (item) {
        link(item, false);
      }
    });
    $tab.on('click', '.card-sdk__unlink', function () {
      var id = $(this).closest('.card-sdk__item').attr('data-id');
      var item = linked.filter(function (i) { return String(i.id) === id; })[0];
      if (item) {
        link(item, true);
      }
    });
    $tab.on('change', '.js-card-sdk-search', function () {
      expectArray('searchDataInCard', invoke(instance, 'searchDataInCard', [this.value, type, record.id], sdkHint)).then(function (items) {
        catalog = items;
        $tab.find('.card-sdk__catalog').empty().append(items.map(function (i) { return itemRow(i, false); }));
      });
    });
  }

  function cssId(s) {
    return String(s).replace(/([^a-zA-Z0-9_-])/g, '\\$1');
  }

  // ------------------------------------------------------------------ lists

  function pageList($work) {
    var rows = state.host.entities[route.entity] || [];
    var family = route.family;
    var loc = locationOf(family);
    var cardPath = { leads: '/leads/detail/', contacts: '/contacts/detail/', companies: '/companies/detail/', customers: '/customers/detail/', tasks: null }[route.entity];
    $work.html(
      '<div id="list_page_holder" class="list list_' + esc(route.entity) + '">' +
      '<div class="list__top content__top__preset"><span class="list__top__title">' + esc(route.title) + '</span> <span class="list__top__count">' + rows.length + '</span></div>' +
      '<div class="list__body-right"><div class="list__body-right__top"><div class="list__body-right__top__buttons">' +
      '<button type="button" class="button-input button-input_blue"><span class="button-input-inner"><span class="button-input-inner__text">+ Add</span></span></button></div></div>' +
      '<div class="control-bar js-control-bar-actions" style="display:none"><span class="control-bar__group"><span class="control-bar__count">0</span> selected</span>' +
      '<span class="control-bar__group"><button type="button" class="button-input js-list-more">More…</button>' +
      '<ul class="control-bar__more" style="display:none"></ul></span></div>' +
      '<div id="' + (route.entity === 'contacts' || route.entity === 'companies' ? 'contacts_list' : 'list_table') + '" class="list__table"><form onsubmit="return false"><table class="content-table"><tbody>' +
      rows.map(function (r) {
        var owner = manager(r.responsibleUserId);
        return '<tr class="list-row js-list-row js-item-id-' + r.id + '" data-id="' + r.id + '">' +
          '<td class="list-row__cell list-row__cell_checkbox"><input type="checkbox" class="js-list-checkbox" name="lead[]" value="' + r.id + '"></td>' +
          '<td class="list-row__cell list-row__template-name"><div class="list-row__template-name__table-wrapper content-table__item__inner">' +
          (cardPath ? '<a class="js-navigate-link list-row__template-name__table-wrapper__name-link" href="' + cardPath + r.id + '">' + esc(r.name) + '</a>' : '<span>' + esc(r.name) + '</span>') +
          '</div></td><td class="list-row__cell">' + esc(owner ? owner.name : '') + '</td>' +
          '<td class="list-row__cell">' + esc((r.phones || []).join(', ')) + '</td><td class="list-row__cell">' + esc(r.price !== null && r.price !== undefined ? '$' + r.price : '') + '</td>' +
          (route.entity === 'leads' ? '<td class="list-row__cell list-row__cell_status">' + esc(statusName(r.pipelineId, r.statusId)) + '</td>' : '') + '</tr>';
      }).join('') + '</tbody></table></form></div></div>' +
      '<div id="widgets_overlay" class="list-widgets-overlay default-overlay"><div class="list-widgets-overlay__panel card-widgets">' +
      '<div class="list-widgets-overlay__head"><span>' + esc(widgetName()) + '</span><span id="multi-widget_close" class="list-widgets-overlay__close icon icon-modal-close">×</span></div>' +
      '<div class="card-widgets__elements"></div></div></div>' +
      '</div>');
    window.APP.data.current_list = rows.map(function (r) { return { id: r.id, name: r.name, checked: false }; });
    window.APP.data.current_entity = route.entity;
    var selectedName = route.selected;
    var $bar = $work.find('.js-control-bar-actions');
    $work.on('change', '.js-list-checkbox', function () {
      var n = $work.find('.js-list-checkbox:checked').length;
      $bar.toggle(n > 0).find('.control-bar__count').text(n);
      window.APP.data.current_list.forEach(function (item) {
        item.checked = $work.find('.js-item-id-' + item.id + ' .js-list-checkbox').prop('checked');
      });
    });
    $work.on('click', '#multi-widget_close', function () { widgetsOverlay(false); });
    var $more = $work.find('.control-bar__more');
    $work.on('click', '.js-list-more', function () { $more.toggle(); });

    if (!loc) {
      return startEverywhere(route.area);
    }
    if (!installed()) {
      notInstalledBanner('in this list');
      return Promise.resolve(null);
    }
    return start(route.area, { family: family, panel: loc.panel, kind: 'list', $panel: $work.find('#widgets_overlay .card-widgets__elements') }).then(function (instance) {
      if (!instance) {
        return;
      }
      // Kommo lists the widget under "More" for the selected rows; picking it runs <entity>.selected.
      var $item = $('<li class="control-bar__more__item js-widget-mass-action"></li>').attr('data-code', code()).text(widgetName());
      $more.append($item);
      $item.on('click', function () {
        $more.hide();
        if (instance.panel) {
          widgetsOverlay(true);
        }
        if (selectedName) {
          var name = selectedName;
          // The docs name todo.selected; many widgets define tasks.selected instead, so either is accepted.
          if (name === 'todo.selected' && typeof lookup(instance.self.callbacks, name) !== 'function' &&
              typeof lookup(instance.self.callbacks, 'tasks.selected') === 'function') {
            name = 'tasks.selected';
          }
          invoke(instance, name, [], { required: true, missingHint: 'so nothing happens when the widget is picked for the selected rows' });
        }
      });
    });
  }

  function listSelected() {
    var selected = [];
    $('#list_page_holder .js-list-checkbox:checked').each(function () {
      var id = +this.value;
      var r = entity(route.entity, id) || {};
      selected.push({ id: id, type: route.entity === 'companies' ? 'company' : route.entity === 'contacts' ? 'contact' : route.entity.replace(/s$/, ''), emails: r.emails || [], phones: r.phones || [] });
    });
    var emails = 0;
    var phones = 0;
    selected.forEach(function (s) { emails += s.emails.length; phones += s.phones.length; });
    return { selected: selected, summary: { items: selected.length, emails: emails, phones: phones }, count_selected: selected.length };
  }

  function widgetsOverlay(show) {
    $('#widgets_overlay').toggleClass('default-overlay-visible', !!show);
    $('#card_widgets_overlay').toggleClass('default-overlay-visible', !!show && !$('#widgets_overlay').length);
  }

  // ------------------------------------------------------------------ settings → integrations

  function pageWidgets($work) {
    var w = manifest().widget || {};
    $work.html(
      '<div class="kommo-page widgets-settings"><h1 class="head_2">Integrations</h1>' +
      '<div class="widgets-settings__list">' +
      '<div class="widget-card js-widget-card js-widget-card-' + esc(code()) + '" data-code="' + esc(code()) + '" tabindex="0">' +
      (logo('logo.png') ? '<img class="widget-card__logo" src="' + esc(logo('logo.png')) + '" alt="">' : '<div class="widget-card__logo widget-card__logo_empty"></div>') +
      '<div class="widget-card__name">' + esc(widgetName()) + '</div>' +
      '<div class="widget-card__descr">' + esc(t(w.short_description) || '') + '</div>' +
      '<div class="widget-card__status">' + (installed() ? 'Installed' : 'Install') + '</div></div>' +
      '<div class="widget-card widget-card_system"><div class="widget-card__logo widget-card__logo_empty"></div><div class="widget-card__name">Another integration</div><div class="widget-card__status">Install</div></div>' +
      '</div></div>');
    $work.on('click', '.js-widget-card', function () { openSettingsModal(); });
    var work = startEverywhere(route.area);
    if (location.hash === '#' + code()) {
      return work.then(function () { return openSettingsModal(); });
    }
    return work;
  }

  function manifestSettings() {
    var s = manifest().settings;
    return s && typeof s === 'object' ? s : {};
  }

  function fieldRow(fieldCode, def, value) {
    var label = t(def.name) || fieldCode;
    var required = def.required === true;
    var inner;
    var type = def.type || 'text';
    if (type === 'users' || type === 'users_lp') {
      var stored = value && typeof value === 'object' ? value : {};
      inner = '<div class="widget_settings_block__users" data-field="' + esc(fieldCode) + '">' + state.host.managers.map(function (m) {
        var v = stored[m.id];
        if (type === 'users') {
          return '<div class="widget_settings_block__user"><span class="widget_settings_block__user__name">' + esc(m.name) + '</span>' +
            '<input type="text" class="widget_settings_block__controls__ text-input" name="' + esc(fieldCode) + '[' + m.id + ']" data-user-id="' + m.id + '" value="' + esc(typeof v === 'string' ? v : '') + '"></div>';
        }
        var pair = v && typeof v === 'object' ? v : {};
        return '<div class="widget_settings_block__user"><span class="widget_settings_block__user__name">' + esc(m.name) + '</span>' +
          '<input type="text" class="widget_settings_block__controls__ text-input" placeholder="Login" name="' + esc(fieldCode) + '[' + m.id + '][login]" data-user-id="' + m.id + '" data-part="login" value="' + esc(pair.login || '') + '">' +
          '<input type="password" class="widget_settings_block__controls__ text-input js-secret" placeholder="Password" name="' + esc(fieldCode) + '[' + m.id + '][password]" data-user-id="' + m.id + '" data-part="password" value="' + esc(pair.password || '') + '"></div>';
      }).join('') + '</div>';
    } else if (type === 'custom') {
      var customValue = value === undefined || value === null ? '' : typeof value === 'string' ? value : JSON.stringify(value);
      inner = '<div id="' + esc(code()) + '_custom_content" class="widget_settings_block__custom_content"></div>' +
        '<input type="hidden" id="' + esc(code()) + '_custom" name="' + esc(fieldCode) + '" value="' + esc(customValue) + '">';
    } else {
      inner = '<input type="' + (type === 'pass' ? 'password' : 'text') + '" class="widget_settings_block__controls__ text-input' + (type === 'pass' ? ' js-secret' : '') + '" name="' + esc(fieldCode) + '" value="' + esc(typeof value === 'string' ? value : value === undefined || value === null ? '' : String(value)) + '">';
    }
    return '<div class="widget_settings_block__item_field' + (required ? ' widget_settings_block__item_field_required' : '') + '" data-field="' + esc(fieldCode) + '" data-type="' + esc(type) + '">' +
      '<div class="widget_settings_block__title_field" title="' + esc(label) + '">' + esc(label) + (required ? ' <span class="widget_settings_block__required">*</span>' : '') + ':</div>' +
      '<div class="widget_settings_block__input_field">' + inner + '</div>' +
      '<div class="widget_settings_block__error"></div></div>';
  }

  function readFields($scope, defs) {
    var fields = {};
    Object.keys(defs).forEach(function (fieldCode) {
      var def = defs[fieldCode] || {};
      var type = def.type || 'text';
      if (type === 'users' || type === 'users_lp') {
        var value = {};
        $scope.find('.widget_settings_block__users[data-field="' + fieldCode + '"] input').each(function () {
          var id = $(this).attr('data-user-id');
          var part = $(this).attr('data-part');
          if (type === 'users') {
            if (this.value !== '') {
              value[id] = this.value;
            }
          } else if (this.value !== '') {
            value[id] = value[id] || {};
            value[id][part] = this.value;
          }
        });
        fields[fieldCode] = value;
      } else {
        var $input = $scope.find('[name="' + fieldCode + '"]').first();
        fields[fieldCode] = $input.length ? $input.val() : '';
      }
    });
    return fields;
  }

  function isEmpty(v) {
    return v === undefined || v === null || (typeof v === 'string' && v.trim() === '') || (typeof v === 'object' && !Object.keys(v).length);
  }

  /** The settings modal generated from the manifest: settings($modal_body), Save → onSave, Disable → onSave + destroy. */
  function openSettingsModal() {
    $('.modal.widget-settings__modal').remove();
    var w = manifest().widget || {};
    var defs = manifestSettings();
    var values = state.install.settings || {};
    var isActive = installed();
    var description = String(t(w.description) || '')
      .replace(/#HOST#/g, location.host).replace(/#SUBDOMAIN#/g, state.host.account.subdomain)
      .replace(/#LOGIN#/g, state.host.user.login).replace(/#ACCOUNT_ID#/g, state.host.account.id)
      .replace(/#USER_ID#/g, state.host.user.id).replace(/#TOP_LEVEL_DOMAIN#/g, 'com').replace(/#API_HASH#/g, 'dev-api-hash');
    var $modal = $(
      '<div class="modal modal-list widget-settings__modal ' + esc(code()) + '" id="' + esc(code()) + '_widget">' +
      '<div class="modal-overlay"></div>' +
      '<div class="modal-scroller custom-scroll"><div class="modal-body widget-settings__modal-body">' +
      '<div class="modal-body__inner">' +
      '<span class="modal-body__close"><span class="icon icon-modal-close"></span></span>' +
      '<div class="widget-settings__wrap-desc-space"><div class="widget-settings__desc-space">' +
      (logo('logo_main.png') ? '<img class="widget-settings__logo" src="' + esc(logo('logo_main.png')) + '" alt="">' : '') +
      '<h2 class="widget-settings__name head_2">' + esc(widgetName()) + '</h2>' +
      '<div class="widget-settings__short-descr">' + esc(t(w.short_description) || '') + '</div>' +
      '</div></div>' +
      '<div class="widget_settings_block" id="widget_settings_block_' + esc(code()) + '">' +
      '<div class="widget_settings_block__descr">' + description + '</div>' +
      '<div class="widget_settings_block__fields" id="widget_settings__fields_wrapper">' +
      Object.keys(defs).map(function (fieldCode) { return fieldRow(fieldCode, defs[fieldCode] || {}, values[fieldCode]); }).join('') +
      '<input type="hidden" name="widget_active" value="' + (isActive ? 'Y' : 'N') + '">' +
      '</div>' +
      '<div class="widget_settings_block__controls">' +
      '<button type="button" class="button-input button-input_blue js-widget-save ' + (isActive ? '' : 'js-widget-install') + '" id="save_' + esc(code()) + '" data-onsave-destroy-modal="true">' +
      '<span class="button-input-inner"><span class="button-input-inner__text">' + (isActive ? 'Save' : 'Install') + '</span></span>' +
      '<span class="button-input__spinner"><span class="button-input__spinner__icon spinner-icon"></span></span></button>' +
      (isActive ? '<button type="button" class="button-input button-cancel js-widget-uninstall" id="disable_' + esc(code()) + '"><span class="button-input-inner"><span class="button-input-inner__text">Disable</span></span></button>' : '') +
      '</div>' +
      (hasLocation('settings') ? '' : '<div class="widget_settings_block__note">script.js is not loaded here: "settings" is not in the manifest\'s locations, so settings() and onSave are not called.</div>') +
      '</div></div></div></div></div>');
    $('body').append($modal).addClass('body_modal-open');
    var $body = $modal.find('.modal-body');
    var instance = null;
    var closing = false;

    function close() {
      if (closing) {
        return;
      }
      closing = true;
      if (instance) {
        stop(instance);
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

    function persist(active, fields) {
      return api('POST', '/__kommo/api/settings', { active: active, fields: fields }).then(function (install) {
        state.install = install;
        if (instance) {
          $.extend(instance.self.params, install.settings, { active: install.active, widget_active: install.active, status: install.status });
        }
        updateChrome();
        return install;
      });
    }

    function callOnSave(active, fields) {
      if (!instance) {
        return Promise.resolve(true);
      }
      var outcome = invoke(instance, 'onSave', [{ active: active, fields: fields }], { required: true, missingHint: 'so the settings were saved without asking the widget' });
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
      var fields = readFields($modal, defs);
      $modal.find('.widget_settings_block__item_field').removeClass('widget_settings_block__item_field_error').find('.widget_settings_block__error').text('');
      var missing = Object.keys(defs).filter(function (f) { return defs[f] && defs[f].required === true && isEmpty(fields[f]); });
      if (missing.length) {
        missing.forEach(function (f) {
          $modal.find('.widget_settings_block__item_field[data-field="' + f + '"]').addClass('widget_settings_block__item_field_error')
            .find('.widget_settings_block__error').text('This field is required');
        });
        $(this).trigger('button:save:error');
        return;
      }
      setBusy(true);
      callOnSave('Y', fields).then(function (ok) {
        if (!ok) {
          setBusy(false);
          return null;
        }
        var firstInstall = !installed();
        return persist('Y', fields).then(function () {
          setBusy(false);
          if (firstInstall && instance) {
            // Once, at installation; its errors do not undo the install.
            invoke(instance, 'onInstall', []);
          }
          if ($modal.find('.js-widget-save').attr('data-onsave-destroy-modal') === 'true') {
            close();
          }
        });
      }).catch(function (e) {
        setBusy(false);
        var errors = e && e.data && e.data.errors ? JSON.stringify(e.data.errors) : e.message;
        dev.report('error', 'the host refused the settings: ' + errors, null, 'settings');
      });
    });

    $modal.on('click', '.js-widget-uninstall', function () {
      var fields = readFields($modal, defs);
      callOnSave('N', fields).then(function () {
        return persist('N', fields);
      }).then(function () {
        close();
      });
    });

    $modal.on('change input', '#' + cssId(code()) + '_custom', function () {
      $modal.find('.js-widget-save').removeClass('button-input-disabled');
    });

    if (!hasLocation('settings')) {
      return Promise.resolve(null);
    }
    return start('settings', { kind: 'settings', $modal: $modal }).then(function (inst) {
      instance = inst;
      if (!inst) {
        return null;
      }
      invoke(inst, 'settings', [$body, { mode: installed() ? 'edit' : 'install' }], { required: true, missingHint: 'so the widget cannot adjust its settings modal' });
      return inst;
    });
  }
  dev.openSettings = openSettingsModal;

  // ------------------------------------------------------------------ advanced settings

  function pageAdvanced($work) {
    var advanced = manifest().advanced || {};
    if (route.code !== code()) {
      $work.html('<div class="kommo-page"><h1 class="head_2">Unknown widget</h1><p>No widget with code ' + esc(route.code) + '.</p></div>');
      return Promise.resolve();
    }
    $work.html('<div class="kommo-page settings-advanced"><h1 class="head_2 settings-advanced__title">' + esc(t(advanced.title) || widgetName()) + '</h1>' +
      '<div id="work-area-' + esc(code()) + '" class="work-area work-area_advanced"></div></div>');
    if (!hasLocation('advanced_settings')) {
      banner('"advanced_settings" is not in the manifest\'s locations, so Kommo shows no advanced settings page for this widget.');
      return startEverywhere(route.area);
    }
    if (!installed()) {
      notInstalledBanner('on its advanced settings page');
      return Promise.resolve(null);
    }
    return start('advanced_settings', { kind: 'advanced' }).then(function (instance) {
      if (instance) {
        invoke(instance, 'advancedSettings', [$('#work-area-' + cssId(code()))], { required: true, missingHint: 'so the advanced settings page stays empty' });
      }
    });
  }

  // ------------------------------------------------------------------ digital pipeline

  function pageDp($work) {
    var pipeline = state.host.pipelines.filter(function (p) { return p.id === route.pipeline; })[0] || state.host.pipelines[0];
    var enabled = hasLocation('digital_pipeline');
    var asSource = hasLocation('lead_sources');
    var dpLogo = logo('logo_dp.png');
    $work.html(
      '<div class="kommo-page digital-pipeline"><h1 class="head_2">Digital pipeline — ' + esc(pipeline.name) + '</h1>' +
      '<div class="digital-pipeline__sources"><span class="digital-pipeline__sources__title">Lead sources:</span> <span class="digital-pipeline__sources__list"></span>' +
      (asSource ? ' <button type="button" class="button-input js-add-source"><span class="button-input-inner"><span class="button-input-inner__text">Add ' + esc(widgetName()) + ' as a source</span></span></button>' : '') +
      '</div>' +
      '<div class="digital-pipeline__columns">' + pipeline.statuses.map(function (s, n) {
        return '<div class="digital-pipeline__column" data-status-id="' + s.id + '"><div class="digital-pipeline__column__head" style="border-color:' + esc(s.color) + '">' + esc(s.name) + '</div>' +
          '<div class="digital-pipeline__column__body">' +
          (n === 0 && enabled ? '<div class="digital-pipeline__short-task digital-pipeline__short-task_widget-style_' + esc(code()) + ' js-dp-widget" data-code="' + esc(code()) + '" tabindex="0">' +
            (dpLogo ? '<img class="digital-pipeline__short-task__logo" src="' + esc(dpLogo) + '" alt="">' : '') +
            '<span class="digital-pipeline__short-task__title">' + esc(widgetName()) + '</span></div>' : '') +
          '<div class="digital-pipeline__add">+ Add trigger</div></div></div>';
      }).join('') + '</div></div>');
    if (!enabled && !asSource) {
      banner('Neither "digital_pipeline" nor "lead_sources" is in the manifest\'s locations, so the widget has no part in the pipeline settings.');
      return startEverywhere(route.area);
    }
    if (!installed()) {
      notInstalledBanner('in the pipeline settings');
      return Promise.resolve(null);
    }
    $work.on('click', '.js-dp-widget', function () {
      openDpModal(pipeline, +$(this).closest('.digital-pipeline__column').attr('data-status-id'));
    });
    $work.on('click', '.js-add-source', function () {
      var $button = $(this);
      // lead_sources: the widget runs in its own area and is told which pipeline it was added to.
      start('lead_sources', { kind: 'source' }).then(function (instance) {
        if (!instance) {
          return;
        }
        invoke(instance, 'onAddAsSource', [pipeline.id], { required: true, missingHint: 'so adding the widget as a lead source does nothing' });
        $work.find('.digital-pipeline__sources__list').text(widgetName());
        $button.remove();
      });
    });
    return Promise.resolve(null);
  }

  function openDpModal(pipeline, statusId) {
    var dp = manifest().dp || {};
    var defs = dp.settings && typeof dp.settings === 'object' ? dp.settings : {};
    var url = '/__kommo/api/dp/' + pipeline.id + '/' + statusId;
    return api('GET', url).then(function (saved) { return drawDpModal(pipeline, statusId, dp, defs, saved || {}, url); });
  }

  function drawDpModal(pipeline, statusId, dp, defs, saved, url) {
    var $modal = $(
      '<div class="modal modal-list digital-pipeline__modal ' + esc(code()) + '"><div class="modal-overlay"></div><div class="modal-scroller custom-scroll">' +
      '<div class="modal-body"><div class="modal-body__inner"><span class="modal-body__close"><span class="icon icon-modal-close"></span></span>' +
      '<h2 class="head_2">' + esc(widgetName()) + '</h2>' +
      '<div class="digital-pipeline__short-task_widget-style_' + esc(code()) + ' digital-pipeline__widget-settings">' +
      '<form id="widget_settings__fields_wrapper" class="widget_settings_block__fields" onsubmit="return false">' +
      Object.keys(defs).map(function (f) { return fieldRow(f, defs[f] || {}, saved[f]); }).join('') +
      '</form></div>' +
      '<div class="widget_settings_block__controls"><button type="button" class="button-input button-input_blue js-dp-save"><span class="button-input-inner"><span class="button-input-inner__text">Done</span></span></button></div>' +
      '<pre class="digital-pipeline__saved kommo-dev-json" style="display:none"></pre>' +
      '</div></div></div></div>');
    $('body').append($modal);
    var instance = null;
    function close() {
      if (instance) {
        stop(instance);
      }
      $modal.remove();
    }
    $modal.on('click', '.modal-body__close', close);
    $modal.data('close', close);
    $modal.on('click', '.js-dp-save', function () {
      var fields = readFields($modal, defs);
      var missing = Object.keys(defs).filter(function (f) { return defs[f] && defs[f].required === true && isEmpty(fields[f]); });
      $modal.find('.widget_settings_block__item_field').removeClass('widget_settings_block__item_field_error');
      if (missing.length) {
        missing.forEach(function (f) {
          $modal.find('.widget_settings_block__item_field[data-field="' + f + '"]').addClass('widget_settings_block__item_field_error').find('.widget_settings_block__error').text('This field is required');
        });
        return;
      }
      var done = instance ? settle(invoke(instance, 'onSave', [{ active: 'Y', fields: fields, dp: true }])) : Promise.resolve({});
      done.then(function (s) {
        if (s.threw || s.rejected || s.value === false) {
          return;
        }
        return api('POST', url, fields).then(function () {
          $modal.find('.digital-pipeline__saved').show().text(JSON.stringify({
            event: { data: { pipeline_id: pipeline.id, status_id: statusId } },
            action: { settings: { widget: { settings: fields } } }, action_multiple: dp.action_multiple === true
          }, null, 2));
        });
      });
    });
    return start('digital_pipeline', { kind: 'dp' }).then(function (inst) {
      instance = inst;
      if (inst) {
        invoke(inst, 'dpSettings', [$modal.find('.modal-body'), { pipeline_id: pipeline.id }], { required: true, missingHint: 'so the digital pipeline block shows only the manifest fields' });
      }
    });
  }

  // ------------------------------------------------------------------ left-menu page

  function pageMenu($work) {
    if (route.code !== code()) {
      $work.html('<div class="kommo-page"><h1 class="head_2">Unknown widget</h1><p>No widget with code ' + esc(route.code) + '.</p></div>');
      return Promise.resolve();
    }
    var entry = (manifest().left_menu || {})[route.item] || {};
    $work.html('<div class="kommo-page widget-page"><h1 class="head_2">' + esc(t(entry.title) || widgetName()) + '</h1><div id="work-area-' + esc(code()) + '" class="work-area work-area_widget-page"></div></div>');
    if (!hasLocation('widget_page')) {
      banner('"widget_page" is not in the manifest\'s locations, so Kommo shows no left-menu page for this widget.');
      return startEverywhere(route.area);
    }
    if (!installed()) {
      notInstalledBanner('on its left-menu page');
      return Promise.resolve(null);
    }
    return start('widget_page', { kind: 'menu' }).then(function (instance) {
      if (instance) {
        var params = { location: 'widget_page', item_code: route.item };
        if (route.subitem) {
          params.subitem_code = route.subitem;
        }
        invoke(instance, 'initMenuPage', [params], { required: true, missingHint: 'so the left-menu page stays empty' });
      }
    });
  }

  // ------------------------------------------------------------------ Salesbot designer

  function salesbotHandlers() {
    var sd = manifest().salesbot_designer || {};
    return Object.keys(sd).filter(function (k) { return k !== 'logo' && sd[k] && typeof sd[k] === 'object'; }).map(function (k) {
      return { code: k, def: sd[k] };
    });
  }

  function pageSalesbot($work) {
    var handlers = salesbotHandlers();
    var enabled = hasLocation('salesbot_designer');
    $work.html(
      '<div class="kommo-page salesbot-designer"><div class="salesbot-designer__canvas"><div class="salesbot-designer__step salesbot-designer__step_start">Start</div>' +
      '<div class="salesbot-designer__steps"></div></div>' +
      '<div class="salesbot-designer__sidebar"><div class="salesbot-designer__sidebar__title">Widgets</div>' +
      (enabled ? handlers.map(function (h) {
        return '<div class="salesbot-designer__handler js-salesbot-handler" data-handler="' + esc(h.code) + '"><span class="salesbot-designer__handler__name">' + esc(t(h.def.name) || h.code) + '</span>' +
          '<button type="button" class="button-input js-salesbot-add"><span class="button-input-inner"><span class="button-input-inner__text">Add</span></span></button></div>';
      }).join('') : '<p>"salesbot_designer" is not in the manifest\'s locations.</p>') +
      '</div><div class="salesbot-designer__result"><div class="salesbot-designer__result__title">onSalesbotDesignerSave returned:</div><pre id="salesbot_json" class="kommo-dev-json"></pre></div></div>');
    if (!enabled) {
      return startEverywhere(route.area);
    }
    if (!installed()) {
      notInstalledBanner('in the Salesbot designer');
      return Promise.resolve(null);
    }
    return start('salesbot_designer', { kind: 'salesbot' }).then(function (instance) {
      if (!instance) {
        return;
      }
      $work.on('click', '.js-salesbot-add', function () {
        var handler = $(this).closest('.js-salesbot-handler').attr('data-handler');
        addSalesbotStep(instance, handlers.filter(function (h) { return h.code === handler; })[0]);
      });
    });
  }

  function addSalesbotStep(instance, handler) {
    var settings = handler.def.settings || {};
    var $step = $('<div class="salesbot-designer__step salesbot-designer__step_widget" data-handler="' + esc(handler.code) + '">' +
      '<div class="salesbot-designer__step__title">' + esc(t(handler.def.name) || handler.code) + '</div>' +
      '<div class="salesbot-designer__step__body"></div><div class="salesbot-designer__step__exits"></div>' +
      '<button type="button" class="button-input button-input_blue js-salesbot-save"><span class="button-input-inner"><span class="button-input-inner__text">Save bot</span></span></button></div>');
    var $body = $step.find('.salesbot-designer__step__body');
    Object.keys(settings).forEach(function (key) {
      var def = settings[key] || {};
      var dv = def.default_value !== undefined ? t(def.default_value) : '';
      $body.append('<div class="widget_settings_block__item_field salesbot-designer__param" data-param="' + esc(key) + '"><div class="widget_settings_block__title_field">' + esc(t(def.name) || key) + '</div>' +
        '<input type="' + (def.type === 'numeric' ? 'number' : def.type === 'url' ? 'url' : 'text') + '" class="text-input" name="' + esc(key) + '" value="' + esc(dv) + '"' + (def.manual === false ? ' data-manual="false"' : '') + '></div>');
    });
    $('.salesbot-designer__steps').append($step);
    var renderRow = function (caption, control) {
      return '<div class="widget_settings_block__item_field"><div class="widget_settings_block__title_field">' + esc(caption) + '</div><div class="widget_settings_block__input_field">' + (control || '') + '</div></div>';
    };
    function params() {
      var p = {};
      $body.find('input[name]').each(function () { p[this.name] = this.value; });
      return p;
    }
    var outcome = invoke(instance, 'salesbotDesignerSettings', [$body, renderRow, params()], {});
    if (!outcome.missing && !outcome.threw && outcome.value && Array.isArray(outcome.value.exits)) {
      $step.find('.salesbot-designer__step__exits').html(outcome.value.exits.map(function (e) {
        return '<span class="salesbot-designer__exit" data-code="' + esc(e.code) + '">' + esc(e.title || e.code) + '</span>';
      }).join(''));
    }
    $step.on('click', '.js-salesbot-save', function () {
      var result = invoke(instance, 'onSalesbotDesignerSave', [handler.code, params()], { required: true, missingHint: 'so the bot has no steps for this widget' });
      if (result.missing || result.threw) {
        return;
      }
      var value = result.value;
      var $out = $('#salesbot_json');
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

  // ------------------------------------------------------------------ live reload

  function swapStylesheets(files) {
    var stamp = Date.now();
    $('link[rel="stylesheet"]').each(function () {
      var href = this.getAttribute('href') || '';
      var path = href.replace(/^https?:\/\/[^/]+/, '').split('?')[0];
      var rel = path.indexOf(base() + '/') === 0 ? path.substring(base().length + 1) : null;
      if (!rel || files.indexOf(rel) < 0) {
        return;
      }
      var old = this;
      var fresh = old.cloneNode();
      fresh.href = href.split('#')[0] + (href.indexOf('?') >= 0 ? '&' : '?') + '_r=' + stamp;
      fresh.onload = function () { old.parentNode && old.parentNode.removeChild(old); dev.cssSwaps = (dev.cssSwaps || 0) + 1; };
      old.parentNode.insertBefore(fresh, old.nextSibling);
    });
  }

  var rerunning = null;
  var rerunAgain = null;

  /** Re-runs one at a time: a change that arrives during a re-run queues one more re-run after it. */
  function rerun(reason) {
    if (rerunning) {
      rerunAgain = reason;
      return rerunning;
    }
    rerunning = rerunOnce(reason).catch(function (e) {
      dev.report('error', 'dev host re-run failed: ' + dev.describe(e), null, 'host');
    }).then(function () {
      rerunning = null;
      if (rerunAgain) {
        var next = rerunAgain;
        rerunAgain = null;
        return rerun(next);
      }
    });
    return rerunning;
  }

  /** Re-runs the widget on the current page without reloading it: destroy, load the code again, lifecycle again. */
  function rerunOnce(reason) {
    var started = performance.now();
    var modalOpen = $('.modal.widget-settings__modal').length > 0;
    return api('GET', '/__kommo/api/state').then(function (fresh) {
      var locationsChanged = JSON.stringify(fresh.widget.locations) !== JSON.stringify(state.widget.locations) ||
        JSON.stringify(fresh.widget.manifest && fresh.widget.manifest.left_menu) !== JSON.stringify(state.widget.manifest && state.widget.manifest.left_menu);
      if (locationsChanged) {
        window.location.reload();
        return;
      }
      $('.modal').each(function () {
        var close = $(this).data('close');
        if (close) {
          close();
        }
      });
      stopAll();
      state = fresh;
      generation = fresh.widget.generation;
      dev.clearProblems();
      dev.setDiagnostics(fresh.diagnostics);
      pickLanguage();
      buildApp();
      registerTemplates();
      initOnceDone = false;
      ctorPromise = null;
      drawShell();
      return showPage().then(function () {
        if (modalOpen) {
          return openSettingsModal();
        }
      }).then(function () {
        dev.reloads++;
        dev.lastReloadMs = Math.round(performance.now() - started);
        dev.lastReloadReason = reason;
      });
    });
  }
  dev.rerun = rerun;

  function listen() {
    if (!window.EventSource) {
      return;
    }
    var source = new EventSource('/__kommo/events');
    source.addEventListener('hello', function (event) {
      // After a reconnect: a restarted host counts from 0 again (reload the page); a higher count means missed changes.
      var serverGeneration = +event.data;
      if (serverGeneration < generation) {
        window.location.reload();
      } else if (serverGeneration > generation) {
        rerun('reconnected');
      }
    });
    source.addEventListener('widget', function (event) {
      var data = JSON.parse(event.data);
      if (data.generation <= generation) {
        return;
      }
      if (data.kind === 'css') {
        generation = data.generation;
        dev.setDiagnostics(data.diagnostics);
        swapStylesheets(data.files);
        return;
      }
      rerun('change: ' + data.files.join(', '));
    });
    dev.eventSource = source;
  }

  // ------------------------------------------------------------------ boot

  $(document).on('button:load:start', '.button-input', function () { $(this).addClass('button-input-loading'); });
  $(document).on('button:load:stop', '.button-input', function () { $(this).removeClass('button-input-loading'); });
  $(document).on('button:save:enable', '.button-input', function () { $(this).removeClass('button-input-disabled').prop('disabled', false); });
  $(document).on('button:save:disable', '.button-input', function () { $(this).addClass('button-input-disabled'); });
  $(document).on('button:saved', '.button-input', function () { $(this).addClass('button-input_saved'); });
  $(document).on('button:save:error', '.button-input', function () {
    var $b = $(this).addClass('button-input_error');
    setTimeout(function () { $b.removeClass('button-input_error'); }, 1200);
  });
  $(document).on('click', '.control--select--button', function () { $(this).closest('.control--select').toggleClass('control--select_opened'); });
  $(document).on('click', '.control--select--list--item', function () {
    var $item = $(this);
    var $select = $item.closest('.control--select');
    $select.find('.control--select--list--item').removeClass('control--select--list--item-selected');
    $item.addClass('control--select--list--item-selected');
    $select.find('.control--select--button-inner').text($item.text().trim());
    $select.find('.control--select--button').attr('data-value', $item.attr('data-value'));
    $select.find('.control--select--input').val($item.attr('data-value')).trigger('change').trigger('controls:change');
    $select.removeClass('control--select_opened');
  });
  $(document).on('change', '.control-checkbox input[type=checkbox]', function () {
    $(this).closest('.control-checkbox').toggleClass('is-checked', this.checked);
    $(this).trigger('controls:change');
  });

  function boot() {
    applyTheme();
    api('GET', '/__kommo/api/state').then(function (s) {
      state = s;
      generation = s.widget.generation;
      dev.widgetBase = s.widget.path;
      dev.state = s;
      dev.setDiagnostics(s.diagnostics);
      pickLanguage();
      buildApp();
      extendTwig();
      registerTemplates();
      drawShell();
      listen();
      return showPage();
    }).catch(function (e) {
      document.getElementById('page_holder').textContent = 'The dev host could not start the page: ' + e.message;
      dev.report('error', 'dev host boot failed: ' + dev.describe(e), null, 'host');
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', boot);
  } else {
    boot();
  }
})();
