using KommoWidgetKit.Tests.Support;
using KommoWidgetKit.Validation;
using static KommoWidgetKit.Tests.Rules.Manifest.ManifestRuleTestKit;

namespace KommoWidgetKit.Tests.Rules.Manifest;

public class CardSdkNeedsCardRuleTests
{
    [Fact]
    public void Card_sdk_without_a_card_is_reported_at_card_sdk()
    {
        var d = FindingAssert.Single(WithLocations("settings", "card_sdk", "llist-1"), RuleIds.CardSdkNeedsCard, 13, 29);
        Assert.Equal("/locations/1", d.Span.JsonPointer);
    }

    [Theory]
    [InlineData("lcard-0")]
    [InlineData("ccard-1")]
    [InlineData("comcard-0")]
    public void Any_card_location_satisfies_it(string card) =>
        FindingAssert.None(WithLocations("settings", "card_sdk", card), RuleIds.CardSdkNeedsCard);
}
