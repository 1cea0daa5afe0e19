using System.Text;
using KommoWidgetKit.Parsing.Json;

namespace KommoWidgetKit.Tests.Parsers;

public class JsonParserTests
{
    private static JsonParseResult Parse(string text) => JsonParser.Parse("f.json", Encoding.UTF8.GetBytes(text));

    [Fact]
    public void Every_value_has_a_one_based_span_and_a_pointer()
    {
        var r = Parse("{\n  \"a\": {\"b\": [10, \"x\"]},\n  \"c/d\": true\n}");
        Assert.True(r.IsClean);
        var root = Assert.IsType<JObject>(r.Root);
        var arr = Assert.IsType<JArray>(root.GetObject("a")!["b"]);
        Assert.Equal("/a/b", arr.Pointer);
        var x = Assert.IsType<JString>(arr.Items[1]);
        Assert.Equal("/a/b/1", x.Pointer);
        Assert.Equal((2, 19, 2, 22), (x.Span.StartLine, x.Span.StartColumn, x.Span.EndLine, x.Span.EndColumn));
        var c = root["c/d"]!;
        Assert.Equal("/c~1d", c.Pointer);
        Assert.Equal((3, 10), (c.Span.StartLine, c.Span.StartColumn));
        Assert.Equal((1, 1, 4, 2), (root.Span.StartLine, root.Span.StartColumn, root.Span.EndLine, root.Span.EndColumn));
    }

    [Fact]
    public void Columns_count_characters_not_bytes()
    {
        var r = Parse("{\"ключ\": \"значение\", \"n\": 1}");
        var n = ((JObject)r.Root!)["n"]!;
        Assert.Equal(27, n.Span.StartColumn);
    }

    [Fact]
    public void Byte_order_mark_is_reported_and_the_file_still_parses_with_right_columns()
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes("{\"a\": 1}")).ToArray();
        var r = JsonParser.Parse("f.json", bytes);
        Assert.Equal(JsonIssueKind.ByteOrderMark, Assert.Single(r.Issues).Kind);
        var a = ((JObject)r.Root!)["a"]!;
        Assert.Equal((1, 7), (a.Span.StartLine, a.Span.StartColumn));
        var broken = JsonParser.Parse("f.json", new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes("{\"a\" 1}")).ToArray());
        var syntax = Assert.Single(broken.Issues, i => i.Kind == JsonIssueKind.Syntax);
        Assert.Equal((1, 6), (syntax.Span.StartLine, syntax.Span.StartColumn));
    }

    [Fact]
    public void Invalid_utf8_is_reported_at_the_bad_byte_and_parsing_goes_on()
    {
        var bytes = Encoding.UTF8.GetBytes("{\n  \"a\": \"x").Concat(new byte[] { 0xC3, 0x28 }).Concat(Encoding.UTF8.GetBytes("\", \"b\": 2\n}")).ToArray();
        var r = JsonParser.Parse("f.json", bytes);
        var issue = Assert.Single(r.Issues);
        Assert.Equal(JsonIssueKind.InvalidUtf8, issue.Kind);
        Assert.Equal((2, 10), (issue.Span.StartLine, issue.Span.StartColumn));
        Assert.NotNull(((JObject)r.Root!)["b"]);
    }

    [Theory]
    [InlineData("", JsonIssueKind.Empty)]
    [InlineData("  \n\t ", JsonIssueKind.Empty)]
    [InlineData("{\"a\": }", JsonIssueKind.Syntax)]
    [InlineData("{\"a\": 1", JsonIssueKind.Syntax)]
    public void Broken_files_are_issues_not_exceptions(string text, JsonIssueKind kind)
    {
        var r = Parse(text);
        Assert.Contains(r.Issues, i => i.Kind == kind);
        Assert.True(r.HasFatalIssue);
    }

    [Fact]
    public void Syntax_error_position_is_exact()
    {
        var r = Parse("{\n  \"a\": 1,\n  \"b\" 2\n}");
        var issue = Assert.Single(r.Issues);
        Assert.Equal(JsonIssueKind.Syntax, issue.Kind);
        Assert.Equal((3, 7), (issue.Span.StartLine, issue.Span.StartColumn));
    }

    [Fact]
    public void A_file_cut_short_gives_no_tree_so_nothing_after_the_error_is_taken_as_missing()
    {
        var r = Parse("{\"widget\": {\"name\": \"x\"}, \"locations\": [\"lcard-1\"");
        Assert.Null(r.Root);
        Assert.Equal(JsonIssueKind.Syntax, Assert.Single(r.Issues).Kind);
    }

    [Fact]
    public void Comments_and_trailing_commas_are_reported_and_tolerated()
    {
        var r = Parse("{\n  // note\n  \"a\": [1, 2,],\n  \"b\": 1, /* x */\n}");
        Assert.Equal([JsonIssueKind.Comment, JsonIssueKind.TrailingComma, JsonIssueKind.Comment, JsonIssueKind.TrailingComma], r.Issues.Select(i => i.Kind));
        Assert.Equal((3, 13), (r.Issues[1].Span.StartLine, r.Issues[1].Span.StartColumn));
        Assert.Equal((4, 9), (r.Issues[3].Span.StartLine, r.Issues[3].Span.StartColumn));
        Assert.Equal(2, ((JObject)r.Root!).Properties.Count);
    }

    [Fact]
    public void Duplicate_keys_are_reported_and_the_last_value_wins()
    {
        var r = Parse("{\"a\": 1, \"a\": 2}");
        var issue = Assert.Single(r.Issues);
        Assert.Equal(JsonIssueKind.DuplicateKey, issue.Kind);
        Assert.Equal((1, 10), (issue.Span.StartLine, issue.Span.StartColumn));
        Assert.Equal("2", ((JNumber)((JObject)r.Root!)["a"]!).Raw);
    }

    [Fact]
    public void Nesting_deeper_than_the_limit_is_refused_in_bounded_work()
    {
        var text = new string('[', 10_000) + new string(']', 10_000);
        var r = Parse(text);
        Assert.Contains(r.Issues, i => i.Kind == JsonIssueKind.TooDeep);
    }

    [Fact]
    public void Crlf_files_count_lines_right()
    {
        var r = Parse("{\r\n  \"a\": 1,\r\n  \"b\": 2\r\n}");
        var b = ((JObject)r.Root!)["b"]!;
        Assert.Equal((3, 8), (b.Span.StartLine, b.Span.StartColumn));
    }

    [Fact]
    public void A_tree_writes_back_as_strict_json_as_javascript_reads_the_file()
    {
        // Comments and trailing commas go, a repeated key keeps its last value at the place of its first, numbers and escapes survive.
        var r = Parse("\uFEFF{ // c\n \"a\": 1, \"b\": [1.50e3, -0, true, null, \"x\\\"y\\u00e9\"], \"a\": {\"c\": {},}, }");
        Assert.False(r.HasFatalIssue);
        string json = r.Root!.ToJson();
        Assert.Equal("{\"a\":{\"c\":{}},\"b\":[1.50e3,-0,true,null,\"x\\u0022y\\u00E9\"]}", json);
        using var doc = System.Text.Json.JsonDocument.Parse(json);
        Assert.Equal("x\"y\u00e9", doc.RootElement.GetProperty("b")[4].GetString());
    }
}
