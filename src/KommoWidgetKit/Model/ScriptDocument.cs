using Acornima;
using Acornima.Ast;
using KommoWidgetKit.Diagnostics;

namespace KommoWidgetKit.Model;

/// <summary>How the callbacks object was written.</summary>
public enum CallbacksShape
{
    /// <summary>The callbacks are set, but not as an object literal whose members are all known: another value, a class
    /// field, or a literal filled in at run time. See <see cref="ScriptCallbacks.Reason"/>.</summary>
    Dynamic = 1,
    /// <summary><c>this.callbacks = { ... }</c> and nothing added later: members are known.</summary>
    Literal = 2,
}

/// <summary>A member of the callbacks object, e.g. <c>render</c> or <c>leads.selected</c>, with its key and value nodes.</summary>
public sealed record CallbackMember(string Name, SourceSpan Span, bool IsFunction, Node Key, Node Value, bool IsMethod);

/// <summary>The widget's callbacks object as one file sets it: the one model every rule, <c>info</c> and the dev host read.</summary>
/// <param name="Document">The file that sets the callbacks.</param>
/// <param name="Shape">Literal only when the members are fully known.</param>
/// <param name="Node">The assignment (or class field) that sets the callbacks.</param>
/// <param name="Object">The object literal assigned, when there is one (also for a literal filled in at run time).</param>
/// <param name="Members">Members of the literal when <paramref name="Shape"/> is Literal; nested objects give dotted names
/// (<c>leads.selected</c>).</param>
/// <param name="Reason">Why the members cannot be checked, when <paramref name="Shape"/> is Dynamic.</param>
public sealed record ScriptCallbacks(ScriptDocument Document, CallbacksShape Shape, Node Node, ObjectExpression? Object, IReadOnlyList<CallbackMember> Members, string? Reason)
{
    /// <summary>Whether a (dotted) callback is present; a dotted name counts as present when its head is there but is not an
    /// object literal, since its members are unknown.</summary>
    public bool Has(string name)
    {
        CallbackMember? head = null;
        int dot = name.IndexOf('.');
        foreach (var m in Members)
        {
            if (m.Name == name) return true;
            if (dot > 0 && head is null && m.Name.Length == dot && name.StartsWith(m.Name, StringComparison.Ordinal)) head = m;
        }
        return head is not null && head.Value is not ObjectExpression;
    }
}

/// <summary>A JavaScript file: parsed with Acornima on first use, with the facts several rules share (the AMD shape, the
/// widget constructor, the callbacks object) gathered in the same single walk as the rules' own handlers.</summary>
/// <remarks>Safe to share between threads: parsing and the facts are computed once, under a lock.</remarks>
public sealed class ScriptDocument
{
    /// <summary>Deepest bracket nesting analysed; deeper files are reported, not parsed.</summary>
    public const int MaxNesting = 400;

    private static readonly string[] VendorFolders = ["vendor", "vendors", "third_party", "third-party", "bower_components", "node_modules"];

    private readonly Lock _gate = new();
    private volatile bool _parsed;
    private volatile bool _analysed;
    private volatile bool _released;
    private string? _text;
    private Acornima.Ast.Script? _program;
    private string? _syntaxError;
    private SourceSpan? _syntaxErrorSpan;
    private bool _isEsModule;
    private CallExpression? _defineCall;
    private IReadOnlyList<(string Id, SourceSpan Span)> _dependencies = [];
    private Node? _factory, _constructor, _factoryNonConstructor;
    private string? _constructorName;
    private ScriptCallbacks? _callbacks;

    internal ScriptDocument(WidgetFile file)
    {
        File = file;
        IsVendored = IsVendoredPath(file.Path);
    }

    /// <summary>The file.</summary>
    public WidgetFile File { get; }

    /// <summary>Whether the file is an obviously vendored library (told from its path alone, so without parsing it): a
    /// <c>*.min.js</c> file, or any file in a vendor folder (<c>vendor/</c>, <c>vendors/</c>, <c>third_party/</c>,
    /// <c>third-party/</c>, <c>bower_components/</c>, <c>node_modules/</c>). Rules look only at the widget's own code.</summary>
    /// <remarks><c>lib/</c> is not a vendor folder: the docs put the widget's own modules there (<c>./lib/settings_helper.js</c>).</remarks>
    public bool IsVendored { get; }

