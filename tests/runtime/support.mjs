// Stand-ins for what the browser gives the runtime: window.__kommoDev, a window, the host's state. No DOM.
import { createState } from '../../src/KommoWidgetKit.DevHost/assets/runtime/core/state.mjs';

export const RUNTIME = '../../src/KommoWidgetKit.DevHost/assets/runtime/';

/** A window.__kommoDev that records problems and callback calls as kommo-errors.js does. */
export function fakeDev() {
  const dev = {
    calls: [],
    problems: [],
    ready: false,
    report(level, message, where, source) {
      const problem = { level, message, file: where && where.file || null, source: source || 'runtime' };
      dev.problems.push(problem);
      return problem;
    },
    describe(value) {
      return value instanceof Error ? value.name + ': ' + value.message : typeof value === 'string' ? value : JSON.stringify(value);
    },
    widgetFrame() {
      return null;
    },
    widgetRelative() {
      return null;
    }
  };
  return dev;
}

/** What /__kommo/api/state answers, trimmed to what the tests read; overrides replace widget, install or host parts. */
export function serverState(overrides) {
  overrides = overrides || {};
  return {
    widget: Object.assign({
      code: 'demo', path: '/upl/demo/widget', version: '1.0.0', generation: 0, clientUuid: 'uuid-demo',
      manifest: { widget: { name: 'widget.name', short_description: 'widget.short' } },
      i18n: { en: { widget: { name: 'Demo <b>widget</b>', short: 'Short' } } },
      settings: [], dpSettings: [], initOnce: false, dpActionMultiple: false,
      templates: {}, locales: ['en'], locations: ['lcard-1'], files: ['script.js', 'images/logo_medium.png']
    }, overrides.widget || {}),
    install: Object.assign({ active: 'Y', status: 'installed', settings: {} }, overrides.install || {}),
    host: Object.assign({
      user: { id: 9000001, login: 'dev@example.com', name: 'Dev User' },
      account: { id: 1, name: 'Dev', subdomain: 'devaccount', currency: 'USD', country: 'US' },
      managers: [{ id: 9000001, name: 'Dev User', login: 'dev@example.com', isAdmin: true, groupId: 0 }, { id: 9000002, name: 'Ann <Smith>', login: 'ann', isAdmin: false, groupId: 0 }],
      groups: {},
      pipelines: [{ id: 8000001, name: 'Sales', statuses: [{ id: 1, name: 'New', color: '#fff' }, { id: 142, name: 'Won', color: '#0f0' }] }],
      entities: { leads: [{ id: 30000001, name: 'First lead', price: 100, responsibleUserId: 9000001, pipelineId: 8000001, statusId: 1 }], contacts: [], companies: [], customers: [], tasks: [] }
    }, overrides.host || {}),
    diagnostics: [],
    systemTemplates: {},
    apiToken: 'token'
  };
}

/** A state as the shell has it after boot, with a stand-in window and APP. */
export function bootedState(overrides) {
  const dev = fakeDev();
  const win = { location: { host: '127.0.0.1:5173', pathname: '/', origin: 'http://127.0.0.1:5173' } };
  const state = createState({ win: win, dev: dev, $: null });
  state.server = serverState(overrides);
  state.langs = state.server.widget.i18n.en;
  state.app = { widgets: { list: {}, system: null }, data: { current_card: false }, constant() { return null; } };
  state.route = { page: 'card', area: 'lcard', family: 'lcard', entity: 'leads', id: 30000001 };
  return state;
}
