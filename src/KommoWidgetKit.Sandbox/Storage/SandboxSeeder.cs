using System.Globalization;
using Microsoft.Data.Sqlite;

namespace KommoWidgetKit.Sandbox.Storage;

/// <summary>Fills a fresh database with sample data that depends only on the seed number.</summary>
internal static class SandboxSeeder
{
    /// <summary>2025-01-01T00:00:00Z: seeded timestamps are offsets from here, never from the clock.</summary>
    public const long BaseTime = 1735689600;

    public const long FirstUserId = 9000001;

    private const long Day = 86400;

    private static readonly string[] FirstNames =
        ["Anna", "Bruno", "Carla", "Diego", "Elena", "Felix", "Greta", "Hugo", "Irene", "Jonas", "Katia", "Lucas", "Marta", "Nikolai",
         "Olga", "Pablo", "Quinn", "Rosa", "Stefan", "Tamara", "Umar", "Vera", "Walter", "Ximena", "Yuri", "Zoe"];

    private static readonly string[] LastNames =
        ["Alvarez", "Becker", "Costa", "Dubois", "Eriksen", "Fischer", "Garcia", "Hansen", "Ivanova", "Jensen", "Kowalski", "Lopez",
         "Moreau", "Novak", "Oliveira", "Petrov", "Rossi", "Silva", "Torres", "Weber"];

    private static readonly string[] CompanyNames =
        ["Acme Supplies", "Blue Harbor Logistics", "Cedar Software", "Delta Print House", "Evergreen Foods", "Falcon Motors",
         "Granite Build", "Helios Energy", "Iris Clinics", "Juniper Travel", "Kestrel Media", "Lumen Optics", "Maple Furniture",
         "Nimbus Cloud", "Orbit Telecom", "Pioneer Farms"];

    private static readonly string[] LeadTopics =
        ["Website order", "Annual subscription", "Pilot project", "Bulk purchase", "Consulting request", "Renewal",
         "Upgrade to Pro", "Trade show contact", "Partner referral", "Support contract", "Custom integration", "Demo request"];

    private static readonly string[] Positions = ["CEO", "Purchasing manager", "CTO", "Office manager", "Sales director", "Accountant"];

    private static readonly string[] TaskTexts =
        ["Call back about the offer", "Send the contract", "Prepare a quote", "Meet at the office", "Confirm delivery date",
         "Follow up after the demo"];

    private static readonly string[] NoteTexts =
        ["Asked for a discount on the annual plan", "Prefers e-mail over calls", "Wants a demo next week",
         "Budget approved by the board", "Compared us with two competitors", "Needs the invoice in EUR"];

    public static long AccountId(int seed) => 31000000 + seed;