    /// <summary>The decoded source text.</summary>
    public string Text
    {
        get
        {
            if (_text is null)
                lock (_gate) _text ??= Parsing.TextAnalysis.Decode(File.Content.Span);
            return _text;
        }
    }

    /// <summary>Whether the file has been parsed yet (it is parsed on first use of its tree or facts).</summary>
    public bool IsParsed => _parsed;

    /// <summary>The syntax tree, or null when the file does not parse as a script.</summary>
    public Acornima.Ast.Script? Program { get { Restore(); EnsureParsed(); return _program; } }

    /// <summary>The parser's message when the file does not parse.</summary>
    public string? SyntaxError { get { if (!_released) EnsureParsed(); return _syntaxError; } }

    /// <summary>Where the syntax error is.</summary>
    public SourceSpan? SyntaxErrorSpan { get { if (!_released) EnsureParsed(); return _syntaxErrorSpan; } }

    /// <summary>True when the file failed as a script but parses as an ES module (import/export).</summary>
    public bool IsEsModule { get { if (!_released) EnsureParsed(); return _isEsModule; } }

    /// <summary>The <c>define(...)</c> call, when found.</summary>
    public CallExpression? DefineCall { get { Restore(); EnsureAnalysed(); return _defineCall; } }

    /// <summary>The dependency ids listed in <c>define</c>, with their places.</summary>
    public IReadOnlyList<(string Id, SourceSpan Span)> Dependencies { get { if (!_released) EnsureAnalysed(); return _dependencies; } }

    /// <summary>The factory function passed to <c>define</c>.</summary>
    public Node? Factory { get { Restore(); EnsureAnalysed(); return _factory; } }

    /// <summary>The widget constructor the factory returns (a function or class), when it can be found statically.</summary>
    public Node? Constructor { get { Restore(); EnsureAnalysed(); return _constructor; } }

    /// <summary>Where the factory hands back something that is certainly not a constructor (an object literal, a literal,
    /// or nothing at all); null when it returns a function or when that cannot be told statically.</summary>
    public Node? FactoryNonConstructor { get { Restore(); EnsureAnalysed(); return _factoryNonConstructor; } }

    /// <summary>The constructor's name (<c>CustomWidget</c>), when it has one.</summary>
    public string? ConstructorName { get { if (!_released) EnsureAnalysed(); return _constructorName; } }

    /// <summary>How this file sets the callbacks object, or null when it does not.</summary>
    public ScriptCallbacks? Callbacks { get { if (!_released) EnsureAnalysed(); return _callbacks; } }

    /// <summary>The span of a node in this file (1-based columns).</summary>
    public SourceSpan SpanOf(Node node) =>
        new(File.Path, node.Location.Start.Line, node.Location.Start.Column + 1, node.Location.End.Line, node.Location.End.Column + 1);

    /// <summary>Walks the syntax tree once, dispatching to <paramref name="visitors"/>; the shared facts, when not yet known,
    /// are gathered in the same walk. Does nothing when the file does not parse.</summary>
    public void Walk(ScriptVisitors visitors)
    {
        ArgumentNullException.ThrowIfNull(visitors);
        Restore();
        EnsureParsed();
        if (_program is null) return;
        lock (_gate)
        {
            if (_analysed)
            {
                visitors.Walk(_program);
                return;
            }
            var facts = new FactCollector(this);
            var both = facts.Register(new ScriptVisitors()).Merge(visitors);
            both.Walk(_program);
            facts.Finish();
            _analysed = true;
        }
    }

    /// <summary>Lets the syntax tree and the decoded text go once the validator has walked the file, when no fact that holds
    /// nodes is needed later (a module that sets no callbacks). The facts kept as values (dependencies, constructor name,
    /// callbacks, syntax error) stay; anything that needs the tree again parses the file again, transparently. Keeping
    /// every tree of a large widget alive made the garbage collector touch fresh memory for all of them.</summary>
    internal void ReleaseTree()
    {
        lock (_gate)
        {
            if (!_analysed || _program is null || _callbacks is not null) return;
            _program = null;
            _defineCall = null;
            _factory = _constructor = _factoryNonConstructor = null;
            _text = null;
            _released = true;
        }
    }

