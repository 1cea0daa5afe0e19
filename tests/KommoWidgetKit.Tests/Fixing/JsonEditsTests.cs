using System.Text;
using KommoWidgetKit.Diagnostics;
using KommoWidgetKit.Fixing;
using KommoWidgetKit.Loading;
using KommoWidgetKit.Parsing.Json;
using KommoWidgetKit.Tests.Support;
using KommoWidgetKit.Validation;

namespace KommoWidgetKit.Tests.Fixing;

public class JsonEditsTests
{
    /// <summary>A parsed JSON text and its edits.</summary>
    private sealed class Doc
    {
        public Doc(string text)
        {
            Bytes = Encoding.UTF8.GetBytes(text);
            Json = JsonParser.Parse("test.json", Bytes);
            Edits = new JsonEdits(Bytes, Json);
        }

        public byte[] Bytes { get; }
        public JsonParseResult Json { get; }
        public JsonEdits Edits { get; }
        public JObject Root => (JObject)Json.Root!;
        public JArray RootArray => (JArray)Json.Root!;
        public JObject Object(string name) => (JObject)Root[name]!;
        public JArray Array(string name) => (JArray)Root[name]!;

        /// <summary>The text with the edits applied, in order of their start (insertions at one place in the order given).</summary>
        public string Apply(params TextEdit[] edits)
        {
            var output = new List<byte>();
            int at = 0;
            foreach (var e in edits.OrderBy(e => e.Start))
            {
                Assert.True(e.Start >= at, "edits overlap");
                output.AddRange(Bytes[at..e.Start]);
                output.AddRange(Encoding.UTF8.GetBytes(e.NewText));
                at = e.End;
            }
            output.AddRange(Bytes[at..]);
            return Encoding.UTF8.GetString([.. output]);
        }
    }

    /// <summary>Applies the edits and asserts the result is what was expected and is strict JSON.</summary>
    private static void AssertEdited(Doc doc, string expected, params TextEdit[] edits)
    {
        string actual = doc.Apply(edits);
        Assert.Equal(expected, actual);
        var parsed = JsonParser.Parse("test.json", Encoding.UTF8.GetBytes(actual));
        Assert.True(parsed.IsClean, string.Join("; ", parsed.Issues.Select(i => i.Detail)));
    }

    private static readonly JsonValue Two = new JsonValue.Raw("2");

    private static JsonValue Text(string value) => new JsonValue.Text(value);

    private static JsonValue Obj(params (string Key, JsonValue Value)[] members) =>
        new JsonValue.Object(members.Select(m => new KeyValuePair<string, JsonValue>(m.Key, m.Value)).ToList());

    // ---- layout detection

    [Theory]
    [InlineData("{\n  \"a\": 1\n}", "  ", "\n")]
    [InlineData("{\n    \"a\": 1\n}", "    ", "\n")]
    [InlineData("{\r\n\t\"a\": 1\r\n}", "\t", "\r\n")]
    [InlineData("{\"a\": 1}", "  ", "\n")]
    [InlineData("[\n\t1\n]", "\t", "\n")]
    [InlineData("{}", "  ", "\n")]
    public void Indentation_and_line_endings_follow_the_file(string text, string indent, string newline)
    {
        var doc = new Doc(text);
        Assert.Equal((indent, newline), (doc.Edits.IndentUnit, doc.Edits.Newline));
    }

    // ---- Replace

    [Fact]
    public void Replace_changes_only_the_value()
    {
        var doc = new Doc("{ \"a\": 1, \"b\": \"x\" }");
        AssertEdited(doc, "{ \"a\": 2, \"b\": \"x\" }", doc.Edits.Replace(doc.Root["a"]!, Two));
        AssertEdited(doc, "{ \"a\": 1, \"b\": \"é \\\"y\\\"\" }", doc.Edits.Replace(doc.Root["b"]!, Text("é \"y\"")));
    }

