using Microsoft.Data.Sqlite;

namespace KommoWidgetKit.Sandbox.Model;

/// <summary>One enum option of a custom field.</summary>
internal sealed record EnumDef(long Id, string Value, int Sort);

/// <summary>A custom field definition as stored in <c>api_custom_fields</c>.</summary>
internal sealed class FieldDef
{
    public long Id { get; init; }

    public required string EntityType { get; init; }

    public required string Name { get; init; }

    public required string Type { get; init; }

    public string? Code { get; init; }

    public int Sort { get; init; }

    public bool IsApiOnly { get; init; }

    public List<EnumDef>? Enums { get; init; }

    public string? GroupId { get; init; }

    public string RequiredStatuses { get; init; } = "[]";

    public bool IsDeletable { get; init; }

    public bool IsPredefined { get; init; }

    public string? Remind { get; init; }

    public string? Currency { get; init; }

    public string? Settings { get; init; }

    /// <summary>Types whose values point at an enum option.</summary>
    public bool IsEnumBacked => Type is "select" or "multiselect" or "radiobutton" or "category" or "multitext" or "smart_address";

    /// <summary>The <c>enum_code</c> of a value: multitext and address options are codes themselves, list options have none.</summary>
    public string? EnumCode(EnumDef option) => Type is "multitext" or "smart_address" ? option.Value : null;

    public const string SelectColumns =
        "id, entity_type, name, type, code, sort, is_api_only, enums, group_id, required_statuses, is_deletable, is_predefined, remind, currency, settings";

    public static FieldDef Read(SqliteDataReader r) => new()
    {
        Id = r.GetInt64(0),
        EntityType = r.GetString(1),
        Name = r.GetString(2),
        Type = r.GetString(3),
        Code = r.IsDBNull(4) ? null : r.GetString(4),
        Sort = r.GetInt32(5),
        IsApiOnly = r.GetInt64(6) != 0,
        Enums = r.IsDBNull(7) ? null : ParseEnums(r.GetString(7)),
        GroupId = r.IsDBNull(8) ? null : r.GetString(8),
        RequiredStatuses = r.GetString(9),
        IsDeletable = r.GetInt64(10) != 0,
        IsPredefined = r.GetInt64(11) != 0,
        Remind = r.IsDBNull(12) ? null : r.GetString(12),
        Currency = r.IsDBNull(13) ? null : r.GetString(13),
        Settings = r.IsDBNull(14) ? null : r.GetString(14),
    };

    public static List<EnumDef> ParseEnums(string json)
    {
        var list = new List<EnumDef>();
        foreach (var node in JsonNode.Parse(json)!.AsArray())
        {
            list.Add(new EnumDef((long)node!["id"]!, (string)node["value"]!, (int)node["sort"]!));
        }

        return list;
    }

    public static string EnumsJson(IEnumerable<EnumDef> enums)
    {
        var array = new JsonArray();
        foreach (var e in enums)
        {
            array.Add((JsonNode)new JsonObject { ["id"] = e.Id, ["value"] = e.Value, ["sort"] = e.Sort });
        }

        return array.ToJsonString();
    }

    /// <summary>Loads every definition of one entity type, in Kommo's list order (sort, then id).</summary>
    public static List<FieldDef> LoadAll(SqliteConnection connection, SqliteTransaction tx, string entityType)
    {
        using var command = SandboxDatabase.Command(connection, tx,
            $"SELECT {SelectColumns} FROM api_custom_fields WHERE entity_type = $e ORDER BY sort, id", ("$e", entityType));
        using var reader = command.ExecuteReader();
        var list = new List<FieldDef>();
        while (reader.Read())
        {
            list.Add(Read(reader));
        }

        return list;
    }
}

/// <summary>The definitions of one entity type indexed for rendering and validating values.</summary>
internal sealed class FieldSet
{
    public FieldSet(List<FieldDef> defs)
    {
        All = defs;
        foreach (var def in defs)
        {
            ById[def.Id] = def;
            if (def.Code is not null)
            {
                ByCode.TryAdd(def.Code, def);
            }
        }
    }

    public List<FieldDef> All { get; }

    public Dictionary<long, FieldDef> ById { get; } = [];

    public Dictionary<string, FieldDef> ByCode { get; } = new(StringComparer.OrdinalIgnoreCase);

    public static FieldSet Load(SqliteConnection connection, SqliteTransaction tx, string entityType) =>
        new(FieldDef.LoadAll(connection, tx, entityType));
}
