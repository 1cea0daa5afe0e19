using System.Text;
using KommoWidgetKit.Building;
using KommoWidgetKit.Loading;
using KommoWidgetKit.Scaffolding;
using KommoWidgetKit.Tests.Support;
using KommoWidgetKit.Validation;

namespace KommoWidgetKit.Tests.Building;

/// <summary>What the builder does without running esbuild: the AMD wrapper, the map shift, the refusals.</summary>
public class WidgetBuilderTests
{
    private const string Bundle = "\"use strict\";\nvar __kommo_widget = (() => {\n  var import_jquery = __toESM(__require(\"jquery\"));\n  function Widget() {\n    this.callbacks = { render() { return true; }, init() { return true; }, bind_actions() { return true; } };\n    return this;\n  }\n  return { __esModule: true, default: Widget };\n})();\n";

    [Fact]
    public void The_bundle_goes_inside_define_with_the_kommo_modules_as_dependencies()
    {
        var (script, shift) = WidgetBuilder.Wrap(Bundle, ["jquery", "lib/components/base/modal"], "src/index.ts");
        var lines = script.Split('\n');
        Assert.Equal("// Built by kommo-widget build from src/index.ts: edit the sources and build again, not this file.", lines[0]);
        Assert.Equal("define([\"require\", \"jquery\", \"lib/components/base/modal\"], function (__kommo_require, __kommo_dep0, __kommo_dep1) {", lines[1]);
        // "use strict" opens the factory; its own line in the bundle stays, empty, so the map's lines do not move.
        Assert.Equal("  \"use strict\";", lines[2]);
        Assert.Contains("  var __kommo_modules = { \"jquery\": __kommo_dep0, \"lib/components/base/modal\": __kommo_dep1 };", lines);
        Assert.Contains("  var define = undefined, module = undefined, exports = undefined;", lines);
        Assert.Equal("", lines[shift]);
        Assert.Equal("var __kommo_widget = (() => {", lines[shift + 1]);
        Assert.Equal("//# sourceMappingURL=script.js.map", lines[^2]);
        Assert.Equal("});", lines[^3]);

        // The validator reads the module as Kommo's: one define, the constructor's callbacks, nothing to report.
        var widget = WidgetLoader.FromFiles(Scaffold().Where(f => f.Key != "script.js").Append(new("script.js", Encoding.UTF8.GetBytes(script))));
        var result = WidgetValidator.Validate(widget, new ValidationOptions { Profile = Model.WidgetProfile.Public });
        Assert.True(result.Diagnostics.Count == 0, string.Join("\n", result.Diagnostics.Select(d => $"{d.Span}: {d.Id} {d.Message}")));
    }

    [Fact]
    public void Without_kommo_modules_only_require_is_a_dependency()
    {
        var (script, _) = WidgetBuilder.Wrap("var __kommo_widget = (() => {})();\n", [], "src/index.js");
        Assert.Contains("define([\"require\"], function (__kommo_require) {\n", script);
        Assert.Contains("var __kommo_modules = {};", script);
        Assert.DoesNotContain("use strict", script);
    }

    [Fact]
    public void The_map_is_shifted_by_the_wrapper_lines_and_names_script_js()
    {
        var map = Encoding.UTF8.GetBytes("{\"version\":3,\"sources\":[\"../src/index.ts\"],\"sourcesContent\":[\"x\"],\"mappings\":\"AAAA;AACA\",\"names\":[]}");
        var shifted = SourceMap.Parse(WidgetBuilder.ShiftMap(map, 3));
        Assert.Equal("script.js", shifted.File);
        Assert.Null(shifted.Find(3, 1));
        Assert.Equal(new SourceMapPosition("../src/index.ts", 1, 1, null), shifted.Find(4, 1));
        Assert.Equal(new SourceMapPosition("../src/index.ts", 2, 1, null), shifted.Find(5, 1));
    }

    private static IEnumerable<KeyValuePair<string, byte[]>> Scaffold() =>
        WidgetScaffolder.Generate(new ScaffoldOptions { Name = "wrapped", Locations = ["lcard-0"] }).Select(f => new KeyValuePair<string, byte[]>(f.Path, f.Content));

