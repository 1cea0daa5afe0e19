using System.Globalization;

namespace KommoWidgetKit.Sandbox.Storage;

/// <summary>Validates and applies one add or update item of leads, contacts, companies or customers.</summary>
internal static class CrmWriter
{
    /// <summary>
    /// Validates <paramref name="r"/> and, when it is valid, writes it. Returns the id written, or null with errors in
    /// <c>r.Errors</c>; the caller rolls the whole batch back on any error.
    /// </summary>
    public static long? Save(WriteContext w, CrmKind kind, ItemReader r, long? updateId)
    {
        var before = r.Errors.Count;
        Row? existing = null;
        if (updateId is { } id)
        {
            existing = CrmRepository.GetRow(w.C, w.Tx, kind, id);
            if (existing is null)
            {
                r.Errors.Add(FieldError.NotFound(r.Path("id")));
                return null;
            }
        }

        var cols = new List<(string Column, object? Value)>();
        var name = existing?.String("name");
        if (r.Text("name", out var newName))
        {
            name = newName;
            cols.Add(("name", newName));
        }

        var responsible = w.Responsible(r, existing, cols);

        w.Authors(r, cols, "created_by", "updated_by");

        foreach (var key in new[] { "created_at", "updated_at" })
        {
            if (r.Int(key, out var ts))
            {
                cols.Add((key, ts));
            }
        }

        switch (kind.Name)
        {
            case "leads":
                LeadFields(w, r, existing, cols);
                break;
            case "contacts":
                var first = existing?.String("first_name") ?? string.Empty;
                var last = existing?.String("last_name") ?? string.Empty;
                if (r.Text("first_name", out var f))
                {
                    first = f;
                    cols.Add(("first_name", f));
                }

                if (r.Text("last_name", out var l))
                {
                    last = l;
                    cols.Add(("last_name", l));
                }

                if (!r.Has("name") && (r.Has("first_name") || r.Has("last_name")))
                {
                    name = $"{first} {last}".Trim();
                    cols.Add(("name", name));
                }

                break;
            case "customers":
                foreach (var key in new[] { "next_price", "periodicity" })
                {
                    if (r.Int(key, out var v))
                    {
                        cols.Add((key, v));
                    }
                }

                if (r.Has("next_date"))
                {
                    if (r["next_date"] is null)
                    {
                        cols.Add(("next_date", null));
                    }
                    else if (CustomFieldValues.AsTimestamp(r["next_date"]) is { } nextDate)
                    {
                        cols.Add(("next_date", nextDate));
                    }
                    else
                    {
                        r.Errors.Add(FieldError.Type(r.Path("next_date"), "int"));
                    }
                }

                break;
        }

        if (r.Has("custom_fields_values"))
        {
            var sub = new List<FieldError>();
            var merged = CustomFieldValues.Merge(r["custom_fields_values"], existing?.String("cf_json") ?? "[]", w.Fields(kind.Name), sub);
            foreach (var e in sub)
            {
                r.Errors.Add(e with { Path = r.Prefix + e.Path });
            }

            if (merged is not null)
            {
                cols.Add(("cf_json", merged));
            }
        }

        var tagPlan = TagPlan(w, kind.Name, r);
        var linkPlan = kind == CrmKind.Leads ? LeadLinkPlan(w, r) : [];
        if (r.Errors.Count > before)
        {
            return null;
        }

        long entityId;
        if (existing is null)
        {
            var defaults = new List<(string Column, object? Value)>
            {
                ("name", name ?? string.Empty), ("responsible_user_id", responsible), ("group_id", w.GroupOf(responsible)),
                ("created_by", w.Api.CurrentUserId), ("updated_by", w.Api.CurrentUserId), ("created_at", w.Now), ("updated_at", w.Now),
            };
            switch (kind.Name)
            {
                case "leads":
                    defaults.Add(("price", 0L));
                    break;
                case "contacts":
                    defaults.Add(("first_name", string.Empty));
                    defaults.Add(("last_name", string.Empty));
                    break;
                case "customers":
                    defaults.Add(("next_price", 0L));
                    defaults.Add(("periodicity", 0L));
                    break;
            }

            var values = defaults.Where(d => !cols.Any(c => c.Column == d.Column)).Concat(cols).ToList();
            entityId = SandboxDatabase.Insert(w.C, w.Tx, kind.Table, values);
            if (kind == CrmKind.Leads && string.IsNullOrEmpty(name))
            {
                // Kommo names an unnamed lead after its id.
                SandboxDatabase.Execute(w.C, w.Tx, "UPDATE api_leads SET name = $n WHERE id = $id",
                    ("$n", "Lead #" + entityId.ToString(CultureInfo.InvariantCulture)), ("$id", entityId));
            }
        }
        else
        {
            entityId = existing.Long("id");
            if (!cols.Any(c => c.Column == "updated_at"))
            {
                // Never let updated_at go backwards, even when a client set a future value before.
                cols.Add(("updated_at", Math.Max(w.Now, existing.Long("updated_at"))));
            }

            if (!cols.Any(c => c.Column == "updated_by"))
            {
                cols.Add(("updated_by", w.Api.CurrentUserId));
            }

            SandboxDatabase.Update(w.C, w.Tx, kind.Table, "id = $id", cols, ("$id", entityId));
        }

        if (kind == CrmKind.Leads)
        {
            RecordMove(w, existing, entityId);
        }

        ApplyTags(w, kind.Name, entityId, tagPlan);
        foreach (var (toType, toId, isMain) in linkPlan)
        {
            LinkWriter.Link(w, kind.Name, entityId, toType, toId, isMain);
        }

        return entityId;
    }