    [Theory]
    [InlineData("\n", "  ")]
    [InlineData("\r\n", "  ")]
    [InlineData("\n", "\t")]
    [InlineData("\r\n", "\t")]
    public void Replace_with_an_object_writes_it_over_lines_in_the_files_style(string nl, string unit)
    {
        var doc = new Doc($"{{{nl}{unit}\"a\": 1,{nl}{unit}\"b\": 2{nl}}}");
        AssertEdited(doc, $"{{{nl}{unit}\"a\": {{{nl}{unit}{unit}\"x\": \"y\",{nl}{unit}{unit}\"z\": {{}}{nl}{unit}}},{nl}{unit}\"b\": 2{nl}}}",
            doc.Edits.Replace(doc.Root["a"]!, Obj(("x", Text("y")), ("z", Obj()))));
    }

    // ---- RemoveItem

    [Theory]
    [InlineData(0, "[\"b\", \"c\"]")]
    [InlineData(1, "[\"a\", \"c\"]")]
    [InlineData(2, "[\"a\", \"b\"]")]
    public void RemoveItem_on_one_line(int index, string expected)
    {
        var doc = new Doc("[\"a\", \"b\", \"c\"]");
        AssertEdited(doc, expected, doc.Edits.RemoveItem(doc.RootArray, index));
    }

    [Theory]
    [InlineData(0, "{\n  \"l\": [\n    \"b\",\n    \"c\"\n  ]\n}")]
    [InlineData(1, "{\n  \"l\": [\n    \"a\",\n    \"c\"\n  ]\n}")]
    [InlineData(2, "{\n  \"l\": [\n    \"a\",\n    \"b\"\n  ]\n}")]
    public void RemoveItem_over_lines_takes_its_line(int index, string expected)
    {
        var doc = new Doc("{\n  \"l\": [\n    \"a\",\n    \"b\",\n    \"c\"\n  ]\n}");
        AssertEdited(doc, expected, doc.Edits.RemoveItem(doc.Array("l"), index));
        var crlf = new Doc(JsonShapes.Crlf(JsonShapes.Tabs("{\n  \"l\": [\n    \"a\",\n    \"b\",\n    \"c\"\n  ]\n}")));
        AssertEdited(crlf, JsonShapes.Crlf(JsonShapes.Tabs(expected)), crlf.Edits.RemoveItem(crlf.Array("l"), index));
    }

    [Theory]
    [InlineData("[\"a\"]", "[]")]
    [InlineData("[ \"a\" ]", "[]")]
    [InlineData("[\n  \"a\"\n]", "[]")]
    public void RemoveItem_of_the_only_item_empties_the_brackets(string text, string expected)
    {
        var doc = new Doc(text);
        AssertEdited(doc, expected, doc.Edits.RemoveItem(doc.RootArray, 0));
    }

    [Fact]
    public void RemoveItem_of_an_item_with_a_comment_after_it_on_its_line_takes_the_comment_too()
    {
        var doc = new Doc("[\n  \"a\", // first\n  \"b\"\n]");
        Assert.Equal("[\n  \"b\"\n]", doc.Apply(doc.Edits.RemoveItem(doc.RootArray, 0)));
    }

    // ---- RemoveProperty

    [Theory]
    [InlineData("a", "{ \"b\": 2, \"c\": 3 }")]
    [InlineData("b", "{ \"a\": 1, \"c\": 3 }")]
    [InlineData("c", "{ \"a\": 1, \"b\": 2 }")]
    public void RemoveProperty_on_one_line(string name, string expected)
    {
        var doc = new Doc("{ \"a\": 1, \"b\": 2, \"c\": 3 }");
        AssertEdited(doc, expected, doc.Edits.RemoveProperty(doc.Root, doc.Root.GetProperty(name)!));
    }

