using System.Text;
using KommoWidgetKit.Building;
using KommoWidgetKit.Diagnostics;

namespace KommoWidgetKit.Tests.Building;

public class SourceMapTests
{
    private static byte[] Map(string mappings, string sources = "[\"a.ts\"]", string extra = "") =>
        Encoding.UTF8.GetBytes($"{{\"version\":3,\"sources\":{sources},\"names\":[\"first\",\"second\"],\"mappings\":\"{mappings}\"{extra}}}");

    [Fact]
    public void Segments_are_decoded_per_line_with_deltas_across_lines()
    {
        // Line 1: col 0 → a.ts 1:1. Line 2: col 0 → 2:1, col 4 → 2:5. Line 3: nothing. Line 4: col 0 → 4:5 (the source column carries over).
        var map = SourceMap.Parse(Map("AAAA;AACA,IAAI;;AAEA"));
        Assert.Equal(new SourceMapPosition("a.ts", 1, 1, null), map.Find(1, 1));
        Assert.Equal(new SourceMapPosition("a.ts", 2, 1, null), map.Find(2, 1));
        Assert.Equal(new SourceMapPosition("a.ts", 2, 1, null), map.Find(2, 4));
        Assert.Equal(new SourceMapPosition("a.ts", 2, 5, null), map.Find(2, 5));
        Assert.Equal(new SourceMapPosition("a.ts", 2, 5, null), map.Find(2, 500));
        Assert.Null(map.Find(3, 1));
        Assert.Equal(new SourceMapPosition("a.ts", 4, 5, null), map.Find(4, 7));
        Assert.Null(map.Find(5, 1));
        Assert.Null(map.Find(0, 1));
    }

    [Fact]
    public void Negative_and_multi_digit_numbers_names_and_sources_decode()
    {
        // gB = 16, D = -1, C = +1; the fifth field picks a name.
        var map = SourceMap.Parse(Map("AAgBAA;ICDAC,MADAD", "[\"a.ts\", \"b.ts\"]"));
        Assert.Equal(new SourceMapPosition("a.ts", 17, 1, "first"), map.Find(1, 1));
        // Line 2: col 4, source +1 (b.ts), line -1 (16 → 15 0-based), col 0, name +1 (second).
        Assert.Equal(new SourceMapPosition("b.ts", 16, 1, "second"), map.Find(2, 5));
    }

    [Fact]
    public void A_one_field_segment_maps_to_nothing()
    {
        var map = SourceMap.Parse(Map("AAAA,E"));
        Assert.NotNull(map.Find(1, 1));
        Assert.Null(map.Find(1, 3));
    }

    [Fact]
    public void Source_root_is_applied_and_sources_content_kept()
    {
        var map = SourceMap.Parse(Map("AAAA", extra: ",\"sourceRoot\":\"src\",\"sourcesContent\":[\"let a = 1;\"],\"file\":\"out.js\""));
        Assert.Equal("src/a.ts", map.Sources[0]);
        Assert.Equal("let a = 1;", map.SourcesContent[0]);
        Assert.Equal("out.js", map.File);
    }