    /// <summary>Notes a lead that is now in another stage (or was just added) so the host can run digital pipeline triggers.</summary>
    private static void RecordMove(WriteContext w, Row? before, long leadId)
    {
        var after = CrmRepository.GetRow(w.C, w.Tx, CrmKind.Leads, leadId)!;
        var (pipeline, status) = (after.Long("pipeline_id"), after.Long("status_id"));
        var (oldPipeline, oldStatus) = (before?.Long("pipeline_id"), before?.Long("status_id"));
        if (before is null || oldPipeline != pipeline || oldStatus != status)
        {
            w.LeadMoves.Add(new LeadStatusChange(leadId, oldPipeline, oldStatus, pipeline, status, w.Now));
        }
    }

    private static void LeadFields(WriteContext w, ItemReader r, Row? existing, List<(string Column, object? Value)> cols)
    {
        if (r.Int("price", out var price))
        {
            if (price < 0)
            {
                r.Errors.Add(FieldError.Invalid(r.Path("price"), "This value should be greater than or equal to 0."));
            }
            else
            {
                cols.Add(("price", price));
            }
        }

        var currentPipeline = existing?.Long("pipeline_id") ?? PipelineRepository.MainPipelineId(w.C, w.Tx);
        var pipeline = currentPipeline;
        var pipelineOk = true;
        if (r.Int("pipeline_id", out var p))
        {
            if (PipelineRepository.PipelineExists(w.C, w.Tx, p))
            {
                pipeline = p;
            }
            else
            {
                pipelineOk = false;
                r.Errors.Add(FieldError.Choice(r.Path("pipeline_id")));
            }
        }
        else if (r.Has("pipeline_id"))
        {
            pipelineOk = false;
        }

        var oldStatus = existing?.Long("status_id");
        long? status = null;
        if (r.Int("status_id", out var s))
        {
            if (pipelineOk && !PipelineRepository.StatusExists(w.C, w.Tx, pipeline, s))
            {
                r.Errors.Add(FieldError.Choice(r.Path("status_id")));
            }
            else
            {
                status = s;
            }
        }
        else if (existing is null || pipeline != currentPipeline)
        {
            status = PipelineRepository.FirstStage(w.C, w.Tx, pipeline);
        }

        if (existing is null || pipeline != currentPipeline)
        {
            cols.Add(("pipeline_id", pipeline));
        }

        if (status is { } newStatus)
        {
            cols.Add(("status_id", newStatus));
            var closed = newStatus is 142 or 143;
            var wasClosed = oldStatus is 142 or 143;
            if (r.NullableInt("closed_at", out var closedAt))
            {
                cols.Add(("closed_at", closedAt));
            }
            else if (closed && !wasClosed)
            {
                cols.Add(("closed_at", w.Now));
            }
            else if (!closed && wasClosed)
            {
                cols.Add(("closed_at", null));
            }
        }
        else if (r.NullableInt("closed_at", out var closedAt))
        {
            cols.Add(("closed_at", closedAt));
        }

        if (r.NullableInt("loss_reason_id", out var reason))
        {
            if (reason is { } reasonId && SandboxDatabase.ScalarLong(w.C, w.Tx, "SELECT 1 FROM api_loss_reasons WHERE id = $id", ("$id", reasonId)) is null)
            {
                r.Errors.Add(FieldError.Choice(r.Path("loss_reason_id")));
            }
            else
            {
                cols.Add(("loss_reason_id", reason));
            }
        }
    }

