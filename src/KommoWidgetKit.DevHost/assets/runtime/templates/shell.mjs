/*
 * The shell: left menu, top bar (page title, widget chip, problems badge, language, theme), banner, work area.
 */
import { html } from '../core/html.mjs';

/** view: {menu: [{code, href, title, own, icon, sub: [[href, title]]}], locales, lang, theme}. */
export function shellTemplate(view) {
  return html`<div class="kommo-shell">
    <aside id="left_menu" class="nav__menu">
    <div class="nav__top"><span class="nav__top__logo">kommo</span><span class="nav__top__dev">dev</span></div>
    <ul class="nav__menu__list">${view.menu.map(menuItem)}</ul></aside>
    <div class="kommo-shell__main">
    <header class="kommo-topbar">
    <div class="kommo-topbar__title" id="kommo-page-title"></div>
    <div class="kommo-topbar__tools">
    <span class="kommo-dev-widget-chip" id="kommo-dev-widget-chip"></span>
    <button type="button" id="kommo-dev-badge" class="kommo-dev-badge">no problems</button>
    <label class="kommo-topbar__lang">Language <select id="kommo-dev-lang">${view.locales.map(function (l) {
      return html`<option value="${l}"${l === view.lang && html` selected`}>${l}</option>`;
    })}</select></label>
    <button type="button" id="kommo-dev-theme" class="kommo-topbar__theme">${themeButtonText(view.theme)}</button>
    </div></header>
    <div id="kommo-dev-banner"></div>
    <div id="work_area" class="work-area-holder"></div>
    </div></div>
    <div id="notifications_holder" class="kommo-notifications"></div>`;
}

function menuItem(item) {
  return html`<li class="nav__menu__item${item.own && html` nav__menu__item_widget`}" data-entity="${item.code}">
    <a class="nav__menu__item__link js-navigate-link" href="${item.href}">
    ${item.icon
      ? html`<img class="nav__menu__item__icon" src="${item.icon}" alt="">`
      : html`<span class="nav__menu__item__icon nav__menu__item__icon_${item.code}"></span>`}
    <span class="nav__menu__item__title">${item.title}</span></a>
    ${item.sub && item.sub.length > 0 && html`<ul class="nav__menu__sub">${item.sub.map(function (s) {
      return html`<li><a class="nav__menu__sub__link js-navigate-link" href="${s[0]}">${s[1]}</a></li>`;
    })}</ul>`}</li>`;
}

/** The theme button offers the other theme. */
export function themeButtonText(theme) {
  return theme === 'dark' ? 'Light theme' : 'Dark theme';
}

/** The banner above the work area; nothing for empty content. content: text or markup from a template. */
export function bannerTemplate(content) {
  return content ? html`<div class="kommo-dev-banner">${content}</div>` : html``;
}

/** view: {name, where, code}. */
export function notInstalledTemplate(view) {
  return html`The widget <b>${view.name}</b> is not installed, so Kommo does not load it ${view.where}.
    ${' '}<a class="js-navigate-link" href="/settings/widgets/#${view.code}">Install it in Settings → Integrations</a>.`;
}