    [Fact]
    public void The_xssi_guard_and_a_bom_are_skipped()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(")]}'\n")).Concat(Map("AAAA")).ToArray();
        Assert.NotNull(SourceMap.Parse(bytes).Find(1, 1));
    }

    [Theory]
    [InlineData("{\"version\":2,\"sources\":[],\"mappings\":\"\"}", "only version 3")]
    [InlineData("{\"version\":3,\"sections\":[]}", "index source maps")]
    [InlineData("{\"version\":3,\"sources\":[\"a\"]}", "no \"mappings\"")]
    [InlineData("{\"version\":3,\"sources\":[\"a\"],\"mappings\":\"AA!A\"}", "is not a Base64 digit")]
    [InlineData("{\"version\":3,\"sources\":[\"a\"],\"mappings\":\"AC\"}", "2 fields")]
    [InlineData("{\"version\":3,\"sources\":[\"a\"],\"mappings\":\"ACAA\"}", "outside the map's sources")]
    [InlineData("{\"version\":3,\"sources\":[\"a\"],\"mappings\":\"AAAg\"}", "inside a number")]
    [InlineData("[1]", "JSON object")]
    [InlineData("not json", "not valid JSON")]
    public void Broken_maps_are_refused_with_a_reason(string json, string reason)
    {
        Assert.False(SourceMap.TryParse(Encoding.UTF8.GetBytes(json), out var map, out var problem));
        Assert.Null(map);
        Assert.Contains(reason, problem);
    }

    private static Func<string, ReadOnlyMemory<byte>?> Files(Dictionary<string, string> files) =>
        path => files.TryGetValue(path, out var text) ? Encoding.UTF8.GetBytes(text) : null;

    [Fact]
    public void The_locator_follows_sourceMappingURL_and_names_sources_from_the_project()
    {
        string root = Path.Combine(Path.GetTempPath(), "kw-project");
        var files = new Dictionary<string, string>
        {
            ["script.js"] = "code();\n//# sourceMappingURL=maps/script.js.map\n",
            ["maps/script.js.map"] = Encoding.UTF8.GetString(Map("AAAA", "[\"../../src/index.ts\"]")),
            ["other.js"] = "code();\n",
            ["other.js.map"] = Encoding.UTF8.GetString(Map("AACA", "[\"webpack://my-app/./src/main.ts\"]")),
            ["plain.js"] = "code();\n",
        };
        var locator = new SourceLocator(Files(files), Path.Combine(root, "dist"), root);
        Assert.Equal(new MappedPosition("src/index.ts", 1, 1, null), locator.Map("script.js", 1, 1));
        Assert.Equal(new MappedPosition("src/main.ts", 2, 1, null), locator.Map("other.js", 1, 1));
        Assert.Null(locator.Map("plain.js", 1, 1));
        Assert.Null(locator.Map("missing.js", 1, 1));
        Assert.True(locator.HasMap("script.js"));
        Assert.False(locator.HasMap("plain.js"));

        // Without a folder on disk (an archive), the map's own relative names stay.
        var inArchive = new SourceLocator(Files(files), null, null);
        Assert.Equal("../src/index.ts", inArchive.Map("script.js", 1, 1)!.Path);
    }

    [Fact]
    public void The_locator_reads_inline_data_maps()
    {
        string map = Convert.ToBase64String(Map("AAAA", "[\"inline.ts\"]"));
        var files = new Dictionary<string, string> { ["script.js"] = $"code();\n//# sourceMappingURL=data:application/json;charset=utf-8;base64,{map}\n" };
        Assert.Equal("inline.ts", new SourceLocator(Files(files), null, null).Map("script.js", 1, 1)!.Path);
    }

    [Fact]
    public void Findings_move_to_the_source_or_to_the_static_file_they_were_copied_from()
    {
        using var tmp = new Support.TempFolder();
        Directory.CreateDirectory(tmp.Combine("widget"));
        Directory.CreateDirectory(tmp.Combine("src"));
        File.WriteAllText(tmp.Combine("widget", "manifest.json"), "{}");
        var project = WidgetProject.Find(tmp.Path)!;
        var files = new Dictionary<string, string>
        {
            ["script.js"] = "a;\nb;\n//# sourceMappingURL=script.js.map\n",
            ["script.js.map"] = Encoding.UTF8.GetString(Map(";AAIE", "[\"../src/index.ts\"]")),
            ["manifest.json"] = "{}",
        };
        var places = new ProjectFindings(project, Files(files));
        Assert.Equal(new SourceSpan("src/index.ts", 5, 3, 5, 3), places.Relocate(new SourceSpan("script.js", 2, 1, 2, 1)));
        Assert.Equal(new SourceSpan("dist/script.js", 1, 1, 1, 1), places.Relocate(new SourceSpan("script.js", 1, 1, 1, 1)));
        Assert.Equal("widget/manifest.json", places.Relocate(new SourceSpan("manifest.json", 1, 1, 1, 1)).Path);
        Assert.Equal("dist/script.js", places.Relocate(SourceSpan.File("script.js")).Path);
        Assert.Equal("dist", places.Relocate(SourceSpan.File("")).Path);
    }
}
