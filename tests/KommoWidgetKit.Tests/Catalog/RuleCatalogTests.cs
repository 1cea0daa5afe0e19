using System.Reflection;
using System.Text.RegularExpressions;
using KommoWidgetKit.Diagnostics;
using KommoWidgetKit.Fixing;
using KommoWidgetKit.Model;
using KommoWidgetKit.Tests.Support;
using KommoWidgetKit.Validation;

namespace KommoWidgetKit.Tests.Catalog;

/// <summary>The rule catalog as a whole: every convention a rule must follow (ID, name, descriptor, RuleIds constant,
/// doc page, test class) is derived from the rule itself (its category, its ID, its class's folder), with no ID ranges.</summary>
public partial class RuleCatalogTests
{
    private static readonly FieldInfo[] IdConstants = typeof(RuleIds)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral)
        .ToArray();

    private static readonly Dictionary<string, string> ConstantById = IdConstants
        .GroupBy(f => (string)f.GetRawConstantValue()!)
        .ToDictionary(g => g.Key, g => g.First().Name);

    public static TheoryData<string> RuleIdsData()
    {
        var data = new TheoryData<string>();
        foreach (var rule in RuleCatalog.All) data.Add(rule.Descriptor.Id);
        return data;
    }

    private static WidgetRule Rule(string id) => RuleCatalog.Find(id)!;

    /// <summary>The rule class's folder under Validation/Rules, which is also its test folder under tests/…/Rules.</summary>
    private static string Area(WidgetRule rule) => rule.GetType().Namespace!.Split('.')[^1];

    [Fact]
    public void Ids_and_names_are_unique_and_every_category_has_rules()
    {
        var rules = RuleCatalog.All;
        Assert.NotEmpty(rules);
        Assert.Equal(rules.Count, rules.Select(r => r.Descriptor.Id).Distinct().Count());
        Assert.Equal(rules.Count, rules.Select(r => r.Descriptor.Name).Distinct().Count());
        Assert.Equal(rules.Select(r => r.Descriptor.Id).Order(StringComparer.Ordinal), rules.Select(r => r.Descriptor.Id));
        foreach (var category in Enum.GetValues<RuleCategory>())
            Assert.True(rules.Any(r => r.Descriptor.Category == category), $"no rule in category {category}");
    }

    [Theory]
    [MemberData(nameof(RuleIdsData))]
    public void Descriptor_follows_the_conventions(string id)
    {
        var rule = Rule(id);
        var d = rule.Descriptor;
        Assert.Matches(IdPattern(), d.Id);
        // The category is the ID's first digit (RuleCategory's order: manifest KW1xxx … archive KW6xxx).
        Assert.StartsWith($"KW{(int)d.Category + 1}", d.Id);
        Assert.Matches(NamePattern(), d.Name);
        Assert.False(string.IsNullOrWhiteSpace(d.Title), d.Id);
        Assert.NotEqual(Severity.Off, d.DefaultSeverity);
        // Without placeholders the format is never passed through string.Format, so escaped braces would show.
        if (!d.MessageFormat.Contains("{0}", StringComparison.Ordinal))
            Assert.DoesNotContain("{{", d.MessageFormat, StringComparison.Ordinal);
        // The rule class lives in the folder of its category, and the descriptor is the one it exposes.
        Assert.Equal(d.Category.ToString(), Area(rule));
        Assert.Same(d, rule.GetType().GetField("Rule", BindingFlags.Public | BindingFlags.Static)?.GetValue(null));
    }

    [Fact]
    public void Every_id_constant_is_unique_and_belongs_to_a_registered_rule()
    {
        var values = IdConstants.Select(f => (string)f.GetRawConstantValue()!).ToList();
        Assert.Equal(values.Count, values.Distinct().Count());
        var registered = RuleCatalog.All.Select(r => r.Descriptor.Id).ToHashSet();
        foreach (var (id, name) in ConstantById)
            Assert.True(registered.Contains(id), $"RuleIds.{name} ({id}) is not registered in RuleCatalog");
    }

    [Theory]
    [MemberData(nameof(RuleIdsData))]
    public void Id_constant_is_filed_with_the_rules_of_its_folder(string id)
    {
        var rule = Rule(id);
        Assert.True(ConstantById.TryGetValue(id, out var constant), $"{id} has no RuleIds constant");
        string file = RepoPaths.Combine("src", "KommoWidgetKit", "Validation", $"RuleIds.{Area(rule)}.cs");
        Assert.True(File.Exists(file), $"no {file} for the rules of Rules/{Area(rule)}");
        Assert.Contains($"public const string {constant} = \"{id}\";", File.ReadAllText(file));
    }

    [Fact]
    public void Every_id_partial_file_is_named_after_a_rule_folder()
    {
        var areas = RuleCatalog.All.Select(Area).ToHashSet();
        foreach (var file in Directory.GetFiles(RepoPaths.Combine("src", "KommoWidgetKit", "Validation"), "RuleIds.*.cs"))
        {
            string area = Path.GetFileName(file)["RuleIds.".Length..^".cs".Length];
            Assert.True(areas.Contains(area), $"{Path.GetFileName(file)} names no folder of rules under Validation/Rules");
        }
    }

    [Theory]
    [MemberData(nameof(RuleIdsData))]
    public void Rule_has_a_doc_page_whose_header_and_table_match_the_descriptor(string id)
    {
        var d = Rule(id).Descriptor;
        string page = RepoPaths.Combine(d.HelpPath.Split('/'));
        Assert.True(File.Exists(page), $"{d.Id} has no doc page {d.HelpPath}");
        string text = File.ReadAllText(page);
        Assert.StartsWith($"# {d.Id} {d.Name}\n", text);
        string row = $"| {d.DefaultSeverity.ToName()} | {d.Category.ToString().ToLowerInvariant()} | {Platforms(d.Platforms)} | {Profiles(d.Profiles)} |";
        Assert.True(text.Contains("\n" + row + "\n", StringComparison.Ordinal), $"{d.HelpPath}: table row should be {row}");
        foreach (var section in new[] { "## Why", "## Examples", "## How to fix" })
            Assert.True(text.Contains("\n" + section + "\n", StringComparison.Ordinal), $"{d.HelpPath} lacks '{section}'");
    }

    [Theory]
    [MemberData(nameof(RuleIdsData))]
    public void Doc_page_says_whether_the_rule_is_fixable_as_the_descriptor_does(string id)
    {
        var d = Rule(id).Descriptor;
        string text = File.ReadAllText(RepoPaths.Combine(d.HelpPath.Split('/')));
        string expected = FixableLine(d.Fixable);
        // The header, a blank line, the table's three lines, a blank line, and then this line.
        var lines = text.Split('\n');
        Assert.True(lines.Length > 7 && lines[6] == expected && lines[7] == "", $"{d.HelpPath}: line 7 should be '{expected}', followed by a blank line");
        Assert.Single(lines, l => l.StartsWith("Fixable:", StringComparison.Ordinal));
        // A fixable rule's "How to fix" says what the fix does; the others' do not mention it.
        string howTo = text[text.IndexOf("\n## How to fix\n", StringComparison.Ordinal)..];
        switch (d.Fixable)
        {
            case FixSafety.Safe:
                Assert.True(howTo.Contains("`kommo-widget fix` ", StringComparison.Ordinal), $"{d.HelpPath}: 'How to fix' should say what `kommo-widget fix` does");
                Assert.DoesNotContain("--unsafe", howTo, StringComparison.Ordinal);
                break;
            case FixSafety.Unsafe:
                Assert.True(howTo.Contains("`kommo-widget fix --unsafe` ", StringComparison.Ordinal), $"{d.HelpPath}: 'How to fix' should say what `kommo-widget fix --unsafe` does");
                break;
            default:
                Assert.DoesNotContain("kommo-widget fix", howTo, StringComparison.Ordinal);
                break;
        }
    }

    private static string FixableLine(FixSafety? fixable) => fixable switch
    {
        FixSafety.Safe => "Fixable: yes, safe — `kommo-widget fix` applies it by default.",
        FixSafety.Unsafe => "Fixable: yes, unsafe — only with `kommo-widget fix --unsafe`.",
        _ => "Fixable: no.",
    };

    [Fact]
    public void Findings_offer_fixes_of_the_safety_their_descriptor_declares()
    {
        // Two widgets with findings of every rule that offers fixes: each fix has the safety the descriptor (and so the doc
        // page and the index) declares, and no fixable rule is missing from them.
        var widgets = new[]
        {
            TestWidget.Valid()
                .EditManifest("\"interface_version\": 2", "\"interface_version\": 1")
                .EditManifest("\"lcard-1\"", "\"lcard\", \"anywhere\", \"lcard\"")
                .Remove("i18n/es.json")
                .Set("i18n/pt.json", TestWidget.ValidI18nEn)
                .Set("i18n/en.json", [0xEF, 0xBB, 0xBF, .. System.Text.Encoding.UTF8.GetBytes(TestWidget.ValidI18nEn)])
                .Set("script.js", [0xEF, 0xBB, 0xBF, .. System.Text.Encoding.UTF8.GetBytes(TestWidget.ValidScript)])
                .Set("style.css", System.Text.Encoding.UTF8.GetBytes("a {}\r\n")),
            TestWidget.Valid()
                .Edit("i18n/es.json", "\"name\": \"Widget de prueba\",", "")
                .Edit("i18n/en.json", "\"settings\"", "// labels\n  \"settings\"")
                .EditManifest("\"settings\"]", "\"settings\", \"everywhere-1\",] // x")
                .EditManifest("\"init_once\": false", "\"init_once\": \"Y\", \"code\": \"c\"")
                .EditManifest(",\n    \"support\": { \"link\": \"https://example.com/support\", \"email\": \"support@example.com\" }", ""),
        };
        var seen = new HashSet<string>();
        foreach (var w in widgets)
            foreach (var finding in w.Validate().Diagnostics.Where(f => f.Fix is not null))
            {
                Assert.True(finding.Fix!.Safety == finding.Descriptor.Fixable,
                    $"{finding.Id} offers a {finding.Fix.Safety} fix but its descriptor says Fixable = {finding.Descriptor.Fixable?.ToString() ?? "null"}");
                seen.Add(finding.Id);
            }
        var fixable = RuleCatalog.All.Where(r => r.Descriptor.Fixable is not null).Select(r => r.Descriptor.Id);
        Assert.Empty(fixable.Except(seen));
    }

    [Fact]
    public void Every_doc_page_documents_a_registered_rule()
    {
        var ids = RuleCatalog.All.Select(r => r.Descriptor.Id).ToHashSet();
        foreach (var page in Directory.GetFiles(RepoPaths.Combine("docs", "rules"), "KW*.md"))
            Assert.True(ids.Contains(Path.GetFileNameWithoutExtension(page)), $"{page} documents no registered rule");
    }

    [Theory]
    [MemberData(nameof(RuleIdsData))]
    public void Rule_has_its_own_test_class_in_its_folder(string id)
    {
        var rule = Rule(id);
        string ruleClass = rule.GetType().Name;
        string testName = $"KommoWidgetKit.Tests.Rules.{Area(rule)}.{ruleClass}Tests";
        var testClass = typeof(RuleCatalogTests).Assembly.GetType(testName);
        Assert.True(testClass is not null, $"no test class {testName}");
        Assert.Contains(testClass.GetMethods(), m => m.GetCustomAttributes<FactAttribute>().Any());

        string file = RepoPaths.Combine("tests", "KommoWidgetKit.Tests", "Rules", Area(rule), ruleClass + "Tests.cs");
        Assert.True(File.Exists(file), $"{testName} is not in {file}");
        string source = File.ReadAllText(file);
        var tokens = new List<string> { $"\"{id}\"", ruleClass + ".Rule", "RuleIds." + ConstantById.GetValueOrDefault(id, "?") };
        Assert.True(tokens.Any(t => source.Contains(t, StringComparison.Ordinal)), $"{file} never names {id} ({string.Join(" or ", tokens)})");
    }

    [Theory]
    [InlineData(WidgetProfile.Private, WidgetPlatform.Kommo)]
    [InlineData(WidgetProfile.Public, WidgetPlatform.Kommo)]
    [InlineData(WidgetProfile.Private, WidgetPlatform.AmoCrm)]
    [InlineData(WidgetProfile.Public, WidgetPlatform.AmoCrm)]
    public void Valid_test_widget_has_no_findings(WidgetProfile profile, WidgetPlatform platform)
    {
        var found = TestWidget.Valid().Validate(profile, platform).Diagnostics.Select(d => $"{d.Span} {d.Id} {d.Message}");
        Assert.Empty(found);
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

    [GeneratedRegex("^KW[1-9][0-9]{3}$")]
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
        sb.Append("(`{ \"rules\": { \"KW1022\": \"off\" } }`) or on the command line (`--rule KW1022=off`). ");
        sb.Append("The Fix column names the rules whose findings come with a repair: `kommo-widget fix` applies the safe ones, ");
        sb.Append("`kommo-widget fix --unsafe` the unsafe ones too.\n\n");
        foreach (var group in RuleCatalog.All.GroupBy(r => r.Descriptor.Category))
        {
            sb.Append($"## {group.Key}\n\n| ID | Name | Severity | Platform | Profile | Fix | Title |\n|---|---|---|---|---|---|---|\n");
            foreach (var r in group)
            {
                var d = r.Descriptor;
                string platform = d.Platforms switch { PlatformScope.Kommo => "Kommo", PlatformScope.AmoCrm => "amoCRM", _ => "both" };
                string profile = d.Profiles switch { ProfileScope.Private => "private", ProfileScope.Public => "public", _ => "both" };
                string fix = d.Fixable switch { FixSafety.Safe => "safe", FixSafety.Unsafe => "unsafe", _ => "" };
                sb.Append($"| [{d.Id}]({d.Id}.md) | {d.Name} | {d.DefaultSeverity.ToName()} | {platform} | {profile} | {fix} | {d.Title.Replace("|", "\\|")} |\n");
            }
            sb.Append('\n');
        }
        return sb.ToString();
    }
}
