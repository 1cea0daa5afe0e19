using System.Security.Cryptography;
using System.Text;
using KommoWidgetKit.Model;

namespace KommoWidgetKit.Packaging;

/// <summary>The loader archive of <c>kommo-widget loader</c>: the widget's manifest, i18n and images (so it installs in a
/// real account with the same settings form) and a <c>script.js</c> that loads the live widget from <c>kommo-widget dev</c>.</summary>
/// <remarks>Kommo reads only manifest.json, i18n/ and images/ itself; everything else is loaded by the widget's script
/// through <c>self.params.path</c>, which the dev host's side of the loader points at the dev host. So those three are what
/// only an upload can change, and the loader carries their hash (<see cref="UploadHash"/>) for the dev host to compare.</remarks>
public static class DevLoader
{
    /// <summary>The dev host's HTTPS port the loader uses when no URL is given (<c>kommo-widget dev --https-port 5174</c>).</summary>
    public const int DefaultHttpsPort = 5174;

    /// <summary>The dev host address the loader uses when no URL is given.</summary>
    public static readonly string DefaultUrl = "https://localhost:" + DefaultHttpsPort.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The dev host's path that serves the live widget to a loader (an AMD module returning its constructor).</summary>
    public const string LivePath = "/__kommo/loader/widget.js";

    /// <summary>The dev host's path a loader probes to tell "not running" from "running".</summary>
    public const string PingPath = "/__kommo/loader/ping";

    /// <summary>The query parameter that carries the upload hash.</summary>
    public const string HashParameter = "upload";

    /// <summary>The marker before the hash in the loader's script.js comment.</summary>
    public const string HashMarker = "kommo-widget-upload-hash: ";

    /// <summary>Whether Kommo reads <paramref name="path"/> from the upload itself: manifest.json, i18n/…, images/….</summary>
    public static bool IsUploadFile(string path) =>
        path == "manifest.json" || path.StartsWith("i18n/", StringComparison.Ordinal) || path.StartsWith("images/", StringComparison.Ordinal);

    /// <summary>The files of <paramref name="widget"/> that a loader archive carries: the shipped (<see cref="WidgetPacker.SelectFiles"/>)
    /// manifest, i18n and images, in ordinal path order.</summary>
    public static IReadOnlyList<WidgetFile> UploadFiles(Widget widget, PackOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(widget);
        return WidgetPacker.SelectFiles(widget, options).Included.Where(f => IsUploadFile(f.Path)).ToList();
    }

    /// <summary>SHA-256 (lower-case hex) of <see cref="UploadFiles"/>: each path, a NUL, its length and its bytes, in order.
    /// The dev host computes it of the current files and compares it with the one a loader reports.</summary>
    public static string UploadHash(Widget widget, PackOptions? options = null)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<byte> length = stackalloc byte[8];
        foreach (var file in UploadFiles(widget, options))
        {
            hash.AppendData(Encoding.UTF8.GetBytes(file.Path));
            hash.AppendData([0]);
            System.Buffers.Binary.BinaryPrimitives.WriteInt64LittleEndian(length, file.Content.Length);
            hash.AppendData(length);
            hash.AppendData(file.Content.Span);
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>Reads the dev host address: an absolute http(s) URL with no path, query or fragment; returned without a trailing slash.</summary>
    /// <exception cref="PackException">It is not such a URL.</exception>
    public static string NormalizeUrl(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
            || !string.IsNullOrEmpty(uri.UserInfo))
            throw new PackException($"--url must be an http(s) address such as {DefaultUrl}, not '{url}'");
        if (uri.AbsolutePath != "/" || uri.Query.Length > 0 || uri.Fragment.Length > 0)
            throw new PackException($"--url must be the dev host's address without a path, such as {DefaultUrl}, not '{url}'");
        return uri.GetLeftPart(UriPartial.Authority);
    }

