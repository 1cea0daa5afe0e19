using System.Globalization;

namespace KommoWidgetKit.Sandbox.Model;

/// <summary>Reads, validates and renders <c>custom_fields_values</c>, stored as JSON text on each entity row.</summary>
internal static class CustomFieldValues
{
    private static readonly string[] AddressCodes = ["address_line_1", "address_line_2", "city", "state", "zip", "country"];

    /// <summary>Stored form to API form: adds <c>field_name</c>, <c>field_code</c>, <c>field_type</c> and enum codes; null when empty.</summary>
    public static JsonNode? Render(string storedJson, FieldSet fields)
    {
        var stored = JsonNode.Parse(storedJson) as JsonArray;
        if (stored is null || stored.Count == 0)
        {
            return null;
        }

        var result = new JsonArray();
        foreach (var item in stored)
        {
            var fieldId = (long)item!["field_id"]!;
            if (!fields.ById.TryGetValue(fieldId, out var def))
            {
                continue; // the field was deleted; Kommo drops its values with it
            }

            var values = new JsonArray();
            foreach (var value in item["values"]!.AsArray())
            {
                var rendered = new JsonObject();
                if (def.Type == "chained_list")
                {
                    rendered["catalog_id"] = value!["catalog_id"]?.DeepClone();
                    rendered["catalog_element_id"] = value["catalog_element_id"]?.DeepClone();
                    values.Add((JsonNode)rendered);
                    continue;
                }

                rendered["value"] = value!["value"]?.DeepClone();
                if (def.IsEnumBacked && value["enum_id"] is { } enumNode)
                {
                    var enumId = (long)enumNode;
                    rendered["enum_id"] = enumId;
                    var option = def.Enums?.FirstOrDefault(e => e.Id == enumId);
                    rendered["enum_code"] = option is null ? null : def.EnumCode(option);
                }

                values.Add((JsonNode)rendered);
            }

            result.Add((JsonNode)new JsonObject
            {
                ["field_id"] = def.Id,
                ["field_name"] = def.Name,
                ["field_code"] = def.Code,
                ["field_type"] = def.Type,
                ["values"] = values,
            });
        }

        return result.Count == 0 ? null : result;
    }

    /// <summary>Validates the input array and merges it into the stored one: a field sent replaces its values, <c>values: null</c> clears it.</summary>
    public static string? Merge(JsonNode? input, string storedJson, FieldSet fields, List<FieldError> errors)
    {
        const string root = "custom_fields_values";
        if (input is null)
        {
            return "[]"; // custom_fields_values: null clears every field
        }

        if (input is not JsonArray array)
        {
            errors.Add(FieldError.Type(root, "array"));
            return null;
        }

        var merged = new List<JsonObject>();
        foreach (var node in (JsonNode.Parse(storedJson) as JsonArray) ?? [])
        {
            merged.Add((JsonObject)node!.DeepClone());
        }

        var before = errors.Count;
        for (var i = 0; i < array.Count; i++)
        {
            var path = $"{root}.{i}";
            if (array[i] is not JsonObject item)
            {
                errors.Add(FieldError.Type(path, "object"));
                continue;
            }

            FieldDef? def = null;
            if (item["field_id"] is { } idNode)
            {
                if (!TryLong(idNode, out var fieldId) || !fields.ById.TryGetValue(fieldId, out def))
                {
                    errors.Add(FieldError.Choice(path + ".field_id"));
                    continue;
                }
            }
            else if (item["field_code"] is { } codeNode)
            {
                if (codeNode.GetValueKind() != JsonValueKind.String || !fields.ByCode.TryGetValue((string)codeNode!, out def))
                {
                    errors.Add(FieldError.Choice(path + ".field_code"));
                    continue;
                }
            }
            else
            {
                errors.Add(FieldError.Blank(path + ".field_id"));
                continue;
            }

            merged.RemoveAll(m => (long)m["field_id"]! == def.Id);
            var valuesNode = item["values"];
            if (valuesNode is null)
            {
                continue; // values: null clears the field
            }

            if (valuesNode is not JsonArray values)
            {
                errors.Add(FieldError.Type(path + ".values", "array"));
                continue;
            }

            var stored = ValidateValues(def, values, path + ".values", errors);
            if (stored.Count > 0)
            {
                merged.Add(new JsonObject { ["field_id"] = def.Id, ["values"] = stored });
            }
        }

        if (errors.Count > before)
        {
            return null;
        }

        var result = new JsonArray();
        foreach (var m in merged)
        {
            result.Add((JsonNode)m);
        }

        return result.ToJsonString();
    }

