using KommoWidgetKit.Diagnostics;
using KommoWidgetKit.Parsing.Json;

namespace KommoWidgetKit.Validation.Rules.Manifest;

/// <summary>KW1004: a documented manifest key holds a value of the wrong JSON type.</summary>
/// <remarks>
/// <c>init_once</c> written as a string or number is left to KW1083 (it works), <c>tour.is_tour</c> to KW1061 and
/// left-menu <c>sort</c> values to KW1050, so one value never gets two findings.
/// </remarks>
public sealed class ManifestWrongTypeRule : WidgetRule
{
    /// <summary>The rule's descriptor.</summary>
    public static readonly DiagnosticDescriptor Rule = new(
        RuleIds.ManifestWrongType, "manifest-wrong-type", "A manifest key has the wrong JSON type",
        "{0} must be {1}, not {2}{3}", RuleCategory.Manifest, Severity.Error);

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => Rule;

    private const string Obj = "an object", Arr = "an array", Str = "a string", Num = "a number", Bool = "a boolean";

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        var root = context.Manifest?.Root;
        if (root is null) return;

        foreach (var key in new[] { "widget", "tour", "settings", "dp", "advanced", "salesbot_designer", "sms", "mobile", "left_menu", "amoforms_settings" })
            Expect(context, root[key], JKind.Object);
        if (Expect(context, root["locations"], JKind.Array) is JArray locations)
            foreach (var item in locations.Items) Expect(context, item, JKind.String);

        if (root["widget"] is JObject widget) CheckWidget(context, widget);
        if (root["tour"] is JObject tour) CheckTour(context, tour);
        if (root["settings"] is JObject settings) CheckFields(context, settings);
        if (root["dp"] is JObject dp)
        {
            if (Expect(context, dp["settings"], JKind.Object) is JObject dps) CheckFields(context, dps);
            Expect(context, dp["action_multiple"], JKind.Boolean);
            Expect(context, dp["webhook_url"], JKind.String);
        }
        if (root["advanced"] is JObject advanced) Expect(context, advanced["title"], JKind.String);
        if (root["salesbot_designer"] is JObject salesbot) CheckSalesbot(context, salesbot);
        if (root["sms"] is JObject sms) Expect(context, sms["endpoint"], JKind.String);
        if (root["mobile"] is JObject mobile)
        {
            Expect(context, mobile["frame_url"], JKind.String);
            Expect(context, mobile["color"], JKind.String);
        }
        if (root["left_menu"] is JObject leftMenu) CheckLeftMenu(context, leftMenu);
    }

    private static void CheckWidget(RuleContext context, JObject widget)
    {
        foreach (var key in new[] { "name", "description", "short_description", "version", "code", "secret_key" })
            Expect(context, widget[key], JKind.String);
        Expect(context, widget["interface_version"], JKind.Number,
            widget["interface_version"] is JString ? " (write 2 without quotes)" : "");
        // Strings and numbers are read by Kommo and are KW1083's business.
        if (widget["init_once"] is { Kind: not (JKind.String or JKind.Number) } initOnce) Expect(context, initOnce, JKind.Boolean);
        var installation = widget["installation"];
        Expect(context, installation, JKind.Boolean, installation is JString s
            ? $" (Kommo's backend may read \"{s.Value}\" as {(ManifestFacts.IsInstallationOn(s) ? "true" : "false")}, but the documented type is boolean)"
            : "");
        var locale = widget["locale"];
        if (Expect(context, locale, JKind.Array, locale is JString ls ? $" (write [\"{ls.Value}\"])" : "") is JArray locales)
            foreach (var item in locales.Items) Expect(context, item, JKind.String);
        if (Expect(context, widget["support"], JKind.Object) is JObject support)
        {
            Expect(context, support["link"], JKind.String);
            Expect(context, support["email"], JKind.String);
        }
    }

    private static void CheckTour(RuleContext context, JObject tour)
    {
        Expect(context, tour["tour_description"], JKind.String);
        if (Expect(context, tour["tour_images"], JKind.Object) is not JObject images) return;
        foreach (var lang in images.DistinctProperties)
            if (Expect(context, lang.Value, JKind.Array, lang.Value is JString ? " (a list of image paths)" : "") is JArray paths)
                foreach (var path in paths.Items) Expect(context, path, JKind.String);
    }

    private static void CheckFields(RuleContext context, JObject block)
    {
        foreach (var field in block.DistinctProperties)
        {
            if (Expect(context, field.Value, JKind.Object) is not JObject f) continue;
            Expect(context, f["name"], JKind.String);
            Expect(context, f["type"], JKind.String);
            var required = f["required"];
            Expect(context, required, JKind.Boolean, required is JString rs ? $" (write {(rs.Value is "true" or "Y" or "1" ? "true" : "false")} without quotes)" : "");
        }
    }

    private static void CheckSalesbot(RuleContext context, JObject salesbot)
    {
        foreach (var handler in salesbot.DistinctProperties)
        {
            if (handler.Name == "logo")
            {
                Expect(context, handler.Value, JKind.String);
                continue;
            }
            if (Expect(context, handler.Value, JKind.Object) is not JObject h) continue;
            Expect(context, h["name"], JKind.String);
            if (Expect(context, h["settings"], JKind.Object) is not JObject hs) continue;
            foreach (var field in hs.DistinctProperties)
            {
                if (Expect(context, field.Value, JKind.Object) is not JObject f) continue;
                Expect(context, f["name"], JKind.String);
                Expect(context, f["type"], JKind.String);
                Expect(context, f["default_value"], JKind.String);
                Expect(context, f["manual"], JKind.Boolean);
            }
        }
    }

    private static void CheckLeftMenu(RuleContext context, JObject leftMenu)
    {
        foreach (var item in leftMenu.DistinctProperties)
        {
            if (Expect(context, item.Value, JKind.Object) is not JObject io) continue;
            Expect(context, io["title"], JKind.String);
            Expect(context, io["icon"], JKind.String);
            Expect(context, io["is_hidden"], JKind.Boolean);
            if (Expect(context, io["submenu"], JKind.Object) is not JObject submenu) continue;
            foreach (var sub in submenu.DistinctProperties)
                if (Expect(context, sub.Value, JKind.Object) is JObject so)
                    Expect(context, so["title"], JKind.String);
        }
    }

    /// <summary>Reports <paramref name="node"/> when present with another type; returns it when the type matches.</summary>
    private static JNode? Expect(RuleContext context, JNode? node, JKind kind, string hint = "")
    {
        if (node is null) return null;
        if (node.Kind == kind) return node;
        context.Report(Rule, node.Span, ManifestFacts.DisplayPath(node), Article(kind), node.KindName + (node.Kind is JKind.Object or JKind.Array or JKind.Null ? "" : " " + node.Display), hint);
        return null;
    }

    private static string Article(JKind kind) => kind switch
    {
        JKind.Object => Obj,
        JKind.Array => Arr,
        JKind.String => Str,
        JKind.Number => Num,
        _ => Bool,
    };
}
