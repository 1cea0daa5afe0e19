using KommoWidgetKit.Diagnostics;
using KommoWidgetKit.Model;
using KommoWidgetKit.Parsing.Json;

namespace KommoWidgetKit.Validation;

/// <summary>The optional per-widget configuration file at the widget root; <c>pack</c> never ships it.</summary>
/// <remarks>Shape: <c>{ "platform": "kommo"|"amocrm", "profile": "private"|"public", "rules": { "KW1032": "off", "version-missing": "error" },
/// "dev": { "settings": { "api_key": "…" }, "installed": true } }</c>.</remarks>
public sealed record WidgetConfig(WidgetPlatform? Platform, WidgetProfile? Profile, IReadOnlyDictionary<string, Severity> Rules, IReadOnlyList<(SourceSpan Span, string Problem)> Problems)
{
    /// <summary>The <c>dev</c> block for <c>kommo-widget dev</c>, or null when the file has none (or it has problems,
    /// which are in <see cref="Problems"/>).</summary>
    public DevConfig? Dev { get; init; }

    /// <summary>The file name looked up at the widget root.</summary>
    public const string FileName = "kommo-widget.json";

    /// <summary>An empty configuration.</summary>
    public static WidgetConfig Empty { get; } = new(null, null, new Dictionary<string, Severity>(), []);

    /// <summary>Reads the configuration from the widget's files; problems are collected, never thrown.</summary>
    public static WidgetConfig Read(Widget widget)
    {
        var file = widget.GetFile(FileName);
        if (file is null) return Empty;
        var problems = new List<(SourceSpan, string)>();
        var parsed = JsonParser.Parse(file.Path, file.Content);
        foreach (var issue in parsed.Issues.Where(i => i.Kind is JsonIssueKind.Syntax or JsonIssueKind.Empty or JsonIssueKind.TooDeep or JsonIssueKind.InvalidUtf8))
            problems.Add((issue.Span, issue.Detail));
        if (parsed.Root is not JObject root)
        {
            if (parsed.Root is not null) problems.Add((parsed.Root.Span, "the configuration must be a JSON object"));
            return Empty with { Problems = problems };
        }
        WidgetPlatform? platform = null;
        WidgetProfile? profile = null;
        var rules = new Dictionary<string, Severity>(StringComparer.OrdinalIgnoreCase);
        DevConfig? dev = null;
        foreach (var p in root.DistinctProperties)
        {
            switch (p.Name)
            {
                case "platform":
                    if (p.Value is JString ps && Locales.TryParsePlatform(ps.Value, out var pl)) platform = pl;
                    else problems.Add((p.Value.Span, "\"platform\" must be \"kommo\" or \"amocrm\""));
                    break;
                case "profile":
                    if (p.Value is JString pr && Locales.TryParseProfile(pr.Value, out var pf)) profile = pf;
                    else problems.Add((p.Value.Span, "\"profile\" must be \"private\" or \"public\""));
                    break;
                case "rules":
                    if (p.Value is not JObject ro)
                    {
                        problems.Add((p.Value.Span, "\"rules\" must be an object of rule ID to severity"));
                        break;
                    }
                    foreach (var r in ro.DistinctProperties)
                    {
                        if (RuleCatalog.Find(r.Name) is null)
                            problems.Add((r.NameSpan, $"unknown rule \"{r.Name}\""));
                        else if (r.Value is JString sv && SeverityNames.TryParse(sv.Value, out var sev))
                            rules[RuleCatalog.Find(r.Name)!.Descriptor.Id] = sev;
                        else
                            problems.Add((r.Value.Span, $"severity of \"{r.Name}\" must be \"off\", \"info\", \"warning\" or \"error\""));
                    }
                    break;
                case "dev":
                    dev = DevConfig.Read(p, widget.Manifest, problems);
                    break;
                case "$schema":
                    break;
                default:
                    problems.Add((p.NameSpan, $"unknown setting \"{p.Name}\" (expected platform, profile, rules or dev)"));
                    break;
            }
        }
        return new WidgetConfig(platform, profile, rules, problems) { Dev = dev };
    }
}
