/*
 * HTML from the widget that Kommo shows as HTML (the description in the settings modal): entities show as characters and
 * links work, but only an allow-list survives. Tags a, b, strong, i, em, br, p, ul, ol, li, span, div, code; attributes
 * title (any of them), href (a; http, https and mailto only) and target (a). Every other tag is dropped and its text kept,
 * except script, style and the like, which go with their content; comments, doctypes and every other attribute
 * (on…, style, src …) are dropped.
 *
 * The markup is tokenised here and written out again from the tokens, so nothing the input says goes through unread:
 * text keeps its entities (the browser decodes them as Kommo's page would) with < and > escaped; attribute values are
 * quoted and escaped. No DOM is needed, so it runs under node --test too.
 */
import { SafeHtml } from './html.mjs';

export const ALLOWED_TAGS = ['a', 'b', 'strong', 'i', 'em', 'br', 'p', 'ul', 'ol', 'li', 'span', 'div', 'code'];

const ALLOWED = new Set(ALLOWED_TAGS);
const VOID = new Set(['br']);
// Elements whose content is not markup: skipped up to their end tag.
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'noscript']);
// Elements dropped with everything inside them.
const DROP_WITH_CONTENT = new Set(['template', 'svg', 'math', 'object', 'applet', 'head', 'frameset', 'select']);
const URL_SCHEMES = /^(?:https?|mailto):/i;
const NAMED = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", colon: ':', sol: '/', tab: '\t', newline: '\n', nbsp: '\u00a0', period: '.', lpar: '(', rpar: ')' };

/** Sanitised markup, safe to insert as HTML. */
export function sanitizeHtml(input) {
  return new SafeHtml(sanitize(String(input === undefined || input === null ? '' : input)));
}

function sanitize(s) {
  let out = '';
  const open = [];
  let dropping = null; // {name, depth} while an element is dropped with its content
  let i = 0;
  while (i < s.length) {
    const lt = s.indexOf('<', i);
    if (lt < 0) {
      if (!dropping) {
        out += text(s.slice(i));
      }
      break;
    }
    if (!dropping) {
      out += text(s.slice(i, lt));
    }
    if (s.startsWith('<!--', lt)) {
      const end = s.indexOf('-->', lt + 4);
      i = end < 0 ? s.length : end + 3;
      continue;
    }
    if (s[lt + 1] === '!' || s[lt + 1] === '?') {
      const end = s.indexOf('>', lt);
      i = end < 0 ? s.length : end + 1;
      continue;
    }
    const tag = readTag(s, lt);
    if (!tag) {
      if (!dropping) {
        out += '&lt;';
      }
      i = lt + 1;
      continue;
    }
    if (tag.end < 0) {
      break; // a tag cut off at the end of the input: nothing after it is shown
    }
    i = tag.end;
    const name = tag.name;
    if (dropping) {
      if (name === dropping.name) {
        dropping.depth += tag.closing ? -1 : tag.selfClosing ? 0 : 1;
        if (dropping.depth === 0) {
          dropping = null;
        }
      }
      continue;
    }
    if (!tag.closing && RAW_TEXT.has(name)) {
      i = skipRawText(s, i, name);
      continue;
    }
    if (name === 'plaintext') {
      break;
    }
    if (!tag.closing && DROP_WITH_CONTENT.has(name)) {
      if (!tag.selfClosing) {
        dropping = { name: name, depth: 1 };
      }
      continue;
    }
    if (!ALLOWED.has(name)) {
      continue;
    }
    if (tag.closing) {
      const at = open.lastIndexOf(name);
      if (at >= 0) {
        while (open.length > at) {
          out += '</' + open.pop() + '>';
        }
      }
      continue;
    }
    out += '<' + name + attributes(name, tag.attributes) + '>';
    if (!VOID.has(name) && !tag.selfClosing) {
      open.push(name);
    }
  }
  while (open.length) {
    out += '</' + open.pop() + '>';
  }
  return out;
}

/** Text as written (entities are the browser's to decode), with < and > escaped. */
function text(value) {
  return value.replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** An attribute value in double quotes. */
function attributeValue(value) {
  return value.replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function attributes(tagName, list) {
  let out = '';
  const seen = new Set();
  list.forEach(function (a) {
    if (seen.has(a.name)) {
      return; // the first of a repeated attribute counts, as in the browser
    }
    seen.add(a.name);
    if (a.name === 'title' || (tagName === 'a' && a.name === 'target') || (tagName === 'a' && a.name === 'href' && isAllowedUrl(a.value))) {
      out += ' ' + a.name + '="' + attributeValue(a.value) + '"';
    }
  });
  return out;
}

/** Whether an href, as the browser reads it (entities decoded, tabs and newlines removed, trimmed), is http, https or mailto. */
export function isAllowedUrl(value) {
  const decoded = decodeEntities(value).replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '');
  return URL_SCHEMES.test(decoded);
}

/** Numeric entities and the named ones that matter in a URL's scheme; others are left as written (and then cannot match). */
function decodeEntities(value) {
  return value.replace(/&(?:#(\d+)|#[xX]([0-9a-fA-F]+)|([a-zA-Z]+));?/g, function (whole, dec, hex, name) {
    if (dec || hex) {
      const n = dec ? parseInt(dec, 10) : parseInt(hex, 16);
      return n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : '\ufffd';
    }
    const found = NAMED[name.toLowerCase()];
    return found !== undefined ? found : whole;
  });
}

/**
 * Reads the tag at s[lt] ('<'): {name (lower case), closing, selfClosing, attributes: [{name, value}], end (index after
 * '>', or -1 when the input ends first)}; null when '<' does not start a tag (then it is text).
 */
function readTag(s, lt) {
  const m = /^<(\/?)([a-zA-Z][^\s/>]*)/.exec(s.slice(lt, lt + 256));
  if (!m) {
    return null;
  }
  const tag = { name: m[2].toLowerCase(), closing: m[1] === '/', selfClosing: false, attributes: [], end: -1 };
  let j = lt + m[0].length;
  while (j < s.length) {
    const c = s[j];
    if (c === '>') {
      tag.end = j + 1;
      return tag;
    }
    if (/\s/.test(c)) {
      j++;
      continue;
    }
    if (c === '/') {
      tag.selfClosing = s[j + 1] === '>';
      j++;
      continue;
    }
    let k = j + 1;
    while (k < s.length && !/[\s/>=]/.test(s[k])) {
      k++;
    }
    const name = s.slice(j, k).toLowerCase();
    j = k;
    while (j < s.length && /\s/.test(s[j])) {
      j++;
    }
    let value = '';
    if (s[j] === '=') {
      j++;
      while (j < s.length && /\s/.test(s[j])) {
        j++;
      }
      const quote = s[j];
      if (quote === '"' || quote === "'") {
        const close = s.indexOf(quote, j + 1);
        if (close < 0) {
          return tag; // end stays -1: an attribute value that never ends
        }
        value = s.slice(j + 1, close);
        j = close + 1;
      } else {
        let e = j;
        while (e < s.length && !/[\s>]/.test(s[e])) {
          e++;
        }
        value = s.slice(j, e);
        j = e;
      }
    }
    tag.attributes.push({ name: name, value: value });
  }
  return tag;
}

/** The index after the end tag of a raw-text element (its content is not markup), or the end of the input. */
function skipRawText(s, from, name) {
  const pattern = new RegExp('</' + name + '(?=[\\s/>])', 'ig');
  pattern.lastIndex = from;
  const m = pattern.exec(s);
  if (!m) {
    return s.length;
  }
  const end = s.indexOf('>', m.index);
  return end < 0 ? s.length : end + 1;
}
