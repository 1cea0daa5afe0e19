using KommoWidgetKit.Model;
using KommoWidgetKit.Tests.Support;

namespace KommoWidgetKit.Tests.Parsers;

public class ScriptDocumentTests
{
    private static ScriptDocument Parse(string js) => TestWidget.Empty().Set("script.js", js).Load().Script!;

    [Fact]
    public void Amd_shape_dependencies_and_callbacks_are_recognised()
    {
        var s = Parse(TestWidget.ValidScript);
        Assert.Null(s.SyntaxError);
        Assert.NotNull(s.DefineCall);
        Assert.NotNull(s.Factory);
        Assert.Equal("CustomWidget", s.ConstructorName);
        Assert.Equal((2, 22), (s.SpanOf(s.Constructor!).StartLine, s.SpanOf(s.Constructor!).StartColumn));
        Assert.Equal(["jquery"], s.Dependencies.Select(d => d.Id));
        Assert.Equal(CallbacksShape.Literal, s.Callbacks!.Shape);
        Assert.Equal(["render", "init", "bind_actions", "settings", "onSave", "destroy"], s.Callbacks.Members.Select(c => c.Name));
        var render = s.Callbacks.Members[0];
        Assert.Equal((5, 7), (render.Span.StartLine, render.Span.StartColumn));
    }

    [Fact]
    public void Nested_selected_callbacks_get_dotted_names()
    {
        var s = Parse("define([], function(){ return function(){ var self = this; self.callbacks = { render: function(){return true;}, leads: { selected: function(){} }, 'todo': { selected: () => 1 } }; return this; }; });");
        Assert.Equal(["render", "leads", "leads.selected", "todo", "todo.selected"], s.Callbacks!.Members.Select(c => c.Name));
        Assert.True(s.Callbacks.Has("todo.selected"));
        Assert.False(s.Callbacks.Has("todo.unselected"));
        Assert.True(s.Callbacks.Members.Single(c => c.Name == "todo.selected").IsFunction);
    }

    [Theory]
    [InlineData("define([], function () { return function () { this.callbacks = {}; return this; }; });", null)]
    [InlineData("define([], function () { function W() { this.callbacks = {}; return this; } return W; });", "W")]
    [InlineData("define([], function () { class Widget { constructor() { this.callbacks = {}; } } return Widget; });", "Widget")]
    [InlineData("define(['jquery'], ($) => function Named() { this.callbacks = {}; return this; });", "Named")]
    public void The_constructor_the_factory_returns_is_found(string js, string? name)
    {
        var s = Parse(js);
        Assert.NotNull(s.Constructor);
        Assert.Equal(name, s.ConstructorName);
    }

    [Fact]
    public void A_factory_returning_something_else_has_no_constructor()
    {
        Assert.Null(Parse("define([], function () { return { callbacks: {} }; });").Constructor);
        Assert.Null(Parse("define([], function () { var x = 1; return x; });").Constructor);
    }

    [Fact]
    public void Callbacks_built_at_run_time_are_marked_dynamic()
    {
        var s = Parse("define(function(){ return function(){ this.callbacks = makeCallbacks(this); return this; }; });");
        Assert.Equal(CallbacksShape.Dynamic, s.Callbacks!.Shape);
        Assert.Empty(s.Callbacks.Members);
    }

    [Fact]
    public void Syntax_error_has_a_one_based_position()
    {
        var s = Parse("define([], function () {\n  var x = ;\n});");
        Assert.NotNull(s.SyntaxError);
        Assert.Equal((2, 11), (s.SyntaxErrorSpan!.StartLine, s.SyntaxErrorSpan.StartColumn));
        Assert.Null(s.Program);
    }

    [Fact]
    public void Es_module_is_told_apart_from_a_broken_script()
    {
        var s = Parse("import $ from 'jquery';\nexport default function Widget() {}");
        Assert.NotNull(s.SyntaxError);
        Assert.True(s.IsEsModule);
        Assert.False(Parse("var = ;").IsEsModule);
    }

    [Fact]
    public void Hostile_nesting_is_refused_without_parsing()
    {
        var s = Parse("define(function(){ return " + new string('(', 5000) + "1" + new string(')', 5000) + "; });");
        Assert.Null(s.Program);
        Assert.Contains("nested", s.SyntaxError);
    }

    [Fact]
    public void No_define_means_no_amd_shape()
    {
        var s = Parse("var Widget = function(){ this.callbacks = {}; };");
        Assert.Null(s.DefineCall);
        Assert.Equal(CallbacksShape.Literal, s.Callbacks!.Shape);
    }

