using KommoWidgetKit.Model;

namespace KommoWidgetKit.Scaffolding;

/// <summary>A settings field of the new widget: <c>code:type[:required]</c>.</summary>
/// <param name="Code">Field code (lower-case letters, digits, <c>_</c>).</param>
/// <param name="Type">One of text, pass, users, users_lp, custom.</param>
/// <param name="Required">Whether the user must fill it in.</param>
public sealed record ScaffoldSetting(string Code, string Type, bool Required = false)
{
    /// <summary>The setting types Kommo knows.</summary>
    public static readonly IReadOnlyList<string> Types = ["text", "pass", "users", "users_lp", "custom"];

    /// <summary>Parses <c>code:type[:required]</c>.</summary>
    /// <exception cref="ScaffoldException">The text is not in that shape or names an unknown type.</exception>
    public static ScaffoldSetting Parse(string spec)
    {
        var parts = spec.Split(':');
        if (parts.Length is < 2 or > 3 || parts[0].Length == 0)
            throw new ScaffoldException($"a setting is code:type[:required], e.g. api_key:text:required, not '{spec}'");
        if (!WidgetScaffolder.IsFieldCode(parts[0]))
            throw new ScaffoldException($"setting code '{parts[0]}' must be lower-case letters, digits and '_', starting with a letter");
        if (!Types.Contains(parts[1]))
            throw new ScaffoldException($"setting type '{parts[1]}' is not one of {string.Join(", ", Types)}");
        bool required = false;
        if (parts.Length == 3)
        {
            if (parts[2] is not ("required" or "optional"))
                throw new ScaffoldException($"the third part of '{spec}' must be 'required' (or 'optional')");
            required = parts[2] == "required";
        }
        return new ScaffoldSetting(parts[0], parts[1], required);
    }
}

/// <summary>What kind of project <see cref="WidgetScaffolder"/> writes.</summary>
public enum ScaffoldTemplate
{
    /// <summary>A widget folder in plain JavaScript: script.js beside manifest.json, packed as it is.</summary>
    Js,

    /// <summary>A TypeScript source project: <c>src/index.ts</c>, type declarations of the host API, package.json and
    /// tsconfig.json, the widget's static files in <c>widget/</c>; <c>kommo-widget build</c> writes the widget into
    /// <c>dist/</c> (see <see cref="Building.WidgetProject"/>).</summary>
    Ts,
}

/// <summary>What <see cref="WidgetScaffolder"/> generates.</summary>
public sealed record ScaffoldOptions
{
    /// <summary>The kind of project: plain JavaScript (the default) or a TypeScript source project.</summary>
    public ScaffoldTemplate Template { get; init; } = ScaffoldTemplate.Js;

    /// <summary>Reads a template name (<c>js</c>, <c>ts</c>).</summary>
    public static bool TryParseTemplate(string? text, out ScaffoldTemplate template)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "js" or "javascript":
                template = ScaffoldTemplate.Js;
                return true;
            case "ts" or "typescript":
                template = ScaffoldTemplate.Ts;
                return true;
            default:
                template = ScaffoldTemplate.Js;
                return false;
        }
    }

    /// <summary>The widget's name as typed (<c>hello-kommo</c>); gives the display name and the code used in CSS classes.</summary>
    public required string Name { get; init; }

    /// <summary>The platform; decides the allowed locales and the default ones.</summary>
    public WidgetPlatform Platform { get; init; } = WidgetPlatform.Kommo;

    /// <summary>Locales; null means <c>en</c> for Kommo and <c>ru, en</c> for amoCRM.</summary>
    public IReadOnlyList<string>? Locales { get; init; }

    /// <summary>Locations, e.g. <c>lcard-1</c>, <c>settings</c>.</summary>
    public IReadOnlyList<string> Locations { get; init; } = DefaultLocations;

    /// <summary>Settings fields shown in the settings modal.</summary>
    public IReadOnlyList<ScaffoldSetting> Settings { get; init; } = [];

    /// <summary>The name shown to users; null derives it from <see cref="Name"/> (<c>hello-kommo</c> → <c>Hello Kommo</c>).</summary>
    public string? DisplayName { get; init; }

    /// <summary>The starting <c>widget.version</c>.</summary>
    public string Version { get; init; } = "1.0.0";

    /// <summary>The support site written to <c>widget.support.link</c>.</summary>
    public string SupportLink { get; init; } = "https://example.com/support";

    /// <summary>The support e-mail written to <c>widget.support.email</c>.</summary>
    public string SupportEmail { get; init; } = "support@example.com";

    /// <summary>The locations used when none are given.</summary>
    public static readonly IReadOnlyList<string> DefaultLocations = ["lcard-1", "settings"];

    /// <summary>The locales used when none are given.</summary>
    public static IReadOnlyList<string> DefaultLocales(WidgetPlatform platform) => platform == WidgetPlatform.AmoCrm ? ["ru", "en"] : ["en"];
}

/// <summary>One generated file.</summary>
public sealed record ScaffoldFile(string Path, byte[] Content);

/// <summary>What <see cref="WidgetScaffolder.Write"/> wrote.</summary>
/// <param name="Directory">The widget folder (full path).</param>
/// <param name="Files">The files written, root-relative, in path order.</param>
public sealed record ScaffoldResult(string Directory, IReadOnlyList<ScaffoldFile> Files);

/// <summary>The requested widget cannot be generated; the message is for users.</summary>
public sealed class ScaffoldException(string message) : Exception(message);