    [Theory]
    [InlineData("a", "{\n  \"b\": [1, 2],\n  \"c\": { \"d\": 3 }\n}")]
    [InlineData("b", "{\n  \"a\": 1,\n  \"c\": { \"d\": 3 }\n}")]
    [InlineData("c", "{\n  \"a\": 1,\n  \"b\": [1, 2]\n}")]
    public void RemoveProperty_over_lines_takes_its_line(string name, string expected)
    {
        const string text = "{\n  \"a\": 1,\n  \"b\": [1, 2],\n  \"c\": { \"d\": 3 }\n}";
        var doc = new Doc(text);
        AssertEdited(doc, expected, doc.Edits.RemoveProperty(doc.Root, doc.Root.GetProperty(name)!));
        var crlf = new Doc(JsonShapes.Crlf(JsonShapes.Tabs(text)));
        AssertEdited(crlf, JsonShapes.Crlf(JsonShapes.Tabs(expected)), crlf.Edits.RemoveProperty(crlf.Root, crlf.Root.GetProperty(name)!));
    }

    [Theory]
    [InlineData("{ \"a\": 1 }", "{}")]
    [InlineData("{\n  \"a\": { \"b\": 1 }\n}", "{}")]
    public void RemoveProperty_of_the_only_member_empties_the_braces(string text, string expected)
    {
        var doc = new Doc(text);
        AssertEdited(doc, expected, doc.Edits.RemoveProperty(doc.Root, doc.Root.Properties[0]));
    }

    [Fact]
    public void RemoveProperty_removes_the_given_one_of_a_repeated_key()
    {
        var doc = new Doc("{ \"a\": 1, \"b\": 2, \"a\": 3 }");
        Assert.Equal("{ \"b\": 2, \"a\": 3 }", doc.Apply(doc.Edits.RemoveProperty(doc.Root, doc.Root.Properties[0])));
        Assert.Equal("{ \"a\": 1, \"b\": 2 }", doc.Apply(doc.Edits.RemoveProperty(doc.Root, doc.Root.Properties[2])));
    }

    [Fact]
    public void RemoveProperty_of_a_member_of_another_object_throws()
    {
        var doc = new Doc("{ \"a\": { \"b\": 1 } }");
        var inner = doc.Object("a");
        Assert.Throws<ArgumentException>(() => doc.Edits.RemoveProperty(doc.Root, inner.Properties[0]));
    }

    // ---- AddProperty

    [Theory]
    [InlineData("\n", "  ")]
    [InlineData("\r\n", "  ")]
    [InlineData("\n", "\t")]
    [InlineData("\r\n", "    ")]
    public void AddProperty_over_lines_adds_a_line_in_the_files_style(string nl, string unit)
    {
        var doc = new Doc($"{{{nl}{unit}\"a\": {{{nl}{unit}{unit}\"b\": 1{nl}{unit}}}{nl}}}");
        AssertEdited(doc, $"{{{nl}{unit}\"a\": {{{nl}{unit}{unit}\"b\": 1,{nl}{unit}{unit}\"c\": \"Ключ\"{nl}{unit}}}{nl}}}",
            doc.Edits.AddProperty(doc.Object("a"), "c", Text("Ключ")));
        AssertEdited(doc, $"{{{nl}{unit}\"a\": {{{nl}{unit}{unit}\"b\": 1{nl}{unit}}},{nl}{unit}\"g\": {{{nl}{unit}{unit}\"x\": 2{nl}{unit}}}{nl}}}",
            doc.Edits.AddProperty(doc.Root, "g", Obj(("x", Two))));
    }

    [Fact]
    public void AddProperty_on_one_line_stays_on_the_line()
    {
        var doc = new Doc("{ \"a\": 1, \"o\": { \"b\": 1 } }");
        AssertEdited(doc, "{ \"a\": 1, \"o\": { \"b\": 1, \"c\": { \"x\": \"y\", \"z\": [1, \"w\"] } } }",
            doc.Edits.AddProperty(doc.Object("o"), "c", Obj(("x", Text("y")), ("z", new JsonValue.Array([new JsonValue.Raw("1"), Text("w")])))));
    }

