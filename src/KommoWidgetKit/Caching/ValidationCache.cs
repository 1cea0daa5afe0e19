using System.Buffers.Binary;
using System.IO.Hashing;
using System.Text;
using KommoWidgetKit.Diagnostics;
using KommoWidgetKit.Model;
using KommoWidgetKit.Validation;

namespace KommoWidgetKit.Caching;

/// <summary>The findings of a widget as last validated, kept in a <see cref="WidgetCache"/>: validation is a function of the
/// widget's files, how it was loaded and the options, so when none of them changed the findings are read back instead of
/// parsing and checking again.</summary>
/// <remarks>A finding read back is the same finding (rule, severity, message, span, JSON pointer) without its repair:
/// <see cref="Diagnostic.Fix"/> is null, so <c>fix</c> and the language server never use this cache.</remarks>
internal static class ValidationCache
{
    private const string Kind = "validation";
    private const byte FormatVersion = 1;

    /// <summary>The record's slot and the key of the widget's current state under <paramref name="options"/>.</summary>
    public static (UInt128 Slot, UInt128 Key) Identify(Widget widget, ValidationOptions options)
    {
        var text = new StringBuilder();
        // Enums as numbers: Enum.ToString reads metadata, which a Native AOT start pays for.
        text.Append(options.Platform is { } platform ? (int)platform : -1).Append('|').Append(options.Profile is { } profile ? (int)profile : -1).Append('|')
            .Append(options.UseConfigFile ? '1' : '0');
        if (options.RuleSeverities.Count > 0)
        {
            var rules = new List<KeyValuePair<string, Severity>>(options.RuleSeverities);
            rules.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
            foreach (var (id, severity) in rules) text.Append('|').Append(id).Append('=').Append((int)severity);
        }
        string optionText = text.ToString();

        var slot = WidgetCache.Slot(Kind, WidgetCache.ToolIdentity, ((int)widget.SourceKind).ToString(System.Globalization.CultureInfo.InvariantCulture), WidgetCache.Location(widget), optionText);

        var hash = new XxHash128();
        Span<byte> number = stackalloc byte[16];
        WidgetCache.AppendText(hash, optionText);
        WidgetCache.AppendText(hash, widget.WrapperFolder);
        BinaryPrimitives.WriteInt32LittleEndian(number, widget.Files.Count);
        hash.Append(number[..4]);
        foreach (var file in widget.FileSpan)
        {
            WidgetCache.AppendText(hash, file.Path);
            BinaryPrimitives.WriteUInt128LittleEndian(number, file.ContentHash);
            hash.Append(number);
        }
        foreach (var issue in widget.LoadIssueSpan)
        {
            WidgetCache.AppendText(hash, ((int)issue.Kind).ToString(System.Globalization.CultureInfo.InvariantCulture));
            WidgetCache.AppendText(hash, issue.Path);
            WidgetCache.AppendText(hash, issue.Detail);
        }
        WidgetCache.AppendText(hash, "skipped");
        foreach (var folder in widget.SkippedFolderSpan) WidgetCache.AppendText(hash, folder);
        return (slot, hash.GetCurrentHashAsUInt128());
    }

    /// <summary>The result stored for <paramref name="key"/>, or null.</summary>
    public static ValidationResult? TryRead(WidgetCache cache, UInt128 slot, UInt128 key, Func<WidgetConfig> config)
    {
        if (cache.Read(Kind, slot) is not { } data) return null;
        try
        {
            using var reader = new BinaryReader(new MemoryStream(data.Array!, data.Offset, data.Count, writable: false), Encoding.UTF8);
            if (reader.ReadByte() != FormatVersion) return null;
            if (ReadUInt128(reader) != key) return null;
            var platform = (WidgetPlatform)reader.ReadByte();
            var profile = (WidgetProfile)reader.ReadByte();
            var source = (PlatformSource)reader.ReadByte();
            int count = reader.ReadInt32();
            if (count < 0 || count > data.Count) return null;
            var list = new List<Diagnostic>(count);
            for (int i = 0; i < count; i++)
            {
                string id = reader.ReadString();
                var severity = (Severity)reader.ReadByte();
                string message = reader.ReadString();
                string path = reader.ReadString();
                int startLine = reader.ReadInt32(), startColumn = reader.ReadInt32(), endLine = reader.ReadInt32(), endColumn = reader.ReadInt32();
                string? pointer = reader.ReadBoolean() ? reader.ReadString() : null;
                if (RuleCatalog.DescriptorById(id) is not { } descriptor) return null;
                list.Add(new Diagnostic(descriptor, severity, message, new SourceSpan(path, startLine, startColumn, endLine, endColumn, pointer)));
            }
            if (reader.BaseStream.Position != data.Count) return null;
            return new ValidationResult(list, platform, profile) { PlatformSource = source, ConfigSource = config };
        }
        catch (Exception ex) when (ex is EndOfStreamException or IOException or DecoderFallbackException or FormatException)
        {
            return null;
        }
    }

    /// <summary>Stores <paramref name="result"/> for <paramref name="key"/>; a result with a finding whose rule is not in
    /// the catalog (it could not be read back) is not stored.</summary>
    public static void Write(WidgetCache cache, UInt128 slot, UInt128 key, ValidationResult result)
    {
        var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(FormatVersion);
            Span<byte> k = stackalloc byte[16];
            BinaryPrimitives.WriteUInt128LittleEndian(k, key);
            writer.Write(k);
            writer.Write((byte)result.Platform);
            writer.Write((byte)result.Profile);
            writer.Write((byte)result.PlatformSource);
            writer.Write(result.Diagnostics.Count);
            foreach (var d in result.Diagnostics)
            {
                if (RuleCatalog.DescriptorById(d.Id) != d.Descriptor) return;
                writer.Write(d.Id);
                writer.Write((byte)d.Severity);
                writer.Write(d.Message);
                writer.Write(d.Span.Path);
                writer.Write(d.Span.StartLine);
                writer.Write(d.Span.StartColumn);
                writer.Write(d.Span.EndLine);
                writer.Write(d.Span.EndColumn);
                writer.Write(d.Span.JsonPointer is not null);
                if (d.Span.JsonPointer is { } pointer) writer.Write(pointer);
            }
        }
        cache.Write(Kind, slot, stream.GetBuffer().AsSpan(0, (int)stream.Length));
    }

    private static UInt128 ReadUInt128(BinaryReader reader)
    {
        Span<byte> k = stackalloc byte[16];
        reader.BaseStream.ReadExactly(k);
        return BinaryPrimitives.ReadUInt128LittleEndian(k);
    }
}
