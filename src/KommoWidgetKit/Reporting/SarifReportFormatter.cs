using System.Text.Json;
using KommoWidgetKit.Diagnostics;
using KommoWidgetKit.Validation;

namespace KommoWidgetKit.Reporting;

/// <summary>SARIF 2.1.0 with one run, every rule of <see cref="RuleCatalog"/> and repository-relative locations, as GitHub code scanning loads it.</summary>
public static class SarifReportFormatter
{
    /// <summary>The schema address written in <c>$schema</c>.</summary>
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";

    /// <summary>The base ID relative artifact URIs are resolved against (the repository root).</summary>
    public const string SourceRootId = "%SRCROOT%";

    /// <summary>Writes the report.</summary>
    public static void Write(TextWriter writer, ValidationResult result, ReportSource source, ReportOptions options)
    {
        var rules = options.Rules ?? RuleCatalog.All.Select(r => r.Descriptor).ToList();
        var ruleIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < rules.Count; i++) ruleIndex.TryAdd(rules[i].Id, i);

        JsonOutput.Write(writer, json =>
        {
            json.WriteStartObject();
            json.WriteString("$schema", SchemaUri);
            json.WriteString("version", "2.1.0");
            json.WriteStartArray("runs");
            json.WriteStartObject();

            json.WriteStartObject("tool");
            json.WriteStartObject("driver");
            json.WriteString("name", options.ToolName);
            json.WriteString("version", options.ToolVersion);
            json.WriteString("semanticVersion", ReportOptions.StripMetadata(options.ToolVersion));
            json.WriteString("informationUri", options.InformationUri);
            json.WriteStartArray("rules");
            foreach (var rule in rules) WriteRule(json, rule);
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();

            json.WriteStartObject("originalUriBaseIds");
            json.WriteStartObject(SourceRootId);
            if (source.RepositoryRootUri is not null) json.WriteString("uri", source.RepositoryRootUri);
            json.WriteStartObject("description");
            json.WriteString("text", "The root of the repository that holds the widget.");
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndObject();

            json.WriteString("columnKind", "utf16CodeUnits");

            json.WriteStartArray("results");
            foreach (var d in result.Diagnostics) WriteResult(json, d, source, ruleIndex);
            json.WriteEndArray();

            json.WriteStartObject("properties");
            json.WriteString("source", source.DisplayPath);
            json.WriteString("platform", WidgetReporter.PlatformName(result.Platform));
            json.WriteString("profile", WidgetReporter.ProfileName(result.Profile));
            json.WriteEndObject();

            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        });
    }

    /// <summary>The SARIF level of a severity: error, warning, note (or none when off).</summary>
    public static string Level(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        Severity.Info => "note",
        _ => "none",
    };

    private static void WriteRule(Utf8JsonWriter json, DiagnosticDescriptor d)
    {
        json.WriteStartObject();
        json.WriteString("id", d.Id);
        json.WriteString("name", d.Name);
        json.WriteStartObject("shortDescription");
        json.WriteString("text", d.Title);
        json.WriteEndObject();
        json.WriteStartObject("fullDescription");
        json.WriteString("text", $"{d.Title} ({d.Id} {d.Name}; {WidgetReporter.CategoryName(d.Category)}, default {d.DefaultSeverity.ToName()}, " +
                                 $"platform {WidgetReporter.ScopeName(d.Platforms)}, profile {WidgetReporter.ScopeName(d.Profiles)}).");
        json.WriteEndObject();
        json.WriteString("helpUri", d.HelpUri);
        json.WriteStartObject("help");
        json.WriteString("text", $"{d.Title}. Why it matters and how to fix it: {d.HelpUri}");
        json.WriteString("markdown", $"**{d.Title}**\n\nWhy it matters and how to fix it: [{d.Id}]({d.HelpUri})");
        json.WriteEndObject();
        json.WriteStartObject("defaultConfiguration");
        json.WriteString("level", Level(d.DefaultSeverity));
        json.WriteEndObject();
        json.WriteStartObject("properties");
        json.WriteString("category", WidgetReporter.CategoryName(d.Category));
        json.WriteString("platform", WidgetReporter.ScopeName(d.Platforms));
        json.WriteString("profile", WidgetReporter.ScopeName(d.Profiles));
        json.WriteStartArray("tags");
        json.WriteStringValue("kommo-widget");
        json.WriteStringValue(WidgetReporter.CategoryName(d.Category));
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteResult(Utf8JsonWriter json, Diagnostic d, ReportSource source, Dictionary<string, int> ruleIndex)
    {
        var span = d.Span;
        json.WriteStartObject();
        json.WriteString("ruleId", d.Id);
        if (ruleIndex.TryGetValue(d.Id, out int index)) json.WriteNumber("ruleIndex", index);
        json.WriteString("level", Level(d.Severity));
        json.WriteStartObject("message");
        // Inside an archive GitHub can only point at the zip itself, so the entry and position go into the text.
        string text = source.IsArchive ? source.ArchivePrefix(span) + d.Message : d.Message;
        json.WriteString("text", text);
        json.WriteEndObject();

        json.WriteStartArray("locations");
        json.WriteStartObject();
        json.WriteStartObject("physicalLocation");
        json.WriteStartObject("artifactLocation");
        var (uri, relative) = source.ArtifactUri(span.Path);
        json.WriteString("uri", uri);
        if (relative) json.WriteString("uriBaseId", SourceRootId);
        json.WriteEndObject();
        if (span.HasPosition && !source.IsArchive)
        {
            json.WriteStartObject("region");
            json.WriteNumber("startLine", span.StartLine);
            if (span.StartColumn > 0) json.WriteNumber("startColumn", span.StartColumn);
            if (span.EndLine >= span.StartLine)
            {
                json.WriteNumber("endLine", span.EndLine);
                if (span.EndColumn > 0 && (span.EndLine > span.StartLine || span.EndColumn >= span.StartColumn))
                    json.WriteNumber("endColumn", span.EndColumn);
            }
            json.WriteEndObject();
        }
        json.WriteEndObject();
        if (span.JsonPointer is not null)
        {
            // The JSON pointer names the element the finding is about; SARIF keeps it as a logical location.
            json.WriteStartArray("logicalLocations");
            json.WriteStartObject();
            json.WriteString("fullyQualifiedName", span.JsonPointer.Length == 0 ? "/" : span.JsonPointer);
            json.WriteEndObject();
            json.WriteEndArray();
        }
        json.WriteEndObject();
        json.WriteEndArray();

        json.WriteStartObject("properties");
        json.WriteString("ruleName", d.Descriptor.Name);
        json.WriteString("severity", d.Severity.ToName());
        json.WriteEndObject();
        json.WriteEndObject();
    }
}
