using KommoWidgetKit.Diagnostics;
using KommoWidgetKit.Validation;

namespace KommoWidgetKit.Reporting;

/// <summary>Plain text: <c>path:line:col: severity KWnnnn: message</c> per finding, then a summary line.</summary>
public static class TextReportFormatter
{
    private const string Reset = "\e[0m", Bold = "\e[1m", Dim = "\e[2m", Red = "\e[31m", Green = "\e[32m", Yellow = "\e[33m", Cyan = "\e[36m";

    /// <summary>Writes the report.</summary>
    public static void Write(TextWriter writer, ValidationResult result, ReportSource source, ReportOptions options)
    {
        bool color = options.Color;
        string Paint(string text, string code) => color ? code + text + Reset : text;

        foreach (var d in result.Diagnostics)
        {
            string where = source.Display(d.Span.Path);
            if (d.Span.HasPosition) where += $":{d.Span.StartLine}:{d.Span.StartColumn}";
            string severity = d.Severity.ToName();
            writer.Write(Paint(where + ":", Bold));
            writer.Write(' ');
            writer.Write(Paint(severity, SeverityColor(d.Severity)));
            writer.Write(' ');
            writer.Write(Paint(d.Id, Dim));
            writer.Write(": ");
            writer.Write(OneLine(d.Message));
            writer.Write('\n');
        }
        writer.Write(Summary(result, source, color));
        writer.Write('\n');
    }

    /// <summary>The summary line, e.g. <c>✖ 2 errors, 1 warning in samples/hello (platform kommo, profile private)</c>.</summary>
    public static string Summary(ValidationResult result, ReportSource source, bool color = false)
    {
        int errors = result.ErrorCount, warnings = result.WarningCount, infos = result.InfoCount;
        string context = $" in {source.DisplayPath} (platform {WidgetReporter.PlatformName(result.Platform)}, profile {WidgetReporter.ProfileName(result.Profile)})";
        if (errors + warnings + infos == 0)
            return (color ? Green + "✔" + Reset : "✔") + " no problems" + context;

        var parts = new List<string>(3);
        if (errors > 0) parts.Add(WidgetReporter.Count(errors, "error"));
        if (warnings > 0) parts.Add(WidgetReporter.Count(warnings, "warning"));
        if (infos > 0) parts.Add(WidgetReporter.Count(infos, "info"));
        string mark = errors + warnings > 0 ? "✖" : "ℹ";
        string markColor = errors > 0 ? Red : warnings > 0 ? Yellow : Cyan;
        return (color ? Bold + markColor + mark + " " + string.Join(", ", parts) + Reset : mark + " " + string.Join(", ", parts)) + context;
    }

    private static string SeverityColor(Severity severity) => severity switch
    {
        Severity.Error => Red,
        Severity.Warning => Yellow,
        _ => Cyan,
    };

    // A message is one line in text output so that line-based tools (grep, editors' problem matchers) keep working.
    private static string OneLine(string message) =>
        message.Contains('\n') || message.Contains('\r') ? message.Replace("\r\n", " ").Replace('\n', ' ').Replace('\r', ' ') : message;
}
