using KommoWidgetKit.Diagnostics;
using KommoWidgetKit.Model;
using KommoWidgetKit.Tests.Support;
using KommoWidgetKit.Validation;

namespace KommoWidgetKit.Tests.Rules;

/// <summary>Checks the script, i18n, image, template and text-file rules (KW2xxx–KW5xxx, KW6005–KW6010) as a set.</summary>
public class OtherRulesCatalogTests
{
    private static bool IsOurs(string id) =>
        id[2] is '2' or '3' or '4' or '5' || string.CompareOrdinal(id, "KW6005") >= 0 && string.CompareOrdinal(id, "KW6010") <= 0;

    public static TheoryData<string> OurIds()
    {
        var data = new TheoryData<string>();
        foreach (var rule in RuleCatalog.All.Where(r => IsOurs(r.Descriptor.Id))) data.Add(rule.Descriptor.Id);
        return data;
    }

    [Theory]
    [InlineData(WidgetProfile.Private)]
    [InlineData(WidgetProfile.Public)]
    public void Valid_widget_has_no_findings_from_these_rules(WidgetProfile profile)
    {
        var found = TestWidget.Valid().Validate(profile).Diagnostics.Where(d => IsOurs(d.Id)).Select(d => $"{d.Span} {d.Id} {d.Message}");
        Assert.Empty(found);
    }

    [Fact]
    public void All_rules_of_the_areas_are_registered_with_unique_ids_and_names()
    {
        var ours = RuleCatalog.All.Where(r => IsOurs(r.Descriptor.Id)).ToList();
        Assert.Equal(40, ours.Count);
        Assert.Equal(RuleCatalog.All.Count, RuleCatalog.All.Select(r => r.Descriptor.Id).Distinct().Count());
        Assert.Equal(RuleCatalog.All.Count, RuleCatalog.All.Select(r => r.Descriptor.Name).Distinct().Count());
        Assert.All(ours, r => Assert.Matches("^[a-z0-9]+(-[a-z0-9]+)*$", r.Descriptor.Name));
    }

    [Theory]
    [MemberData(nameof(OurIds))]
    public void Rule_has_a_matching_doc_page_and_a_test_file(string id)
    {
        var rule = RuleCatalog.Find(id)!;
        var d = rule.Descriptor;
        string doc = Path.Combine(RepoPaths.Root, "docs", "rules", id + ".md");
        Assert.True(File.Exists(doc), "missing " + doc);
        var lines = File.ReadAllLines(doc);
        Assert.Equal($"# {id} {d.Name}", lines[0]);
        string row = lines.First(l => l.StartsWith("| ", StringComparison.Ordinal) && !l.StartsWith("| Severity", StringComparison.Ordinal));
        Assert.StartsWith($"| {d.DefaultSeverity.ToName()} | ", row);
        string profiles = d.Profiles switch { ProfileScope.Public => "public", ProfileScope.Private => "private", _ => "private, public" };
        Assert.EndsWith($"| {profiles} |", row);

        string area = rule.GetType().Namespace!.Split('.')[^1];
        string test = Path.Combine(RepoPaths.Root, "tests", "KommoWidgetKit.Tests", "Rules", area, rule.GetType().Name + "Tests.cs");
        Assert.True(File.Exists(test), "missing " + test);
    }
}
