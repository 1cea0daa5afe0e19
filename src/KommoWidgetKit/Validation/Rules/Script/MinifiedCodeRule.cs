using System.Globalization;
using Acornima.Ast;
using KommoWidgetKit.Diagnostics;
using KommoWidgetKit.Model;

namespace KommoWidgetKit.Validation.Rules.Script;

/// <summary>KW2012: the public checklist forbids minified or obfuscated own code because moderators must read it (spec §1.1).</summary>
/// <remarks>
/// Heuristic, on script.js and own .js files (vendored libraries excluded) of at least <see cref="MinLength"/> characters:
/// <list type="bullet">
/// <item>minified: at least <see cref="LongLineShare"/> of the characters sit on lines longer than <see cref="LongLine"/>
/// characters, and at least <see cref="ShortNameShare"/> of the declared names (variables, functions, parameters; at least
/// <see cref="MinNames"/> of them) are one or two characters long;</item>
/// <item>obfuscated: at least <see cref="HexNameShare"/> of the declared names look like <c>_0x1a2b</c> (javascript-obfuscator).</item>
/// </list>
/// A webpack development bundle (long <c>eval("...")</c> lines, readable names) is therefore not minified.
/// </remarks>
public sealed class MinifiedCodeRule : ScriptRule
{
    /// <summary>Files shorter than this are not judged.</summary>
    public const int MinLength = 2000;
    /// <summary>A line longer than this counts as long.</summary>
    public const int LongLine = 500;
    /// <summary>Share of characters on long lines that suggests minification.</summary>
    public const double LongLineShare = 0.5;
    /// <summary>Share of one- or two-character names that suggests minification.</summary>
    public const double ShortNameShare = 0.5;
    /// <summary>Fewest declared names for the name statistics to count.</summary>
    public const int MinNames = 10;
    /// <summary>Share of <c>_0x…</c> names that suggests obfuscation.</summary>
    public const double HexNameShare = 0.3;

    /// <summary>The rule's descriptor.</summary>
    public static readonly DiagnosticDescriptor Rule = new(
        RuleIds.MinifiedCode, "minified-code", "Own code is minified or obfuscated",
        "{0} looks {1} ({2}); the public integration checklist asks for readable code: upload the unminified build (bundled third-party libraries may stay minified)",
        RuleCategory.Script, Severity.Warning, Profiles: ProfileScope.Public);

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => Rule;

    /// <inheritdoc />
    public override bool AppliesTo(ScriptDocument document) => document.Text.Length >= MinLength;

    /// <inheritdoc />
    public override void Register(ScriptFileContext file, ScriptVisitors visitors)
    {
        var doc = file.Document;
        int names = 0, hex = 0, shortNames = 0;
        void Count(string name)
        {
            names++;
            if (name.StartsWith("_0x", StringComparison.Ordinal)) hex++;
            if (name.Length <= 2) shortNames++;
        }
        void CountParams(in NodeList<Node> parameters)
        {
            foreach (var p in parameters)
                if (p is Identifier id) Count(id.Name);
        }
        visitors
            .On(NodeType.VariableDeclarator, node =>
            {
                if (((VariableDeclarator)node).Id is Identifier id) Count(id.Name);
            })
            .On(NodeType.FunctionDeclaration, node =>
            {
                var f = (FunctionDeclaration)node;
                if (f.Id is { } fid) Count(fid.Name);
                CountParams(f.Params);
            })
            .On(NodeType.FunctionExpression, node =>
            {
                var f = (FunctionExpression)node;
                if (f.Id is { } eid) Count(eid.Name);
                CountParams(f.Params);
            })
            .On(NodeType.ArrowFunctionExpression, node => CountParams(((ArrowFunctionExpression)node).Params))
            .OnEnd(() =>
            {
                if (names >= MinNames && hex >= HexNameShare * names)
                {
                    file.Report(Rule, SourceSpan.File(doc.File.Path), doc.File.Path, "obfuscated",
                        string.Create(CultureInfo.InvariantCulture, $"{hex} of {names} declared names look like _0x…"));
                    return;
                }
                if (names < MinNames || shortNames < ShortNameShare * names) return;
                var (longChars, firstLongLine, longest) = MeasureLines(doc.Text);
                if (longChars < LongLineShare * doc.Text.Length) return;
                file.Report(Rule, new SourceSpan(doc.File.Path, firstLongLine, 1, firstLongLine, 1), doc.File.Path, "minified",
                    string.Create(CultureInfo.InvariantCulture, $"{longChars * 100 / doc.Text.Length}% of the code is on lines over {LongLine} characters, the longest {longest}; {shortNames} of {names} declared names have one or two characters"));
            });
    }

    private static (int LongChars, int FirstLongLine, int Longest) MeasureLines(string text)
    {
        int longChars = 0, firstLong = 0, longest = 0, line = 1, start = 0;
        for (int i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && text[i] != '\n') continue;
            int length = i - start;
            if (length > longest) longest = length;
            if (length > LongLine)
            {
                longChars += length;
                if (firstLong == 0) firstLong = line;
            }
            line++;
            start = i + 1;
        }
        return (longChars, firstLong, longest);
    }
}
