/*
 * Markup with escaping by default: html`<b>${name}</b>` escapes every interpolated value unless it is already markup
 * (another html`` result, or raw() for markup that is meant to go in as it is: the widget's own HTML, which Kommo inserts
 * as HTML too). Arrays are joined; null, undefined and false give nothing, so ${cond && html`…`} reads naturally.
 *
 * Line breaks in a template's source, with the indentation around them, are layout of the source and are removed: the
 * markup comes out on one line, as the host always wrote it (no stray text nodes between elements). Where a space is
 * meant at a line break, write ${' '}; never break a line inside a tag.
 */

/** Markup that is safe to insert as it is. */
export class SafeHtml {
  constructor(value) {
    this.value = value;
  }

  toString() {
    return this.value;
  }
}

const ENTITIES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text (or an attribute value inside quotes) made safe for HTML. */
export function escapeHtml(value) {
  return String(value === undefined || value === null ? '' : value).replace(/[&<>"']/g, function (c) {
    return ENTITIES[c];
  });
}

/** Markup that is inserted unescaped: only for markup the host built itself or the widget's own HTML. */
export function raw(markup) {
  return markup instanceof SafeHtml ? markup : new SafeHtml(markup === undefined || markup === null ? '' : String(markup));
}

function part(value) {
  if (value === undefined || value === null || value === false) {
    return '';
  }
  if (value instanceof SafeHtml) {
    return value.value;
  }
  if (Array.isArray(value)) {
    return value.map(part).join('');
  }
  return escapeHtml(value);
}

const SOURCE_LAYOUT = /[ \t]*\r?\n\s*/g;

/** The tag: static parts as written (minus source line breaks), values escaped. */
export function html(strings) {
  let out = strings[0].replace(SOURCE_LAYOUT, '');
  for (let i = 1; i < strings.length; i++) {
    out += part(arguments[i]) + strings[i].replace(SOURCE_LAYOUT, '');
  }
  return new SafeHtml(out);
}

/** A CSS selector fragment for an id that may hold characters with a meaning in selectors. */
export function cssId(value) {
  return String(value).replace(/([^a-zA-Z0-9_-])/g, '\\$1');
}
