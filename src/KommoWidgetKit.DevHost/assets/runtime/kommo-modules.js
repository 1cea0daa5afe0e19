/*
 * Kommo Widget Kit dev host: the AMD modules Kommo gives widgets.
 * jquery, underscore, moment, twigjs, text (RequireJS text plugin from npm), json, lib/components/base/modal.
 */
(function () {
  'use strict';
  var dev = window.__kommoDev;
  var $ = window.jQuery;

  // twig.js keeps its registry internal; widgets read Twig.Templates.registry, so expose it.
  var twigInternal = null;
  window.Twig.extend(function (internal) { twigInternal = internal; });
  window.Twig.Templates = twigInternal.Templates;
  window.twig = window.Twig.twig;
  dev.twigInternal = twigInternal;

  requirejs.config({
    // Bare ids that are neither host modules nor widget paths end up here and fail with a clear 404.
    baseUrl: '/__kommo/modules/',
    paths: { text: '/__kommo/vendor/text' },
    waitSeconds: 15
  });

  define('jquery', [], function () { return $; });
  define('underscore', [], function () { return window._; });
  define('lodash', [], function () { return window._; });
  define('moment', [], function () { return window.moment; });
  define('twigjs', [], function () {
    // Both twigjs({data}) and twigjs.twig({data}) are seen in widgets.
    var fn = function (params) { return window.Twig.twig(params); };
    $.extend(fn, window.Twig);
    return fn;
  });
  define('json', ['text'], function (textPlugin) {
    return {
      load: function (name, req, onload, config) {
        textPlugin.get(req.toUrl(name), function (source) {
          try {
            onload(JSON.parse(source));
          } catch (e) {
            onload.error(e);
          }
        }, onload.error);
      }
    };
  });

  /** The system modal: new Modal({class_name, init($modal_body), destroy, disable_overlay_click}). */
  define('lib/components/base/modal', ['jquery'], function ($) {
    var Modal = function (options) {
      this.options = $.extend({ class_name: '', init: function () {}, destroy: function () {} }, options || {});
      this.$el = $(
        '<div class="modal ' + (this.options.class_name || '') + '">' +
        '<div class="modal-overlay"><span class="modal-overlay__spinner spinner-icon spinner-icon-abs-center"></span></div>' +
        '<div class="modal-scroller custom-scroll"><div class="modal-body"><div class="modal-body__inner"></div></div></div>' +
        '</div>');
      this.$modal_body = this.$el.find('.modal-body');
      this._bind();
      $('body').append(this.$el).addClass('body_modal-open');
      this.$el.addClass('modal_loading');
      if (typeof this.options.init === 'function') {
        this.options.init.call(this, this.$modal_body);
      }
    };
    Modal.prototype._bind = function () {
      var self = this;
      this.$modal_body.on('modal:loaded', function () {
        self.$el.removeClass('modal_loading').addClass('modal_loaded');
      });
      this.$modal_body.on('modal:centrify', function () {
        self.centrify();
      });
      this.$modal_body.on('modal:close', function () {
        self.destroy();
      });
      this.$el.on('click', '.modal-body__close, .js-modal-close, .js-button-cancel', function (e) {
        e.preventDefault();
        self.destroy();
      });
      this.$el.on('mousedown', function (e) {
        if (!self.options.disable_overlay_click && ($(e.target).is('.modal-scroller') || $(e.target).is('.modal'))) {
          self.destroy();
        }
      });
      this._onKey = function (e) {
        if (e.keyCode === 27 && !self.options.disable_escape_keydown) {
          self.destroy();
        }
      };
      $(document).on('keydown', this._onKey);
    };
    Modal.prototype.centrify = function () {
      this.$modal_body.css('margin-top', Math.max(20, ($(window).height() - this.$modal_body.outerHeight()) / 2) + 'px');
      return this;
    };
    Modal.prototype.destroy = function () {
      if (this.destroyed) {
        return;
      }
      this.destroyed = true;
      $(document).off('keydown', this._onKey);
      if (typeof this.options.destroy === 'function') {
        try {
          this.options.destroy.call(this);
        } catch (e) {
          dev.report('error', 'Modal destroy handler threw: ' + dev.describe(e), dev.widgetFrame(e.stack), 'modal');
        }
      }
      this.$el.remove();
      if (!$('.modal').length) {
        $('body').removeClass('body_modal-open');
      }
    };
    Modal.prototype._showError = function (message, needReload) {
      var self = this;
      this.$modal_body.find('.modal-body__inner').html(
        '<div class="modal-body__error"><h2 class="modal-body__error__title head_2">Error</h2>' +
        '<p class="modal-body__error__text"></p></div>');
      this.$modal_body.find('.modal-body__error__text').text(message || 'Something went wrong');
      this.$modal_body.trigger('modal:loaded').trigger('modal:centrify');
      if (needReload) {
        this.$el.one('click', function () { self.destroy(); window.location.reload(); });
      }
      return this;
    };
    return Modal;
  });

  // Relative widget modules may be written without ".js" ("./lib/helper"): load them as Kommo does.
  var originalLoad = requirejs.load;
  requirejs.load = function (context, moduleName, url) {
    var base = dev.widgetBase;
    if (base && url.indexOf(base + '/') === 0) {
      var last = url.split('?')[0].split('/').pop();
      if (last.indexOf('.') < 0) {
        url = url.replace(/(\?|$)/, '.js$1');
      }
    }
    return originalLoad.call(this, context, moduleName, url);
  };

  requirejs.onError = function (err) {
    var modules = (err.requireModules || []).join(', ');
    var original = err.originalError || err;
    var where = dev.widgetFrame(original && original.stack);
    if (!where && modules) {
      var file = dev.widgetRelative(modules.split(', ')[0]);
      if (file) {
        where = { file: file };
      }
    }
    var message;
    if (err.requireType === 'scripterror') {
      message = 'cannot load module ' + modules + ' (missing file, or not served by the dev host)';
    } else if (err.requireType === 'timeout') {
      message = 'module load timed out: ' + modules;
    } else if (err.requireType === 'define') {
      message = 'error while defining ' + modules + ': ' + dev.describe(original);
    } else {
      message = 'module error' + (modules ? ' in ' + modules : '') + ': ' + dev.describe(original);
    }
    dev.report('error', message, where, 'require');
    if (dev.onModuleError) {
      dev.onModuleError(err);
    }
  };
})();
