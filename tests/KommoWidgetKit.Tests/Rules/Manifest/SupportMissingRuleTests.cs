using KommoWidgetKit.Fixing;
using KommoWidgetKit.Model;
using KommoWidgetKit.Tests.Support;
using KommoWidgetKit.Validation;
using static KommoWidgetKit.Tests.Support.JsonShapes;

namespace KommoWidgetKit.Tests.Rules.Manifest;

public class SupportMissingRuleTests
{
    private const string SupportLine = "    \"support\": { \"link\": \"https://example.com/support\", \"email\": \"support@example.com\" }\n";

    [Theory]
    [InlineData(WidgetProfile.Private)]
    [InlineData(WidgetProfile.Public)]
    public void Missing_support_is_reported_at_the_widget_object(WidgetProfile profile)
    {
        var w = TestWidget.Valid().EditManifest(",\n" + SupportLine, "\n");
        var d = FindingAssert.Single(w, RuleIds.SupportMissing, 2, 13, profile);
        Assert.Equal("/widget", d.Span.JsonPointer);
    }

    [Fact]
    public void Support_without_link_or_email_is_reported_at_the_support_object()
    {
        var w = TestWidget.Valid().EditManifest(SupportLine, "    \"support\": {}\n");
        var d = FindingAssert.Single(w, RuleIds.SupportMissing, 11, 16);
        Assert.Equal("/widget/support", d.Span.JsonPointer);
    }

    [Fact]
    public void Support_with_an_email_only_passes()
    {
        FindingAssert.None(TestWidget.Valid(), RuleIds.SupportMissing);
        FindingAssert.None(TestWidget.Valid().EditManifest(SupportLine, "    \"support\": { \"email\": \"a@b.io\" }\n"), RuleIds.SupportMissing);
    }

    private const string Placeholder = "{\n      \"link\": \"https://example.com/support\",\n      \"email\": \"support@example.com\"\n    }";

    [Theory]
    [InlineData(WidgetProfile.Private)]
    [InlineData(WidgetProfile.Public)]
    public void Unsafe_fix_adds_a_placeholder_block_after_the_last_member(WidgetProfile profile)
    {
        var w = TestWidget.Valid().EditManifest(",\n" + SupportLine, "\n");
        var options = new FixOptions { IncludeUnsafe = true, Validation = new ValidationOptions { Profile = profile } };
        var result = FixAssert.Fixes(w, RuleIds.SupportMissing, options);
        FixAssert.OnlyChanged(result, "manifest.json", FixAssert.ReplaceOnce(TestWidget.ValidManifest, SupportLine, "    \"support\": " + Placeholder + "\n"));
    }

    [Fact]
    public void Unsafe_fix_is_not_applied_by_default()
    {
        var result = WidgetFixer.Compute(TestWidget.Valid().EditManifest(",\n" + SupportLine, "\n").Load());
        Assert.False(result.HasChanges);
        var d = Assert.Single(result.NotApplied);
        Assert.Equal((RuleIds.SupportMissing, FixSafety.Unsafe), (d.Id, d.Fix!.Safety));
    }

    [Fact]
    public void Unsafe_fix_follows_tabs_and_crlf()
    {
        string before = Crlf(Tabs(FixAssert.ReplaceOnce(TestWidget.ValidManifest, ",\n" + SupportLine, "\n")));
        var result = FixAssert.Fixes(TestWidget.Valid().Set("manifest.json", Bytes(before)), RuleIds.SupportMissing, FixAssert.Only(true, RuleIds.SupportMissing));
        FixAssert.OnlyChanged(result, "manifest.json", Crlf(Tabs(FixAssert.ReplaceOnce(TestWidget.ValidManifest, SupportLine, "    \"support\": " + Placeholder + "\n"))));
    }

    [Fact]
    public void Unsafe_fix_in_a_one_line_manifest_stays_on_the_line()
    {
        string manifest = OneLine(TestWidget.ValidManifest);
        string before = FixAssert.ReplaceOnce(manifest, ", \"support\": { \"link\": \"https://example.com/support\", \"email\": \"support@example.com\" }", "");
        var result = FixAssert.Fixes(TestWidget.Valid().Set("manifest.json", before), RuleIds.SupportMissing, FixAssert.Unsafe);
        FixAssert.OnlyChanged(result, "manifest.json", manifest);
    }
}