    [Theory]
    [InlineData("{ \"o\": {} }", "{ \"o\": {\"b\": 2} }")]
    [InlineData("{ \"o\": { } }", "{ \"o\": { \"b\": 2 } }")]
    [InlineData("{ \"o\": {\n} }", "{ \"o\": {\n  \"b\": 2\n} }")]
    [InlineData("{ \"o\": {\r\n} }", "{ \"o\": {\r\n  \"b\": 2\r\n} }")]
    [InlineData("{ \"o\": {\n\n  } }", "{ \"o\": {\n  \"b\": 2\n} }")]
    public void AddProperty_into_an_empty_object(string text, string expected)
    {
        var doc = new Doc(text);
        AssertEdited(doc, expected, doc.Edits.AddProperty(doc.Object("o"), "b", Two));
    }

    [Theory]
    [InlineData("{}", "{\n  \"b\": 2\n}")]
    [InlineData("{ }\n", "{\n  \"b\": 2\n}\n")]
    public void AddProperty_into_an_empty_file_object_puts_the_member_on_its_own_line(string text, string expected)
    {
        var doc = new Doc(text);
        AssertEdited(doc, expected, doc.Edits.AddProperty(doc.Root, "b", Two));
        var bom = new Doc("\ufeff" + text);
        Assert.Equal("\ufeff" + expected, bom.Apply(bom.Edits.AddProperty(bom.Root, "b", Two)));
    }

    [Fact]
    public void AddProperty_into_an_empty_nested_object_indents_from_its_line()
    {
        var doc = new Doc("{\n\t\"a\": 1,\n\t\"o\": {\n\t},\n\t\"p\": {}\n}");
        AssertEdited(doc, "{\n\t\"a\": 1,\n\t\"o\": {\n\t\t\"b\": {\n\t\t\t\"c\": 2\n\t\t}\n\t},\n\t\"p\": {}\n}",
            doc.Edits.AddProperty(doc.Object("o"), "b", Obj(("c", Two))));
        AssertEdited(doc, "{\n\t\"a\": 1,\n\t\"o\": {\n\t},\n\t\"p\": {\"b\": { \"c\": 2 }}\n}",
            doc.Edits.AddProperty(doc.Object("p"), "b", Obj(("c", Two))));
    }

    [Theory]
    [InlineData("{\n  \"a\": 1\n}")]
    [InlineData("{ \"a\": 1 }")]
    [InlineData("{}")]
    [InlineData("{\n  \"a\": 1,\n}")]
    public void AddProperty_exclusive_writes_the_same_text_and_reaches_over_the_closing_bracket(string text)
    {
        var doc = new Doc(text);
        var plain = doc.Edits.AddProperty(doc.Root, "b", Two);
        var exclusive = doc.Edits.AddProperty(doc.Root, "b", Two, exclusive: true);
        Assert.Equal(doc.Apply(plain), doc.Apply(exclusive));
        Assert.Equal(plain.Start, exclusive.Start);
        Assert.Equal(doc.Bytes.Length, exclusive.End);
    }

    [Fact]
    public void AddProperty_after_a_trailing_comma_keeps_it_for_the_comma_fix()
    {
        var doc = new Doc("{ \"a\": 1, }");
        Assert.Equal("{ \"a\": 1, \"b\": 2, }", doc.Apply(doc.Edits.AddProperty(doc.Root, "b", Two)));
    }

    // ---- AddItem

    [Theory]
    [InlineData("[\"en\"]", "[\"en\", \"es\"]")]
    [InlineData("[ \"en\" ]", "[ \"en\", \"es\" ]")]
    [InlineData("[\n  \"en\"\n]", "[\n  \"en\",\n  \"es\"\n]")]
    [InlineData("[\r\n\t\"en\"\r\n]", "[\r\n\t\"en\",\r\n\t\"es\"\r\n]")]
    [InlineData("[]", "[\"es\"]")]
    [InlineData("[ ]", "[ \"es\" ]")]
    [InlineData("[\n]", "[\n  \"es\"\n]")]
    public void AddItem_follows_the_arrays_layout(string text, string expected)
    {
        var doc = new Doc(text);
        AssertEdited(doc, expected, doc.Edits.AddItem(doc.RootArray, Text("es")));
    }

