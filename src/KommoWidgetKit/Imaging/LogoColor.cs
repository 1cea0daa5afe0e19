using System.Globalization;

namespace KommoWidgetKit.Imaging;

/// <summary>A colour with straight (not premultiplied) alpha, as <c>--background</c> takes it.</summary>
public readonly record struct LogoColor(byte Red, byte Green, byte Blue, byte Alpha)
{
    /// <summary>Fully transparent: the default background.</summary>
    public static LogoColor Transparent => default;

    /// <summary>Opaque white.</summary>
    public static LogoColor White => new(255, 255, 255, 255);

    /// <summary>True when the colour has no transparency.</summary>
    public bool IsOpaque => Alpha == 255;

    /// <summary>How the colours are written, for help and error messages.</summary>
    public const string Forms = "#rgb, #rrggbb, #rrggbbaa, transparent, or a colour name: white, black, gray (grey), silver, red, green, blue, navy, yellow, orange";

    private static readonly Dictionary<string, LogoColor> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        ["transparent"] = Transparent,
        ["white"] = White,
        ["black"] = new(0, 0, 0, 255),
        ["gray"] = new(128, 128, 128, 255),
        ["grey"] = new(128, 128, 128, 255),
        ["silver"] = new(192, 192, 192, 255),
        ["red"] = new(255, 0, 0, 255),
        ["green"] = new(0, 128, 0, 255),
        ["blue"] = new(0, 0, 255, 255),
        ["navy"] = new(0, 0, 128, 255),
        ["yellow"] = new(255, 255, 0, 255),
        ["orange"] = new(255, 165, 0, 255),
    };

    /// <summary>Reads <c>#rgb</c>, <c>#rrggbb</c>, <c>#rrggbbaa</c>, <c>transparent</c> or one of a few CSS colour names;
    /// false for anything else (including <c>#rgba</c> and names CSS has but this list lacks).</summary>
    public static bool TryParse(string? text, out LogoColor color)
    {
        color = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        text = text.Trim();
        if (Names.TryGetValue(text, out color)) return true;
        if (text[0] != '#') return false;
        var hex = text.AsSpan(1);
        foreach (char c in hex)
            if (!char.IsAsciiHexDigit(c)) return false;
        switch (hex.Length)
        {
            case 3:
                color = new LogoColor(Nibble(hex[0]), Nibble(hex[1]), Nibble(hex[2]), 255);
                return true;
            case 6:
                color = new LogoColor(Byte(hex[0..2]), Byte(hex[2..4]), Byte(hex[4..6]), 255);
                return true;
            case 8:
                color = new LogoColor(Byte(hex[0..2]), Byte(hex[2..4]), Byte(hex[4..6]), Byte(hex[6..8]));
                return true;
            default:
                return false;
        }
    }

    /// <summary><c>#rrggbb</c>, or <c>#rrggbbaa</c> when not opaque.</summary>
    public override string ToString() =>
        IsOpaque ? $"#{Red:x2}{Green:x2}{Blue:x2}" : $"#{Red:x2}{Green:x2}{Blue:x2}{Alpha:x2}";

    private static byte Nibble(char c)
    {
        int v = int.Parse(c.ToString(), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        return (byte)(v * 17);
    }

    private static byte Byte(ReadOnlySpan<char> two) => byte.Parse(two, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
}
