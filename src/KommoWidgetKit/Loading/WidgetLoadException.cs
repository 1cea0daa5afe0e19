using KommoWidgetKit.Model;

namespace KommoWidgetKit.Loading;

/// <summary>The input cannot be loaded at all (missing path, not a folder or zip, unreadable archive).</summary>
public sealed class WidgetLoadException(string message, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>The load issue this failure is as a finding: <see cref="LoadIssueKind.TotalTooLarge"/> for an archive over
    /// <see cref="WidgetLoadOptions.MaxArchiveSize"/>, else <see cref="LoadIssueKind.Unreadable"/>
    /// (see <see cref="WidgetLoader.LoadOrEmpty"/>).</summary>
    public LoadIssueKind Kind { get; init; } = LoadIssueKind.Unreadable;
}