    public static void Seed(SqliteConnection c, SqliteTransaction tx, SandboxApiOptions options)
    {
        var r = new DeterministicRandom(options.Seed);
        SandboxDatabase.SetMeta(c, tx, "account_id", AccountId(options.Seed).ToString(CultureInfo.InvariantCulture));
        SandboxDatabase.SetMeta(c, tx, "account_created_at", (BaseTime - (30 * Day)).ToString(CultureInfo.InvariantCulture));
        SandboxDatabase.SetMeta(c, tx, "amojo_id", Guid(r));
        SandboxDatabase.SetMeta(c, tx, "account_uuid", Guid(r));

        // Groups and users.
        SandboxDatabase.Execute(c, tx, "INSERT INTO api_groups (id, name, uuid) VALUES (0, 'Sales', NULL), (101, 'Support', NULL)");
        var users = new List<long>();
        var usedNames = new HashSet<string>();
        string[] ranks = ["master", "candidate", "newbie", "candidate"];
        for (var i = 0; i < 4; i++)
        {
            string first, last;
            do
            {
                first = r.Pick(FirstNames);
                last = r.Pick(LastNames);
            }
            while (!usedNames.Add(first + last));

            var id = FirstUserId + i;
            SandboxDatabase.Insert(c, tx, "api_users",
            [
                ("id", id), ("name", $"{first} {last}"), ("email", $"{first}.{last}@example.com".ToLowerInvariant()), ("lang", "en"),
                ("is_admin", i == 0 ? 1 : 0), ("is_free", 0), ("is_active", 1), ("group_id", i < 2 ? 0 : 101), ("role_id", null),
                ("uuid", Guid(r)), ("amojo_id", Guid(r)), ("phone", $"+1555{r.Next(1000000, 9999999)}"), ("user_rank", ranks[i]),
            ]);
            users.Add(id);
        }

        // Pipelines with stages; 142 and 143 are shared by every pipeline.
        var regularStatuses = new Dictionary<long, List<long>>();
        (string Name, string[] Stages)[] pipelines =
        [
            ("Sales funnel", ["First contact", "Negotiation", "Decision making"]),
            ("Partners", ["Qualification", "Agreement"]),
        ];
        string[] colors = ["#99ccff", "#ffff99", "#ffcc66", "#deff81", "#f9deff"];
        var statusId = 47000001L;
        for (var p = 0; p < pipelines.Length; p++)
        {
            var pipelineId = 8000001L + p;
            SandboxDatabase.Insert(c, tx, "api_pipelines",
                [("id", pipelineId), ("name", pipelines[p].Name), ("sort", p + 1), ("is_main", p == 0 ? 1 : 0), ("is_unsorted_on", 1), ("is_archive", 0)]);
            InsertStatus(c, tx, pipelineId, statusId++, "Incoming leads", 10, false, "#c1c1c1", 1);
            var regular = new List<long>();
            for (var s = 0; s < pipelines[p].Stages.Length; s++)
            {
                regular.Add(statusId);
                InsertStatus(c, tx, pipelineId, statusId++, pipelines[p].Stages[s], 20 + (s * 10), true, colors[s % colors.Length], 0);
            }

            InsertStatus(c, tx, pipelineId, 142, "Closed - won", 10000, false, "#CCFF66", 0);
            InsertStatus(c, tx, pipelineId, 143, "Closed - lost", 11000, false, "#D5D8DB", 0);
            regularStatuses[pipelineId] = regular;
        }

        string[] lossReasons = ["Too expensive", "Chose a competitor", "No longer needed"];
        for (var i = 0; i < lossReasons.Length; i++)
        {
            SandboxDatabase.Insert(c, tx, "api_loss_reasons",
                [("id", 4200001L + i), ("name", lossReasons[i]), ("sort", (i + 1) * 100), ("created_at", BaseTime - Day), ("updated_at", BaseTime - Day)]);
        }

        SandboxDatabase.Execute(c, tx,
            "INSERT INTO api_task_types (id, name, color, icon_id, code) VALUES (1, 'Follow-up', NULL, NULL, 'FOLLOW_UP'), (2, 'Meeting', NULL, NULL, 'MEETING'), (3, 'Call', '#ffcc66', 5, NULL)");

        // Custom fields.
        var ids = new IdCounter(1000001, 2000001);
        var contactPhone = Field(c, tx, ids, "contacts", "Phone", "multitext", "PHONE", 4, true, ["WORK", "WORKDD", "MOB", "FAX", "HOME", "OTHER"]);
        var contactEmail = Field(c, tx, ids, "contacts", "Email", "multitext", "EMAIL", 6, true, ["WORK", "PRIV", "OTHER"]);
        var contactPosition = Field(c, tx, ids, "contacts", "Position", "text", "POSITION", 2, true, null);
        var contactBirthday = Field(c, tx, ids, "contacts", "Birthday", "birthday", null, 510, false, null);
        var contactSource = Field(c, tx, ids, "contacts", "Lead source", "select", null, 520, false, ["Website", "Referral", "Cold call", "Exhibition"]);
        Field(c, tx, ids, "contacts", "Newsletter", "checkbox", null, 530, false, null);
        var companyPhone = Field(c, tx, ids, "companies", "Phone", "multitext", "PHONE", 4, true, ["WORK", "WORKDD", "MOB", "FAX", "HOME", "OTHER"]);
        Field(c, tx, ids, "companies", "Email", "multitext", "EMAIL", 6, true, ["WORK", "PRIV", "OTHER"]);
        var companyWeb = Field(c, tx, ids, "companies", "Web", "url", "WEB", 8, true, null);
        Field(c, tx, ids, "companies", "Address", "textarea", "ADDRESS", 10, true, null);
        var companyIndustry = Field(c, tx, ids, "companies", "Industry", "select", null, 510, false, ["Retail", "Manufacturing", "IT", "Logistics", "Healthcare"]);
        Field(c, tx, ids, "companies", "Office address", "smart_address", null, 520, false, [.. CustomFieldValues.SmartAddressCodes]);
        var leadProducts = Field(c, tx, ids, "leads", "Products", "multiselect", null, 500, false, ["Basic plan", "Pro plan", "Onboarding", "Support"]);
        var leadUrgent = Field(c, tx, ids, "leads", "Urgent", "checkbox", null, 510, false, null);
        var leadDeadline = Field(c, tx, ids, "leads", "Deadline", "date", null, 520, false, null);
        Field(c, tx, ids, "leads", "Meeting at", "date_time", null, 530, false, null);
        var leadComment = Field(c, tx, ids, "leads", "Comment", "textarea", null, 540, false, null);
        var leadDiscount = Field(c, tx, ids, "leads", "Discount, %", "numeric", null, 550, false, null);
        Field(c, tx, ids, "leads", "Landing page", "url", null, 560, false, null);
        var leadPayment = Field(c, tx, ids, "leads", "Payment", "radiobutton", null, 570, false, ["Card", "Invoice", "Cash"]);
        Field(c, tx, ids, "leads", "utm_source", "tracking_data", "UTM_SOURCE", 580, false, null);
        Field(c, tx, ids, "leads", "Budget", "monetary", null, 590, false, null);
        var customerCard = Field(c, tx, ids, "customers", "Loyalty card", "text", null, 500, false, null);
        foreach (var kind in CrmKind.All)
        {
            SandboxDatabase.Execute(c, tx,
                "INSERT INTO api_custom_field_groups (id, entity_type, name, sort, is_predefined) VALUES ($id, $e, 'Main', 0, 1)",
                ("$id", kind.Name + "_default"), ("$e", kind.Name));
        }

        // Tags.
        var tagId = 3000001L;
        var tags = new Dictionary<string, List<long>>();
        foreach (var (entity, names) in new (string, string[])[]
                 { ("leads", ["hot", "web", "partner", "repeat"]), ("contacts", ["vip", "newsletter"]), ("companies", ["key account", "reseller"]), ("customers", ["gold"]) })
        {
            tags[entity] = [];
            foreach (var name in names)
            {
                SandboxDatabase.Insert(c, tx, "api_tags", [("id", tagId), ("entity_type", entity), ("name", name), ("color", null)]);
                tags[entity].Add(tagId++);
            }
        }

        long Created() => BaseTime + r.Next(0, 200) * Day + r.Next(0, 86400);
        long Group(long user) => user >= FirstUserId + 2 ? 101 : 0;

        // Companies.
        var companies = new List<long>();
        var companyNames = CompanyNames.ToList();
        for (var i = 0; i < 8; i++)
        {
            var name = companyNames[r.Next(0, companyNames.Count)];
            companyNames.Remove(name);
            var user = r.Pick(users);
            var created = Created();
            var cf = new JsonArray
            {
                Value(companyPhone, new JsonObject { ["value"] = $"+1555{r.Next(1000000, 9999999)}", ["enum_id"] = companyPhone.Enums![0].Id }),
                Value(companyWeb, new JsonObject { ["value"] = $"https://{name.Split(' ')[0].ToLowerInvariant()}.example.com" }),
                Enum(companyIndustry, r.Pick(companyIndustry.Enums!)),
            };
            var id = 20000001L + i;
            SandboxDatabase.Insert(c, tx, "api_companies",
            [
                ("id", id), ("name", name), ("responsible_user_id", user), ("group_id", Group(user)), ("created_by", user), ("updated_by", user),
                ("created_at", created), ("updated_at", created + r.Next(0, 30) * Day), ("cf_json", cf.ToJsonString()),
            ]);
            if (r.Chance(30))
            {
                Tag(c, tx, "companies", id, r.Pick(tags["companies"]));
            }

            companies.Add(id);
        }

        // Contacts; most belong to a company.
        var contacts = new List<(long Id, long? Company)>();
        for (var i = 0; i < 15; i++)
        {
            var first = r.Pick(FirstNames);
            var last = r.Pick(LastNames);
            var user = r.Pick(users);
            var created = Created();
            var cf = new JsonArray
            {
                Value(contactPhone, new JsonObject { ["value"] = $"+1555{r.Next(1000000, 9999999)}", ["enum_id"] = contactPhone.Enums![r.Chance(50) ? 0 : 2].Id }),
                Value(contactEmail, new JsonObject { ["value"] = $"{first}.{last}{i}@example.org".ToLowerInvariant(), ["enum_id"] = contactEmail.Enums![0].Id }),
            };
            if (r.Chance(60))
            {
                cf.Add((JsonNode)Value(contactPosition, new JsonObject { ["value"] = r.Pick(Positions) }));
            }

            if (r.Chance(40))
            {
                cf.Add((JsonNode)Value(contactBirthday, new JsonObject { ["value"] = 315532800L + r.Next(0, 9000) * Day }));
            }

            if (r.Chance(50))
            {
                cf.Add((JsonNode)Enum(contactSource, r.Pick(contactSource.Enums!)));
            }

            var id = 10000001L + i;
            SandboxDatabase.Insert(c, tx, "api_contacts",
            [
                ("id", id), ("name", $"{first} {last}"), ("first_name", first), ("last_name", last), ("responsible_user_id", user),
                ("group_id", Group(user)), ("created_by", user), ("updated_by", user), ("created_at", created),
                ("updated_at", created + r.Next(0, 30) * Day), ("cf_json", cf.ToJsonString()),
            ]);
            long? company = i < 11 ? companies[i % companies.Count] : null;
            if (company is { } companyId)
            {
                Link(c, tx, "contacts", id, "companies", companyId, false);
            }

            if (r.Chance(25))
            {
                Tag(c, tx, "contacts", id, r.Pick(tags["contacts"]));
            }

            contacts.Add((id, company));
        }

        // Leads with contacts (the first one main) and the main contact's company.
        var leads = new List<long>();
        for (var i = 0; i < 30; i++)
        {
            var pipelineId = r.Chance(75) ? 8000001L : 8000002L;
            var roll = r.Next(0, 100);
            long status = roll < 12 ? 142 : roll < 22 ? 143 : r.Pick(regularStatuses[pipelineId]);
            var user = r.Pick(users);
            var created = Created();
            var updated = created + r.Next(0, 40) * Day + r.Next(0, 3600);
            var (contactId, company) = contacts[r.Next(0, contacts.Count)];
            var cf = new JsonArray();
            if (r.Chance(70))
            {
                var products = new JsonArray();
                foreach (var option in leadProducts.Enums!.Where(_ => r.Chance(45)))
                {
                    products.Add((JsonNode)new JsonObject { ["value"] = option.Value, ["enum_id"] = option.Id });
                }

                if (products.Count > 0)
                {
                    cf.Add((JsonNode)new JsonObject { ["field_id"] = leadProducts.Id, ["values"] = products });
                }
            }

            if (r.Chance(30))
            {
                cf.Add((JsonNode)Value(leadUrgent, new JsonObject { ["value"] = true }));
            }

            if (r.Chance(50))
            {
                cf.Add((JsonNode)Value(leadDeadline, new JsonObject { ["value"] = created + r.Next(10, 90) * Day }));
            }

            if (r.Chance(40))
            {
                cf.Add((JsonNode)Value(leadComment, new JsonObject { ["value"] = r.Pick(NoteTexts) }));
            }

            if (r.Chance(35))
            {
                cf.Add((JsonNode)Value(leadDiscount, new JsonObject { ["value"] = r.Next(1, 30).ToString(CultureInfo.InvariantCulture) }));
            }

            if (r.Chance(50))
            {
                cf.Add((JsonNode)Enum(leadPayment, r.Pick(leadPayment.Enums!)));
            }

            var id = 30000001L + i;
            SandboxDatabase.Insert(c, tx, "api_leads",
            [
                ("id", id), ("name", $"{r.Pick(LeadTopics)} #{i + 1}"), ("price", r.Next(5, 500) * 100), ("responsible_user_id", user),
                ("group_id", Group(user)), ("status_id", status), ("pipeline_id", pipelineId),
                ("loss_reason_id", status == 143 ? 4200001L + r.Next(0, 3) : null), ("source_id", null),
                ("created_by", user), ("updated_by", user), ("created_at", created), ("updated_at", updated),
                ("closed_at", status is 142 or 143 ? updated : null), ("score", null), ("labor_cost", null), ("cf_json", cf.ToJsonString()),
            ]);
            Link(c, tx, "leads", id, "contacts", contactId, true);
            if (r.Chance(30))
            {
                var other = contacts[r.Next(0, contacts.Count)].Id;
                if (other != contactId)
                {
                    Link(c, tx, "leads", id, "contacts", other, false);
                }
            }

            if (company is { } companyId)
            {
                Link(c, tx, "leads", id, "companies", companyId, false);
            }

            foreach (var tag in tags["leads"].Where(_ => r.Chance(20)))
            {
                Tag(c, tx, "leads", id, tag);
            }

            leads.Add(id);
        }

        // Customers (listed only when the account has them enabled).
        for (var i = 0; i < 3; i++)
        {
            var user = r.Pick(users);
            var created = Created();
            var id = 40000001L + i;
            var cf = new JsonArray { Value(customerCard, new JsonObject { ["value"] = $"LC-{r.Next(10000, 99999)}" }) };
            SandboxDatabase.Insert(c, tx, "api_customers",
            [
                ("id", id), ("name", companies.Count > i ? $"Customer {i + 1}" : "Customer"), ("next_price", r.Next(10, 100) * 100),
                ("next_date", created + 30 * Day), ("responsible_user_id", user), ("group_id", Group(user)), ("status_id", null),
                ("periodicity", 30), ("created_by", user), ("updated_by", user), ("created_at", created), ("updated_at", created),
                ("ltv", 0), ("purchases_count", 0), ("average_check", 0), ("cf_json", cf.ToJsonString()),
            ]);
            Link(c, tx, "customers", id, "contacts", contacts[i].Id, true);
        }

        // Tasks on leads and contacts; a few done.
        for (var i = 0; i < 20; i++)
        {
            var onLead = r.Chance(75);
            var entityId = onLead ? r.Pick(leads) : contacts[r.Next(0, contacts.Count)].Id;
            var user = r.Pick(users);
            var created = Created();
            var done = r.Chance(30);
            SandboxDatabase.Insert(c, tx, "api_tasks",
            [
                ("id", 50000001L + i), ("created_by", user), ("updated_by", user), ("created_at", created), ("updated_at", created + 3600),
                ("responsible_user_id", user), ("group_id", Group(user)), ("entity_id", entityId), ("entity_type", onLead ? "leads" : "contacts"),
                ("duration", 0), ("is_completed", done ? 1 : 0), ("task_type_id", r.Next(1, 4)), ("text", r.Pick(TaskTexts)),
                ("result_text", done ? "Done" : null), ("complete_till", created + r.Next(1, 20) * Day),
            ]);
        }

        // Notes.
        for (var i = 0; i < 25; i++)
        {
            var onLead = r.Chance(70);
            var entityId = onLead ? r.Pick(leads) : contacts[r.Next(0, contacts.Count)].Id;
            var user = r.Pick(users);
            var created = Created();
            var call = r.Chance(25);
            var parameters = call
                ? new JsonObject
                {
                    ["uniq"] = Guid(r), ["duration"] = r.Next(20, 600), ["source"] = "sandbox", ["link"] = "https://example.com/rec.mp3",
                    ["phone"] = $"+1555{r.Next(1000000, 9999999)}",
                }
                : new JsonObject { ["text"] = r.Pick(NoteTexts) };
            SandboxDatabase.Insert(c, tx, "api_notes",
            [
                ("id", 60000001L + i), ("entity_type", onLead ? "leads" : "contacts"), ("entity_id", entityId), ("created_by", user),
                ("updated_by", user), ("created_at", created), ("updated_at", created), ("responsible_user_id", user),
                ("group_id", Group(user)), ("note_type", call ? (r.Chance(50) ? "call_in" : "call_out") : "common"),
                ("params", parameters.ToJsonString()), ("is_pinned", 0),
            ]);
        }

        // Two public widgets so that lists have more than the one under development.
        InsertWidget(c, tx, "sandbox_telephony", 700001, "2.4.1", "4.6",
            [new SandboxWidgetSetting("login", "Login", "text", true), new SandboxWidgetSetting("password", "Password", "pass", true),
             new SandboxWidgetSetting("phones", "Extensions", "users", false)], false, false, Guid(r), false, false);
        InsertWidget(c, tx, "sandbox_forms", 700002, "1.0.3", "4.1", [], true, false, null, false, false);
    }

