using System.Text;
using KommoWidgetKit.Fixing;
using KommoWidgetKit.Tests.Support;
using KommoWidgetKit.Validation;

namespace KommoWidgetKit.Tests.Fixing;

/// <summary>WidgetFixer on a fix with very many edits (the line-ending fix of a large file: one edit per CR). How long it
/// takes is not asserted here (timings belong in bench/); that it applies at all in a test run is the check that fitting
/// is not quadratic.</summary>
public class WidgetFixerManyEditsTests
{
    [Fact]
    public void A_fix_with_100000_edits_applies_exactly()
    {
        var text = new StringBuilder();
        for (int i = 0; i < 100_000; i++) text.Append("var a").Append(i).Append(" = 1;\r\n");
        var widget = TestWidget.Valid().Set("lib/big.js", Encoding.UTF8.GetBytes(text.ToString())).Load();
        var finding = WidgetValidator.Validate(widget).Diagnostics.Single(d => d.Id == RuleIds.CrLfLineEndings);
        Assert.Equal(100_000, finding.Fix!.Changes.Single().Edits.Count);

        var (fixedWidget, applied) = WidgetFixer.Apply(widget, [finding]);

        Assert.Single(applied);
        Assert.Equal(text.ToString().Replace("\r\n", "\n"), FixAssert.Text(fixedWidget, "lib/big.js"));
    }
}
