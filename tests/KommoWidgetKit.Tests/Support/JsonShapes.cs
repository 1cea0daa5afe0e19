using System.Text;
using System.Text.RegularExpressions;

namespace KommoWidgetKit.Tests.Support;

/// <summary>The same JSON text in other layouts, for tests of edits that must follow the file's own style.</summary>
public static partial class JsonShapes
{
    /// <summary>The text with CRLF line endings (from LF).</summary>
    public static string Crlf(string text) => text.Replace("\r\n", "\n").Replace("\n", "\r\n");

    /// <summary>The text indented with one tab per two spaces of indentation.</summary>
    public static string Tabs(string text) => LeadingSpaces().Replace(text, m => new string('\t', m.Length / 2));

    /// <summary>The text on one line: each line break and the indentation after it become one space.</summary>
    public static string OneLine(string text) => LineBreaks().Replace(text, " ");

    /// <summary>The UTF-8 bytes of a text, kept as they are (<see cref="TestWidget.Set(string, string)"/> turns CRLF into LF).</summary>
    public static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    [GeneratedRegex("(?m)^(  )+")]
    private static partial Regex LeadingSpaces();

    [GeneratedRegex(@"\r?\n[ \t]*")]
    private static partial Regex LineBreaks();
}
