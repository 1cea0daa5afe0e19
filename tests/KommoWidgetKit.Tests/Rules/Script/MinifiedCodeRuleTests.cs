using System.Text;
using KommoWidgetKit.Model;
using KommoWidgetKit.Tests.Support;
using KommoWidgetKit.Validation;

namespace KommoWidgetKit.Tests.Rules.Script;

public class MinifiedCodeRuleTests
{
    private static string Minified()
    {
        var sb = new StringBuilder("/* bundle */\ndefine([\"jquery\"],function(e){");
        for (int i = 0; i < 120; i++) sb.Append("var a").Append(i % 10).Append("=function(t,n){return t+n*").Append(i).Append("};");
        sb.Append("return function(){this.callbacks={render:function(){return!0},init:function(){return!0},bind_actions:function(){return!0},settings:function(){},onSave:function(){return!0}};return this}});\n");
        return sb.ToString();
    }

    private static string Readable()
    {
        var sb = new StringBuilder(TestWidget.ValidScript).Append('\n');
        for (int i = 0; i < 120; i++) sb.Append("function helperNumber").Append(i).Append("(first, second) {\n  return first + second * ").Append(i).Append(";\n}\n");
        return sb.ToString();
    }

    [Fact]
    public void Minified_script_is_reported_at_its_first_long_line_in_the_public_profile()
    {
        var w = TestWidget.Valid().Set("script.js", Minified());
        FindingAssert.Single(w, RuleIds.MinifiedCode, 2, 1, WidgetProfile.Public);
        FindingAssert.None(w, RuleIds.MinifiedCode);
    }

    [Fact]
    public void Obfuscated_names_are_reported_for_the_file()
    {
        var sb = new StringBuilder("define([], function () {\n");
        for (int i = 0; i < 60; i++) sb.Append("  var _0x").Append((0x1a2b + i).ToString("x", System.Globalization.CultureInfo.InvariantCulture)).Append(" = 'value number ").Append(i).Append("';\n");
        sb.Append("});\n");
        var w = TestWidget.Valid().Set("js/helpers.js", sb.ToString());
        var d = FindingAssert.Single(w, RuleIds.MinifiedCode, 0, 0, WidgetProfile.Public);
        Assert.Equal("js/helpers.js", d.Span.Path);
    }

    [Fact]
    public void Readable_code_long_lines_with_long_names_and_vendored_libraries_pass()
    {
        var longString = "define([], function () {\n  var templateMarkup = '" + new string('x', 3000) + "';\n  return templateMarkup;\n});\n";
        var w = TestWidget.Valid()
            .Set("script.js", Readable())
            .Set("js/markup.js", longString)
            .Set("lib/jquery.plugin.min.js", Minified());
        FindingAssert.None(w, RuleIds.MinifiedCode, WidgetProfile.Public);
    }

    [Fact]
    public void Webpack_development_bundle_with_eval_lines_is_not_minified()
    {
        var sb = new StringBuilder("define([\"jquery\"], function(__WEBPACK_EXTERNAL_MODULE_jquery__) {\n");
        for (int i = 0; i < 20; i++)
            sb.Append("/***/ \"./src/module").Append(i).Append(".js\": (function(module, exports, __webpack_require__) {\neval(\"").Append(new string('c', 600)).Append("\");\n/***/ }),\n");
        sb.Append("function __webpack_require__(moduleId) { var cachedModule = moduleCache[moduleId]; return cachedModule; }\n");
        sb.Append("var moduleCache = {}; var installedChunks = {}; var publicPath = ''; var chunkLoading = null; var scriptUrl = ''; var entryModule = null;\n});\n");
        FindingAssert.None(TestWidget.Valid().Set("script.js", sb.ToString()), RuleIds.MinifiedCode, WidgetProfile.Public);
    }
}
