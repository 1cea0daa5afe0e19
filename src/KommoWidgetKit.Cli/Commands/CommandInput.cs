using System.CommandLine;
using KommoWidgetKit.Loading;
using KommoWidgetKit.Model;
using KommoWidgetKit.Packaging;
using KommoWidgetKit.Scaffolding;

namespace KommoWidgetKit.Cli.Commands;

/// <summary>Reads a name the user typed; false when it names nothing.</summary>
public delegate bool NameParser<T>(string? text, out T value);

/// <summary>Arguments, options and input handling shared by the commands.</summary>
/// <remarks>Help conventions: values are named in capitals (<c>PATH</c>, <c>FILE</c>, <c>DIR</c>) or as the list of choices,
/// and a default is stated at the end of the description as <c>(default: …)</c>.</remarks>
public static class CommandInput
{
    /// <summary>The optional <c>PATH</c> argument: a widget folder or .zip archive; read it with <see cref="GetPath"/>.</summary>
    public static Argument<string?> WidgetPathArgument() => new("PATH")
    {
        Description = "Widget folder or .zip archive (default: ., the current folder)",
        Arity = ArgumentArity.ZeroOrOne,
    };

    /// <summary>The widget path given, or <c>.</c>.</summary>
    public static string GetPath(ParseResult parse, Argument<string?> path) => parse.GetValue(path) ?? ".";

    /// <summary>An option whose value is one of <paramref name="names"/>, read by <paramref name="parser"/>; anything else is
    /// the one-line usage error <c>--name must be a, b or c, not 'x'</c>. Null when the option is not given.</summary>
    public static Option<T?> Choice<T>(string name, string description, string[] names, NameParser<T> parser) where T : struct
    {
        var option = new Option<T?>(name) { Description = description, HelpName = string.Join('|', names), Arity = ArgumentArity.ExactlyOne };
        option.CustomParser = result =>
        {
            string text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
            if (parser(text, out var value)) return value;
            result.AddError($"{name} must be {OneOf(names)}, not '{text}'");
            return null;
        };
        return option;
    }

    /// <summary><c>--platform kommo|amocrm</c>, parsed as <c>kommo-widget.json</c> parses it.</summary>
    public static Option<WidgetPlatform?> PlatformOption(string description) =>
        Choice<WidgetPlatform>("--platform", description, ["kommo", "amocrm"], Locales.TryParsePlatform);

    /// <summary><c>-o, --output</c> naming a <c>FILE</c> or a <c>DIR</c>.</summary>
    public static Option<string?> OutputOption(string helpName, string description) =>
        new("--output", "-o") { Description = description, HelpName = helpName };

    /// <summary>"a or b", "a, b or c".</summary>
    public static string OneOf(IReadOnlyList<string> names) =>
        names.Count == 1 ? names[0] : string.Join(", ", names.Take(names.Count - 1)) + " or " + names[^1];

    /// <summary>Loads the widget; a missing path or a file that is neither a folder nor a zip (by name or content) is a usage
    /// error (exit 2). A .zip that cannot be read (truncated, damaged, not a zip at all) loads, and KW6011 reports it.</summary>
    public static Widget LoadWidget(string path, bool deferContent = false)
    {
        if (string.IsNullOrWhiteSpace(path)) throw new UsageException("the widget path is empty");
        try
        {
            return deferContent ? WidgetLoader.Load(path, new WidgetLoadOptions { DeferContent = true }) : WidgetLoader.Load(path);
        }
        catch (WidgetLoadException ex)
        {
            throw new UsageException(ex.Message);
        }
    }

    /// <summary>Runs <paramref name="action"/>; a packing or scaffolding refusal or a file-system failure becomes a usage error
    /// (one line, exit 2). A file-system message is prefixed with <paramref name="context"/> when given.</summary>
    public static T Guard<T>(Func<T> action, string? context = null)
    {
        try
        {
            return action();
        }
        catch (Exception ex) when (ex is PackException or ScaffoldException)
        {
            throw new UsageException(ex.Message);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UsageException(context is null ? ex.Message : $"{context}: {ex.Message}");
        }
    }

    /// <summary>Writes <paramref name="text"/> to <paramref name="path"/> (UTF-8, no BOM), creating its folder; failures are usage errors.</summary>
    public static void WriteFile(string path, string text) => Guard(() =>
    {
        string? folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null) Directory.CreateDirectory(folder);
        File.WriteAllText(path, text);
        return true;
    }, $"cannot write '{path}'");
}
