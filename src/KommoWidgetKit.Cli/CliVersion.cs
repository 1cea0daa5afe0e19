using KommoWidgetKit.Reporting;

namespace KommoWidgetKit.Cli;

/// <summary>The tool's version, the informational version the build stamps in (Directory.Build.targets).</summary>
public static class CliVersion
{
    /// <summary>The full informational version, e.g. <c>0.1.0+3f2a1c9</c>.</summary>
    public static string Informational => BuildVersion.Informational;
}
