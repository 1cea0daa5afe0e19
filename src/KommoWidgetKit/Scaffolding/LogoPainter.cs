namespace KommoWidgetKit.Scaffolding;

/// <summary>Draws the generated logos and tour images: a rounded tile in a colour picked from the widget code, with the
/// code's first letter in white, anti-aliased.</summary>
public static class LogoPainter
{
    // Calm, saturated tiles that keep white text readable on light and dark themes.
    private static readonly uint[] Palette = [0x2F6FDEu, 0x1E9E7Au, 0x7A4FD6u, 0xD9822Bu, 0xC7365Fu, 0x0E8AA8u, 0x4F6B8Au, 0x3C9A3Cu];

    /// <summary>The tile colour (0xRRGGBB) for a widget code; the same code always gets the same colour.</summary>
    public static uint ColorFor(string code)
    {
        uint hash = 2166136261;
        foreach (char c in code) hash = (hash ^ c) * 16777619;
        return Palette[hash % (uint)Palette.Length];
    }

    /// <summary>A logo of the given size: a rounded tile (inset by <paramref name="margin"/> pixels) with a letter.</summary>
    public static byte[] Logo(int width, int height, char letter, uint rgb, int margin)
    {
        int tileW = width - 2 * margin, tileH = height - 2 * margin;
        double radius = Math.Min(tileW, tileH) * 0.18;
        var glyph = new GlyphLayer(letter, width / 2.0, height / 2.0, Math.Min(tileW, tileH) * 0.56);
        return PngWriter.Encode(width, height, (x, y) =>
        {
            double tile = RoundedRectCoverage(x + 0.5, y + 0.5, margin, margin, tileW, tileH, radius);
            if (tile <= 0) return 0;
            double ink = glyph.Coverage(x, y);
            uint color = Blend(rgb, 0xFFFFFFu, ink);
            return (color << 8) | (uint)Math.Round(tile * 255);
        });
    }

    /// <summary>A tour (slideshow) image: a light backdrop tinted with the tile colour and the logo tile in the middle.</summary>
    public static byte[] Tour(int width, int height, char letter, uint rgb)
    {
        uint backdrop = Blend(0xFFFFFFu, rgb, 0.12);
        int size = height / 2;
        int left = (width - size) / 2, top = (height - size) / 2;
        double radius = size * 0.18;
        var glyph = new GlyphLayer(letter, width / 2.0, height / 2.0, size * 0.56);
        return PngWriter.Encode(width, height, (x, y) =>
        {
            double tile = RoundedRectCoverage(x + 0.5, y + 0.5, left, top, size, size, radius);
            uint color = backdrop;
            if (tile > 0)
            {
                color = Blend(backdrop, rgb, tile);
                color = Blend(color, 0xFFFFFFu, glyph.Coverage(x, y));
            }
            return (color << 8) | 0xFFu;
        });
    }

    private static uint Blend(uint from, uint to, double t)
    {
        if (t <= 0) return from;
        if (t >= 1) return to;
        uint result = 0;
        for (int shift = 16; shift >= 0; shift -= 8)
        {
            double a = (from >> shift) & 0xFF, b = (to >> shift) & 0xFF;
            result |= (uint)Math.Round(a + (b - a) * t) << shift;
        }
        return result;
    }

    // Area of the pixel centred at (px, py) inside the rounded rectangle, from its signed distance.
    private static double RoundedRectCoverage(double px, double py, double x, double y, double w, double h, double r)
    {
        double cx = x + w / 2, cy = y + h / 2;
        double qx = Math.Abs(px - cx) - (w / 2 - r), qy = Math.Abs(py - cy) - (h / 2 - r);
        double outside = Math.Sqrt(Math.Max(qx, 0) * Math.Max(qx, 0) + Math.Max(qy, 0) * Math.Max(qy, 0));
        double distance = outside + Math.Min(Math.Max(qx, qy), 0) - r;
        return Math.Clamp(0.5 - distance, 0, 1);
    }

    private sealed class GlyphLayer
    {
        private readonly string[]? _rows;
        private readonly double _left, _top, _cell;

        public GlyphLayer(char letter, double centerX, double centerY, double height)
        {
            _rows = Font5x7.Get(char.ToUpperInvariant(letter));
            _cell = height / 7;
            _left = centerX - _cell * 2.5;
            _top = centerY - _cell * 3.5;
        }

