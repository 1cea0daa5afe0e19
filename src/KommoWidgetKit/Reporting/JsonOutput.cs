using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace KommoWidgetKit.Reporting;

/// <summary>Runs a <see cref="Utf8JsonWriter"/> (no reflection, so trim and AOT safe) and copies its text to a <see cref="TextWriter"/>.</summary>
public static class JsonOutput
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        IndentSize = 2,
        NewLine = "\n",
        // Reports are files and pipes, not HTML: keep non-ASCII text (Cyrillic, ✔) readable instead of \uXXXX.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Writes one JSON document built by <paramref name="build"/>, followed by a newline.</summary>
    public static void Write(TextWriter writer, Action<Utf8JsonWriter> build)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            build(json);
        }
        writer.Write(Encoding.UTF8.GetString(buffer.WrittenSpan));
        writer.Write('\n');
    }

    /// <summary>Writes a number, or null when <paramref name="value"/> is not positive (positions are 1-based).</summary>
    public static void WritePositiveOrNull(this Utf8JsonWriter json, string name, int value)
    {
        if (value > 0) json.WriteNumber(name, value);
        else json.WriteNull(name);
    }
}