    private static JsonArray ValidateValues(FieldDef def, JsonArray values, string path, List<FieldError> errors)
    {
        var stored = new JsonArray();
        var single = def.Type is "select" or "radiobutton" or "category" or "text" or "numeric" or "checkbox" or "url"
            or "date" or "date_time" or "birthday" or "textarea" or "streetaddress" or "price" or "monetary" or "tracking_data";
        if (single && values.Count > 1)
        {
            errors.Add(new FieldError("Count", path, "This collection should contain 1 element or less."));
            return stored;
        }

        for (var j = 0; j < values.Count; j++)
        {
            var itemPath = $"{path}.{j}";
            if (values[j] is not JsonObject value)
            {
                errors.Add(FieldError.Type(itemPath, "object"));
                continue;
            }

            var valuePath = itemPath + ".value";
            var raw = value["value"];
            switch (def.Type)
            {
                case "text" or "textarea" or "streetaddress" or "tracking_data" or "url":
                    if (AsText(raw) is { } text)
                    {
                        stored.Add((JsonNode)new JsonObject { ["value"] = text });
                    }
                    else
                    {
                        errors.Add(FieldError.Type(valuePath, "string"));
                    }

                    break;
                case "numeric" or "monetary" or "price":
                    if (AsNumberText(raw) is { } number)
                    {
                        stored.Add((JsonNode)new JsonObject { ["value"] = number });
                    }
                    else
                    {
                        errors.Add(FieldError.Type(valuePath, "numeric"));
                    }

                    break;
                case "checkbox":
                    if (raw is not null && raw.GetValueKind() is JsonValueKind.True or JsonValueKind.False)
                    {
                        stored.Add((JsonNode)new JsonObject { ["value"] = (bool)raw });
                    }
                    else
                    {
                        errors.Add(FieldError.Type(valuePath, "bool"));
                    }

                    break;
                case "date" or "date_time" or "birthday":
                    if (AsTimestamp(raw) is { } ts)
                    {
                        stored.Add((JsonNode)new JsonObject { ["value"] = ts });
                    }
                    else
                    {
                        errors.Add(FieldError.Type(valuePath, "int"));
                    }

                    break;
                case "select" or "multiselect" or "radiobutton" or "category":
                    if (ResolveEnum(def, value, itemPath, errors) is { } option)
                    {
                        stored.Add((JsonNode)new JsonObject { ["value"] = option.Value, ["enum_id"] = option.Id });
                    }

                    break;
                case "multitext" or "smart_address":
                    if (AsText(raw) is not { } multi)
                    {
                        errors.Add(FieldError.Type(valuePath, "string"));
                        break;
                    }

                    EnumDef? kind;
                    if (value["enum_id"] is null && value["enum_code"] is null && value["enum"] is null)
                    {
                        kind = def.Type == "multitext" ? def.Enums?.FirstOrDefault() : null;
                        if (kind is null)
                        {
                            errors.Add(FieldError.Blank(itemPath + ".enum_code"));
                            break;
                        }
                    }
                    else
                    {
                        kind = ResolveEnumKey(def, value, itemPath, errors);
                        if (kind is null)
                        {
                            break;
                        }
                    }

                    stored.Add((JsonNode)new JsonObject { ["value"] = multi, ["enum_id"] = kind.Id });
                    break;
                case "chained_list":
                    if (TryLong(value["catalog_id"], out var catalogId) && TryLong(value["catalog_element_id"], out var elementId))
                    {
                        stored.Add((JsonNode)new JsonObject { ["catalog_id"] = catalogId, ["catalog_element_id"] = elementId });
                    }
                    else
                    {
                        errors.Add(FieldError.Type(itemPath + ".catalog_id", "int"));
                    }

                    break;
                default:
                    // legal_entity, items, linked_entity, file, payer, supplier: structured values kept as sent.
                    if (raw is JsonObject obj)
                    {
                        stored.Add((JsonNode)new JsonObject { ["value"] = obj.DeepClone() });
                    }
                    else
                    {
                        errors.Add(FieldError.Type(valuePath, "array"));
                    }

                    break;
            }
        }

        return stored;
    }

    private static EnumDef? ResolveEnum(FieldDef def, JsonObject value, string itemPath, List<FieldError> errors)
    {
        if (value["enum_id"] is not null || value["enum_code"] is not null)
        {
            return ResolveEnumKey(def, value, itemPath, errors);
        }

        var text = AsText(value["value"]);
        var option = text is null ? null : def.Enums?.FirstOrDefault(e => string.Equals(e.Value, text, StringComparison.Ordinal));
        if (option is null)
        {
            errors.Add(FieldError.Choice(itemPath + ".value"));
        }

        return option;
    }

    private static EnumDef? ResolveEnumKey(FieldDef def, JsonObject value, string itemPath, List<FieldError> errors)
    {
        if (value["enum_id"] is { } idNode)
        {
            var option = TryLong(idNode, out var id) ? def.Enums?.FirstOrDefault(e => e.Id == id) : null;
            if (option is null)
            {
                errors.Add(FieldError.Choice(itemPath + ".enum_id"));
            }

            return option;
        }

        var key = value["enum_code"] is not null ? "enum_code" : "enum";
        var code = AsText(value[key]);
        var match = code is null ? null : def.Enums?.FirstOrDefault(e => string.Equals(e.Value, code, StringComparison.OrdinalIgnoreCase));
        if (match is null)
        {
            errors.Add(FieldError.Choice(itemPath + "." + key));
        }

        return match;
    }

    public static bool TryLong(JsonNode? node, out long value)
    {
        value = 0;
        if (node is not JsonValue v)
        {
            return false;
        }

        if (v.GetValueKind() == JsonValueKind.Number)
        {
            return v.TryGetValue(out value) || (v.TryGetValue(out double d) && d == Math.Floor(d) && (value = (long)d) == d);
        }

        return v.GetValueKind() == JsonValueKind.String
            && long.TryParse((string)v!, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
    }

    private static string? AsText(JsonNode? node) => node?.GetValueKind() switch
    {
        JsonValueKind.String => (string)node!,
        JsonValueKind.Number => node!.ToJsonString(),
        _ => null,
    };

    private static string? AsNumberText(JsonNode? node)
    {
        var text = AsText(node);
        return text is not null && decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)
            ? d.ToString(CultureInfo.InvariantCulture)
            : null;
    }

    /// <summary>Unix seconds from an int, a numeric string or an RFC 3339 string.</summary>
    public static long? AsTimestamp(JsonNode? node)
    {
        if (TryLong(node, out var ts))
        {
            return ts;
        }

        if (node?.GetValueKind() == JsonValueKind.String
            && DateTimeOffset.TryParse((string)node!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var when))
        {
            return when.ToUnixTimeSeconds();
        }

        return null;
    }

    public static IReadOnlyList<string> SmartAddressCodes => AddressCodes;
}
