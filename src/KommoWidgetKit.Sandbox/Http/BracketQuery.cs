using System.Globalization;

namespace KommoWidgetKit.Sandbox.Http;

/// <summary>A node of a PHP-style query (<c>filter[statuses][0][pipeline_id]=1</c>): scalar values and named children.</summary>
internal sealed class QueryNode
{
    public List<string> Values { get; } = [];

    public Dictionary<string, QueryNode> Children { get; } = new(StringComparer.Ordinal);

    public QueryNode? this[string key] => Children.GetValueOrDefault(key);

    /// <summary>Every scalar of a multiple filter: <c>f=a</c>, <c>f[]=a</c>, <c>f[0]=a</c> and repeated keys all count.</summary>
    public IEnumerable<string> AllValues()
    {
        foreach (var v in Values)
        {
            yield return v;
        }

        foreach (var (key, child) in Children)
        {
            if (key.Length > 0 && key.All(char.IsAsciiDigit))
            {
                foreach (var v in child.Values)
                {
                    yield return v;
                }
            }
        }
    }

    public bool HasRange => Children.ContainsKey("from") || Children.ContainsKey("to");

    public string? Scalar => Values.Count > 0 ? Values[^1] : null;

    /// <summary>Parses bracketed keys into a tree; <c>[]</c> appends to the node's own values.</summary>
    public static QueryNode Parse(IQueryCollection query)
    {
        var root = new QueryNode();
        foreach (var (key, values) in query)
        {
            var node = root;
            var open = key.IndexOf('[', StringComparison.Ordinal);
            var head = open < 0 ? key : key[..open];
            node = node.Child(head);
            while (open >= 0)
            {
                var close = key.IndexOf(']', open);
                if (close < 0)
                {
                    break;
                }

                var segment = key[(open + 1)..close];
                if (segment.Length > 0)
                {
                    node = node.Child(segment);
                }

                open = key.IndexOf('[', close);
            }

            foreach (var v in values)
            {
                if (v is not null)
                {
                    node.Values.Add(v);
                }
            }
        }

        return root;
    }

    private QueryNode Child(string key)
    {
        if (!Children.TryGetValue(key, out var child))
        {
            child = new QueryNode();
            Children[key] = child;
        }

        return child;
    }

    public static bool TryLong(string? text, out long value) =>
        long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
}
