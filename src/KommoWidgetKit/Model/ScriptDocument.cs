using Acornima;
using Acornima.Ast;
using KommoWidgetKit.Diagnostics;

namespace KommoWidgetKit.Model;

/// <summary>How the callbacks object was found in script.js.</summary>
public enum CallbacksShape
{
    /// <summary>No <c>callbacks</c> assignment was found.</summary>
    NotFound,
    /// <summary><c>this.callbacks = ...</c> with a value that is not an object literal, so its members are unknown.</summary>
    Dynamic,
    /// <summary><c>this.callbacks = { ... }</c>: members are known.</summary>
    Literal,
}

/// <summary>A member of the callbacks object, e.g. <c>render</c> or <c>leads.selected</c>, with its key and value nodes.</summary>
public sealed record CallbackMember(string Name, SourceSpan Span, bool IsFunction, Node Key, Node Value, bool IsMethod);

/// <summary>A JavaScript file parsed with Acornima, with the AMD module shape recognised.</summary>
public sealed class ScriptDocument
{
    /// <summary>Deepest bracket nesting analysed; deeper files are reported, not parsed.</summary>
    public const int MaxNesting = 400;

    internal ScriptDocument(WidgetFile file)
    {
        File = file;
        Text = Parsing.TextAnalysis.Decode(file.Content.Span);
        int depth = MeasureNesting(Text);
        if (depth > MaxNesting)
        {
            SyntaxError = $"brackets are nested {depth} levels deep; at most {MaxNesting} are analysed";
            SyntaxErrorSpan = new SourceSpan(file.Path, 1, 1, 1, 1);
            return;
        }
        try
        {
            Program = new Parser(new ParserOptions { AllowReturnOutsideFunction = true, AllowHashBang = true, Tolerant = false })
                .ParseScript(Text, file.Path);
        }
        catch (ParseErrorException ex)
        {
            SyntaxError = ex.Description;
            SyntaxErrorSpan = new SourceSpan(file.Path, Math.Max(1, ex.LineNumber), ex.Column + 1, Math.Max(1, ex.LineNumber), ex.Column + 2);
            IsEsModule = TryModule(Text, file.Path);
            return;
        }
        catch (InsufficientExecutionStackException)
        {
            SyntaxError = "the file is nested too deeply to analyse";
            SyntaxErrorSpan = new SourceSpan(file.Path, 1, 1, 1, 1);
            return;
        }
        AnalyseAmd(Program);
    }

    /// <summary>The file.</summary>
    public WidgetFile File { get; }

    /// <summary>The decoded source text.</summary>
    public string Text { get; }

    /// <summary>The syntax tree, or null when the file does not parse as a script.</summary>
    public Acornima.Ast.Script? Program { get; }

    /// <summary>The parser's message when the file does not parse.</summary>
    public string? SyntaxError { get; }

    /// <summary>Where the syntax error is.</summary>
    public SourceSpan? SyntaxErrorSpan { get; }

    /// <summary>True when the file failed as a script but parses as an ES module (import/export).</summary>
    public bool IsEsModule { get; }

    /// <summary>The <c>define(...)</c> call, when found.</summary>
    public CallExpression? DefineCall { get; private set; }

    /// <summary>The dependency ids listed in <c>define</c>, with their places.</summary>
    public IReadOnlyList<(string Id, SourceSpan Span)> Dependencies { get; private set; } = [];

    /// <summary>The factory function passed to <c>define</c>.</summary>
    public Node? Factory { get; private set; }

    /// <summary>The widget constructor the factory returns (a function or class), when it can be found statically.</summary>
    public Node? Constructor { get; private set; }

    /// <summary>Where the factory hands back something that is certainly not a constructor (an object literal, a literal,
    /// or nothing at all); null when it returns a function or when that cannot be told statically.</summary>
    public Node? FactoryNonConstructor { get; private set; }

    /// <summary>The constructor's name (<c>CustomWidget</c>), when it has one.</summary>
    public string? ConstructorName { get; private set; }

    /// <summary>How the callbacks object was written.</summary>
    public CallbacksShape CallbacksShape { get; private set; }

    /// <summary>The <c>callbacks</c> assignment, when found.</summary>
    public Node? CallbacksNode { get; private set; }

    /// <summary>Members of a literal callbacks object; nested objects give dotted names (<c>leads.selected</c>).</summary>
    public IReadOnlyList<CallbackMember> Callbacks { get; private set; } = [];

    /// <summary>Whether the callbacks object has a member with this (dotted) name.</summary>
    public bool HasCallback(string name) => Callbacks.Any(c => c.Name == name);

    /// <summary>The span of a node in this file (1-based columns).</summary>
    public SourceSpan SpanOf(Node node) =>
        new(File.Path, node.Location.Start.Line, node.Location.Start.Column + 1, node.Location.End.Line, node.Location.End.Column + 1);

    /// <summary>Every node of the tree (empty when the file did not parse).</summary>
    public IEnumerable<Node> AllNodes() => Program?.DescendantNodes() ?? [];

