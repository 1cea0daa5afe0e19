using System.IO.Compression;
using KommoWidgetKit.Cli;
using KommoWidgetKit.Tests.Support;

namespace KommoWidgetKit.Tests.Cli;

/// <summary>The outcome of one in-process run of the CLI.</summary>
public sealed record CliRun(int ExitCode, string Out, string Error)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Out}\n--- stderr\n{Error}";
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
