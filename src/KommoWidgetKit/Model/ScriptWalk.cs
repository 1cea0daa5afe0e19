using Acornima.Ast;

namespace KommoWidgetKit.Model;

/// <summary>Handlers for one walk over a script's syntax tree, registered by node type (ESLint's rule model): everything
/// that needs to look at every node of a file registers here, and <see cref="ScriptDocument.Walk"/> visits each node once.</summary>
/// <remarks>Handlers run in document order (pre-order); exit handlers run after all of a node's descendants. The walk is
/// iterative, so deeply nested trees (long operator chains) cannot overflow the stack.</remarks>
public sealed class ScriptVisitors
{
    private static readonly int TypeCount = Enum.GetValues<NodeType>().Max(t => (int)t) + 1;

    private readonly Action<Node>?[] _enter = new Action<Node>?[TypeCount];
    private readonly Action<Node>?[] _exit = new Action<Node>?[TypeCount];
    private Action? _end;

    /// <summary>Runs <paramref name="handler"/> when the walk enters a node of <paramref name="type"/>.</summary>
    public ScriptVisitors On(NodeType type, Action<Node> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        _enter[(int)type] += handler;
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
        _exit[(int)type] += handler;
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
        for (int i = 0; i < TypeCount; i++)
        {
            merged._enter[i] = _enter[i] + other._enter[i];
            merged._exit[i] = _exit[i] + other._exit[i];
        }
        merged._end = _end + other._end;
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
            enter[type]?.Invoke(node);
            if (exit[type] is not null)
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
