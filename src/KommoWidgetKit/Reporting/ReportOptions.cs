namespace KommoWidgetKit.Reporting;

/// <summary>How a report is written.</summary>
public sealed record ReportOptions
{
    /// <summary>The tool name shown in JSON and SARIF output.</summary>
    public string ToolName { get; init; } = "kommo-widget";

    /// <summary>The tool version shown in JSON and SARIF output; defaults to this library's version.</summary>
    public string ToolVersion { get; init; } = LibraryVersion;

    /// <summary>The tool's home page, for SARIF's <c>informationUri</c>.</summary>
    public string InformationUri { get; init; } = "https://github.com/kommo-widget-kit/kommo-widget-kit";

    /// <summary>Whether text output may use ANSI colours (the caller decides: a terminal, and NO_COLOR unset).</summary>
    public bool Color { get; init; }

    /// <summary>The rules SARIF lists in <c>tool.driver.rules</c>; null means every rule of <see cref="Validation.RuleCatalog"/>.</summary>
    public IReadOnlyList<Diagnostics.DiagnosticDescriptor>? Rules { get; init; }

    /// <summary>The default options.</summary>
    public static ReportOptions Default { get; } = new();

    /// <summary>The informational version of this library without build metadata (<c>0.1.0</c>, not <c>0.1.0+abc123</c>).</summary>
    public static string LibraryVersion => StripMetadata(BuildVersion.Informational);

    /// <summary>Drops SemVer build metadata (<c>+…</c>) from a version.</summary>
    public static string StripMetadata(string version)
    {
        int plus = version.IndexOf('+');
        return plus < 0 ? version : version[..plus];
    }
}
