import test from 'node:test';
import assert from 'node:assert/strict';
import { shellTemplate, bannerTemplate, notInstalledTemplate } from '../../src/KommoWidgetKit.DevHost/assets/runtime/templates/shell.mjs';
import { cardTemplate, cardSdkItem } from '../../src/KommoWidgetKit.DevHost/assets/runtime/templates/cards.mjs';
import { listTemplate } from '../../src/KommoWidgetKit.DevHost/assets/runtime/templates/lists.mjs';
import { fieldRow } from '../../src/KommoWidgetKit.DevHost/assets/runtime/templates/fields.mjs';
import { settingsModalTemplate } from '../../src/KommoWidgetKit.DevHost/assets/runtime/templates/settings.mjs';
import { panelBlock } from '../../src/KommoWidgetKit.DevHost/assets/runtime/templates/panel.mjs';
import { salesbotRow, salesbotStepTemplate } from '../../src/KommoWidgetKit.DevHost/assets/runtime/templates/salesbot.mjs';
import { dpPageTemplate } from '../../src/KommoWidgetKit.DevHost/assets/runtime/templates/dp.mjs';
import { raw } from '../../src/KommoWidgetKit.DevHost/assets/runtime/core/html.mjs';

const EVIL = '<script>alert(1)</script>"\'';
const ESCAPED = '&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;';

test('templates come out on one line, with no text between elements from the source layout', () => {
  const out = String(shellTemplate({ menu: [{ code: 'dashboard', href: '/dashboard/', title: 'Dashboard' }], locales: ['en', 'es'], lang: 'es', theme: 'dark' }));
  assert.ok(!out.includes('\n'));
  assert.ok(!/>\s+</.test(out.replace('Language <select', '')), out);
  assert.ok(out.includes('<option value="en">en</option><option value="es" selected>es</option>'));
  assert.ok(out.includes('>Light theme</button>'));
  assert.ok(out.includes('<li class="nav__menu__item" data-entity="dashboard"><a class="nav__menu__item__link js-navigate-link" href="/dashboard/">' +
    '<span class="nav__menu__item__icon nav__menu__item__icon_dashboard"></span><span class="nav__menu__item__title">Dashboard</span></a></li>'));
});

test('the left menu escapes what the manifest gives it and marks the widget own entries', () => {
  const out = String(shellTemplate({
    menu: [{ code: 'widget_x', own: true, href: '/widget_page/x/"/', title: EVIL, icon: '/upl/x/widget/i.svg', sub: [['/a/', EVIL]] }],
    locales: [], lang: 'en', theme: 'light'
  }));
  assert.ok(out.includes('class="nav__menu__item nav__menu__item_widget"'));
  assert.ok(out.includes('href="/widget_page/x/&quot;/"'));
  assert.ok(out.includes('<img class="nav__menu__item__icon" src="/upl/x/widget/i.svg" alt="">'));
  assert.equal(out.split(ESCAPED).length, 3);
  assert.ok(!out.includes('<script>'));
});

test('banners: nothing for no content; the not-installed banner links to the settings modal', () => {
  assert.equal(String(bannerTemplate('')), '');
  assert.equal(String(bannerTemplate('a "b"')), '<div class="kommo-dev-banner">a &quot;b&quot;</div>');
  assert.equal(String(notInstalledTemplate({ name: '<W>', where: 'in this card', code: 'w' })),
    'The widget <b>&lt;W&gt;</b> is not installed, so Kommo does not load it in this card. ' +
    '<a class="js-navigate-link" href="/settings/widgets/#w">Install it in Settings → Integrations</a>.');
});

const lead = {
  id: 7, name: EVIL, price: 0, company: '', phones: ['+1 <555>'], emails: [], contacts: [{ id: 1, name: 'Main', isMain: true }, { id: 2, name: 'Other' }],
  fields: [{ id: 11, name: 'Source', type: 'text', values: ['a', 'b'] }], pipelineId: 1, statusId: 2, createdAt: 0
};

