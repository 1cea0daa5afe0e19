namespace KommoWidgetKit.Sandbox.Storage;

/// <summary>Custom field definitions: rendering, validation of adds and edits.</summary>
internal static class CustomFieldRepository
{
    private static readonly string[] CommonTypes =
        ["text", "numeric", "checkbox", "select", "multiselect", "date", "url", "date_time", "textarea", "radiobutton", "streetaddress",
         "smart_address", "birthday", "legal_entity", "file", "monetary"];

    public static bool TypeAllowed(string entityType, string type) =>
        CommonTypes.Contains(type)
        || (type == "multitext" && entityType is "contacts" or "companies")
        || (type is "chained_list" or "tracking_data" && entityType == "leads");

    public static JsonObject Render(ApiContext ctx, FieldDef def)
    {
        JsonArray? enums = null;
        if (def.Enums is { } list)
        {
            enums = [];
            foreach (var e in list)
            {
                enums.Add((JsonNode)new JsonObject { ["id"] = e.Id, ["value"] = e.Value, ["sort"] = e.Sort });
            }
        }

        return new JsonObject
        {
            ["id"] = def.Id,
            ["name"] = def.Name,
            ["type"] = def.Type,
            ["account_id"] = ctx.AccountId,
            ["code"] = def.Code,
            ["sort"] = def.Sort,
            ["is_api_only"] = def.IsApiOnly,
            ["enums"] = enums,
            ["group_id"] = def.GroupId,
            ["required_statuses"] = JsonNode.Parse(def.RequiredStatuses),
            ["is_deletable"] = def.IsDeletable,
            ["is_predefined"] = def.IsPredefined,
            ["entity_type"] = def.EntityType,
            ["remind"] = def.Remind,
            ["currency"] = def.Currency,
            ["settings"] = def.Settings is null ? null : JsonNode.Parse(def.Settings),
            ["_links"] = ctx.Links($"/api/v4/{def.EntityType}/custom_fields/{def.Id}"),
        };
    }

    /// <summary>Validates one definition to add (<paramref name="existing"/> null) or edit, and writes it; returns its id or null.</summary>
    public static long? Save(WriteContext w, string entityType, ItemReader r, FieldDef? existing)
    {
        var before = r.Errors.Count;
        var cols = new List<(string Column, object? Value)>();
        var type = existing?.Type;
        if (r.Text("type", out var newType))
        {
            if (existing is not null && newType != existing.Type)
            {
                r.Errors.Add(FieldError.Choice(r.Path("type")));
            }
            else if (!TypeAllowed(entityType, newType))
            {
                r.Errors.Add(FieldError.Choice(r.Path("type")));
            }
            else
            {
                type = newType;
                cols.Add(("type", newType));
            }
        }
        else if (existing is null && !r.Has("type"))
        {
            r.Errors.Add(FieldError.Blank(r.Path("type")));
        }

        if (r.Text("name", out var name))
        {
            if (string.IsNullOrWhiteSpace(name))
            {
                r.Errors.Add(FieldError.Blank(r.Path("name")));
            }
            else
            {
                cols.Add(("name", name));
            }
        }
        else if (existing is null && !r.Has("name"))
        {
            r.Errors.Add(FieldError.Blank(r.Path("name")));
        }

        if (r.Has("code"))
        {
            if (r["code"] is null)
            {
                cols.Add(("code", null));
            }
            else if (r.Text("code", out var code))
            {
                var clash = w.Fields(entityType).ByCode.TryGetValue(code, out var other) && other.Id != existing?.Id;
                if (clash)
                {
                    r.Errors.Add(FieldError.Invalid(r.Path("code"), "This code is already used."));
                }
                else
                {
                    cols.Add(("code", code));
                }
            }
        }

        if (r.Int("sort", out var sort))
        {
            cols.Add(("sort", sort));
        }

        if (r.Bool("is_api_only", out var apiOnly))
        {
            cols.Add(("is_api_only", apiOnly ? 1 : 0));
        }

        if (r.Has("remind") && r.Text("remind", out var remind))
        {
            if (remind is "never" or "day" or "week" or "month")
            {
                cols.Add(("remind", remind));
            }
            else
            {
                r.Errors.Add(FieldError.Choice(r.Path("remind")));
            }
        }

        if (r.Has("currency") && r.Text("currency", out var currency))
        {
            cols.Add(("currency", currency));
        }

        var enumBacked = type is "select" or "multiselect" or "radiobutton" or "category" or "multitext";
        if (r.Has("enums"))
        {
            if (!enumBacked)
            {
                r.Errors.Add(FieldError.Invalid(r.Path("enums"), "This field type has no enums."));
            }
            else if (r["enums"] is not JsonArray enums || enums.Count == 0)
            {
                r.Errors.Add(FieldError.Type(r.Path("enums"), "array"));
            }
            else
            {
                var list = new List<EnumDef>();
                var nextId = NextEnumId(w);
                for (var i = 0; i < enums.Count; i++)
                {
                    var path = r.Path($"enums.{i}");
                    if (enums[i] is not JsonObject e || e["value"]?.GetValueKind() != JsonValueKind.String)
                    {
                        r.Errors.Add(FieldError.Blank(path + ".value"));
                        continue;
                    }

                    var enumSort = CustomFieldValues.TryLong(e["sort"], out var s) ? (int)s : (i + 1) * 10;
                    long enumId;
                    if (e["id"] is { } idNode)
                    {
                        if (!CustomFieldValues.TryLong(idNode, out enumId) || existing?.Enums?.Any(x => x.Id == enumId) != true)
                        {
                            r.Errors.Add(FieldError.Choice(path + ".id"));
                            continue;
                        }
                    }
                    else
                    {
                        enumId = nextId++;
                    }

                    list.Add(new EnumDef(enumId, (string)e["value"]!, enumSort));
                }

                cols.Add(("enums", FieldDef.EnumsJson(list)));
            }
        }
        else if (existing is null && enumBacked)
        {
            r.Errors.Add(FieldError.Blank(r.Path("enums")));
        }

        if (r.Has("settings"))
        {
            cols.Add(("settings", r["settings"]?.ToJsonString()));
        }

        if (r.Has("required_statuses"))
        {
            if (r["required_statuses"] is JsonArray statuses)
            {
                cols.Add(("required_statuses", statuses.ToJsonString()));
            }
            else
            {
                r.Errors.Add(FieldError.Type(r.Path("required_statuses"), "array"));
            }
        }

        if (r.Errors.Count > before)
        {
            return null;
        }

        if (existing is not null)
        {
            SandboxDatabase.Update(w.C, w.Tx, "api_custom_fields", "id = $id", cols, ("$id", existing.Id));
            return existing.Id;
        }

        var defaults = new List<(string Column, object? Value)>
        {
            ("entity_type", entityType), ("sort", 500L), ("is_api_only", 0), ("required_statuses", "[]"), ("is_deletable", 1), ("is_predefined", 0),
        };
        if (type == "birthday")
        {
            defaults.Add(("remind", "never"));
        }

        var values = defaults.Where(d => !cols.Any(c => c.Column == d.Column)).Concat(cols).ToList();
        return SandboxDatabase.Insert(w.C, w.Tx, "api_custom_fields", values);
    }

    private static long NextEnumId(WriteContext w)
    {
        var max = 2000000L;
        foreach (var row in Row.Query(w.C, w.Tx, "SELECT enums FROM api_custom_fields WHERE enums IS NOT NULL"))
        {
            foreach (var e in FieldDef.ParseEnums(row.String("enums")))
            {
                max = Math.Max(max, e.Id);
            }
        }

        return max + 1;
    }
}