    [Theory]
    [InlineData("this.callbacks = {}; this.callbacks.render = function () { return true; };")]
    [InlineData("this.callbacks = {}; this.callbacks = { render: function () {} };")]
    [InlineData("this.callbacks = {}; Object.assign(this.callbacks, { render: function () {} });")]
    [InlineData("this.callbacks = {}; $.extend(this.callbacks, handlers);")]
    public void A_literal_filled_in_later_is_dynamic(string body)
    {
        var s = Parse("define([], function () { return function () { " + body + " return this; }; });");
        Assert.Equal(CallbacksShape.Dynamic, s.Callbacks!.Shape);
        Assert.Equal("members are added to callbacks at run time", s.Callbacks.Reason);
        Assert.NotNull(s.Callbacks.Object);
    }

    [Fact]
    public void A_class_field_is_dynamic()
    {
        var s = Parse("define([], function () { return class W { callbacks = { render() { return true; } }; }; });");
        Assert.Equal(CallbacksShape.Dynamic, s.Callbacks!.Shape);
        Assert.Equal("callbacks is a class field", s.Callbacks.Reason);
    }

    [Fact]
    public void No_callbacks_means_null()
    {
        Assert.Null(Parse("define([], function () { return function () { return this; }; });").Callbacks);
    }

    [Theory]
    [InlineData("vendor/jquery.js", true)]
    [InlineData("lib/Vendors/x.js", true)]
    [InlineData("js/chart.min.js", true)]
    [InlineData("node_modules/a/b.js", true)]
    [InlineData("lib/settings_helper.js", false)]
    [InlineData("vendor.js", false)]
    [InlineData("src/vendorish/x.js", false)]
    public void Vendored_files_are_told_by_their_path(string path, bool vendored) =>
        Assert.Equal(vendored, ScriptDocument.IsVendoredPath(path));

    [Fact]
    public void A_vendored_file_is_not_parsed_by_validation()
    {
        var widget = TestWidget.Valid().Set("vendor/lib.js", "var a = ;").Set("lib/own.js", "var b = 1;").Load();
        KommoWidgetKit.Validation.WidgetValidator.Validate(widget);
        Assert.DoesNotContain(widget.OwnScripts, d => d.File.Path == "vendor/lib.js");
        Assert.Contains(widget.OwnScripts, d => d.File.Path == "lib/own.js");
        Assert.False(widget.Scripts["vendor/lib.js"].IsParsed);
        Assert.True(widget.Scripts["lib/own.js"].IsParsed);
    }

    [Fact]
    public void A_module_tree_let_go_after_validation_comes_back_on_use()
    {
        var widget = TestWidget.Valid().Set("lib/own.js", "define(['./other'], function () { return 1; });").Set("lib/other.js", "define([], function () { return 2; });").Load();
        var own = widget.Scripts["lib/own.js"];
        _ = own.Program; // parsed before validation, as the dev host or an editor would
        KommoWidgetKit.Validation.WidgetValidator.Validate(widget);
        // The values survive without a parse; the nodes come back by parsing again, equal to the first ones.
        Assert.Equal(["./other"], own.Dependencies.Select(d => d.Id));
        Assert.Null(own.Callbacks);
        Assert.NotNull(own.DefineCall);
        Assert.Equal((1, 1), (own.SpanOf(own.DefineCall!).StartLine, own.SpanOf(own.DefineCall!).StartColumn));
        Assert.NotNull(own.Program);
        // script.js keeps its tree: the callbacks rules read its nodes after the walk.
        Assert.Same(widget.Script!.Program, widget.Script.Program);
        Assert.Equal(CallbacksShape.Literal, widget.Callbacks!.Shape);
    }

    [Fact]
    public void One_walk_dispatches_to_every_registered_handler_in_document_order()
    {
        var s = Parse("define(['a'], function (a) { var x = f(1); g(h(2)); return function () { this.callbacks = {}; return this; }; });");
        var entered = new List<string>();
        var exited = new List<string>();
        bool ended = false;
        var visitors = new ScriptVisitors()
            .On(Acornima.Ast.NodeType.CallExpression, n => entered.Add(((Acornima.Ast.Identifier)((Acornima.Ast.CallExpression)n).Callee).Name))
            .OnExit(Acornima.Ast.NodeType.CallExpression, n => exited.Add(((Acornima.Ast.Identifier)((Acornima.Ast.CallExpression)n).Callee).Name))
            .OnEnd(() => ended = true);
        s.Walk(visitors);
        Assert.Equal(["define", "f", "g", "h"], entered);
        Assert.Equal(["f", "h", "g", "define"], exited);
        Assert.True(ended);
        // The facts were gathered in that same walk.
        Assert.NotNull(s.DefineCall);
        Assert.Equal(CallbacksShape.Literal, s.Callbacks!.Shape);
    }

    [Fact]
    public void A_deep_operator_chain_is_walked_without_recursion()
    {
        var js = "var x = " + string.Join(" + ", Enumerable.Repeat("a", 50_000)) + ";";
        var s = Parse(js);
        Assert.NotNull(s.Program);
        int identifiers = 0;
        s.Walk(new ScriptVisitors().On(Acornima.Ast.NodeType.Identifier, _ => identifiers++));
        Assert.Equal(50_001, identifiers);
    }
}