    private void Restore()
    {
        if (!_released) return;
        lock (_gate)
        {
            if (!_released) return;
            _parsed = false;
            _analysed = false;
            _released = false;
        }
    }

    /// <summary>Whether a path names an obviously vendored library (see <see cref="IsVendored"/>).</summary>
    public static bool IsVendoredPath(string path)
    {
        if (path.EndsWith(".min.js", StringComparison.OrdinalIgnoreCase)) return true;
        int end = path.LastIndexOf('/');
        int start = 0;
        while (start < end)
        {
            int slash = path.IndexOf('/', start);
            var segment = path.AsSpan(start, slash - start);
            foreach (var folder in VendorFolders)
                if (segment.Equals(folder, StringComparison.OrdinalIgnoreCase)) return true;
            start = slash + 1;
        }
        return false;
    }

    private void EnsureParsed()
    {
        if (_parsed) return;
        lock (_gate)
        {
            if (_parsed) return;
            Parse();
            _parsed = true;
        }
    }

    private void EnsureAnalysed()
    {
        if (_analysed) return;
        Walk(Empty);
    }

    private static readonly ScriptVisitors Empty = new();

    private void Parse()
    {
        string text = Text;
        int depth = MeasureNesting(text);
        if (depth > MaxNesting)
        {
            _syntaxError = $"brackets are nested {depth} levels deep; at most {MaxNesting} are analysed";
            _syntaxErrorSpan = new SourceSpan(File.Path, 1, 1, 1, 1);
            _analysed = true;
            return;
        }
        try
        {
            _program = new Parser(new ParserOptions { AllowReturnOutsideFunction = true, AllowHashBang = true, Tolerant = false })
                .ParseScript(text, File.Path);
        }
        catch (ParseErrorException ex)
        {
            _syntaxError = ex.Description;
            _syntaxErrorSpan = new SourceSpan(File.Path, Math.Max(1, ex.LineNumber), ex.Column + 1, Math.Max(1, ex.LineNumber), ex.Column + 2);
            _isEsModule = TryModule(text, File.Path);
            _analysed = true;
        }
        catch (InsufficientExecutionStackException)
        {
            _syntaxError = "the file is nested too deeply to analyse";
            _syntaxErrorSpan = new SourceSpan(File.Path, 1, 1, 1, 1);
            _analysed = true;
        }
    }

    // The facts gathered during the walk: the first define(...) call, the first `x.callbacks = …` assignment, a class field
    // named callbacks, and whether the callbacks are added to later (a second assignment, callbacks.x = …, Object.assign).
    private sealed class FactCollector(ScriptDocument doc)
    {
        private CallExpression? _define;
        private AssignmentExpression? _callbacksAssign;
        private PropertyDefinition? _classField;
        private bool _augmented;

        public ScriptVisitors Register(ScriptVisitors visitors) => visitors
            .On(NodeType.CallExpression, OnCall)
            .On(NodeType.AssignmentExpression, OnAssign)
            .On(NodeType.PropertyDefinition, OnField);

        private void OnCall(Node node)
        {
            var call = (CallExpression)node;
            if (_define is null && call.Callee is Identifier { Name: "define" } && call.Arguments.Count > 0) _define = call;
            if (call.Arguments.Count > 1 && IsCallbacksMember(call.Arguments[0])
                && call.Callee is MemberExpression { Property: Identifier { Name: "assign" or "extend" } })
                _augmented = true;
        }

        private void OnAssign(Node node)
        {
            var assign = (AssignmentExpression)node;
            if (IsCallbacksMember(assign.Left))
            {
                if (_callbacksAssign is null) _callbacksAssign = assign;
                else _augmented = true;
            }
            else if (assign.Left is MemberExpression { Object: var target } && IsCallbacksMember(target))
            {
                _augmented = true;
            }
        }

        private void OnField(Node node)
        {
            if (_classField is null && node is PropertyDefinition { Computed: false, Key: Identifier { Name: "callbacks" } } field) _classField = field;
        }

        private static bool IsCallbacksMember(Node node) => node is MemberExpression { Property: Identifier { Name: "callbacks" }, Computed: false };

