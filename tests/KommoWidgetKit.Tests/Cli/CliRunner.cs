using System.IO.Compression;
using KommoWidgetKit.Cli;
using KommoWidgetKit.Tests.Support;

namespace KommoWidgetKit.Tests.Cli;

/// <summary>The outcome of one in-process run of the CLI.</summary>
public sealed record CliRun(int ExitCode, string Out, string Error)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Out}\n--- stderr\n{Error}";

    /// <summary>Asserts the shape every usage error has: exit 2, nothing on stdout, and on stderr exactly one
    /// <c>error: …</c> line and the help hint of <paramref name="command"/>. Returns the error line.</summary>
    public string AssertUsageError(string command)
    {
        Assert.True(ExitCode == ExitCodes.UsageError, ToString());
        Assert.True(Out == "", ToString());
        var lines = Error.TrimEnd('\n').Split('\n');
        Assert.True(lines.Length == 2, ToString());
        Assert.StartsWith("error: ", lines[0]);
        string path = command.Length == 0 ? "kommo-widget" : "kommo-widget " + command;
        Assert.Equal($"Run '{path} --help' for usage.", lines[1]);
        return lines[0];
    }
}

/// <summary>Runs <see cref="CliApp"/> in-process and writes widgets to temp folders and zips.</summary>
public sealed class CliFixture : IDisposable
{
    private readonly TempFolder _temp = new();

    public static CliRun Run(params string[] args)
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        int code = CliApp.Run(args, stdout, stderr);
        return new CliRun(code, stdout.ToString(), stderr.ToString());
    }

    public string Root => _temp.Path;

    /// <summary>Writes the widget to a new folder and returns its path.</summary>
    public string Folder(TestWidget widget, string name = "widget") => widget.WriteTo(_temp.Combine(name));

    /// <summary>Writes the widget as a zip with its files at the root and returns the zip's path.</summary>
    public string Zip(TestWidget widget, string name = "widget.zip")
    {
        string path = _temp.Combine(name);
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        foreach (var (file, bytes) in widget.Files)
        {
            using var s = zip.CreateEntry(file).Open();
            s.Write(bytes);
        }
        return path;
    }

    public void Dispose() => _temp.Dispose();
}
