using System.Globalization;
using Microsoft.Data.Sqlite;

namespace KommoWidgetKit.Sandbox.Storage;

/// <summary>Collects WHERE clauses and their parameters; filter values that do not parse are reported, not ignored.</summary>
internal sealed class SqlWhere
{
    private readonly List<string> _clauses = [];
    private readonly List<(string Name, object? Value)> _parameters = [];

    public List<string> Invalid { get; } = [];

    public string Param(object? value)
    {
        var name = "$w" + _parameters.Count.ToString(CultureInfo.InvariantCulture);
        _parameters.Add((name, value));
        return name;
    }

    public void Add(string clause) => _clauses.Add(clause);

    public string Sql => _clauses.Count == 0 ? string.Empty : " WHERE " + string.Join(" AND ", _clauses);

    public void Bind(SqliteCommand command)
    {
        foreach (var (name, value) in _parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }
    }

    /// <summary><c>filter[key]=1</c> or <c>filter[key][]=1&amp;filter[key][]=2</c>: OR within the filter.</summary>
    public void Ids(QueryNode filter, string key, string column)
    {
        if (filter[key] is not { } node)
        {
            return;
        }

        var ids = new List<string>();
        foreach (var text in node.AllValues().SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            if (!QueryNode.TryLong(text, out var id))
            {
                Invalid.Add($"filter[{key}]");
                return;
            }

            ids.Add(Param(id));
        }

        if (ids.Count > 0)
        {
            Add($"{column} IN ({string.Join(", ", ids)})");
        }
    }

    public void Texts(QueryNode filter, string key, string column)
    {
        if (filter[key] is not { } node)
        {
            return;
        }

        var values = node.AllValues().Select(v => Param(v)).ToList();
        if (values.Count > 0)
        {
            Add($"{column} COLLATE NOCASE IN ({string.Join(", ", values)})");
        }
    }

    /// <summary><c>[from]</c>/<c>[to]</c> bounds (either alone); a bare value matches exactly, or from that value on when <paramref name="scalarIsFrom"/>.</summary>
    public void Range(QueryNode filter, string key, string expression, bool scalarIsFrom = false)
    {
        if (filter[key] is not { } node)
        {
            return;
        }

        if (node.HasRange)
        {
            foreach (var (bound, op) in new[] { ("from", ">="), ("to", "<=") })
            {
                if (node[bound]?.Scalar is { } text)
                {
                    if (!QueryNode.TryLong(text, out var value))
                    {
                        Invalid.Add($"filter[{key}][{bound}]");
                        return;
                    }

                    Add($"{expression} {op} {Param(value)}");
                }
            }

            return;
        }

        var values = new List<string>();
        foreach (var text in node.AllValues())
        {
            if (!QueryNode.TryLong(text, out var value))
            {
                Invalid.Add($"filter[{key}]");
                return;
            }

            values.Add(Param(value));
        }

        if (values.Count == 1 && scalarIsFrom)
        {
            Add($"{expression} >= {values[0]}");
        }
        else if (values.Count > 0)
        {
            Add($"{expression} IN ({string.Join(", ", values)})");
        }
    }

    public static string Like(string text) =>
        "%" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
}
