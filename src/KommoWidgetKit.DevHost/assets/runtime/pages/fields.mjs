/*
 * The manifest's settings fields in a form (the settings modal, the digital pipeline block): drawing, reading, checking.
 */
import { code, t } from '../core/state.mjs';
import { fieldRow } from '../templates/fields.mjs';

/** The rows for fields [{code, name, type, required}] with the saved values. */
export function fieldRows(state, fields, values) {
  values = values || {};
  return fields.map(function (f) {
    return fieldRow({
      code: f.code, label: t(state, f.name) || f.code, required: f.required === true, type: f.type || 'text',
      value: values[f.code], managers: state.server.host.managers, widgetCode: code(state)
    });
  });
}

/** The values in the form, keyed by field code (users and users_lp as objects per user). */
export function readFields(state, $scope, fields) {
  const $ = state.$;
  const values = {};
  fields.forEach(function (f) {
    const type = f.type || 'text';
    if (type === 'users' || type === 'users_lp') {
      const value = {};
      $scope.find('.widget_settings_block__users[data-field="' + f.code + '"] input').each(function () {
        const id = $(this).attr('data-user-id');
        const part = $(this).attr('data-part');
        if (type === 'users') {
          if (this.value !== '') {
            value[id] = this.value;
          }
        } else if (this.value !== '') {
          value[id] = value[id] || {};
          value[id][part] = this.value;
        }
      });
      values[f.code] = value;
    } else {
      const $input = $scope.find('[name="' + f.code + '"]').first();
      values[f.code] = $input.length ? $input.val() : '';
    }
  });
  return values;
}

export function isEmpty(v) {
  return v === undefined || v === null || (typeof v === 'string' && v.trim() === '') || (typeof v === 'object' && !Object.keys(v).length);
}

/** The codes of required fields whose value is empty (Kommo refuses to save then). */
export function missingRequired(fields, values) {
  return fields.filter(function (f) { return f.required === true && isEmpty(values[f.code]); }).map(function (f) { return f.code; });
}

/** Marks the missing fields in the form. */
export function showMissing(state, $scope, missing) {
  missing.forEach(function (fieldCode) {
    $scope.find('.widget_settings_block__item_field[data-field="' + fieldCode + '"]').addClass('widget_settings_block__item_field_error')
      .find('.widget_settings_block__error').text('This field is required');
  });
}