    private void AnalyseAmd(Acornima.Ast.Script program)
    {
        foreach (var node in program.DescendantNodes())
        {
            if (DefineCall is null && node is CallExpression { Callee: Identifier { Name: "define" } } call && call.Arguments.Count > 0)
            {
                DefineCall = call;
                var args = call.Arguments;
                Factory = args[^1] is FunctionExpression or ArrowFunctionExpression ? args[^1] : null;
                if (Factory is not null) FindConstructor(Factory);
                var deps = args.OfType<ArrayExpression>().FirstOrDefault();
                if (deps is not null)
                    Dependencies = deps.Elements.OfType<StringLiteral>().Select(s => (s.Value, SpanOf(s))).ToList();
            }
            if (CallbacksNode is null && node is AssignmentExpression { Left: MemberExpression { Property: Identifier { Name: "callbacks" }, Computed: false } } assign)
            {
                CallbacksNode = assign;
                if (assign.Right is ObjectExpression obj)
                {
                    CallbacksShape = CallbacksShape.Literal;
                    Callbacks = ReadCallbackMembers(obj);
                }
                else
                {
                    CallbacksShape = CallbacksShape.Dynamic;
                }
            }
        }
    }

    // The factory returns the constructor: `return function () {…}`, `return CustomWidget;` naming a function or
    // class declared in the factory, or an arrow factory's expression body.
    private void FindConstructor(Node factory)
    {
        Node? body = factory switch
        {
            FunctionExpression f => f.Body,
            ArrowFunctionExpression a => a.Body,
            _ => null,
        };
        Node? returned = body switch
        {
            FunctionBody block => block.Body.OfType<ReturnStatement>().LastOrDefault()?.Argument,
            Expression e => e,
            _ => null,
        };
        if (body is FunctionBody noReturn && !noReturn.Body.OfType<ReturnStatement>().Any())
        {
            FactoryNonConstructor = factory;
            return;
        }
        switch (returned)
        {
            case ObjectExpression or ArrayExpression or Literal or TemplateLiteral:
                FactoryNonConstructor = returned;
                return;
            case FunctionExpression or ClassExpression or ArrowFunctionExpression:
                Constructor = returned;
                ConstructorName = (returned as FunctionExpression)?.Id?.Name ?? (returned as ClassExpression)?.Id?.Name;
                return;
            case Identifier id when body is FunctionBody fb:
                ConstructorName = id.Name;
                foreach (var statement in fb.Body)
                {
                    switch (statement)
                    {
                        case FunctionDeclaration fd when fd.Id?.Name == id.Name:
                            Constructor = fd;
                            return;
                        case ClassDeclaration cd when cd.Id?.Name == id.Name:
                            Constructor = cd;
                            return;
                        case VariableDeclaration vd:
                            foreach (var d in vd.Declarations)
                                if (d.Id is Identifier { } name && name.Name == id.Name && d.Init is FunctionExpression or ClassExpression or ArrowFunctionExpression)
                                {
                                    Constructor = d.Init;
                                    return;
                                }
                            break;
                    }
                }
                return;
        }
    }

    /// <summary>The members of a callbacks object literal in this file; nested objects give dotted names (<c>leads.selected</c>).</summary>
    public IReadOnlyList<CallbackMember> ReadCallbackMembers(ObjectExpression obj) => ReadMembers(obj, "");

    private List<CallbackMember> ReadMembers(ObjectExpression obj, string prefix)
    {
        var list = new List<CallbackMember>();
        foreach (var p in obj.Properties)
        {
            if (p is not Property prop) continue;
            string? name = prop.Key switch
            {
                Identifier id when !prop.Computed => id.Name,
                StringLiteral s => s.Value,
                _ => null,
            };
            if (name is null) continue;
            string full = prefix.Length == 0 ? name : prefix + "." + name;
            var value = prop.Value;
            bool isFunction = value is FunctionExpression or ArrowFunctionExpression || prop.Method;
            list.Add(new CallbackMember(full, SpanOf(prop.Key), isFunction, prop.Key, value, prop.Method));
            if (value is ObjectExpression nested && prefix.Length == 0)
                list.AddRange(ReadMembers(nested, full));
        }
        return list;
    }

    private static bool TryModule(string text, string path)
    {
        try
        {
            new Parser().ParseModule(text, path);
            return true;
        }
        catch (Exception ex) when (ex is ParseErrorException or InsufficientExecutionStackException)
        {
            return false;
        }
    }

    // A cheap scan that skips strings and comments; it guards the recursive parser against hostile nesting.
    private static int MeasureNesting(string text)
    {
        int depth = 0, max = 0;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            switch (c)
            {
                case '(' or '[' or '{':
                    if (++depth > max) max = depth;
                    break;
                case ')' or ']' or '}':
                    if (depth > 0) depth--;
                    break;
                case '"' or '\'' or '`':
                    for (i++; i < text.Length && text[i] != c && text[i] != '\n'; i++)
                        if (text[i] == '\\') i++;
                    break;
                case '/' when i + 1 < text.Length && text[i + 1] == '/':
                    while (i < text.Length && text[i] != '\n') i++;
                    break;
                case '/' when i + 1 < text.Length && text[i + 1] == '*':
                    int end = text.IndexOf("*/", i + 2, StringComparison.Ordinal);
                    i = end < 0 ? text.Length : end + 1;
                    break;
            }
        }
        return max;
    }
}
