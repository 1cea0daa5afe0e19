using KommoWidgetKit.Model;

namespace KommoWidgetKit.Fixing;

/// <summary>Byte-level repairs of text files shared by several rules.</summary>
public static class TextFixes
{
    /// <summary>Removes the UTF-8 byte order mark at the start of a file.</summary>
    public static FileChange StripBom(string path) => FileChange.Edit(path, new TextEdit(0, 3, ""));

    /// <summary>Turns every CRLF and lone CR of a file into LF, touching nothing else.</summary>
    public static FileChange LineFeeds(WidgetFile file)
    {
        var bytes = file.Content.Span;
        var edits = new List<TextEdit>();
        int i = bytes.IndexOf((byte)'\r');
        while (i >= 0)
        {
            bool crlf = i + 1 < bytes.Length && bytes[i + 1] == (byte)'\n';
            edits.Add(crlf ? new TextEdit(i, 1, "") : new TextEdit(i, 1, "\n"));
            int next = bytes[(i + 1)..].IndexOf((byte)'\r');
            i = next < 0 ? -1 : i + 1 + next;
        }
        return new FileChange(file.Path, edits);
    }

    /// <summary>What a text copied from another locale starts with until someone translates it.</summary>
    public const string UntranslatedMarker = "[untranslated] ";

    /// <summary>A text marked as not yet translated (marked once, however often it is copied).</summary>
    public static string MarkUntranslated(string text) =>
        text.StartsWith(UntranslatedMarker, StringComparison.Ordinal) ? text : UntranslatedMarker + text;
}
