/*
 * APP = AMOCRM, Kommo's global: constants, the current card and list, notifications, widget registry.
 */
import { html } from './html.mjs';

export const ELEMENT_TYPES = { contacts: 1, leads: 2, companies: 3, tasks: 4, customers: 12 };

/** The account theme the top bar keeps in localStorage: 'light' or 'dark'. */
export function currentTheme(state) {
  return state.win.localStorage.getItem('kommo-dev-theme') === 'dark' ? 'dark' : 'light';
}

export function applyTheme(state) {
  const doc = state.win.document;
  const dark = currentTheme(state) === 'dark';
  doc.documentElement.classList.toggle('kommo-theme-dark', dark);
  doc.body.classList.toggle('theme_dark', dark);
  doc.documentElement.setAttribute('data-theme', currentTheme(state));
}

/** Builds APP/AMOCRM from the host data and sets it on the window (both names, one object) and on the state. */
export function buildApp(state) {
  const host = state.server.host;
  const user = host.user;
  const account = host.account;
  const managers = {};
  host.managers.forEach(function (m) {
    managers[m.id] = { id: m.id, title: m.name, login: m.login, active: true, is_admin: m.isAdmin ? 'Y' : 'N', group: 'group_' + m.groupId };
  });
  const constants = {
    user: {
      id: user.id, login: user.login, name: user.name, title: user.name, amojo_id: 'amojo-' + user.id,
      uuid: 'user-' + user.id, photo: '', personal_mobile: '', theme: currentTheme(state), user_rank: 'admin',
      lang_id: state.lang, group_mates_ids: [], settings: {}
    },
    user_rights: { is_admin: 'Y', is_free_user: 'N' },
    account: {
      id: account.id, name: account.name, subdomain: account.subdomain, currency: account.currency,
      country: account.country, language: state.lang, users: managers, cf: {},
      timezone: 'UTC', date_format: 'DD.MM.YYYY', time_format: 'HH:mm'
    },
    managers: managers,
    groups: Object.assign({}, host.groups || {}),
    task_types: { 1: { id: 1, option: 'Follow-up', code: 'FOLLOW_UP' }, 2: { id: 2, option: 'Meeting', code: 'MEETING' } },
    card_element: false
  };
  const app = {
    lang_id: state.lang,
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
      return state.route && state.route.entity || null;
    },
    isCard: function () {
      return !!(state.route && state.route.page === 'card');
    },
    getWidgetsArea: function () {
      return state.route ? state.route.area : null;
    },
    widgets: {
      system: null,
      list: {},
      clear_cache: function () {}
    },
    addNotificationCallback: function (widgetCode, fn) {
      state.notificationCallbacks.push({ code: widgetCode, fn: fn });
    },
    notifications: {
      show_message: function (o) { toast(state, 'message', o && o.header, o && o.text); },
      show_message_error: function (o) { toast(state, 'error', o && o.header, o && o.text); },
      show_notification: function (o) {
        const text = o && o.text || {};
        toast(state, o && o.type === 'error' ? 'error' : 'message', text.header, text.text);
      },
      add_error: function (o) { toast(state, 'error', o && o.header || 'Error', o && o.text); },
      add_call: function (o) { toast(state, 'call', 'Call', o && o.text); }
    },
    cf_types: { text: 1, numeric: 2, checkbox: 3, select: 4, multiselect: 5, date: 6, url: 7, textarea: 9, radiobutton: 10, streetaddress: 11, smart_address: 13, birthday: 14, legal_entity: 15, date_time: 19, price: 20 },
    element_types: ELEMENT_TYPES,
    note_types: { common: 4, call_in: 10, call_out: 11, sms_in: 102, sms_out: 103 },
    system: {
      subdomain: account.subdomain,
      domain: state.win.location.host,
      format: { date: { date: 'DD.MM.YYYY', time: 'HH:mm', date_time: 'DD.MM.YYYY HH:mm' } }
    },
    USER: { id: user.id, name: user.name, login: user.login },
    sdk: {
      showUserStatus: function () {},
      setCallingStatus: function () {}
    }
  };
  state.app = state.win.APP = state.win.AMOCRM = app;
  return app;
}

/** A notification toast; the text is the widget's own markup, shown as HTML as Kommo does (inside its own element). */
export function toast(state, kind, header, text) {
  const $ = state.$;
  const $n = $(String(html`<div class="kommo-notification kommo-notification_${kind}"><div class="kommo-notification__header">${header || ''}</div>
    <div class="kommo-notification__text"></div></div>`));
  $n.find('.kommo-notification__text').html(text || ''); // the widget's own markup
  $('#notifications_holder').append($n);
  state.win.setTimeout(function () { $n.fadeOut(300, function () { $n.remove(); }); }, 6000);
}
