using KommoWidgetKit.Diagnostics;
using KommoWidgetKit.Model;
using KommoWidgetKit.Validation;

namespace KommoWidgetKit.Reporting;

/// <summary>Writes a <see cref="ValidationResult"/> in one of the <see cref="ReportFormat"/>s.</summary>
public static class WidgetReporter
{
    /// <summary>Writes the report of <paramref name="result"/> for the widget at <paramref name="source"/> to <paramref name="writer"/>.</summary>
    public static void Write(TextWriter writer, ValidationResult result, ReportSource source, ReportFormat format, ReportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(source);
        options ??= ReportOptions.Default;
        switch (format)
        {
            case ReportFormat.Json: JsonReportFormatter.Write(writer, result, source, options); break;
            case ReportFormat.Sarif: SarifReportFormatter.Write(writer, result, source, options); break;
            case ReportFormat.GitHub: GitHubReportFormatter.Write(writer, result, source, options); break;
            default: TextReportFormatter.Write(writer, result, source, options); break;
        }
    }

    /// <summary>The lower-case name of a platform (<c>kommo</c>, <c>amocrm</c>).</summary>
    public static string PlatformName(WidgetPlatform platform) => platform == WidgetPlatform.AmoCrm ? "amocrm" : "kommo";

    /// <summary>The lower-case name of a profile (<c>private</c>, <c>public</c>).</summary>
    public static string ProfileName(WidgetProfile profile) => profile == WidgetProfile.Public ? "public" : "private";

    /// <summary>The lower-case name of a rule category.</summary>
    public static string CategoryName(RuleCategory category) => category switch
    {
        RuleCategory.Manifest => "manifest",
        RuleCategory.Script => "script",
        RuleCategory.I18n => "i18n",
        RuleCategory.Images => "images",
        RuleCategory.Templates => "templates",
        _ => "archive",
    };

    /// <summary>Which platforms a rule applies to: <c>kommo</c>, <c>amocrm</c> or <c>both</c>.</summary>
    public static string ScopeName(PlatformScope scope) => scope switch
    {
        PlatformScope.Kommo => "kommo",
        PlatformScope.AmoCrm => "amocrm",
        _ => "both",
    };

    /// <summary>Which profiles a rule applies to: <c>private</c>, <c>public</c> or <c>both</c>.</summary>
    public static string ScopeName(ProfileScope scope) => scope switch
    {
        ProfileScope.Private => "private",
        ProfileScope.Public => "public",
        _ => "both",
    };

    /// <summary>"1 error", "2 warnings", "3 infos".</summary>
    internal static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";
}
