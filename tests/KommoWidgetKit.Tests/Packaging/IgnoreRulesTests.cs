using KommoWidgetKit.Packaging;

namespace KommoWidgetKit.Tests.Packaging;

public class IgnoreRulesTests
{
    [Theory]
    [InlineData("*.psd", "art/logo.psd", true)]
    [InlineData("*.psd", "logo.psd", true)]
    [InlineData("*.psd", "logo.psd.png", false)]
    [InlineData("/notes.txt", "notes.txt", true)]
    [InlineData("/notes.txt", "docs/notes.txt", false)]
    [InlineData("notes.txt", "docs/notes.txt", true)]
    [InlineData("docs/*.md", "docs/a.md", true)]
    [InlineData("docs/*.md", "docs/sub/a.md", false)]
    [InlineData("docs/*.md", "x/docs/a.md", false)]
    [InlineData("docs/**/*.md", "docs/a.md", true)]
    [InlineData("docs/**/*.md", "docs/x/y/a.md", true)]
    [InlineData("**/fixtures", "a/b/fixtures/x.json", true)]
    [InlineData("**/fixtures", "fixtures/x.json", true)]
    [InlineData("src/**", "src/a/b.js", true)]
    [InlineData("src/**", "srcx/a.js", false)]
    [InlineData("a/**/b", "a/b", true)]
    [InlineData("a/**/b", "a/x/y/b", true)]
    [InlineData("build/", "build/out.js", true)]
    [InlineData("build/", "build", false)]
    [InlineData("build/", "lib/build/out.js", true)]
    [InlineData("/build/", "lib/build/out.js", false)]
    [InlineData("file?.js", "file1.js", true)]
    [InlineData("file?.js", "file12.js", false)]
    [InlineData("img[0-9].png", "img7.png", true)]
    [InlineData("img[0-9].png", "imgx.png", false)]
    [InlineData("img[!0-9].png", "imgx.png", true)]
    [InlineData("img[!0-9].png", "img7.png", false)]
    [InlineData(@"\#hash", "#hash", true)]
    [InlineData(@"\!bang", "!bang", true)]
    [InlineData(@"star\*", "star*", true)]
    [InlineData(@"star\*", "starx", false)]
    [InlineData("trailing   ", "trailing", true)]
    [InlineData(@"space\ ", "space ", true)]
    [InlineData("a*b", "a/b", false)]
    [InlineData("[unclosed", "[unclosed", true)]
    public void Single_pattern(string pattern, string path, bool excluded) =>
        Assert.Equal(excluded, IgnoreRules.Parse(pattern).IsExcluded(path));

    [Fact]
    public void Comments_and_blank_lines_are_ignored()
    {
        var rules = IgnoreRules.Parse("# *.js\n\n   \n*.psd\r\n");
        Assert.Single(rules.Patterns);
        Assert.False(rules.IsExcluded("script.js"));
        Assert.True(rules.IsExcluded("a.psd"));
    }

    [Fact]
    public void Negation_re_includes_and_last_match_wins()
    {
        var rules = IgnoreRules.Parse("*.md\n!KEEP.md\ndocs/KEEP.md\n");
        Assert.True(rules.IsExcluded("a.md"));
        Assert.False(rules.IsExcluded("KEEP.md"));
        Assert.True(rules.IsExcluded("docs/KEEP.md"));
    }

    [Fact]
    public void A_file_in_an_excluded_folder_cannot_be_re_included()
    {
        var rules = IgnoreRules.Parse("assets/\n!assets/keep.png\n");
        Assert.True(rules.IsExcluded("assets/keep.png"));

        // Excluding the folder's content (not the folder) lets a negation through, as in git.
        var content = IgnoreRules.Parse("assets/*\n!assets/keep.png\n");
        Assert.False(content.IsExcluded("assets/keep.png"));
        Assert.True(content.IsExcluded("assets/drop.png"));
    }

    [Fact]
    public void Finding_reports_the_origin_line()
    {
        var rules = IgnoreRules.Parse("# art\n*.psd\n");
        var p = rules.FindExcluding("a.psd");
        Assert.NotNull(p);
        Assert.Equal(".kommoignore:2", p.Origin);
    }

    [Fact]
    public void Hostile_patterns_end()
    {
        var rules = IgnoreRules.Parse(string.Concat(Enumerable.Repeat("*a", 40)) + "b");
        Assert.False(rules.IsExcluded(new string('a', 200)));
    }
}