    [Fact]
    public void AddItem_of_an_object_into_a_one_line_array_stays_on_the_line()
    {
        var doc = new Doc("{\n  \"l\": [1]\n}");
        AssertEdited(doc, "{\n  \"l\": [1, { \"a\": true }]\n}", doc.Edits.AddItem(doc.Array("l"), Obj(("a", new JsonValue.Raw("true")))));
    }

    // ---- appends after the same member

    [Theory]
    [InlineData("{\n  \"a\": 1\n}", "{\n  \"a\": 1,\n  \"b\": 2,\n  \"c\": \"x\"\n}")]
    [InlineData("{ \"a\": 1 }", "{ \"a\": 1, \"b\": 2, \"c\": \"x\" }")]
    public void Two_appends_to_one_object_go_in_one_after_the_other(string text, string expected)
    {
        var doc = new Doc(text);
        var b = doc.Edits.AddProperty(doc.Root, "b", Two);
        var c = doc.Edits.AddProperty(doc.Root, "c", Text("x"));
        Assert.Equal((b.Start, 0, 0), (c.Start, b.Length, c.Length));
        AssertEdited(doc, expected, b, c);
    }

    [Fact]
    public void Fixer_applies_two_plain_appends_to_one_object_together_but_an_exclusive_one_alone()
    {
        var widget = WidgetLoader.FromFiles(new Dictionary<string, byte[]> { ["data.json"] = Encoding.UTF8.GetBytes("{\n  \"a\": 1\n}\n") }, "test");
        var file = widget.GetFile("data.json")!;
        var json = JsonParser.Parse(file.Path, file.Content);
        var root = (JObject)json.Root!;
        Diagnostic Finding(string name, bool exclusive) =>
            new(AnyDescriptor(), Severity.Warning, name, SourceSpan.File(file.Path))
            {
                Fix = Fix.Safe("Add " + name, () => FileChange.Edit(file.Path, new JsonEdits(file.Content, json).AddProperty(root, name, Two, exclusive))),
            };

        var (together, applied) = WidgetFixer.Apply(widget, [Finding("b", false), Finding("c", false)]);
        Assert.Equal(2, applied.Count);
        Assert.Equal("{\n  \"a\": 1,\n  \"b\": 2,\n  \"c\": 2\n}\n", FixAssert.Text(together, "data.json"));

        var (alone, first) = WidgetFixer.Apply(widget, [Finding("b", true), Finding("b", false), Finding("c", true)]);
        Assert.Equal(["b"], first.Select(a => a.Finding.Message));
        Assert.Equal("{\n  \"a\": 1,\n  \"b\": 2\n}\n", FixAssert.Text(alone, "data.json"));

        var (after, second) = WidgetFixer.Apply(widget, [Finding("b", false), Finding("b", true)]);
        Assert.Single(second);
        Assert.Equal("{\n  \"a\": 1,\n  \"b\": 2\n}\n", FixAssert.Text(after, "data.json"));
    }

    private static DiagnosticDescriptor AnyDescriptor() => RuleCatalog.All[0].Descriptor;

    // ---- RemoveComment

    private static TextEdit RemoveOnlyComment(Doc doc)
    {
        var issue = Assert.Single(doc.Json.Issues, i => i.Kind == JsonIssueKind.Comment);
        return doc.Edits.RemoveComment(doc.Json.Lines.GetRange(issue.Span)!.Value);
    }