test('a card escapes the record and keeps Kommo\'s DOM hooks', () => {
  const out = String(cardTemplate({
    entity: 'leads', singular: 'lead', record: lead, responsible: 'Ann <Smith>', sdk: { code: 'w', name: 'W' }, panel: false,
    pipelines: [{ id: 1, name: 'P', statuses: [{ id: 1, name: 'One' }, { id: 2, name: 'Two' }] }]
  }));
  assert.ok(!out.includes('<script>'));
  assert.ok(out.includes('<input id="person_name" class="text-input js-linked-name-view" name="lead[NAME]" value="' + ESCAPED + '">'));
  assert.ok(out.includes('<option value="2" data-pipeline="1" selected>Two</option>'));
  assert.ok(out.includes('name="lead[PRICE]" value="0"'), 'a price of 0 is shown');
  assert.ok(!out.includes('company[NAME]'));
  assert.ok(out.includes('<span class="js-card-actions" data-type="phone" data-value="+1 &lt;555&gt;"></span>'));
  assert.ok(out.includes('value="a, b" readonly'));
  assert.ok(out.includes('<div class="linked-form__contact linked-form__contact_main" data-id="1">'));
  assert.ok(out.includes('<div class="linked-form__contact" data-id="2">'));
  assert.ok(out.includes('Responsible user</div><div class="linked-form__field__value">Ann &lt;Smith&gt;</div>'));
  assert.ok(out.includes('<div id="card_widgets" class="card-widgets card-widgets_empty">'));
  assert.ok(out.includes('<div id="w" class="card-sdk-tab__body">'));
  assert.ok(out.includes('Card created 1970-01-01'));
  const contact = String(cardTemplate({ entity: 'contacts', singular: 'contact', record: Object.assign({}, lead, { price: null, contacts: [] }), responsible: '', sdk: null, panel: true, pipelines: null }));
  assert.ok(!contact.includes('lead[STATUS]') && !contact.includes('PRICE') && !contact.includes('linked-form__contacts') && !contact.includes('card-sdk'));
  assert.ok(contact.includes('<div id="card_widgets" class="card-widgets">'));
});

test('card SDK items', () => {
  assert.equal(String(cardSdkItem({ id: 3, name: '<x>', price: 5 }, false)),
    '<li class="card-sdk__item" data-id="3"><span class="card-sdk__item__name">&lt;x&gt;</span><span class="card-sdk__item__price"> 5</span>' +
    '<button type="button" class="button-input card-sdk__link">Link</button></li>');
  assert.ok(String(cardSdkItem({ id: 3, name: 'x', quantity: 2 }, true)).includes('<span class="card-sdk__item__quantity"> × 2</span><button type="button" class="button-input card-sdk__unlink">'));
});

test('a list row per record, with the card link and the lead status', () => {
  const out = String(listTemplate({
    entity: 'leads', title: 'Leads', tableId: 'list_table', cardPath: '/leads/detail/', name: 'W',
    rows: [{ id: 1, name: EVIL, owner: 'A', phones: '', price: '$5', status: 'New' }, { id: 2, name: 'B', owner: '', phones: '', price: '', status: 'Won' }]
  }));
  assert.equal(out.split('class="list-row js-list-row').length, 3);
  assert.ok(out.includes('<a class="js-navigate-link list-row__template-name__table-wrapper__name-link" href="/leads/detail/1">' + ESCAPED + '</a>'));
  assert.ok(out.includes('<td class="list-row__cell list-row__cell_status">Won</td>'));
  assert.ok(out.includes('<span class="list__top__count">2</span>'));
  const tasks = String(listTemplate({ entity: 'tasks', title: 'Tasks', tableId: 'list_table', cardPath: null, name: 'W', rows: [{ id: 1, name: 'T', owner: '', phones: '', price: '', status: null }] }));
  assert.ok(tasks.includes('<span>T</span>') && !tasks.includes('list-row__cell_status'));
});