    /// <summary>Contacts and the company sent in a lead's <c>_embedded</c>; each must exist.</summary>
    private static List<(string Type, long Id, bool IsMain)> LeadLinkPlan(WriteContext w, ItemReader r)
    {
        var plan = new List<(string, long, bool)>();
        if (r["_embedded"] is not JsonObject embedded)
        {
            return plan;
        }

        foreach (var (key, kind) in new[] { ("contacts", CrmKind.Contacts), ("companies", CrmKind.Companies) })
        {
            if (!embedded.TryGetPropertyValue(key, out var node) || node is null)
            {
                continue;
            }

            if (node is not JsonArray array)
            {
                r.Errors.Add(FieldError.Type(r.Path($"_embedded.{key}"), "array"));
                continue;
            }

            for (var i = 0; i < array.Count; i++)
            {
                var path = r.Path($"_embedded.{key}.{i}.id");
                if (array[i] is not JsonObject linked || !CustomFieldValues.TryLong(linked["id"], out var linkedId))
                {
                    r.Errors.Add(FieldError.Type(path, "int"));
                    continue;
                }

                if (!CrmRepository.Exists(w.C, w.Tx, kind, linkedId))
                {
                    r.Errors.Add(FieldError.Choice(path));
                    continue;
                }

                var isMain = linked["is_main"]?.GetValueKind() == JsonValueKind.True;
                plan.Add((key, linkedId, isMain));
            }
        }

        return plan;
    }

    /// <summary>
    /// The tag change an item asks for: <c>_embedded.tags</c> replaces the set (null empties it) and then wins over
    /// <c>tags_to_add</c>/<c>tags_to_delete</c>, which change it incrementally. Unknown names create tags.
    /// </summary>
    private static (List<long>? Replace, List<long> Add, List<long> Delete) TagPlan(WriteContext w, string entityType, ItemReader r)
    {
        List<long>? replace = null;
        var add = new List<long>();
        var delete = new List<long>();
        if (r["_embedded"] is JsonObject embedded && embedded.TryGetPropertyValue("tags", out var tagsNode))
        {
            replace = tagsNode is null ? [] : ResolveTags(w, entityType, tagsNode, r, "_embedded.tags", true);
            return (replace, add, delete);
        }

        if (r.Has("tags_to_add"))
        {
            add = ResolveTags(w, entityType, r["tags_to_add"], r, "tags_to_add", true);
        }

        if (r.Has("tags_to_delete"))
        {
            delete = ResolveTags(w, entityType, r["tags_to_delete"], r, "tags_to_delete", false);
        }

        return (replace, add, delete);
    }

    private static List<long> ResolveTags(WriteContext w, string entityType, JsonNode? node, ItemReader r, string key, bool create)
    {
        var ids = new List<long>();
        if (node is not JsonArray array)
        {
            r.Errors.Add(FieldError.Type(r.Path(key), "array"));
            return ids;
        }

        for (var i = 0; i < array.Count; i++)
        {
            var path = r.Path($"{key}.{i}");
            if (array[i] is not JsonObject tag)
            {
                r.Errors.Add(FieldError.Type(path, "object"));
                continue;
            }

            if (tag["id"] is { } idNode)
            {
                if (CustomFieldValues.TryLong(idNode, out var tagId)
                    && SandboxDatabase.ScalarLong(w.C, w.Tx, "SELECT 1 FROM api_tags WHERE id = $id AND entity_type = $e", ("$id", tagId), ("$e", entityType)) is not null)
                {
                    ids.Add(tagId);
                }
                else
                {
                    r.Errors.Add(FieldError.Choice(path + ".id"));
                }

                continue;
            }

            if (tag["name"]?.GetValueKind() != JsonValueKind.String || string.IsNullOrWhiteSpace((string)tag["name"]!))
            {
                r.Errors.Add(FieldError.Blank(path + ".name"));
                continue;
            }

            var name = ((string)tag["name"]!).Trim();
            var existing = SandboxDatabase.ScalarLong(w.C, w.Tx, "SELECT id FROM api_tags WHERE entity_type = $e AND name = $n COLLATE NOCASE", ("$e", entityType), ("$n", name));
            if (existing is { } found)
            {
                ids.Add(found);
            }
            else if (create)
            {
                ids.Add(SandboxDatabase.Insert(w.C, w.Tx, "api_tags", [("entity_type", entityType), ("name", name), ("color", null)]));
            }
        }

        return ids;
    }

    private static void ApplyTags(WriteContext w, string entityType, long id, (List<long>? Replace, List<long> Add, List<long> Delete) plan)
    {
        if (plan.Replace is { } replace)
        {
            SandboxDatabase.Execute(w.C, w.Tx, "DELETE FROM api_entity_tags WHERE entity_type = $e AND entity_id = $i", ("$e", entityType), ("$i", id));
            plan.Add.AddRange(replace);
        }

        foreach (var tag in plan.Add)
        {
            SandboxDatabase.Execute(w.C, w.Tx, "INSERT OR IGNORE INTO api_entity_tags (entity_type, entity_id, tag_id) VALUES ($e, $i, $t)",
                ("$e", entityType), ("$i", id), ("$t", tag));
        }

        foreach (var tag in plan.Delete)
        {
            SandboxDatabase.Execute(w.C, w.Tx, "DELETE FROM api_entity_tags WHERE entity_type = $e AND entity_id = $i AND tag_id = $t",
                ("$e", entityType), ("$i", id), ("$t", tag));
        }
    }
}
