using System.Globalization;
using Microsoft.Data.Sqlite;

namespace KommoWidgetKit.Sandbox.Storage;

/// <summary>One result row by column name, with the conversions the renderers need.</summary>
internal sealed class Row
{
    private readonly Dictionary<string, object?> _values = new(StringComparer.Ordinal);

    public static Row Read(SqliteDataReader reader)
    {
        var row = new Row();
        for (var i = 0; i < reader.FieldCount; i++)
        {
            row._values[reader.GetName(i)] = reader.IsDBNull(i) ? null : reader.GetValue(i);
        }

        return row;
    }

    public static List<Row> ReadAll(SqliteCommand command)
    {
        using var reader = command.ExecuteReader();
        var rows = new List<Row>();
        while (reader.Read())
        {
            rows.Add(Read(reader));
        }

        return rows;
    }

    public static List<Row> Query(SqliteConnection c, SqliteTransaction? tx, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = SandboxDatabase.Command(c, tx, sql, parameters);
        return ReadAll(command);
    }

    public bool Has(string column) => _values.ContainsKey(column);

    public object? this[string column] => _values[column];

    public long Long(string column) => Convert.ToInt64(_values[column], CultureInfo.InvariantCulture);

    public long? NullableLong(string column) => _values[column] is { } v ? Convert.ToInt64(v, CultureInfo.InvariantCulture) : null;

    public string String(string column) => (string)_values[column]!;

    public string? NullableString(string column) => _values[column] as string;

    public bool Bool(string column) => Long(column) != 0;

    public JsonNode? IntNode(string column) => NullableLong(column) is { } v ? JsonValue.Create(v) : null;

    public JsonNode? TextNode(string column) => NullableString(column) is { } v ? JsonValue.Create(v) : null;

    /// <summary>Parses a JSON text column; null stays null.</summary>
    public JsonNode? JsonColumn(string column) => NullableString(column) is { } text ? JsonNode.Parse(text) : null;
}
