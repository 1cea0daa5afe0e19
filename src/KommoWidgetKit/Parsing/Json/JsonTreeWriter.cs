using System.Buffers;
using System.Text;
using System.Text.Json;

namespace KommoWidgetKit.Parsing.Json;

/// <summary>Writes a parsed JSON tree back out as strict JSON, as a JavaScript or PHP parser would have read the file: a
/// repeated key keeps its last value (at the place of its first), comments and trailing commas are gone, numbers stay as
/// written. For handing the model to other programs (the dev host gives the page the manifest and i18n this way) without
/// parsing the file a second time.</summary>
public static class JsonTreeWriter
{
    /// <summary>Writes <paramref name="node"/> as one JSON value.</summary>
    public static void WriteTo(this JNode node, Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(writer);
        switch (node)
        {
            case JObject o:
                writer.WriteStartObject();
                foreach (var p in o.DistinctProperties)
                {
                    writer.WritePropertyName(p.Name);
                    p.Value.WriteTo(writer);
                }
                writer.WriteEndObject();
                break;
            case JArray a:
                writer.WriteStartArray();
                foreach (var item in a.Items) item.WriteTo(writer);
                writer.WriteEndArray();
                break;
            case JString s:
                writer.WriteStringValue(s.Value);
                break;
            case JNumber n:
                writer.WriteRawValue(n.Raw);
                break;
            case JBoolean b:
                writer.WriteBooleanValue(b.Value);
                break;
            default:
                writer.WriteNullValue();
                break;
        }
    }

    /// <summary>The tree as compact JSON text.</summary>
    public static string ToJson(this JNode node)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer)) node.WriteTo(writer);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
