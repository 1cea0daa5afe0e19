// Hello Kommo: shows the greeting set in the widget's settings in the right panel of every lead card,
// with the lead's number, and previews the greeting while it is typed in the settings modal.
define(['jquery'], function ($) {
  'use strict';

  var CustomWidget = function () {
    var self = this;
    var ROOT_CLASS = 'hello_kommo-widget';
    var PANEL_AREAS = ['lcard'];

    // style.css is not injected by Kommo: add it once per page, the documented way.
    function loadStyles() {
      var settings = self.get_settings();
      if ($('link[href="' + settings.path + '/style.css?v=' + settings.version + '"]').length < 1) {
        $('head').append('<link href="' + settings.path + '/style.css?v=' + settings.version + '" type="text/css" rel="stylesheet">');
      }
    }

    // The greeting from the settings, or the default text when it has not been set yet.
    function greeting() {
      var value = self.get_settings().greeting;
      return typeof value === 'string' && value.trim() !== '' ? value.trim() : self.i18n('ui').greeting;
    }

    // "Lead #123", or a note for a card that has not been saved yet.
    function leadLabel() {
      var app = window.APP;
      var card = app && app.data && app.data.current_card;
      var id = card && card.id ? card.id : 0;
      return id > 0 ? self.i18n('ui').details + ' #' + id : self.i18n('ui').new_lead;
    }

    // Renders templates/block.twig (fetched from the widget's own files) and hands the HTML to `done`.
    function renderBlock(params, done) {
      self.render({
        href: '/templates/block.twig',
        base_path: self.params.path,
        v: self.get_version(),
        load: function (template) {
          done(template.render(params));
        }
      }, params);
    }

    // Draws the widget's block in the right panel of the lead card (location lcard-1).
    function renderPanel() {
      renderBlock({ greeting: greeting(), details: leadLabel() }, function (html) {
        self.render_template({
          caption: { class_name: ROOT_CLASS + '__caption' },
          body: html,
          render: ''
        });
      });
    }

    // Shows under the settings fields what the lead card will say, updated as the user types.
    function previewInModal($modalBody) {
      var $input = $modalBody.find('input[name="greeting"]');
      var $preview = $('<p class="' + ROOT_CLASS + '__details"></p>');
      var $block = $('<div class="' + ROOT_CLASS + '"></div>').append($preview);
      function update() {
        var text = $.trim($input.val() || '') || self.i18n('ui').greeting;
        $preview.text(self.i18n('ui').preview + ' ' + text);
      }
      $modalBody.find('.widget_settings_block__controls').first().append($block);
      $input.on('input change', update);
      update();
    }

    this.callbacks = {
      render: function () {
        if (PANEL_AREAS.indexOf(self.system().area) !== -1) {
          renderPanel();
        }
        return true;
      },
      init: function () {
        loadStyles();
        return true;
      },
      bind_actions: function () {
        return true;
      },
      settings: function ($modalBody) {
        previewInModal($modalBody);
        return true;
      },
      onSave: function () {
        return true;
      },
      destroy: function () {
        $('.' + ROOT_CLASS).remove();
      }
    };

    return this;
  };

  return CustomWidget;
});
