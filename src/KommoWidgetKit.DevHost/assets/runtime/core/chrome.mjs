/*
 * The shell's chrome that pages and the widget API update: the widget chip and selected menu item in the top bar and the
 * left menu, and the banner above the work area.
 */
import { code, installed, widgetName } from './state.mjs';
import { bannerTemplate, notInstalledTemplate } from '../templates/shell.mjs';

/** The top bar's widget chip (install state) and the selected left-menu item for the current path. */
export function updateChrome(state) {
  const $ = state.$;
  $('#kommo-dev-widget-chip').text(code(state) + ' · ' + (installed(state) ? 'installed' : state.server.install.status))
    .toggleClass('kommo-dev-widget-chip_off', !installed(state));
  $('.nav__menu__item').removeClass('nav__menu__item_selected');
  const path = state.win.location.pathname;
  $('.nav__menu__item').each(function () {
    const href = $(this).find('> a').attr('href');
    if (href && href !== '/' && path.indexOf(href.replace(/(list|detail)\/.*$/, '')) === 0) {
      $(this).addClass('nav__menu__item_selected');
    }
  });
}

/** The banner above the work area (markup from a template), or none. */
export function banner(state, markup) {
  state.$('#kommo-dev-banner').html(String(bannerTemplate(markup)));
}

/** "The widget is not installed, so Kommo does not load it <where>", with a link to install it. */
export function notInstalledBanner(state, where) {
  banner(state, notInstalledTemplate({ name: widgetName(state), where: where, code: code(state) }));
}