    /// <summary>Keeps the widget under development in <c>api_widgets</c> in step with its manifest; its install state survives restarts.</summary>
    public static void UpsertOwnWidget(SqliteConnection c, SqliteTransaction tx, SandboxApiOptions options)
    {
        SandboxDatabase.Execute(c, tx, "UPDATE api_widgets SET is_own = 0");
        if (string.IsNullOrEmpty(options.WidgetCode))
        {
            return;
        }

        var template = SettingsTemplate(options.WidgetSettings).ToJsonString();
        var updated = SandboxDatabase.Execute(c, tx,
            "UPDATE api_widgets SET version = $v, settings_template = $t, is_work_with_dp = $dp, is_own = 1 WHERE code = $c",
            ("$v", options.WidgetVersion), ("$t", template), ("$dp", options.WidgetWorksWithDigitalPipeline ? 1 : 0), ("$c", options.WidgetCode));
        if (updated == 0)
        {
            var id = (SandboxDatabase.ScalarLong(c, tx, "SELECT MAX(id) FROM api_widgets") ?? 700000) + 1;
            var uuid = new System.Guid(System.Security.Cryptography.MD5.HashData(System.Text.Encoding.UTF8.GetBytes(options.WidgetCode))).ToString();
            InsertWidget(c, tx, options.WidgetCode, id, options.WidgetVersion, "0", options.WidgetSettings, false,
                options.WidgetWorksWithDigitalPipeline, uuid, options.WidgetInstalledOnSeed, true);
        }
    }

