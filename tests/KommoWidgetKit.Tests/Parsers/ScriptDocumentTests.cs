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
        Assert.Equal(CallbacksShape.Literal, s.CallbacksShape);
        Assert.Equal(["render", "init", "bind_actions", "settings", "onSave", "destroy"], s.Callbacks.Select(c => c.Name));
        var render = s.Callbacks[0];
        Assert.Equal((5, 7), (render.Span.StartLine, render.Span.StartColumn));
    }

    [Fact]
    public void Nested_selected_callbacks_get_dotted_names()
    {
        var s = Parse("define([], function(){ return function(){ var self = this; self.callbacks = { render: function(){return true;}, leads: { selected: function(){} }, 'todo': { selected: () => 1 } }; return this; }; });");
        Assert.Equal(["render", "leads", "leads.selected", "todo", "todo.selected"], s.Callbacks.Select(c => c.Name));
        Assert.True(s.HasCallback("todo.selected"));
        Assert.True(s.Callbacks.Single(c => c.Name == "todo.selected").IsFunction);
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
        Assert.Equal(CallbacksShape.Dynamic, s.CallbacksShape);
        Assert.Empty(s.Callbacks);
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
        Assert.Equal(CallbacksShape.Literal, s.CallbacksShape);
    }
}
