import test from 'node:test';
import assert from 'node:assert/strict';
import { sanitizeHtml, isAllowedUrl, ALLOWED_TAGS } from '../../src/KommoWidgetKit.DevHost/assets/runtime/core/sanitize.mjs';
import { SafeHtml } from '../../src/KommoWidgetKit.DevHost/assets/runtime/core/html.mjs';
import { descriptionText } from '../../src/KommoWidgetKit.DevHost/assets/runtime/pages/settings.mjs';
import { bootedState } from './support.mjs';

const clean = (s) => String(sanitizeHtml(s));

test('entities stay for the browser to show as characters; allowed tags and links stay', () => {
  assert.equal(clean('Connects &mdash; fast &amp; safe. <a href="https://example.com/?a=1&amp;b=2" target="_blank" title="Docs">Docs</a>'),
    'Connects &mdash; fast &amp; safe. <a href="https://example.com/?a=1&amp;b=2" target="_blank" title="Docs">Docs</a>');
  assert.equal(clean('<p>One<br>two<br/></p><ul><li><b>b</b> <strong>s</strong> <i>i</i> <em>e</em> <code>c</code> <span>s</span></li></ul><ol><li>x</li></ol><div>d</div>'),
    '<p>One<br>two<br></p><ul><li><b>b</b> <strong>s</strong> <i>i</i> <em>e</em> <code>c</code> <span>s</span></li></ul><ol><li>x</li></ol><div>d</div>');
  assert.equal(clean('<a href="mailto:me@example.com">mail</a>'), '<a href="mailto:me@example.com">mail</a>');
  assert.equal(clean('<A HREF="HTTP://X">x</A>'), '<a href="HTTP://X">x</a>');
  assert.ok(sanitizeHtml('') instanceof SafeHtml);
  assert.deepEqual(ALLOWED_TAGS, ['a', 'b', 'strong', 'i', 'em', 'br', 'p', 'ul', 'ol', 'li', 'span', 'div', 'code']);
});

test('scripts, styles and their content go; event handlers and other attributes go; other tags go but keep their text', () => {
  assert.equal(clean('a<script>alert(1)</script>b<SCRIPT type="x">document.write("<b>")</SCRIPT >c'), 'abc');
  assert.equal(clean('<style>p{}</style><img src=x onerror="alert(1)">ok'), 'ok');
  assert.equal(clean('<b onclick="alert(1)" style="color:red" class="x" id="y" title="t">b</b>'), '<b title="t">b</b>');
  assert.equal(clean('<h3>Title</h3><font color=red>red</font><table><tr><td>cell</td></tr></table>'), 'Titleredcell');
  assert.equal(clean('<svg><script>alert(1)</script><text>x</text></svg>after'), 'after');
  assert.equal(clean('<iframe src="https://evil"></iframe><noscript><b>n</b></noscript><template><b>t</b></template>z'), 'z');
  assert.equal(clean('<!-- <b>comment</b> --><!doctype html><?php echo 1 ?>x'), 'x');
  assert.equal(clean('<script>never closed'), '');
  assert.equal(clean('<textarea></textarea><b>after</b>'), '<b>after</b>');
  assert.equal(clean('<span href="https://x" target="_blank">s</span>'), '<span>s</span>');
});

test('only http, https and mailto links keep their href, however the scheme is written', () => {
  for (const bad of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', ' javascript:alert(1)', 'java\tscript:alert(1)', 'jav&#x61;script:alert(1)',
    'jav&#97;script:x', 'javascript&colon;alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:x', '/relative', '#top', '//evil.com', 'ftp://x', '']) {
    assert.ok(!isAllowedUrl(bad), bad);
    assert.equal(clean('<a href="' + bad.replace(/"/g, '&quot;') + '">x</a>'), '<a>x</a>', bad);
  }
  for (const good of ['https://example.com', 'http://example.com', 'mailto:a@b.c', ' https://x ', 'https&#58;//x', 'htt&#x70;s://x']) {
    assert.ok(isAllowedUrl(good), good);
  }
  assert.equal(clean('<a href=https://x/?q=a&b=c>u</a>'), '<a href="https://x/?q=a&b=c">u</a>');
  assert.equal(clean('<a href=\'https://x/"y\' href="javascript:1">q</a>'), '<a href="https://x/&quot;y">q</a>');
});

test('the output is well formed and nothing becomes markup that was text', () => {
  assert.equal(clean('<b><i>x</b>y</i>'), '<b><i>x</i></b>y');
  assert.equal(clean('<div><p>open'), '<div><p>open</p></div>');
  assert.equal(clean('</b>stray</li>'), 'stray');
  assert.equal(clean('1 < 2 > 0 <3 <<b>x</b>'), '1 &lt; 2 &gt; 0 &lt;3 &lt;<b>x</b>');
  assert.equal(clean('&lt;script&gt;alert(1)&lt;/script&gt;'), '&lt;script&gt;alert(1)&lt;/script&gt;');
  assert.equal(clean('<b title="a>b"<c">t</b>'), '<b title="a&gt;b">t</b>');
  assert.equal(clean('<b title="never closed>t'), '');
  assert.equal(clean('<b\n onmouseover=alert(1)\n>t</b>'), '<b>t</b>');
  assert.equal(clean(null), '');
  assert.equal(clean(42), '42');
});

test('the settings modal\'s description: the host\'s tags replaced first, then sanitised (so their values are held to the allow-list too)', () => {
  const state = bootedState();
  state.server.host.user.login = '<img src=x onerror=alert(1)>dev';
  const text = descriptionText(state, 'See <a href="https://#HOST#/x" onclick="x()">#SUBDOMAIN#</a> &mdash; #LOGIN# #ACCOUNT_ID# #USER_ID# #TOP_LEVEL_DOMAIN# #API_HASH#<script>x</script>');
  assert.equal(text, 'See <a href="https://127.0.0.1:5173/x" onclick="x()">devaccount</a> &mdash; <img src=x onerror=alert(1)>dev 1 9000001 com dev-api-hash<script>x</script>');
  assert.equal(clean(text), 'See <a href="https://127.0.0.1:5173/x">devaccount</a> &mdash; dev 1 9000001 com dev-api-hash');
  assert.equal(descriptionText(state, undefined), '');
});
