using KommoWidgetKit.Diagnostics;
using KommoWidgetKit.Tests.Support;
using KommoWidgetKit.Validation;

namespace KommoWidgetKit.Tests.Rules.Manifest;

/// <summary>Helpers for the manifest rule tests.</summary>
internal static class ManifestRuleTestKit
{
    /// <summary>The IDs of the manifest-content rules (KW1004–KW1099).</summary>
    public static IReadOnlyList<string> ContentRuleIds { get; } = RuleCatalog.All
        .Select(r => r.Descriptor.Id)
        .Where(id => string.CompareOrdinal(id, "KW1004") >= 0 && string.CompareOrdinal(id, "KW1099") <= 0)
        .ToList();

    /// <summary>1-based line and column of the <paramref name="occurrence"/>-th <paramref name="needle"/> in a text, found by plain search.</summary>
    public static (int Line, int Column) Locate(string text, string needle, int occurrence = 1)
    {
        int index = -1;
        for (int i = 0; i < occurrence; i++)
        {
            index = text.IndexOf(needle, index + 1, StringComparison.Ordinal);
            Assert.True(index >= 0, $"'{needle}' (occurrence {occurrence}) not found");
        }
        int line = 1, lineStart = 0;
        for (int i = 0; i < index; i++)
            if (text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        return (line, index - lineStart + 1);
    }

    /// <summary>The widget's manifest text.</summary>
    public static string ManifestText(TestWidget widget) => System.Text.Encoding.UTF8.GetString(widget.Files["manifest.json"]);

    /// <summary>Asserts that the finding starts where <paramref name="needle"/> stands in the manifest.</summary>
    public static void AssertAt(TestWidget widget, Diagnostic d, string needle, int occurrence = 1)
    {
        Assert.Equal("manifest.json", d.Span.Path);
        Assert.Equal(Locate(ManifestText(widget), needle, occurrence), (d.Span.StartLine, d.Span.StartColumn));
    }

    /// <summary>The widget with a whole new manifest.</summary>
    public static TestWidget WithManifest(string manifest) => TestWidget.Valid().Set("manifest.json", manifest);

    /// <summary>The valid widget with its locations (line 13) replaced; items start at column 17.</summary>
    public static TestWidget WithLocations(params string[] locations) =>
        TestWidget.Valid().EditManifest("\"locations\": [\"lcard-1\", \"settings\"]",
            "\"locations\": [" + string.Join(", ", locations.Select(l => "\"" + l + "\"")) + "]");

    /// <summary>The valid widget's single settings field (line 20).</summary>
    public const string ApiKeyField = "    \"api_key\": { \"name\": \"settings.api_key\", \"type\": \"text\", \"required\": true }";

    /// <summary>The valid widget with its settings fields (from line 20 on) replaced by <paramref name="fields"/>, one per line.</summary>
    public static TestWidget WithSettings(params string[] fields) =>
        TestWidget.Valid().EditManifest(ApiKeyField, string.Join(",\n", fields.Select(f => "    " + f)));

    /// <summary>The valid widget with extra top-level members inserted as line 19 (before "settings") and, when given, new locations.</summary>
    public static TestWidget WithBlocks(string members, params string[] locations)
    {
        var w = locations.Length > 0 ? WithLocations(locations) : TestWidget.Valid();
        return w.EditManifest("  \"settings\": {", "  " + members + ",\n  \"settings\": {");
    }

    /// <summary>The folder holding KommoWidgetKit.slnx, found by walking up from the test binaries.</summary>
    public static string? RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "KommoWidgetKit.slnx"))) return dir.FullName;
        return null;
    }
}
