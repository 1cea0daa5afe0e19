/*
 * Requests to the host: its own API (/__kommo/api/…), and self.crm_post / self.$authorizedAjax on top of it.
 */

/** A JSON request; resolves to the answer's JSON, rejects with an Error carrying status and data on a non-2xx answer. */
export function api(method, url, body) {
  return fetch(url, {
    method: method,
    headers: body ? { 'Content-Type': 'application/json' } : {},
    body: body ? JSON.stringify(body) : undefined,
    cache: 'no-store'
  }).then(function (response) {
    return response.json().catch(function () { return null; }).then(function (data) {
      if (!response.ok) {
        const error = new Error('HTTP ' + response.status);
        error.status = response.status;
        error.data = data;
        throw error;
      }
      return data;
    });
  });
}

/** self.crm_post: proxied by the host to the URL the widget gives; jQuery-style callbacks and a Deferred. */
export function crmPost(state, url, data, success, dataType, error) {
  const $ = state.$;
  const dev = state.dev;
  const body = typeof data === 'string' ? data : $.param(data || {});
  const deferred = $.Deferred();
  api('POST', '/__kommo/api/crm_post', { url: url, body: body }).then(function (res) {
    const fakeXhr = { status: res.status, responseText: res.body, getResponseHeader: function () { return res.contentType; } };
    if (res.status >= 200 && res.status < 300) {
      let parsed = res.body;
      if (dataType === 'json') {
        try {
          parsed = JSON.parse(res.body);
        } catch (e) {
          if (typeof error === 'function') {
            error(fakeXhr, 'parsererror', e);
          }
          deferred.reject(fakeXhr, 'parsererror', e);
          return;
        }
      }
      if (typeof success === 'function') {
        success(parsed, 'success', fakeXhr);
      }
      deferred.resolve(parsed, 'success', fakeXhr);
    } else {
      if (typeof error === 'function') {
        error(fakeXhr, 'error', res.body);
      }
      deferred.reject(fakeXhr, 'error', res.body);
    }
  }, function (e) {
    dev.report('error', 'crm_post(' + JSON.stringify(url) + ') was refused by the host: ' + (e.data && e.data.errors ? JSON.stringify(e.data.errors) : e.message), null, 'crm_post');
    if (typeof error === 'function') {
      error({ status: e.status || 0, responseText: '' }, 'error', e.message);
    }
    deferred.reject({ status: e.status || 0 }, 'error', e.message);
  });
  return deferred.promise();
}

/** self.$authorizedAjax: $.ajax with X-Auth-Token, a JWT the host signs with the dev secret. */
export function authorizedAjax(state, options) {
  const $ = state.$;
  options = options || {};
  const deferred = $.Deferred();
  const target = options.url || '';
  const audience = /^https?:\/\//.test(target) ? target.replace(/^(https?:\/\/[^/]+).*$/, '$1') : state.win.location.origin;
  api('POST', '/__kommo/api/token', { audience: audience }).then(function (res) {
    const request = $.extend({}, options);
    request.headers = $.extend({}, options.headers || {}, { 'X-Auth-Token': res.token });
    $.ajax(request).then(deferred.resolve, deferred.reject);
  }, function (e) {
    deferred.reject({ status: 0 }, 'error', e.message);
  });
  return deferred.promise();
}
