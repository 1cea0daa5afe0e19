using Acornima.Ast;

namespace KommoWidgetKit.Model;

/// <summary>Handlers for one walk over a script's syntax tree, registered by node type (ESLint's rule model): everything
/// that needs to look at every node of a file registers here, and <see cref="ScriptDocument.Walk"/> visits each node once.</summary>
/// <remarks>Handlers run in document order (pre-order); exit handlers run after all of a node's descendants. The walk is
/// iterative, so deeply nested trees (long operator chains) cannot overflow the stack.</remarks>
public sealed class ScriptVisitors
{
    // Handlers by node type. Acornima's NodeType has fewer members than this; a larger value grows the arrays when a
    // handler is registered for it (reading the enum's values instead costs reflection at every start under Native AOT).
    private const int InitialTypeCount = 128;

    private Action<Node>?[] _enter = new Action<Node>?[InitialTypeCount];
    private Action<Node>?[] _exit = new Action<Node>?[InitialTypeCount];
    private Action? _end;

    private static void Add(ref Action<Node>?[] handlers, NodeType type, Action<Node> handler)
    {
        int i = (int)type;
        ArgumentOutOfRangeException.ThrowIfNegative(i, nameof(type));
        if (i >= handlers.Length) Array.Resize(ref handlers, i + 1);
        handlers[i] += handler;
    }

    /// <summary>Runs <paramref name="handler"/> when the walk enters a node of <paramref name="type"/>.</summary>
    public ScriptVisitors On(NodeType type, Action<Node> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        Add(ref _enter, type, handler);
        return this;
    }

    /// <summary>Runs <paramref name="handler"/> when the walk enters a node of any of <paramref name="types"/>.</summary>
    public ScriptVisitors On(ReadOnlySpan<NodeType> types, Action<Node> handler)
    {
        foreach (var type in types) On(type, handler);
        return this;
    }

    /// <summary>Runs <paramref name="handler"/> when the walk leaves a node of <paramref name="type"/> (after its descendants).</summary>
    public ScriptVisitors OnExit(NodeType type, Action<Node> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        Add(ref _exit, type, handler);
        return this;
    }

    /// <summary>Runs <paramref name="handler"/> when the walk leaves a node of any of <paramref name="types"/>.</summary>
    public ScriptVisitors OnExit(ReadOnlySpan<NodeType> types, Action<Node> handler)
    {
        foreach (var type in types) OnExit(type, handler);
        return this;
    }

    /// <summary>Runs <paramref name="handler"/> once the whole tree has been walked.</summary>
    public ScriptVisitors OnEnd(Action handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        _end += handler;
        return this;
    }

    /// <summary>A new set with the handlers of this set followed by those of <paramref name="other"/>, so two sets share one walk.</summary>
    public ScriptVisitors Merge(ScriptVisitors other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var merged = new ScriptVisitors();
        merged._enter = MergeArrays(_enter, other._enter);
        merged._exit = MergeArrays(_exit, other._exit);
        merged._end = _end + other._end;
        return merged;
    }

    private static Action<Node>?[] MergeArrays(Action<Node>?[] a, Action<Node>?[] b)
    {
        var merged = new Action<Node>?[Math.Max(a.Length, b.Length)];
        for (int i = 0; i < merged.Length; i++)
            merged[i] = (i < a.Length ? a[i] : null) + (i < b.Length ? b[i] : null);
        return merged;
    }

    /// <summary>Walks <paramref name="root"/> once, dispatching to the registered handlers.</summary>
    internal void Walk(Node root)
    {
        var enter = _enter;
        var exit = _exit;
        // One array as the stack; an entry with Exit set stands for "leave this node". Children are pushed in order and the
        // pushed run reversed in place, so no list is allocated per node.
        var stack = new Frame[256];
        int top = 0;
        stack[top++] = new Frame(root, false);
        while (top > 0)
        {
            var frame = stack[--top];
            var node = frame.Node;
            int type = (int)node.Type;
            if (frame.Exit)
            {
                exit[type]!(node);
                continue;
            }
            if ((uint)type < (uint)enter.Length) enter[type]?.Invoke(node);
            if ((uint)type < (uint)exit.Length && exit[type] is not null)
            {
                if (top == stack.Length) Array.Resize(ref stack, stack.Length * 2);
                stack[top++] = new Frame(node, true);
            }
            int first = top;
            foreach (var child in node.ChildNodes)
            {
                if (top == stack.Length) Array.Resize(ref stack, stack.Length * 2);
                stack[top++] = new Frame(child, false);
            }
            Array.Reverse(stack, first, top - first);
        }
        _end?.Invoke();
    }

    private readonly record struct Frame(Node Node, bool Exit);
}
