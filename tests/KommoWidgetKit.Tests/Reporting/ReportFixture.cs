using KommoWidgetKit.Diagnostics;
using KommoWidgetKit.Model;
using KommoWidgetKit.Reporting;
using KommoWidgetKit.Validation;

namespace KommoWidgetKit.Tests.Reporting;

/// <summary>A small fixed result with rules of its own, so golden files do not change when the real catalog grows.</summary>
internal static class ReportFixture
{
    public static readonly DiagnosticDescriptor BadJson = new(
        "KW1999", "golden-bad-json", "Golden: manifest value is wrong", "{0}", RuleCategory.Manifest, Severity.Error);

    public static readonly DiagnosticDescriptor MissingKey = new(
        "KW3999", "golden-missing-key", "Golden: i18n key is missing", "{0}", RuleCategory.I18n, Severity.Warning, PlatformScope.Kommo, ProfileScope.Public);

    public static readonly DiagnosticDescriptor Junk = new(
        "KW6999", "golden-junk", "Golden: junk file", "{0}", RuleCategory.Archive, Severity.Info, PlatformScope.AmoCrm, ProfileScope.Private);

    public static IReadOnlyList<DiagnosticDescriptor> Rules { get; } = [BadJson, MissingKey, Junk];

    public static ReportOptions Options(bool color = false) => new() { ToolVersion = "9.9.9-test+abc123", Rules = Rules, Color = color };

    /// <summary>Findings in and around files, with text that needs escaping in every format.</summary>
    public static ValidationResult Result()
    {
        List<Diagnostic> list =
        [
            new Diagnostic(Junk, Severity.Info, "the whole archive is odd", SourceSpan.File("")),
            new Diagnostic(Junk, Severity.Warning, "'.DS_Store' is macOS folder metadata", SourceSpan.File(".DS_Store")),
            new Diagnostic(MissingKey, Severity.Warning, "key \"settings.login\" is missing: 50% done,\nsee en.json", new SourceSpan("i18n/es.json", 2, 3, 2, 12, "/settings")),
            new Diagnostic(Junk, Severity.Info, "a file name with a space", SourceSpan.File("images/logo copy.png")),
            new Diagnostic(BadJson, Severity.Error, "\"interface_version\" must be 2, not \"2\"", new SourceSpan("manifest.json", 3, 5, 3, 28, "/widget/interface_version")),
            new Diagnostic(BadJson, Severity.Error, "description spans lines — Описание", new SourceSpan("manifest.json", 7, 20, 9, 4, "/widget/description")),
        ];
        list.Sort(Diagnostic.Compare);
        return new ValidationResult(list, WidgetPlatform.Kommo, WidgetProfile.Private);
    }

    public static ValidationResult Clean() => new([], WidgetPlatform.AmoCrm, WidgetProfile.Public);

    public static ReportSource Folder { get; } = new()
    {
        DisplayPath = "samples/hello",
        RepositoryPath = "samples/hello",
        RepositoryRootUri = "file:///repo/",
        FullPath = "/repo/samples/hello",
    };

    public static ReportSource Zip { get; } = new()
    {
        DisplayPath = "dist/widget.zip",
        RepositoryPath = "dist/widget.zip",
        RepositoryRootUri = "file:///repo/",
        FullPath = "/repo/dist/widget.zip",
        IsArchive = true,
    };

    public static string Render(ReportFormat format, ValidationResult result, ReportSource source, bool color = false)
    {
        var writer = new StringWriter { NewLine = "\n" };
        WidgetReporter.Write(writer, result, source, format, Options(color));
        return writer.ToString();
    }
}