    public static JsonArray SettingsTemplate(IEnumerable<SandboxWidgetSetting> settings)
    {
        var array = new JsonArray();
        foreach (var s in settings)
        {
            array.Add((JsonNode)new JsonObject { ["key"] = s.Key, ["name"] = s.Name, ["type"] = s.Type, ["is_required"] = s.IsRequired });
        }

        return array;
    }

    private static void InsertWidget(SqliteConnection c, SqliteTransaction tx, string code, long id, string version, string rating,
        IReadOnlyList<SandboxWidgetSetting> settings, bool leadSource, bool dp, string? clientUuid, bool active, bool own)
    {
        SandboxDatabase.Insert(c, tx, "api_widgets",
        [
            ("code", code), ("id", id), ("version", version), ("rating", rating), ("settings_template", SettingsTemplate(settings).ToJsonString()),
            ("is_lead_source", leadSource ? 1 : 0), ("is_work_with_dp", dp ? 1 : 0), ("is_crm_template", 0), ("client_uuid", clientUuid),
            ("is_active_in_account", active ? 1 : 0), ("pipeline_id", null), ("settings", active ? "{}" : null), ("is_own", own ? 1 : 0),
        ]);
    }

    private static void InsertStatus(SqliteConnection c, SqliteTransaction tx, long pipelineId, long id, string name, int sort, bool editable, string color, int type) =>
        SandboxDatabase.Insert(c, tx, "api_statuses",
        [
            ("pipeline_id", pipelineId), ("id", id), ("name", name), ("sort", sort), ("is_editable", editable ? 1 : 0), ("color", color),
            ("type", type), ("descriptions", "[]"),
        ]);

