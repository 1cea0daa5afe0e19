using KommoWidgetKit.Reporting;

namespace KommoWidgetKit.Cli;

/// <summary>The tool's version, read from the assembly's informational version (set by the build from <c>Version</c>).</summary>
public static class CliVersion
{
    /// <summary>The full informational version, e.g. <c>0.1.0+3f2a1c9</c>.</summary>
    public static string Informational { get; } = ReportOptions.InformationalVersion(typeof(CliVersion).Assembly);
}