    /// <summary>The loader's script.js for a dev host at <paramref name="url"/> (see <see cref="NormalizeUrl"/>) and an upload
    /// hash: an AMD module whose one dependency is the live widget the dev host serves, with a probe before it that tells the
    /// developer, in the console and on the page, when the dev host cannot be reached.</summary>
    public static string Script(string url, string uploadHash, string? widgetName = null)
    {
        string host = NormalizeUrl(url);
        string live = host + LivePath + "?" + HashParameter + "=" + uploadHash;
        string name = string.IsNullOrWhiteSpace(widgetName) ? "the widget" : "\"" + widgetName.Replace("*/", "* /", StringComparison.Ordinal) + "\"";
        string js = JsString(host);
        var uri = new Uri(host);
        string start = uri.IsLoopback
            ? uri.Scheme == Uri.UriSchemeHttps ? $"kommo-widget dev --https-port {uri.Port}" : $"kommo-widget dev --port {uri.Port}"
            : $"kommo-widget dev, reachable at {host}";
        var text = $$"""
            /*
             * Loader made by `kommo-widget loader` for {{name}}: it loads the live widget from `kommo-widget dev` at {{host}}.
             * Upload it once as a private integration; after that every save shows after a page refresh.
             * It carries the widget's manifest.json, i18n/ and images/, which only an upload can change; their hash is below,
             * and `kommo-widget dev` says when they no longer match (then run `kommo-widget loader` and upload again).
             * {{HashMarker}}{{uploadHash}}
             */
            (function (devHost) {
              'use strict';
              // Before the widget loads: when the dev host does not answer, RequireJS fails quietly from the widget's view,
              // so say why in the console and on the page.
              function notice(text) {
                var show = function () {
                  var box = document.createElement('div');
                  box.className = 'kommo-widget-loader-notice';
                  box.setAttribute('role', 'alert');
                  box.style.cssText = 'position:fixed;z-index:2147483647;left:16px;right:16px;top:16px;padding:12px 44px 12px 16px;' +
                    'background:#fff4e5;color:#5f3b00;border:1px solid #f0a030;border-radius:4px;font:14px/1.45 sans-serif;box-shadow:0 2px 8px rgba(0,0,0,.2)';
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
              if (typeof window.fetch !== 'function') {
                return;
              }
              window.fetch(devHost + '{{PingPath}}', { mode: 'no-cors', cache: 'no-store', credentials: 'omit' }).then(null, function (error) {
                var text = 'kommo-widget loader: the dev host at ' + devHost + ' does not answer, so the widget cannot load. ' +
                  'Start it in the widget folder with: ' + {{JsString(start)}} + '. ' +
                  'If it is running, open ' + devHost + '/ in this browser once: its certificate must be trusted, ' +
                  'and the browser may ask to let this page reach apps on this device.';
                if (window.console) {
                  window.console.error(text, error);
                }
                notice(text);
              });
            }({{js}}));

            define([{{JsString(live)}}], function (LiveWidget) {
              return LiveWidget;
            });

            """;
        return text.Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    /// <summary>The loader widget for <paramref name="widget"/>: its <see cref="UploadFiles"/> and the loader <see cref="Script"/>;
    /// pack it with <see cref="WidgetPacker"/>.</summary>
    public static Widget Build(Widget widget, string url, PackOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(widget);
        var keep = UploadFiles(widget, options);
        var kept = new HashSet<string>(keep.Select(f => f.Path), StringComparer.Ordinal);
        var changes = new List<KeyValuePair<string, ReadOnlyMemory<byte>?>>();
        foreach (var file in widget.Files)
            if (!kept.Contains(file.Path)) changes.Add(new(file.Path, null));
        string? key = widget.Manifest?.WidgetBlock?.GetString("name");
        var english = widget.GetI18n("en") ?? widget.I18n.FirstOrDefault();
        string? name = key is null ? null : (english?.Resolve(key) as Parsing.Json.JString)?.Value ?? key;
        changes.Add(new("script.js", Encoding.UTF8.GetBytes(Script(url, UploadHash(widget, options), name))));
        return widget.WithFiles(changes);
    }

    /// <summary>The upload hash recorded in a loader's script.js, or null when the text is not a loader's.</summary>
    public static string? RecordedHash(string script)
    {
        ArgumentNullException.ThrowIfNull(script);
        int at = script.IndexOf(HashMarker, StringComparison.Ordinal);
        if (at < 0) return null;
        int start = at + HashMarker.Length, end = start;
        while (end < script.Length && Uri.IsHexDigit(script[end])) end++;
        return end - start == 64 ? script[start..end] : null;
    }

    private static string JsString(string value)
    {
        var sb = new StringBuilder("'");
        foreach (char c in value)
        {
            if (c is '\'' or '\\') sb.Append('\\').Append(c);
            else if (c < ' ' || c == '<') sb.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
            else sb.Append(c);
        }
        return sb.Append('\'').ToString();
    }
}