    private static WidgetProject Project(TempFolder tmp)
    {
        WidgetScaffolder.Write(new ScaffoldOptions { Name = "p", Template = ScaffoldTemplate.Ts }, tmp.Combine("p"));
        return WidgetProject.Find(tmp.Combine("p"))!;
    }

    [Fact]
    public void A_folder_is_a_project_with_widget_manifest_and_src_and_no_manifest_of_its_own()
    {
        using var tmp = new TempFolder();
        var project = Project(tmp);
        Assert.Equal(tmp.Combine("p"), project.Root);
        Assert.Equal(tmp.Combine("p", "dist"), project.OutputDirectory);
        Assert.Equal(tmp.Combine("p", "src", "index.ts"), project.Entry);
        Assert.Equal("dist", project.OutputDisplay);
        Assert.False(WidgetProject.IsProject(tmp.Combine("p", "widget")));
        File.WriteAllText(tmp.Combine("p", "manifest.json"), "{}");
        Assert.Null(WidgetProject.Find(tmp.Combine("p")));
        Assert.Null(WidgetProject.Find(tmp.Combine("nothing")));
    }

    [Theory]
    [InlineData(".", "is the project folder")]
    [InlineData("src", "overlaps the project's src/ folder")]
    [InlineData("widget/out", "overlaps the project's widget/ folder")]
    [InlineData("node_modules", "overlaps the project's node_modules/ folder")]
    [InlineData("..", "holds it")]
    [InlineData("notes", "holds files but no manifest.json")]
    public void Output_folders_that_could_lose_work_are_refused(string output, string reason)
    {
        using var tmp = new TempFolder();
        var project = Project(tmp);
        Directory.CreateDirectory(tmp.Combine("p", "notes"));
        File.WriteAllText(tmp.Combine("p", "notes", "todo.txt"), "mine");
        var result = WidgetBuilder.Build(WidgetProject.Find(project.Root, Path.Combine(project.Root, output))!, new BuildOptions { NodePath = "/nowhere/node" });
        Assert.False(result.Succeeded);
        Assert.Contains(reason, result.Messages.Single().Text);
        Assert.True(File.Exists(tmp.Combine("p", "notes", "todo.txt")));
    }

    [Fact]
    public void Missing_entry_widget_script_and_node_are_reported()
    {
        using var tmp = new TempFolder();
        var project = Project(tmp);
        var noNode = WidgetBuilder.Build(project, new BuildOptions { NodePath = "/nowhere/node" });
        Assert.True(noNode.SetupProblem);
        Assert.StartsWith("Node.js is not installed", noNode.Messages.Single().Text);

        File.WriteAllText(tmp.Combine("p", "widget", "script.js"), "define([], function () {});");
        Assert.Contains("widget/script.js would be replaced by the bundle", WidgetBuilder.Build(project).Messages.Single().Text);
        File.Delete(tmp.Combine("p", "widget", "script.js"));

        File.Delete(tmp.Combine("p", "src", "index.ts"));
        var noEntry = WidgetBuilder.Build(project);
        Assert.False(noEntry.Succeeded);
        Assert.StartsWith("src/ has no entry file: add src/index.ts", noEntry.Messages.Single().Text);
    }

    [Fact]
    public void Build_messages_read_like_a_compiler()
    {
        var m = new BuildMessage(BuildSeverity.Error, "Expected \";\" but found \"y\"", "src/index.ts", 3, 9, "const x y = 1;");
        Assert.Equal("src/index.ts:3:9: error: Expected \";\" but found \"y\"", m.ToString());
        Assert.Equal("  3 | const x y = 1;\n    |         ^", m.Excerpt());
        Assert.Equal("src/a.ts:1:2: warning TS6133: unused", new BuildMessage(BuildSeverity.Warning, "unused", "src/a.ts", 1, 2, null, "TS6133").ToString());
        Assert.Equal("error: no entry", new BuildMessage(BuildSeverity.Error, "no entry").ToString());
    }
}
