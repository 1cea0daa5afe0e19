/*
 * The shell: the language, the frame (left menu, top bar), navigation without reloads, and the page for the current
 * path with the widget run where its locations allow.
 */
import { currentTheme, applyTheme } from './app.mjs';
import { themeButtonText, shellTemplate } from '../templates/shell.mjs';
import { menuItems } from './menu.mjs';
import { locales } from './state.mjs';
import { parseRoute, isInternalHref } from './routing.mjs';
import { banner, updateChrome } from './chrome.mjs';
import { stopAll } from './lifecycle.mjs';
import { pageIndex, pagePipeline, pageSimple } from '../pages/overview.mjs';
import { pageCard } from '../pages/cards.mjs';
import { pageList } from '../pages/lists.mjs';
import { pageWidgets } from '../pages/settings.mjs';
import { pageAdvanced } from '../pages/advanced.mjs';
import { pageDp } from '../pages/dp.mjs';
import { pageMenu } from '../pages/widget-page.mjs';
import { pageSalesbot } from '../pages/salesbot.mjs';

/** One function per page family: (state, $work) → Promise, done when the widget ran there. */
export const PAGES = {
  index: pageIndex, dashboard: pageSimple, pipeline: pagePipeline, card: pageCard, list: pageList,
  widgets: pageWidgets, advanced: pageAdvanced, dp: pageDp, menu: pageMenu, salesbot: pageSalesbot, notfound: pageSimple
};

/** The account language: the one picked before when the widget has it, else en, else its first. */
export function pickLanguage(state) {
  const list = locales(state);
  const stored = state.win.localStorage.getItem('kommo-dev-lang');
  state.lang = list.indexOf(stored) >= 0 ? stored : list.indexOf('en') >= 0 ? 'en' : (list[0] || 'en');
  state.langs = state.server.widget.i18n[state.lang] || {};
  state.win.document.documentElement.lang = state.lang;
}

/** Draws the frame. onLanguage(): what a change of the language select does (the widget is re-run). */
export function drawShell(state, onLanguage) {
  const $ = state.$;
  $('#page_holder').html(String(shellTemplate({ menu: menuItems(state), locales: locales(state), lang: state.lang, theme: currentTheme(state) })));
  $('#kommo-dev-lang').on('change', function () {
    state.win.localStorage.setItem('kommo-dev-lang', this.value);
    onLanguage();
  });
  $('#kommo-dev-theme').on('click', function () {
    state.win.localStorage.setItem('kommo-dev-theme', currentTheme(state) === 'dark' ? 'light' : 'dark');
    applyTheme(state);
    $(this).text(themeButtonText(currentTheme(state)));
    if (state.app) {
      state.app.constant('user').theme = currentTheme(state);
    }
  });
  $('#kommo-dev-badge').on('click', function () { state.dev.showOverlay(); });
  state.dev.renderOverlay();
}

/** Links with js-navigate-link (and the left menu) navigate without a reload, like Kommo's single-page app. */
export function installNavigation(state) {
  const $ = state.$;
  $(state.win.document).on('click', 'a.js-navigate-link', function (e) {
    const href = $(this).attr('href');
    if (!isInternalHref(href) || e.ctrlKey || e.metaKey || e.shiftKey) {
      return;
    }
    e.preventDefault();
    navigate(state, href);
  });
  state.win.addEventListener('popstate', function () {
    showPage(state);
  });
}

export function navigate(state, href) {
  state.win.history.pushState({}, '', href);
  return showPage(state);
}

function setReady(state, value) {
  state.dev.ready = value;
  if (value) {
    state.page.waiters.splice(0).forEach(function (fn) { fn(); });
  }
}

/** Resolves when the current page ran the widget's lifecycle (window.__kommoDev.ready). */
export function whenReady(state) {
  return state.dev.ready ? Promise.resolve() : new Promise(function (resolve) { state.page.waiters.push(resolve); });
}

/** Draws the page for location.pathname and runs the widget where its locations allow. */
export function showPage(state) {
  const $ = state.$;
  const dev = state.dev;
  const app = state.app;
  const token = ++state.page.token;
  setReady(state, false);
  $('.modal').remove();
  stopAll(state);
  app.data.current_card = false;
  app.data.current_entity = null;
  app.constant('card_element', false);
  state.actions = {};
  state.sources = {};
  const route = state.route = parseRoute(state.win.location.pathname);
  dev.route = route;
  banner(state, '');
  $('#kommo-page-title').text(route.title);
  updateChrome(state);
  const $work = $('#work_area').empty().attr('data-page', route.page);
  const work = Promise.resolve().then(function () {
    return PAGES[route.page](state, $work);
  }).catch(function (e) {
    dev.report('error', 'dev host page error: ' + dev.describe(e), null, 'host');
  });
  return work.then(function () {
    if (token === state.page.token) {
      setReady(state, true);
    }
  });
}

/** Kommo's control behaviours on the document: button states, the select control, the checkbox control. */
export function installControls(state) {
  const $ = state.$;
  const $doc = $(state.win.document);
  $doc.on('button:load:start', '.button-input', function () { $(this).addClass('button-input-loading'); });
  $doc.on('button:load:stop', '.button-input', function () { $(this).removeClass('button-input-loading'); });
  $doc.on('button:save:enable', '.button-input', function () { $(this).removeClass('button-input-disabled').prop('disabled', false); });
  $doc.on('button:save:disable', '.button-input', function () { $(this).addClass('button-input-disabled'); });
  $doc.on('button:saved', '.button-input', function () { $(this).addClass('button-input_saved'); });
  $doc.on('button:save:error', '.button-input', function () {
    const $b = $(this).addClass('button-input_error');
    state.win.setTimeout(function () { $b.removeClass('button-input_error'); }, 1200);
  });
  $doc.on('click', '.control--select--button', function () { $(this).closest('.control--select').toggleClass('control--select_opened'); });
  $doc.on('click', '.control--select--list--item', function () {
    const $item = $(this);
    const $select = $item.closest('.control--select');
    $select.find('.control--select--list--item').removeClass('control--select--list--item-selected');
    $item.addClass('control--select--list--item-selected');
    $select.find('.control--select--button-inner').text($item.text().trim());
    $select.find('.control--select--button').attr('data-value', $item.attr('data-value'));
    $select.find('.control--select--input').val($item.attr('data-value')).trigger('change').trigger('controls:change');
    $select.removeClass('control--select_opened');
  });
  $doc.on('change', '.control-checkbox input[type=checkbox]', function () {
    $(this).closest('.control-checkbox').toggleClass('is-checked', this.checked);
    $(this).trigger('controls:change');
  });
}
