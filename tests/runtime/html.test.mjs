import test from 'node:test';
import assert from 'node:assert/strict';
import { html, raw, escapeHtml, cssId, SafeHtml } from '../../src/KommoWidgetKit.DevHost/assets/runtime/core/html.mjs';

test('interpolated values are escaped by default', () => {
  const name = '<img src=x onerror="alert(1)">\'&';
  assert.equal(String(html`<b title="${name}">${name}</b>`),
    '<b title="&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&#39;&amp;">&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&#39;&amp;</b>');
});

test('markup from html`` and raw() goes in as it is; arrays are joined; null, undefined and false give nothing', () => {
  const items = ['a<', 'b'].map((x) => html`<li>${x}</li>`);
  assert.equal(String(html`<ul>${items}</ul>`), '<ul><li>a&lt;</li><li>b</li></ul>');
  assert.equal(String(html`<p>${raw('<em>own</em>')}${null}${undefined}${false}${0}</p>`), '<p><em>own</em>0</p>');
  assert.ok(html`x` instanceof SafeHtml);
  assert.equal(raw(html`<i></i>`).value, '<i></i>');
});

test('line breaks in a template are source layout; ${" "} keeps a space at one', () => {
  const out = String(html`<div class="a">
      <span>${'x'}</span>
    </div>text
    ${' '}more`);
  assert.equal(out, '<div class="a"><span>x</span></div>text more');
  assert.equal(String(html`a <b>b</b> c`), 'a <b>b</b> c');
});

test('escapeHtml and cssId', () => {
  assert.equal(escapeHtml(undefined), '');
  assert.equal(escapeHtml(12), '12');
  assert.equal(cssId('a.b:c'), 'a\\.b\\:c');
});