        public void Finish()
        {
            if (_define is { } call)
            {
                doc._defineCall = call;
                var args = call.Arguments;
                doc._factory = args[^1] is FunctionExpression or ArrowFunctionExpression ? args[^1] : null;
                if (doc._factory is not null) doc.FindConstructor(doc._factory);
                foreach (var arg in args)
                {
                    if (arg is not ArrayExpression deps) continue;
                    var list = new List<(string, SourceSpan)>(deps.Elements.Count);
                    foreach (var element in deps.Elements)
                        if (element is StringLiteral s) list.Add((s.Value, doc.SpanOf(s)));
                    doc._dependencies = list;
                    break;
                }
            }
            doc._callbacks = ReadCallbacks();
        }

        private ScriptCallbacks? ReadCallbacks()
        {
            if (_callbacksAssign is not { } assign)
                // Classes compiled without down-levelling keep "callbacks = {...}" as a field.
                return _classField is null ? null : new ScriptCallbacks(doc, CallbacksShape.Dynamic, _classField, null, [], "callbacks is a class field");
            if (assign.Right is not ObjectExpression obj)
                return new ScriptCallbacks(doc, CallbacksShape.Dynamic, assign, null, [], "callbacks is assigned a value that is not an object literal");
            // An object literal that is filled in later (callbacks[name] = fn, a second assignment, Object.assign) is dynamic
            // too: the official React scaffold starts from "callbacks = {}" and adds members at run time.
            if (_augmented)
                return new ScriptCallbacks(doc, CallbacksShape.Dynamic, assign, obj, [], "members are added to callbacks at run time");
            return new ScriptCallbacks(doc, CallbacksShape.Literal, assign, obj, doc.ReadMembers(obj, ""), null);
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
            _factoryNonConstructor = factory;
            return;
        }
        switch (returned)
        {
            case ObjectExpression or ArrayExpression or Literal or TemplateLiteral:
                _factoryNonConstructor = returned;
                return;
            case FunctionExpression or ClassExpression or ArrowFunctionExpression:
                _constructor = returned;
                _constructorName = (returned as FunctionExpression)?.Id?.Name ?? (returned as ClassExpression)?.Id?.Name;
                return;
            case Identifier id when body is FunctionBody fb:
                _constructorName = id.Name;
                foreach (var statement in fb.Body)
                {
                    switch (statement)
                    {
                        case FunctionDeclaration fd when fd.Id?.Name == id.Name:
                            _constructor = fd;
                            return;
                        case ClassDeclaration cd when cd.Id?.Name == id.Name:
                            _constructor = cd;
                            return;
                        case VariableDeclaration vd:
                            foreach (var d in vd.Declarations)
                                if (d.Id is Identifier { } name && name.Name == id.Name && d.Init is FunctionExpression or ClassExpression or ArrowFunctionExpression)
                                {
                                    _constructor = d.Init;
                                    return;
                                }
                            break;
                    }
                }
                return;
        }
    }

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

    private static readonly System.Buffers.SearchValues<char> NestingChars = System.Buffers.SearchValues.Create("()[]{}\"'`/");

    // A cheap scan that skips strings and comments; it guards the recursive parser against hostile nesting. It jumps from one
    // interesting character to the next with a vectorised search.
    private static int MeasureNesting(string text)
    {
        int depth = 0, max = 0;
        var span = text.AsSpan();
        int i = 0;
        while (i < span.Length)
        {
            int next = span[i..].IndexOfAny(NestingChars);
            if (next < 0) break;
            i += next;
            char c = span[i];
            switch (c)
            {
                case '(' or '[' or '{':
                    if (++depth > max) max = depth;
                    break;
                case ')' or ']' or '}':
                    if (depth > 0) depth--;
                    break;
                case '"' or '\'' or '`':
                    for (i++; i < span.Length && span[i] != c && span[i] != '\n'; i++)
                        if (span[i] == '\\') i++;
                    break;
                case '/' when i + 1 < span.Length && span[i + 1] == '/':
                    int eol = span[i..].IndexOf('\n');
                    i = eol < 0 ? span.Length : i + eol;
                    break;
                case '/' when i + 1 < span.Length && span[i + 1] == '*':
                    int end = text.IndexOf("*/", i + 2, StringComparison.Ordinal);
                    i = end < 0 ? span.Length : end + 1;
                    break;
            }
            i++;
        }
        return max;
    }
}
