using KommoWidgetKit.Tests.Support;
using KommoWidgetKit.Validation;

namespace KommoWidgetKit.Tests.Rules.Script;

public class ScriptMissingRuleTests
{
    [Fact]
    public void Missing_script_is_a_file_level_warning()
    {
        var d = FindingAssert.Single(TestWidget.Valid().Remove("script.js"), RuleIds.ScriptMissing, 0, 0);
        Assert.Equal("script.js", d.Span.Path);
        Assert.Equal(Diagnostics.Severity.Warning, d.Severity);
    }

    [Fact]
    public void Script_in_a_sub_folder_or_with_other_case_is_named()
    {
        var w = TestWidget.Valid().Remove("script.js").Set("src/Script.js", TestWidget.ValidScript);
        var d = FindingAssert.Single(w, RuleIds.ScriptMissing, 0, 0);
        Assert.Contains("src/Script.js", d.Message);
    }

    [Fact]
    public void Present_script_passes() => FindingAssert.None(TestWidget.Valid(), RuleIds.ScriptMissing);
}