    [Theory]
    [InlineData("{\n  // alone\n  \"a\": 1\n}", "{\n  \"a\": 1\n}")]
    [InlineData("{\r\n\t// alone\r\n\t\"a\": 1\r\n}", "{\r\n\t\"a\": 1\r\n}")]
    [InlineData("{\n  \"a\": 1 // after\n}", "{\n  \"a\": 1\n}")]
    [InlineData("{\r\n  \"a\": 1, // after\r\n  \"b\": 2\r\n}", "{\r\n  \"a\": 1,\r\n  \"b\": 2\r\n}")]
    [InlineData("{\n  /* before */ \"a\": 1\n}", "{\n  \"a\": 1\n}")]
    [InlineData("{\n\t/* before */\t\"a\": 1\n}", "{\n\t\"a\": 1\n}")]
    [InlineData("{ \"a\": /* inside */ 1 }", "{ \"a\": 1 }")]
    [InlineData("{\n  /* over\n     lines */\n  \"a\": 1\n}", "{\n  \"a\": 1\n}")]
    [InlineData("// first\n{ \"a\": 1 }", "{ \"a\": 1 }")]
    [InlineData("{ \"a\": 1 }\n// last", "{ \"a\": 1 }\n")]
    [InlineData("{ \"a\": 1 } // last", "{ \"a\": 1 }")]
    [InlineData("{ \"a\": \"Ключ\" /* ✓ 🎉 */ }", "{ \"a\": \"Ключ\" }")]
    public void RemoveComment(string text, string expected)
    {
        var doc = new Doc(text);
        AssertEdited(doc, expected, RemoveOnlyComment(doc));
    }

    // ---- Write, Quote, From

    [Fact]
    public void Write_puts_object_members_on_lines_and_arrays_on_one()
    {
        var doc = new Doc("{\n\t\"a\": 1\n}");
        var value = Obj(("a", new JsonValue.Array([Text("x"), Obj(("b", Two))])), ("e", Obj()), ("n", new JsonValue.Raw("null")));
        Assert.Equal("{\n\t\t\"a\": [\"x\", {\n\t\t\t\"b\": 2\n\t\t}],\n\t\t\"e\": {},\n\t\t\"n\": null\n\t}", doc.Edits.Write(value, "\t"));
        Assert.Equal("{ \"a\": [\"x\", { \"b\": 2 }], \"e\": {}, \"n\": null }", doc.Edits.WriteInline(value));
    }

    [Theory]
    [InlineData("plain", "\"plain\"")]
    [InlineData("Ключ — «API» ✓ 🎉 <b>&amp;</b> 'q' +", "\"Ключ — «API» ✓ 🎉 <b>&amp;</b> 'q' +\"")]
    [InlineData("\"q\" \\ /", "\"\\\"q\\\" \\\\ /\"")]
    [InlineData("a\nb\r\tc\b\f\u0001\u001f", "\"a\\nb\\r\\tc\\b\\f\\u0001\\u001f\"")]
    [InlineData("\u2028\u2029", "\"\\u2028\\u2029\"")]
    public void Quote_escapes_only_what_json_needs(string text, string expected)
    {
        Assert.Equal(expected, JsonEdits.Quote(text));
        // Reading it back gives the same text.
        var parsed = JsonParser.Parse("q.json", Encoding.UTF8.GetBytes(expected));
        Assert.Equal(text, ((JString)parsed.Root!).Value);
    }

    [Fact]
    public void Quote_escapes_unpaired_surrogates_which_utf8_cannot_hold()
    {
        // (Not in an attribute: attribute strings are stored as UTF-8, which has no unpaired surrogates either.)
        Assert.Equal("\"\\ud83c\"", JsonEdits.Quote("\ud83c"));
        Assert.Equal("\"x\\udf89y\"", JsonEdits.Quote("x\udf89y"));
        Assert.Equal("\"\\udf89\ud83c\udf89\"", JsonEdits.Quote("\udf89\ud83c\udf89"));
    }

    [Fact]
    public void From_copies_a_parsed_value_mapping_only_texts()
    {
        var doc = new Doc("{ \"t\": \"x\", \"n\": -1.50e3, \"b\": false, \"z\": null, \"l\": [\"y\", 2], \"o\": { \"k\": \"v\", \"k\": \"w\" } }");
        var copy = JsonValue.From(doc.Root, s => s.ToUpperInvariant());
        Assert.Equal("{ \"t\": \"X\", \"n\": -1.50e3, \"b\": false, \"z\": null, \"l\": [\"Y\", 2], \"o\": { \"k\": \"W\" } }", doc.Edits.WriteInline(copy));
    }
}
