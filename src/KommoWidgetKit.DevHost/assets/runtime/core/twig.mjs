/*
 * Twig: the system control templates and the widget's own templates registered with twig.js, the Kommo filters, and
 * self.render.
 */
import { describe, getPath } from './state.mjs';

export function registerTemplate(state, id, source) {
  delete state.dev.twigInternal.Templates.registry[id];
  return state.win.Twig.twig({ id: id, data: source, allowInlineIncludes: true });
}

/** System templates under /tmpl/… and interface/…; the widget's under their path, with and without a leading slash. */
export function registerTemplates(state) {
  const server = state.server;
  Object.keys(server.systemTemplates).forEach(function (path) {
    const source = server.systemTemplates[path];
    const rel = path.replace(/^\/tmpl\//, '');         // controls/button.twig
    registerTemplate(state, path, source);              // /tmpl/controls/button.twig
    registerTemplate(state, 'interface/' + rel, source); // interface/controls/button.twig (their own includes)
  });
  Object.keys(server.widget.templates).forEach(function (path) {
    const source = server.widget.templates[path];
    registerTemplate(state, path, source);              // templates/x.twig (includes relative to the root)
    registerTemplate(state, '/' + path, source);
  });
}

/** Kommo's Twig filters i18n and numeral (once per page; they read the language current when they run). */
export function extendTwig(state) {
  if (state.twigExtended) {
    return;
  }
  state.twigExtended = true;
  const Twig = state.win.Twig;
  Twig.extendFilter('i18n', function (value) {
    const found = getPath(state.langs, value);
    return typeof found === 'string' ? found : value;
  });
  Twig.extendFilter('numeral', function (value) {
    const n = Number(value);
    if (isNaN(n)) {
      return value;
    }
    return n.toLocaleString('en-US');
  });
}

/** self.render({ref} | {data} | {href, base_path, v, load, promised}, params). */
export function renderTwig(state, data, params) {
  const dev = state.dev;
  const Twig = state.win.Twig;
  if (!data) {
    dev.report('error', 'self.render called without a template description', null, 'render');
    return '';
  }
  if (data.ref) {
    const ref = String(data.ref).replace(/\?.*$/, '');
    if (!Twig.Templates.registry[ref]) {
      dev.report('error', 'self.render: system template ' + ref + ' is not provided (system templates live under /tmpl/controls/)', null, 'render');
      return '';
    }
    return Twig.twig({ ref: ref }).render(params || {});
  }
  if (typeof data.data === 'string') {
    return Twig.twig({ data: data.data, allowInlineIncludes: true }).render(params || {});
  }
  if (data.href) {
    const basePath = data.base_path !== undefined ? data.base_path : '';
    const url = basePath + data.href + (data.v !== undefined ? (data.href.indexOf('?') >= 0 ? '&' : '?') + 'v=' + encodeURIComponent(data.v) : '');
    const promise = state.win.fetch(url, { cache: 'no-store' }).then(function (response) {
      if (!response.ok) {
        throw new Error('HTTP ' + response.status);
      }
      return response.text();
    }).then(function (source) {
      const template = registerTemplate(state, basePath + data.href, source);
      if (typeof data.load === 'function') {
        data.load(template);
      }
      return template;
    }, function (error) {
      const file = dev.widgetRelative(basePath + data.href);
      dev.report('error', 'self.render: template ' + url + ' could not be loaded (' + error.message + '), so its load callback was not called',
        file ? { file: file } : null, 'render');
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
