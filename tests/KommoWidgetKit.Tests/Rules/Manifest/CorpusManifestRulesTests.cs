using KommoWidgetKit.Diagnostics;
using KommoWidgetKit.Loading;
using KommoWidgetKit.Model;
using KommoWidgetKit.Tests.Support;
using KommoWidgetKit.Validation;
using Xunit.Abstractions;

namespace KommoWidgetKit.Tests.Rules.Manifest;

/// <summary>The manifest rules on real widgets from ../shared/corpus (see its README): the findings a user would expect, and none they would not.</summary>
public class CorpusManifestRulesTests(ITestOutputHelper output)
{
    private const string Birthday = "kommo-crm-birthday-widget";
    private const string Antirek = "antirek-amocrm-vue-widget-sample-widget";
    private const string Oarthurdev = "oarthurdev-n8n-kommo-widget";
    private const string OarthurdevOld = "oarthurdev-n8n-kommo-widget-hist-b5ca373";
    private const string Bizandsoft = "bizandsoft-antizchat-widget-js-widget";
    private const string Kado12 = "Kado12-Widget_Kommo";
    private const string Kado12Empty = "Kado12-Widget_Kommo-hist-3777a39";
    private const string Destcable = "Destcable-amocrm-widget-react-starter-template-widget";

    /// <summary>Findings of the manifest-content rules (KW1004–KW1099) for one corpus widget; skips the test when the corpus is
    /// absent (fails it when <c>CI=true</c>), and fails it when the corpus lacks the widget.</summary>
    private List<Diagnostic> Findings(string folder, WidgetProfile profile = WidgetProfile.Private, WidgetPlatform? platform = null)
    {
        var corpus = RepoPaths.RequireCorpus();
        Assert.True(Directory.Exists(Path.Combine(corpus, folder, "widget")), $"corpus widget '{folder}' not found: expected {Path.Combine(corpus, folder, "widget")}");
        var widget = WidgetLoader.Load(Path.Combine(corpus, folder, "widget"));
        var result = WidgetValidator.Validate(widget, new ValidationOptions { Profile = profile, Platform = platform });
        var found = result.Diagnostics.Where(d => ManifestRuleTestKit.ContentRuleIds.Contains(d.Id)).ToList();
        foreach (var d in found) output.WriteLine($"{folder} [{profile}/{result.Platform}] {d.Id} {d.Severity} {d.Span} {d.Message}");
        return found;
    }

    [SkippableTheory]
    [InlineData(WidgetProfile.Private)]
    [InlineData(WidgetProfile.Public)]
    public void Birthday_widget_gets_no_error_from_the_manifest_rules(WidgetProfile profile)
    {
        var found = Findings(Birthday, profile);
        Assert.DoesNotContain(found, d => d.Severity == Severity.Error);
        Assert.DoesNotContain(found, d => d.Id is RuleIds.TourImageMissing or RuleIds.TourImagesCount or RuleIds.CustomFieldNeedsSettingsLocation);
    }

    [SkippableFact]
    public void Antirek_anywhere_is_an_unknown_location_that_suggests_everywhere()
    {
        var found = Findings(Antirek);
        var d = Assert.Single(found, d => d.Id == RuleIds.LocationUnknown);
        Assert.Equal((17, 9, "/locations/4"), (d.Span.StartLine, d.Span.StartColumn, d.Span.JsonPointer));
        Assert.Contains("\"everywhere\"", d.Message);
        Assert.Contains(found, d => d.Id == RuleIds.SupportMissing);
        // ru is its language: checked as amoCRM it is fine.
        Assert.DoesNotContain(found, d => d.Id == RuleIds.LocaleUnsupported);
    }

    [SkippableFact]
    public void Antirek_under_kommo_gets_the_platform_hint_for_ru()
    {
        var found = Findings(Antirek, platform: WidgetPlatform.Kommo);
        var d = Assert.Single(found, d => d.Id == RuleIds.LocaleUnsupported);
        Assert.Contains("--platform amocrm", d.Message);
    }

    [SkippableTheory]
    [InlineData(Oarthurdev)]
    [InlineData(OarthurdevOld)]
    public void Oarthurdev_bare_card_locations_get_the_suffix_warning(string folder)
    {
        var found = Findings(folder);
        var suffix = found.Where(d => d.Id == RuleIds.LocationSuffixMissing).ToList();
        Assert.Equal(["/locations/1", "/locations/2"], suffix.Select(d => d.Span.JsonPointer));
        Assert.All(suffix, d => Assert.Equal(Severity.Warning, d.Severity));
        // The manifest starts with a blank line: positions must still be exact.
        Assert.Equal((17, 29), (suffix[0].Span.StartLine, suffix[0].Span.StartColumn));
        Assert.DoesNotContain(found, d => d.Severity == Severity.Error);
    }

    [SkippableFact]
    public void Bizandsoft_digital_pipeline_widget_passes_the_dp_rules()
    {
        var found = Findings(Bizandsoft);
        Assert.DoesNotContain(found, d => d.Severity == Severity.Error);
        Assert.DoesNotContain(found, d => d.Id is RuleIds.DpBlockMissing or RuleIds.DpActionMultiple or RuleIds.DpWebhookUrl or RuleIds.DpSettingsType or RuleIds.VersionFormat);
    }

    [SkippableFact]
    public void Bizandsoft_public_texts_are_over_the_checklist_limits()
    {
        var found = Findings(Bizandsoft, WidgetProfile.Public);
        Assert.Contains(found, d => d.Id == RuleIds.PublicShortDescriptionLength && d.Message.Contains("\"ru\""));
        Assert.Contains(found, d => d.Id == RuleIds.PublicDescriptionLength && d.Message.Contains("\"ru\""));
    }

    [SkippableTheory]
    [InlineData(WidgetProfile.Private)]
    [InlineData(WidgetProfile.Public)]
    public void Kado12_salesbot_widget_is_fine(WidgetProfile profile)
    {
        var found = Findings(Kado12, profile);
        Assert.DoesNotContain(found, d => d.Severity == Severity.Error);
        Assert.DoesNotContain(found, d => d.Id is RuleIds.SalesbotBlockInvalid or RuleIds.SalesbotFieldType or RuleIds.BlockWithoutLocation);
    }

    [SkippableFact]
    public void Empty_manifest_gets_nothing_from_the_content_rules()
    {
        var found = Findings(Kado12Empty);
        Assert.Empty(found);
    }

    [SkippableFact]
    public void Destcable_amocrm_starter_has_no_errors()
    {
        var found = Findings(Destcable);
        Assert.DoesNotContain(found, d => d.Severity == Severity.Error);
    }
}
