using System.Reflection;
using System.Text.RegularExpressions;
using KommoWidgetKit.Diagnostics;
using KommoWidgetKit.Tests.Support;
using KommoWidgetKit.Validation;

namespace KommoWidgetKit.Tests.Catalog;

public partial class RuleCatalogTests
{
    private static readonly Dictionary<string, string> ConstantById = typeof(RuleIds)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral)
        .ToDictionary(f => (string)f.GetRawConstantValue()!, f => f.Name);

    [Fact]
    public void Ids_and_names_are_unique_well_formed_and_in_their_category_range()
    {
        var rules = RuleCatalog.All;
        Assert.NotEmpty(rules);
        Assert.Equal(rules.Count, rules.Select(r => r.Descriptor.Id).Distinct().Count());
        Assert.Equal(rules.Count, rules.Select(r => r.Descriptor.Name).Distinct().Count());
        foreach (var r in rules)
        {
            var d = r.Descriptor;
            Assert.Matches(IdPattern(), d.Id);
            Assert.Matches(NamePattern(), d.Name);
            Assert.False(string.IsNullOrWhiteSpace(d.Title), d.Id);
            Assert.NotEqual(Severity.Off, d.DefaultSeverity);
            char expected = d.Category switch
            {
                RuleCategory.Manifest => '1', RuleCategory.Script => '2', RuleCategory.I18n => '3',
                RuleCategory.Images => '4', RuleCategory.Templates => '5', _ => '6',
            };
            Assert.True(d.Id[2] == expected, $"{d.Id} is in category {d.Category}");
        }
    }

    [Fact]
    public void Every_id_constant_belongs_to_a_registered_rule()
    {
        var registered = RuleCatalog.All.Select(r => r.Descriptor.Id).ToHashSet();
        foreach (var (id, name) in ConstantById)
            Assert.True(registered.Contains(id), $"RuleIds.{name} ({id}) is not registered in RuleCatalog");
    }

    [Fact]
    public void Every_rule_has_a_doc_page_and_every_page_has_a_rule()
    {
        var docs = RepoPaths.Combine("docs", "rules");
        foreach (var rule in RuleCatalog.All)
        {
            var d = rule.Descriptor;
            var page = Path.Combine(docs, d.Id + ".md");
            Assert.True(File.Exists(page), $"{d.Id} has no doc page {d.HelpPath}");
            var text = File.ReadAllText(page);
            Assert.StartsWith($"# {d.Id} {d.Name}", text);
            foreach (var section in new[] { "## Why", "## Examples", "## How to fix" })
                Assert.True(text.Contains(section), $"{d.HelpPath} lacks '{section}'");
        }
        var ids = RuleCatalog.All.Select(r => r.Descriptor.Id).ToHashSet();
        foreach (var page in Directory.GetFiles(docs, "KW*.md"))
            Assert.True(ids.Contains(Path.GetFileNameWithoutExtension(page)), $"{page} documents no registered rule");
    }

    [Fact]
    public void Every_rule_is_named_in_a_test()
    {
        var sources = Directory.GetFiles(RepoPaths.Combine("tests"), "*.cs", SearchOption.AllDirectories)
            .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !p.EndsWith("RuleCatalogTests.cs"))
            .Select(File.ReadAllText)
            .ToList();
        foreach (var rule in RuleCatalog.All)
        {
            var d = rule.Descriptor;
            var tokens = new List<string> { $"\"{d.Id}\"", rule.GetType().Name + ".Rule" };
            if (ConstantById.TryGetValue(d.Id, out var constant)) tokens.Add("RuleIds." + constant);
            Assert.True(sources.Any(s => tokens.Any(s.Contains)), $"no test names {d.Id} ({string.Join(" or ", tokens)})");
        }
    }

    [Fact]
    public void Rule_index_page_is_up_to_date()
    {
        var index = RepoPaths.Combine("docs", "rules", "README.md");
        var expected = RuleIndex.Render();
        if (RepoPaths.UpdateGolden) File.WriteAllText(index, expected);
        Assert.True(File.Exists(index), "docs/rules/README.md is missing; run the tests with UPDATE_GOLDEN=1");
        Assert.Equal(expected, File.ReadAllText(index));
    }

    [GeneratedRegex("^KW[1-6][0-9]{3}$")]
    private static partial Regex IdPattern();

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex NamePattern();
}

/// <summary>Renders docs/rules/README.md from the catalog.</summary>
public static class RuleIndex
{
    public static string Render()
    {
        var sb = new System.Text.StringBuilder();
        sb.Append("# Rules\n\n");
        sb.Append("Every check `kommo-widget validate` runs. Generated from the rule catalog by the test suite ");
        sb.Append("(`UPDATE_GOLDEN=1 dotnet test` rewrites it). Severities can be changed per widget in `kommo-widget.json` ");
        sb.Append("(`{ \"rules\": { \"KW1022\": \"off\" } }`) or on the command line (`--rule KW1022=off`).\n\n");
        foreach (var group in RuleCatalog.All.GroupBy(r => r.Descriptor.Category))
        {
            sb.Append($"## {group.Key}\n\n| ID | Name | Severity | Platform | Profile | Title |\n|---|---|---|---|---|---|\n");
            foreach (var r in group)
            {
                var d = r.Descriptor;
                string platform = d.Platforms switch { PlatformScope.Kommo => "Kommo", PlatformScope.AmoCrm => "amoCRM", _ => "both" };
                string profile = d.Profiles switch { ProfileScope.Private => "private", ProfileScope.Public => "public", _ => "both" };
                sb.Append($"| [{d.Id}]({d.Id}.md) | {d.Name} | {d.DefaultSeverity.ToName()} | {platform} | {profile} | {d.Title.Replace("|", "\\|")} |\n");
            }
            sb.Append('\n');
        }
        return sb.ToString();
    }
}
