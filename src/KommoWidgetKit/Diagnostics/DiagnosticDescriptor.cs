namespace KommoWidgetKit.Diagnostics;

/// <summary>The area a rule checks; also the first digit of its ID.</summary>
public enum RuleCategory
{
    /// <summary>manifest.json (KW1xxx).</summary>
    Manifest,
    /// <summary>script.js and other JavaScript (KW2xxx).</summary>
    Script,
    /// <summary>i18n files (KW3xxx).</summary>
    I18n,
    /// <summary>Logos and other images (KW4xxx).</summary>
    Images,
    /// <summary>Twig templates and CSS (KW5xxx).</summary>
    Templates,
    /// <summary>The archive as a whole, file encodings and packaging (KW6xxx).</summary>
    Archive,
}

/// <summary>Which platforms a rule applies to.</summary>
[Flags]
public enum PlatformScope
{
    /// <summary>Kommo (kommo.com).</summary>
    Kommo = 1,
    /// <summary>amoCRM (amocrm.ru / amocrm.com).</summary>
    AmoCrm = 2,
    /// <summary>Both platforms.</summary>
    Both = Kommo | AmoCrm,
}

/// <summary>Which distribution profiles a rule applies to.</summary>
[Flags]
public enum ProfileScope
{
    /// <summary>Private integrations (one account, no moderation).</summary>
    Private = 1,
    /// <summary>Public (marketplace) integrations, moderated against the public checklist.</summary>
    Public = 2,
    /// <summary>Both profiles.</summary>
    Both = Private | Public,
}

/// <summary>The fixed description of one rule: ID, names, message format, default severity and scope.</summary>
/// <param name="Id">Stable ID such as KW1001; never reused.</param>
/// <param name="Name">Short kebab-case name.</param>
/// <param name="Title">One-line title for rule lists and SARIF.</param>
/// <param name="MessageFormat">Composite format string; arguments are given when reporting.</param>
/// <param name="Category">The area the rule checks.</param>
/// <param name="DefaultSeverity">Severity unless configured otherwise.</param>
/// <param name="Platforms">Platforms the rule applies to.</param>
/// <param name="Profiles">Profiles the rule applies to.</param>
public sealed record DiagnosticDescriptor(
    string Id,
    string Name,
    string Title,
    string MessageFormat,
    RuleCategory Category,
    Severity DefaultSeverity,
    PlatformScope Platforms = PlatformScope.Both,
    ProfileScope Profiles = ProfileScope.Both)
{
    /// <summary>Whether the rule offers repairs with its findings, and how safe they are; null when it offers none.</summary>
    public Fixing.FixSafety? Fixable { get; init; }

    /// <summary>Where the rule's documentation page lives, relative to the repository root.</summary>
    public string HelpPath => $"docs/rules/{Id}.md";

    /// <summary>The public help link used in SARIF and JSON output.</summary>
    public string HelpUri => DocsBaseUri + Id + ".md";

    /// <summary>Base address of the rule pages.</summary>
    public const string DocsBaseUri = "https://github.com/kommo-widget-kit/kommo-widget-kit/blob/main/docs/rules/";
}
