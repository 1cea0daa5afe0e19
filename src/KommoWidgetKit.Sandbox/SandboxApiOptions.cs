namespace KommoWidgetKit.Sandbox;

/// <summary>Options of the sandbox Kommo API: where the data lives, how requests are authorised, what is seeded.</summary>
public sealed record SandboxApiOptions
{
    /// <summary>Path of the SQLite file (the dev host passes <c>&lt;widget&gt;/.kommo/dev.db</c>); its folder is created if missing.</summary>
    public required string DatabasePath { get; init; }

    /// <summary>Fixed bearer token; when null a random one is generated once and kept in the database.</summary>
    public string? ApiToken { get; init; }

    /// <summary>Seed of the deterministic sample data; only used when the database is seeded (first run or <see cref="Reset"/>).</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Drop every <c>api_</c> table and seed again on start (other tables in the file are left alone).</summary>
    public bool Reset { get; init; }

    /// <summary>Account subdomain reported by <c>/api/v4/account</c>.</summary>
    public string Subdomain { get; init; } = "devaccount";

    /// <summary>Code of the widget under development; it is listed by <c>/api/v4/widgets</c> and gets its own settings back.</summary>
    public string? WidgetCode { get; init; }

    /// <summary>Version of the widget under development, as in its manifest.</summary>
    public string WidgetVersion { get; init; } = "1.0.0";

    /// <summary>The widget's settings fields (from the manifest <c>settings</c> block), exposed as <c>settings_template</c>.</summary>
    public IReadOnlyList<SandboxWidgetSetting> WidgetSettings { get; init; } = [];

    /// <summary>True when the widget declares the <c>digital_pipeline</c> location (<c>is_work_with_dp</c>).</summary>
    public bool WidgetWorksWithDigitalPipeline { get; init; }

    /// <summary>True when the widget under development starts installed (<c>is_active_in_account</c>) on a fresh database.</summary>
    public bool WidgetInstalledOnSeed { get; init; } = true;

    /// <summary>Lets the host authorise a request without a bearer token (e.g. the widget's own calls from an emulated Kommo page).</summary>
    public Func<HttpContext, bool>? IsPageRequest { get; init; }

    /// <summary>Name of a cookie whose value, when equal to the effective token, authorises a request like the bearer header does.</summary>
    public string? SessionCookieName { get; init; }

    /// <summary>When true, GET of an unknown id answers 404 instead of Kommo's observed 204.</summary>
    public bool NotFoundForUnknownId { get; init; }

    /// <summary>When true, <c>customers_mode</c> is <c>disabled</c> and the customers endpoints answer 422 as Kommo does on such accounts.</summary>
    public bool DisableCustomers { get; init; }
}

/// <summary>One field of the widget's settings form, as <c>/api/v4/widgets</c> reports it in <c>settings_template</c>.</summary>
/// <param name="Key">Field code (the key in the manifest <c>settings</c> object).</param>
/// <param name="Name">Label (the manifest's i18n path or its resolved text).</param>
/// <param name="Type">One of <c>text</c>, <c>pass</c>, <c>custom</c>, <c>users</c>, <c>users_lp</c>.</param>
/// <param name="IsRequired">Whether installing requires a value.</param>
public sealed record SandboxWidgetSetting(string Key, string Name, string Type, bool IsRequired);