test('settings fields: inputs named after the code, values escaped, required marked', () => {
  const managers = [{ id: 1, name: 'A' }, { id: 2, name: 'B' }];
  const text = String(fieldRow({ code: 'api_key', label: 'API <key>', required: true, type: 'text', value: '"v"', managers, widgetCode: 'w' }));
  assert.equal(text, '<div class="widget_settings_block__item_field widget_settings_block__item_field_required" data-field="api_key" data-type="text">' +
    '<div class="widget_settings_block__title_field" title="API &lt;key&gt;">API &lt;key&gt; <span class="widget_settings_block__required">*</span>:</div>' +
    '<div class="widget_settings_block__input_field"><input type="text" class="widget_settings_block__controls__ text-input" name="api_key" value="&quot;v&quot;"></div>' +
    '<div class="widget_settings_block__error"></div></div>');
  assert.ok(String(fieldRow({ code: 'p', label: 'P', type: 'pass', value: 5, managers })).includes('<input type="password" class="widget_settings_block__controls__ text-input js-secret" name="p" value="5">'));
  const users = String(fieldRow({ code: 'ext', label: 'E', type: 'users', value: { 2: '101' }, managers }));
  assert.ok(users.includes('name="ext[1]" data-user-id="1" value=""') && users.includes('name="ext[2]" data-user-id="2" value="101"'));
  const lp = String(fieldRow({ code: 'lp', label: 'L', type: 'users_lp', value: { 1: { login: 'l' } }, managers }));
  assert.ok(lp.includes('name="lp[1][login]" data-user-id="1" data-part="login" value="l"') && lp.includes('name="lp[2][password]"'));
  const custom = String(fieldRow({ code: 'options', label: 'O', type: 'custom', value: { consent: true }, managers, widgetCode: 'w' }));
  assert.ok(custom.includes('<div id="w_custom_content" class="widget_settings_block__custom_content"></div><input type="hidden" id="w_custom" name="options" value="{&quot;consent&quot;:true}">'));
});

test('the settings modal: Install before the first install, Save and Disable after; the note when the script does not load', () => {
  const view = { code: 'w', name: 'W', logo: '', shortDescription: 's', description: raw('<p>d</p>'), fields: [], active: false, scriptLoaded: false };
  const install = String(settingsModalTemplate(view));
  assert.ok(install.includes('class="button-input button-input_blue js-widget-save js-widget-install" id="save_w" data-onsave-destroy-modal="true"'));
  assert.ok(install.includes('>Install</span>') && !install.includes('js-widget-uninstall'));
  assert.ok(install.includes('"settings" is not in the manifest\'s locations, so settings() and onSave are not called.'));
  assert.ok(install.includes('<div class="widget_settings_block__descr"><p>d</p></div>'));
  const save = String(settingsModalTemplate(Object.assign({}, view, { active: true, scriptLoaded: true })));
  assert.ok(save.includes('js-widget-save " id="save_w"') && save.includes('id="disable_w"') && !save.includes('widget_settings_block__note'));
  assert.ok(save.includes('<input type="hidden" name="widget_active" value="Y">'));
});

test('the right-panel block: the widget\'s caption markup as it is, else its escaped name', () => {
  assert.equal(String(panelBlock({ code: 'w', logo: '/l.png', captionClass: 'c', captionHtml: null, name: '<W>' })),
    '<div class="card-widgets__widget card-widgets__widget-w js-widget-w" data-code="w"><div class="card-widgets__widget__caption c">' +
    '<img class="card-widgets__widget__caption__logo" src="/l.png" alt=""><span class="card-widgets__widget__caption__logo_min"></span>' +
    '<span class="card-widgets__widget__caption__title">&lt;W&gt;</span></div><div class="card-widgets__widget__body js-widget-w-body"></div></div>');
  assert.ok(String(panelBlock({ code: 'w', logo: '', captionHtml: '<i>own</i>', name: 'W' })).includes('__title"><i>own</i></span>'));
});

test('salesbot: the step with its parameters, and the row helper the widget gets', () => {
  const step = String(salesbotStepTemplate({ code: 'h', name: 'H', params: [{ key: 'n', name: 'N', type: 'numeric', value: '<1>', manual: false }] }));
  assert.ok(step.includes('<input type="number" class="text-input" name="n" value="&lt;1&gt;" data-manual="false">'));
  assert.equal(String(salesbotRow('<c>', '<b>own</b>')),
    '<div class="widget_settings_block__item_field"><div class="widget_settings_block__title_field">&lt;c&gt;</div><div class="widget_settings_block__input_field"><b>own</b></div></div>');
});

test('the digital pipeline block sits in the first stage only when the location is there', () => {
  const view = { pipelineName: 'P', code: 'w', name: 'W', logo: '', asSource: true, enabled: true, statuses: [{ id: 1, name: 'A', color: '#fff' }, { id: 2, name: 'B', color: '#000' }] };
  const out = String(dpPageTemplate(view));
  assert.equal(out.split('js-dp-widget').length, 2);
  assert.ok(out.indexOf('js-dp-widget') < out.indexOf('data-status-id="2"'));
  assert.ok(out.includes('<span class="digital-pipeline__sources__list"></span> <button type="button" class="button-input js-add-source">'));
  assert.ok(!String(dpPageTemplate(Object.assign({}, view, { enabled: false, asSource: false }))).includes('js-dp-widget'));
});