        // 4×4 samples per pixel give smooth edges to the blocky letter.
        public double Coverage(int x, int y)
        {
            if (_rows is null) return 0;
            if (x + 1 < _left || y + 1 < _top || x > _left + 5 * _cell || y > _top + 7 * _cell) return 0;
            int hits = 0;
            for (int sy = 0; sy < 4; sy++)
            {
                for (int sx = 0; sx < 4; sx++)
                {
                    double gx = (x + (sx + 0.5) / 4 - _left) / _cell, gy = (y + (sy + 0.5) / 4 - _top) / _cell;
                    if (gx < 0 || gy < 0 || gx >= 5 || gy >= 7) continue;
                    if (_rows[(int)gy][(int)gx] == '#') hits++;
                }
            }
            return hits / 16.0;
        }
    }
}

/// <summary>A 5×7 bitmap font for A–Z and 0–9.</summary>
internal static class Font5x7
{
    public static string[]? Get(char c) => Glyphs.GetValueOrDefault(c);

    private static readonly Dictionary<char, string[]> Glyphs = new()
    {
        ['A'] = [".###.", "#...#", "#...#", "#####", "#...#", "#...#", "#...#"],
        ['B'] = ["####.", "#...#", "#...#", "####.", "#...#", "#...#", "####."],
        ['C'] = [".###.", "#...#", "#....", "#....", "#....", "#...#", ".###."],
        ['D'] = ["####.", "#...#", "#...#", "#...#", "#...#", "#...#", "####."],
        ['E'] = ["#####", "#....", "#....", "####.", "#....", "#....", "#####"],
        ['F'] = ["#####", "#....", "#....", "####.", "#....", "#....", "#...."],
        ['G'] = [".###.", "#...#", "#....", "#.###", "#...#", "#...#", ".####"],
        ['H'] = ["#...#", "#...#", "#...#", "#####", "#...#", "#...#", "#...#"],
        ['I'] = [".###.", "..#..", "..#..", "..#..", "..#..", "..#..", ".###."],
        ['J'] = ["..###", "...#.", "...#.", "...#.", "...#.", "#..#.", ".##.."],
        ['K'] = ["#...#", "#..#.", "#.#..", "##...", "#.#..", "#..#.", "#...#"],
        ['L'] = ["#....", "#....", "#....", "#....", "#....", "#....", "#####"],
        ['M'] = ["#...#", "##.##", "#.#.#", "#.#.#", "#...#", "#...#", "#...#"],
        ['N'] = ["#...#", "#...#", "##..#", "#.#.#", "#..##", "#...#", "#...#"],
        ['O'] = [".###.", "#...#", "#...#", "#...#", "#...#", "#...#", ".###."],
        ['P'] = ["####.", "#...#", "#...#", "####.", "#....", "#....", "#...."],
        ['Q'] = [".###.", "#...#", "#...#", "#...#", "#.#.#", "#..#.", ".##.#"],
        ['R'] = ["####.", "#...#", "#...#", "####.", "#.#..", "#..#.", "#...#"],
        ['S'] = [".####", "#....", "#....", ".###.", "....#", "....#", "####."],
        ['T'] = ["#####", "..#..", "..#..", "..#..", "..#..", "..#..", "..#.."],
        ['U'] = ["#...#", "#...#", "#...#", "#...#", "#...#", "#...#", ".###."],
        ['V'] = ["#...#", "#...#", "#...#", "#...#", "#...#", ".#.#.", "..#.."],
        ['W'] = ["#...#", "#...#", "#...#", "#.#.#", "#.#.#", "#.#.#", ".#.#."],
        ['X'] = ["#...#", "#...#", ".#.#.", "..#..", ".#.#.", "#...#", "#...#"],
        ['Y'] = ["#...#", "#...#", ".#.#.", "..#..", "..#..", "..#..", "..#.."],
        ['Z'] = ["#####", "....#", "...#.", "..#..", ".#...", "#....", "#####"],
        ['0'] = [".###.", "#...#", "#..##", "#.#.#", "##..#", "#...#", ".###."],
        ['1'] = ["..#..", ".##..", "..#..", "..#..", "..#..", "..#..", ".###."],
        ['2'] = [".###.", "#...#", "....#", "...#.", "..#..", ".#...", "#####"],
        ['3'] = ["#####", "...#.", "..#..", "...#.", "....#", "#...#", ".###."],
        ['4'] = ["...#.", "..##.", ".#.#.", "#..#.", "#####", "...#.", "...#."],
        ['5'] = ["#####", "#....", "####.", "....#", "....#", "#...#", ".###."],
        ['6'] = ["..##.", ".#...", "#....", "####.", "#...#", "#...#", ".###."],
        ['7'] = ["#####", "....#", "...#.", "..#..", ".#...", ".#...", ".#..."],
        ['8'] = [".###.", "#...#", "#...#", ".###.", "#...#", "#...#", ".###."],
        ['9'] = [".###.", "#...#", "#...#", ".####", "....#", "...#.", ".##.."],
    };
}
