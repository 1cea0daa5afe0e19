using System.Globalization;
using System.Text;
using KommoWidgetKit.Model;
using KommoWidgetKit.Parsing.Json;

namespace KommoWidgetKit.Packaging;

/// <summary>Which part of <c>widget.version</c> to raise.</summary>
public enum VersionBump
{
    /// <summary>The third number: 1.2.3 → 1.2.4, 1.0 → 1.0.1.</summary>
    Patch,
    /// <summary>The second number, later ones reset: 1.2.3 → 1.3.0, 1.0 → 1.1.</summary>
    Minor,
    /// <summary>The first number, later ones reset: 1.2.3 → 2.0.0, 1.0 → 2.0.</summary>
    Major,
}

/// <summary>The outcome of a version bump.</summary>
/// <param name="OldVersion">The version before.</param>
/// <param name="NewVersion">The version after.</param>
/// <param name="Manifest">The whole new manifest.json bytes (only the version string differs).</param>
public sealed record VersionBumpResult(string OldVersion, string NewVersion, byte[] Manifest);

/// <summary>Raises <c>widget.version</c> by rewriting only the bytes of the version string, so the manifest keeps its
/// formatting, BOM, indentation and line endings.</summary>
/// <remarks>A version is one to four dot-separated whole numbers (<c>1</c>, <c>1.0</c>, <c>1.2.3</c>, <c>1.2.3.4</c>).
/// Minor and major keep the number of parts and reset the later ones; patch raises the third part, adding parts
/// (<c>1.0</c> → <c>1.0.1</c>). Anything else (<c>1.0-beta</c>, <c>v1</c>) is refused rather than guessed.</remarks>
public static class VersionBumper
{
    /// <summary>Parses a bump name (patch, minor, major).</summary>
    public static bool TryParse(string? text, out VersionBump bump)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "patch": bump = VersionBump.Patch; return true;
            case "minor": bump = VersionBump.Minor; return true;
            case "major": bump = VersionBump.Major; return true;
            default: bump = VersionBump.Patch; return false;
        }
    }

    /// <summary>The next version, or null when <paramref name="version"/> is not 1–4 dot-separated whole numbers.</summary>
    public static string? Next(string version, VersionBump bump)
    {
        var parts = version.Split('.');
        if (parts.Length is < 1 or > 4) return null;
        var numbers = new List<long>();
        foreach (var part in parts)
        {
            if (part.Length is 0 or > 9 || !part.All(char.IsAsciiDigit)) return null;
            numbers.Add(long.Parse(part, CultureInfo.InvariantCulture));
        }
        int index = bump switch { VersionBump.Major => 0, VersionBump.Minor => 1, _ => 2 };
        while (numbers.Count <= index) numbers.Add(0);
        numbers[index]++;
        for (int i = index + 1; i < numbers.Count; i++) numbers[i] = 0;
        return string.Join('.', numbers.Select(n => n.ToString(CultureInfo.InvariantCulture)));
    }

    /// <summary>Bumps the version inside manifest.json bytes.</summary>
    /// <exception cref="PackException">The manifest is not valid JSON, has no string <c>widget.version</c>, or the
    /// version is not numeric.</exception>
    public static VersionBumpResult Bump(ReadOnlyMemory<byte> manifest, VersionBump bump)
    {
        var parsed = JsonParser.Parse("manifest.json", manifest);
        if (parsed.HasFatalIssue || parsed.Issues.Any(i => i.Kind == JsonIssueKind.InvalidUtf8))
            throw new PackException("manifest.json is not valid JSON, so its version cannot be bumped");
        var node = (parsed.Root as JObject)?.GetObject("widget")?["version"];
        if (node is null)
            throw new PackException("manifest.json has no widget.version to bump; add \"version\": \"1.0.0\" to the widget block");
        if (node is not JString version)
            throw new PackException($"widget.version is a {node.KindName}, not a string, so it cannot be bumped");
        string next = Next(version.Value, bump)
            ?? throw new PackException($"widget.version \"{version.Value}\" is not made of 1 to 4 dot-separated numbers (like 1.0.0), so it cannot be bumped");

        var bytes = manifest.Span;
        int start = parsed.Lines.GetOffset(version.Span.StartLine, version.Span.StartColumn);
        int end = parsed.Lines.GetOffset(version.Span.EndLine, version.Span.EndColumn);
        if (start < 0 || end <= start || end > bytes.Length || bytes[start] != (byte)'"' || bytes[end - 1] != (byte)'"')
            throw new PackException("could not locate widget.version in manifest.json");

        byte[] replacement = Encoding.UTF8.GetBytes("\"" + next + "\"");
        var result = new byte[bytes.Length - (end - start) + replacement.Length];
        bytes[..start].CopyTo(result);
        replacement.CopyTo(result.AsSpan(start));
        bytes[end..].CopyTo(result.AsSpan(start + replacement.Length));

        // Check the edit: the new text must parse to the same tree with only the version changed.
        var check = JsonParser.Parse("manifest.json", result);
        if ((check.Root as JObject)?.GetObject("widget")?.GetString("version") != next)
            throw new PackException("bumping widget.version did not give a valid manifest; the file was left as it is");
        return new VersionBumpResult(version.Value, next, result);
    }

    /// <summary>Bumps <c>widget.version</c> in the manifest.json of a widget loaded from a folder, on disk.</summary>
    /// <exception cref="PackException">The widget was not loaded from a folder, or the version cannot be bumped.</exception>
    public static VersionBumpResult BumpOnDisk(Widget widget, VersionBump bump)
    {
        string path = ManifestPathOnDisk(widget);
        var result = Bump(File.ReadAllBytes(path), bump);
        File.WriteAllBytes(path, result.Manifest);
        return result;
    }

    /// <summary>The manifest.json file on disk for a widget loaded from a folder.</summary>
    /// <exception cref="PackException">The widget was loaded from a zip or from memory.</exception>
    public static string ManifestPathOnDisk(Widget widget)
    {
        if (widget.SourceKind != WidgetSourceKind.Folder)
            throw new PackException("--bump edits manifest.json in the widget folder; it cannot change a .zip input (unpack it, or bump the source folder)");
        string root = widget.WrapperFolder is { } wrapper ? Path.Combine(widget.Source, wrapper) : widget.Source;
        string path = Path.Combine(root, "manifest.json");
        if (!File.Exists(path)) throw new PackException("the widget has no manifest.json to bump");
        return path;
    }
}