    private static FieldDef Field(SqliteConnection c, SqliteTransaction tx, IdCounter ids, string entity, string name, string type, string? code,
        int sort, bool predefined, string[]? enums)
    {
        var enumDefs = enums?.Select((value, i) => new EnumDef(ids.NextEnum(), value, (i + 1) * 2)).ToList();
        var def = new FieldDef
        {
            Id = ids.NextField(), EntityType = entity, Name = name, Type = type, Code = code, Sort = sort, Enums = enumDefs,
            IsPredefined = predefined, IsDeletable = !predefined, GroupId = null, Remind = type == "birthday" ? "never" : null,
            Currency = type == "monetary" ? "USD" : null,
        };
        SandboxDatabase.Insert(c, tx, "api_custom_fields",
        [
            ("id", def.Id), ("entity_type", entity), ("name", name), ("type", type), ("code", code), ("sort", sort), ("is_api_only", 0),
            ("enums", enumDefs is null ? null : FieldDef.EnumsJson(enumDefs)), ("group_id", null), ("required_statuses", "[]"),
            ("is_deletable", def.IsDeletable ? 1 : 0), ("is_predefined", predefined ? 1 : 0), ("remind", def.Remind), ("currency", def.Currency),
            ("settings", null),
        ]);
        return def;
    }

