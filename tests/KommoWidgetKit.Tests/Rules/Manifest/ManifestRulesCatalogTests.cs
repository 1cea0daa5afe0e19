using System.Reflection;
using System.Text.RegularExpressions;
using KommoWidgetKit.Diagnostics;
using KommoWidgetKit.Model;
using KommoWidgetKit.Tests.Support;
using KommoWidgetKit.Validation;

namespace KommoWidgetKit.Tests.Rules.Manifest;

public partial class ManifestRulesCatalogTests
{
    private static IEnumerable<DiagnosticDescriptor> Descriptors =>
        RuleCatalog.All.Select(r => r.Descriptor).Where(d => ManifestRuleTestKit.ContentRuleIds.Contains(d.Id));

    [Theory]
    [InlineData(WidgetProfile.Private, WidgetPlatform.Kommo)]
    [InlineData(WidgetProfile.Public, WidgetPlatform.Kommo)]
    [InlineData(WidgetProfile.Private, WidgetPlatform.AmoCrm)]
    [InlineData(WidgetProfile.Public, WidgetPlatform.AmoCrm)]
    public void Valid_test_widget_has_no_manifest_findings(WidgetProfile profile, WidgetPlatform platform)
    {
        var found = TestWidget.Valid().Validate(profile, platform).Diagnostics.Where(d => ManifestRuleTestKit.ContentRuleIds.Contains(d.Id));
        Assert.Empty(found);
    }

    [Fact]
    public void Every_id_constant_in_the_range_has_one_registered_rule()
    {
        var constants = typeof(RuleIds).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!)
            .Where(id => string.CompareOrdinal(id, "KW1004") >= 0 && string.CompareOrdinal(id, "KW1099") <= 0)
            .Order(StringComparer.Ordinal).ToList();
        Assert.Equal(constants.Count, constants.Distinct().Count());
        Assert.Equal(constants, ManifestRuleTestKit.ContentRuleIds.Order(StringComparer.Ordinal));
        Assert.True(constants.Count >= 45, $"only {constants.Count} manifest rules registered");
    }

    [Fact]
    public void Descriptors_follow_the_conventions()
    {
        var names = new HashSet<string>();
        foreach (var d in Descriptors)
        {
            Assert.Equal(RuleCategory.Manifest, d.Category);
            Assert.Matches(KebabCase(), d.Name);
            Assert.True(names.Add(d.Name), $"{d.Id}: name {d.Name} is used twice");
            // Without placeholders the format is never passed through string.Format, so escaped braces would show.
            if (!d.MessageFormat.Contains("{0}", StringComparison.Ordinal))
                Assert.DoesNotContain("{{", d.MessageFormat, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Every_rule_has_a_doc_page_whose_header_and_table_match_the_descriptor()
    {
        var root = ManifestRuleTestKit.RepoRoot();
        Assert.NotNull(root);
        foreach (var d in Descriptors)
        {
            string path = Path.Combine(root, d.HelpPath);
            Assert.True(File.Exists(path), $"{d.HelpPath} is missing");
            string text = File.ReadAllText(path);
            Assert.StartsWith($"# {d.Id} {d.Name}\n", text);
            string row = $"| {d.DefaultSeverity.ToName()} | manifest | {Platforms(d.Platforms)} | {Profiles(d.Profiles)} |";
            Assert.True(text.Contains(row, StringComparison.Ordinal), $"{d.HelpPath}: table row should be {row}");
            foreach (var section in new[] { "## Why", "## Examples", "## How to fix" })
                Assert.True(text.Contains("\n" + section + "\n", StringComparison.Ordinal), $"{d.HelpPath}: no '{section}'");
        }
    }

    [Fact]
    public void Every_rule_has_a_test_class()
    {
        foreach (var rule in RuleCatalog.All.Where(r => ManifestRuleTestKit.ContentRuleIds.Contains(r.Descriptor.Id)))
        {
            string testName = typeof(ManifestRulesCatalogTests).Namespace + "." + rule.GetType().Name + "Tests";
            Assert.True(typeof(ManifestRulesCatalogTests).Assembly.GetType(testName) is not null, $"no {testName}");
        }
    }

    private static string Platforms(PlatformScope p) => p switch
    {
        PlatformScope.Kommo => "Kommo",
        PlatformScope.AmoCrm => "amoCRM",
        _ => "Kommo, amoCRM",
    };

    private static string Profiles(ProfileScope p) => p switch
    {
        ProfileScope.Private => "private",
        ProfileScope.Public => "public",
        _ => "private, public",
    };

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex KebabCase();
}
