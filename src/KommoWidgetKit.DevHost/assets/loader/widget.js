/*
 * kommo-widget dev: the live widget, for a loader uploaded to a real account (kommo-widget loader).
 * The loader's script.js depends on this module; it depends on the widget's own script.js here and returns a constructor
 * that runs it with self.params.path pointing at this host, so templates, styles and modules load from the live files.
 */
define([__KOMMO_LIVE_SCRIPT__], function (LiveWidget) {
  'use strict';
  var base = __KOMMO_LIVE_BASE__;
  var events = __KOMMO_LIVE_EVENTS__;
  var stale = __KOMMO_LIVE_STALE__;
  var staleMessage = __KOMMO_LIVE_STALE_MESSAGE__;
  var state = window.__kommoWidgetLoader = window.__kommoWidgetLoader || { notices: [] };
  state.base = base;
  state.stale = stale;

  function notice(text, level) {
    state.notices.push(text);
    var show = function () {
      var box = document.createElement('div');
      box.className = 'kommo-widget-loader-notice kommo-widget-loader-notice_' + (level || 'warning');
      box.setAttribute('role', 'alert');
      box.style.cssText = 'position:fixed;z-index:2147483647;left:16px;right:16px;top:' + (16 + 56 * (state.notices.length - 1)) + 'px;' +
        'padding:12px 44px 12px 16px;background:#fff4e5;color:#5f3b00;border:1px solid #f0a030;border-radius:4px;' +
        'font:14px/1.45 sans-serif;box-shadow:0 2px 8px rgba(0,0,0,.2)';
      box.appendChild(document.createTextNode(text));
      var close = document.createElement('button');
      close.type = 'button';
      close.textContent = '\u00d7';
      close.setAttribute('aria-label', 'Close');
      close.style.cssText = 'position:absolute;right:8px;top:6px;border:0;background:none;font-size:20px;cursor:pointer;color:inherit';
      close.onclick = function () { box.parentNode.removeChild(box); };
      box.appendChild(close);
      document.body.appendChild(box);
    };
    if (document.body) {
      show();
    } else {
      document.addEventListener('DOMContentLoaded', show);
    }
  }

  // Live reload in the account's page: a stylesheet change swaps the widget's <link>s, any other change reloads the page
  // (the account's own code cannot re-run a widget in place). Needs the event stream, which CORS allows for account pages.
  function swapStylesheets(files) {
    var links = document.querySelectorAll('link[rel="stylesheet"]');
    for (var i = 0; i < links.length; i++) {
      var href = links[i].getAttribute('href') || '';
      for (var j = 0; j < files.length; j++) {
        if (href.split('?')[0] === base + '/' + files[j]) {
          links[i].setAttribute('href', base + '/' + files[j] + '?v=' + Date.now());
        }
      }
    }
  }

  function listen() {
    if (state.listening || typeof window.EventSource !== 'function') {
      return;
    }
    state.listening = true;
    var source = new window.EventSource(events);
    state.events = source;
    source.addEventListener('widget', function (event) {
      var data = JSON.parse(event.data);
      if (data.kind === 'css') {
        swapStylesheets(data.files || []);
        return;
      }
      notice('kommo-widget dev: ' + (data.files || []).join(', ') + ' changed, reloading the page', 'info');
      window.setTimeout(function () { window.location.reload(); }, 300);
    });
    source.onerror = function () {
      if (source.readyState === 2 && !state.liveReloadOff) {
        state.liveReloadOff = true;
        if (window.console) {
          window.console.info('kommo-widget dev: live reload is off in this page (the browser refused the event stream ' + events +
            '); refresh the page after each save');
        }
      }
    };
  }

  if (stale) {
    if (window.console) {
      window.console.warn(staleMessage);
    }
    notice(staleMessage);
  }
  listen();

  if (typeof LiveWidget !== 'function') {
    return LiveWidget;
  }
  var LoaderWidget = function () {
    var self = this;
    if (self && self.params && typeof self.params === 'object') {
      self.params.path = base;
    }
    if (self && typeof self.get_settings === 'function') {
      var settings = self.get_settings;
      self.get_settings = function () {
        var values = settings.apply(this, arguments);
        if (values && typeof values === 'object') {
          values.path = base;
        }
        return values;
      };
    }
    var result = LiveWidget.apply(self, arguments);
    return result && typeof result === 'object' ? result : self;
  };
  LoaderWidget.prototype = LiveWidget.prototype;
  return LoaderWidget;
});