    private static JsonNode Value(FieldDef def, JsonObject value) =>
        new JsonObject { ["field_id"] = def.Id, ["values"] = new JsonArray(value) };

    private static JsonNode Enum(FieldDef def, EnumDef option) =>
        Value(def, new JsonObject { ["value"] = option.Value, ["enum_id"] = option.Id });

    private static void Tag(SqliteConnection c, SqliteTransaction tx, string entity, long id, long tag) =>
        SandboxDatabase.Execute(c, tx, "INSERT OR IGNORE INTO api_entity_tags (entity_type, entity_id, tag_id) VALUES ($e, $i, $t)",
            ("$e", entity), ("$i", id), ("$t", tag));

    /// <summary>Stores a link in both directions, so either side finds it with one indexed lookup.</summary>
    public static void Link(SqliteConnection c, SqliteTransaction tx, string from, long fromId, string to, long toId, bool isMain)
    {
        const string sql = """
            INSERT INTO api_links (entity_type, entity_id, to_entity_type, to_entity_id, is_main) VALUES ($f, $fi, $t, $ti, $m)
            ON CONFLICT DO UPDATE SET is_main = excluded.is_main
            """;
        SandboxDatabase.Execute(c, tx, sql, ("$f", from), ("$fi", fromId), ("$t", to), ("$ti", toId), ("$m", isMain ? 1 : 0));
        SandboxDatabase.Execute(c, tx, sql, ("$f", to), ("$fi", toId), ("$t", from), ("$ti", fromId), ("$m", isMain ? 1 : 0));
    }

    private static string Guid(DeterministicRandom r)
    {
        Span<byte> bytes = stackalloc byte[16];
        BitConverter.TryWriteBytes(bytes, r.NextUInt64());
        BitConverter.TryWriteBytes(bytes[8..], r.NextUInt64());
        return new System.Guid(bytes).ToString();
    }

    private sealed class IdCounter(long field, long option)
    {
        public long NextField() => field++;

        public long NextEnum() => option++;
    }
}
