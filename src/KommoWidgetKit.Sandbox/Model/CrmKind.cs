namespace KommoWidgetKit.Sandbox.Model;

/// <summary>How a column of a CRM entity table is rendered into JSON.</summary>
internal enum ColumnKind
{
    Int,
    NullableInt,
    Text,
    Bool,
}

/// <summary>One column of a CRM entity table and its JSON rendering.</summary>
internal sealed record Column(string Name, ColumnKind Kind);

/// <summary>Describes one of the four CRM entity types (leads, contacts, companies, customers) for the shared code.</summary>
internal sealed class CrmKind
{
    private CrmKind(string name, string singular, int elementType, Column[] columns, string[] rangeFilters, string[] idFilters, string[] textFilters, string[] orders, string[] linkTargets)
    {
        Name = name;
        Singular = singular;
        ElementType = elementType;
        Columns = columns;
        RangeFilters = rangeFilters;
        IdFilters = idFilters;
        TextFilters = textFilters;
        Orders = orders;
        LinkTargets = linkTargets;
    }

    /// <summary>Plural name as used in paths, <c>_embedded</c> keys and <c>entity_type</c> values.</summary>
    public string Name { get; }

    public string Singular { get; }

    /// <summary>Kommo's numeric element type (1 contact, 2 lead, 3 company, 12 customer).</summary>
    public int ElementType { get; }

    public string Table => "api_" + Name;

    /// <summary>Stored columns in the order Kommo lists the keys (computed ones are added by the renderer).</summary>
    public Column[] Columns { get; }

    public string[] RangeFilters { get; }

    public string[] IdFilters { get; }

    public string[] TextFilters { get; }

    public string[] Orders { get; }

    /// <summary>Entity types this one may be linked to through the links API.</summary>
    public string[] LinkTargets { get; }

    public static readonly CrmKind Leads = new(
        "leads", "lead", 2,
        [
            new("id", ColumnKind.Int), new("name", ColumnKind.Text), new("price", ColumnKind.Int),
            new("responsible_user_id", ColumnKind.Int), new("group_id", ColumnKind.Int), new("status_id", ColumnKind.Int),
            new("pipeline_id", ColumnKind.Int), new("loss_reason_id", ColumnKind.NullableInt),
            new("created_by", ColumnKind.Int), new("updated_by", ColumnKind.Int), new("created_at", ColumnKind.Int),
            new("updated_at", ColumnKind.Int), new("closed_at", ColumnKind.NullableInt),
        ],
        ["created_at", "updated_at", "closed_at", "closest_task_at", "price"],
        ["id", "created_by", "updated_by", "responsible_user_id", "pipeline_id", "group_id"],
        ["name"],
        ["created_at", "updated_at", "id"],
        ["contacts", "companies", "catalog_elements"]);

    public static readonly CrmKind Contacts = new(
        "contacts", "contact", 1,
        [
            new("id", ColumnKind.Int), new("name", ColumnKind.Text), new("first_name", ColumnKind.Text),
            new("last_name", ColumnKind.Text), new("responsible_user_id", ColumnKind.Int), new("group_id", ColumnKind.Int),
            new("created_by", ColumnKind.Int), new("updated_by", ColumnKind.Int), new("created_at", ColumnKind.Int),
            new("updated_at", ColumnKind.Int),
        ],
        ["created_at", "updated_at", "closest_task_at"],
        ["id", "created_by", "updated_by", "responsible_user_id", "group_id"],
        ["name"],
        ["updated_at", "id", "created_at"],
        ["companies", "customers", "catalog_elements"]);

    public static readonly CrmKind Companies = new(
        "companies", "company", 3,
        [
            new("id", ColumnKind.Int), new("name", ColumnKind.Text), new("responsible_user_id", ColumnKind.Int),
            new("group_id", ColumnKind.Int), new("created_by", ColumnKind.Int), new("updated_by", ColumnKind.Int),
            new("created_at", ColumnKind.Int), new("updated_at", ColumnKind.Int),
        ],
        ["created_at", "updated_at", "closest_task_at"],
        ["id", "created_by", "updated_by", "responsible_user_id", "group_id"],
        ["name"],
        ["updated_at", "id", "created_at"],
        ["contacts", "leads", "customers", "catalog_elements"]);

    public static readonly CrmKind Customers = new(
        "customers", "customer", 12,
        [
            new("id", ColumnKind.Int), new("name", ColumnKind.Text), new("next_price", ColumnKind.Int),
            new("next_date", ColumnKind.NullableInt), new("responsible_user_id", ColumnKind.Int),
            new("status_id", ColumnKind.NullableInt), new("periodicity", ColumnKind.Int), new("created_by", ColumnKind.Int),
            new("updated_by", ColumnKind.Int), new("created_at", ColumnKind.Int), new("updated_at", ColumnKind.Int),
        ],
        ["created_at", "updated_at", "closest_task_at", "next_date", "next_price"],
        ["id", "created_by", "updated_by", "responsible_user_id", "group_id", "status_id"],
        ["name"],
        ["updated_at", "id", "created_at"],
        ["contacts", "companies", "catalog_elements"]);

    public static readonly CrmKind[] All = [Leads, Contacts, Companies, Customers];

    public static CrmKind? Find(string? name)
    {
        foreach (var kind in All)
        {
            if (string.Equals(kind.Name, name, StringComparison.Ordinal))
            {
                return kind;
            }
        }

        return null;
    }
}
