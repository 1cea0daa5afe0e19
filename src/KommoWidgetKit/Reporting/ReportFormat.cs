namespace KommoWidgetKit.Reporting;

/// <summary>The output formats of a validation report.</summary>
public enum ReportFormat
{
    /// <summary>One line per finding (<c>path:line:col: severity KWnnnn: message</c>) and a summary line.</summary>
    Text,
    /// <summary>A stable JSON document for scripts and editors.</summary>
    Json,
    /// <summary>SARIF 2.1.0, as GitHub code scanning and other viewers read it.</summary>
    Sarif,
    /// <summary>GitHub Actions workflow commands that annotate files in a pull request.</summary>
    GitHub,
}

/// <summary>Names of <see cref="ReportFormat"/> values as users type them.</summary>
public static class ReportFormatNames
{
    /// <summary>Every format name, in the order help lists them.</summary>
    public static readonly IReadOnlyList<string> All = ["text", "json", "sarif", "github"];

    /// <summary>The lower-case name of a format.</summary>
    public static string ToName(this ReportFormat format) => format switch
    {
        ReportFormat.Json => "json",
        ReportFormat.Sarif => "sarif",
        ReportFormat.GitHub => "github",
        _ => "text",
    };

    /// <summary>Reads a format name; false when the text names no format.</summary>
    public static bool TryParse(string? text, out ReportFormat format)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "text": format = ReportFormat.Text; return true;
            case "json": format = ReportFormat.Json; return true;
            case "sarif": format = ReportFormat.Sarif; return true;
            case "github": format = ReportFormat.GitHub; return true;
            default: format = ReportFormat.Text; return false;
        }
    }
}
