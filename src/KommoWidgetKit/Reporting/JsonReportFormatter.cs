using System.Text.Json;
using KommoWidgetKit.Diagnostics;
using KommoWidgetKit.Validation;

namespace KommoWidgetKit.Reporting;

/// <summary>A stable JSON document: tool, source, platform, profile, summary counts and every finding.</summary>
/// <remarks>Every key is always present (null when it does not apply), so consumers need no existence checks.
/// <c>path</c> is relative to the source folder or archive; <c>source</c> is the widget path as given.</remarks>
public static class JsonReportFormatter
{
    /// <summary>Writes the report.</summary>
    public static void Write(TextWriter writer, ValidationResult result, ReportSource source, ReportOptions options) =>
        JsonOutput.Write(writer, json =>
        {
            json.WriteStartObject();
            json.WriteStartObject("tool");
            json.WriteString("name", options.ToolName);
            json.WriteString("version", options.ToolVersion);
            json.WriteEndObject();
            json.WriteString("source", source.DisplayPath);
            json.WriteString("platform", WidgetReporter.PlatformName(result.Platform));
            json.WriteString("profile", WidgetReporter.ProfileName(result.Profile));
            json.WriteStartObject("summary");
            json.WriteNumber("errors", result.ErrorCount);
            json.WriteNumber("warnings", result.WarningCount);
            json.WriteNumber("infos", result.InfoCount);
            json.WriteEndObject();
            json.WriteStartArray("diagnostics");
            foreach (var d in result.Diagnostics) WriteDiagnostic(json, d, source);
            json.WriteEndArray();
            json.WriteEndObject();
        });

    private static void WriteDiagnostic(Utf8JsonWriter json, Diagnostic d, ReportSource source)
    {
        var span = d.Span;
        json.WriteStartObject();
        json.WriteString("id", d.Id);
        json.WriteString("name", d.Descriptor.Name);
        json.WriteString("severity", d.Severity.ToName());
        json.WriteString("message", d.Message);
        json.WriteString("path", source.InnerPath(span.Path));
        json.WritePositiveOrNull("line", span.StartLine);
        json.WritePositiveOrNull("column", span.StartColumn);
        json.WritePositiveOrNull("endLine", span.HasPosition ? span.EndLine : 0);
        json.WritePositiveOrNull("endColumn", span.HasPosition ? span.EndColumn : 0);
        if (span.JsonPointer is null) json.WriteNull("pointer");
        else json.WriteString("pointer", span.JsonPointer);
        json.WriteString("helpUri", d.Descriptor.HelpUri);
        json.WriteEndObject();
    }
}
