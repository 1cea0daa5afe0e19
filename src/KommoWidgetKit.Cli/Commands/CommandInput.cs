using System.CommandLine;
using KommoWidgetKit.Loading;
using KommoWidgetKit.Model;

namespace KommoWidgetKit.Cli.Commands;

/// <summary>Arguments and input handling shared by the verbs that read a widget.</summary>
public static class CommandInput
{
    /// <summary>The <c>PATH</c> argument: a widget folder or .zip archive, the current folder by default.</summary>
    public static Argument<string> WidgetPathArgument() => new("path")
    {
        Description = "Widget folder or .zip archive (default: the current folder)",
        DefaultValueFactory = _ => ".",
    };

    /// <summary>An option restricted to <paramref name="values"/>, with a default.</summary>
    public static Option<string> Choice(string name, string description, string defaultValue, params string[] values)
    {
        var option = new Option<string>(name) { Description = description, DefaultValueFactory = _ => defaultValue, HelpName = string.Join('|', values) };
        option.AcceptOnlyFromAmong(values);
        return option;
    }

    /// <summary>Loads the widget; a missing path or a file that is neither a folder nor a zip is a usage error (exit 2).</summary>
    public static Widget LoadWidget(string path)
    {
        if (string.IsNullOrWhiteSpace(path)) throw new UsageException("the widget path is empty");
        try
        {
            return WidgetLoader.Load(path);
        }
        catch (WidgetLoadException ex)
        {
            throw new UsageException(ex.Message);
        }
    }

    /// <summary>Writes <paramref name="text"/> to <paramref name="path"/> (UTF-8, no BOM), creating its folder; failures are usage errors.</summary>
    public static void WriteFile(string path, string text)
    {
        try
        {
            string? folder = Path.GetDirectoryName(Path.GetFullPath(path));
            if (folder is not null) Directory.CreateDirectory(folder);
            File.WriteAllText(path, text);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new UsageException($"cannot write '{path}': {ex.Message}");
        }
    }
}
