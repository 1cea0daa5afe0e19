using KommoWidgetKit.Fixing;
using KommoWidgetKit.Tests.Support;
using KommoWidgetKit.Validation;
using static KommoWidgetKit.Tests.Support.JsonShapes;

namespace KommoWidgetKit.Tests.Rules.Manifest;

public class LegacyCodeSecretRuleTests
{
    [Fact]
    public void Code_and_secret_key_are_each_reported_at_their_key()
    {
        var w = TestWidget.Valid().EditManifest("    \"version\": \"1.0.0\",\n",
            "    \"version\": \"1.0.0\",\n    \"code\": \"amo_sample_v0\",\n    \"secret_key\": \"0123abcd\",\n");
        var found = w.Findings(RuleIds.LegacyCodeSecret);
        Assert.Equal(2, found.Count);
        Assert.Equal((7, 5, "/widget/code"), (found[0].Span.StartLine, found[0].Span.StartColumn, found[0].Span.JsonPointer));
        Assert.Equal((8, 5, "/widget/secret_key"), (found[1].Span.StartLine, found[1].Span.StartColumn, found[1].Span.JsonPointer));
        Assert.DoesNotContain("0123abcd", found[1].Message);
    }

    [Fact]
    public void Manifest_without_them_passes() => FindingAssert.None(TestWidget.Valid(), RuleIds.LegacyCodeSecret);

    private const string Version = "    \"version\": \"1.0.0\",\n";

    [Fact]
    public void Unsafe_fix_removes_both_lines()
    {
        var w = TestWidget.Valid().EditManifest(Version, Version + "    \"code\": \"amo_sample_v0\",\n    \"secret_key\": \"0123abcd\",\n");
        var result = FixAssert.Fixes(w, RuleIds.LegacyCodeSecret, FixAssert.Unsafe);
        FixAssert.OnlyChanged(result, "manifest.json", TestWidget.ValidManifest);
        Assert.Equal([1, 1], FixAssert.Passes(result, RuleIds.LegacyCodeSecret));
        Assert.Equal(["Remove widget.code", "Remove widget.secret_key"], result.Applied.Select(a => a.Title));
    }

    [Fact]
    public void Unsafe_fix_is_not_applied_by_default()
    {
        var w = TestWidget.Valid().EditManifest(Version, Version + "    \"secret_key\": \"0123abcd\",\n");
        var result = WidgetFixer.Compute(w.Load());
        Assert.False(result.HasChanges);
        Assert.Equal([RuleIds.LegacyCodeSecret], result.NotApplied.Select(d => d.Id));
        Assert.Equal(FixSafety.Unsafe, result.NotApplied[0].Fix!.Safety);
    }

    [Fact]
    public void Unsafe_fix_of_the_first_and_of_the_last_member()
    {
        const string support = "\"support\": { \"link\": \"https://example.com/support\", \"email\": \"support@example.com\" }\n";
        var w = TestWidget.Valid()
            .EditManifest("\"widget\": {\n", "\"widget\": {\n    \"code\": \"amo_sample_v0\",\n")
            .EditManifest(support, support.TrimEnd('\n') + ",\n    \"secret_key\": \"0123abcd\"\n");
        var result = FixAssert.Fixes(w, RuleIds.LegacyCodeSecret, FixAssert.Unsafe);
        FixAssert.OnlyChanged(result, "manifest.json", TestWidget.ValidManifest);
    }

    [Fact]
    public void Unsafe_fix_in_a_one_line_crlf_manifest()
    {
        string manifest = Crlf(OneLine(TestWidget.ValidManifest) + "\n");
        string before = FixAssert.ReplaceOnce(FixAssert.ReplaceOnce(manifest, "{ \"name\": \"widget.name\", ", "{ \"code\": \"c\", \"name\": \"widget.name\", "),
            "\"support@example.com\" } }", "\"support@example.com\" }, \"secret_key\": \"s\" }");
        var result = FixAssert.Fixes(TestWidget.Valid().Set("manifest.json", Bytes(before)), RuleIds.LegacyCodeSecret, FixAssert.Only(true, RuleIds.LegacyCodeSecret));
        FixAssert.OnlyChanged(result, "manifest.json", manifest);
    }
}
