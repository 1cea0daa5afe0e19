using KommoWidgetKit.Imaging;
using SkiaSharp;

namespace KommoWidgetKit.Scaffolding;

/// <summary>Draws the placeholder logos and tour image of a new widget with SkiaSharp: a rounded tile in a colour picked
/// from the widget code, with the code's first letter in white (a 5×7 block letter drawn as a path, so no font is needed),
/// anti-aliased. The same arguments give the same PNG bytes.</summary>
internal static class PlaceholderArt
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

    /// <summary>A logo of the given size: a rounded tile (inset by <paramref name="margin"/> pixels) with a letter, on transparency.</summary>
    public static byte[] Logo(int width, int height, char letter, uint rgb, int margin)
    {
        float tileW = width - 2 * margin, tileH = height - 2 * margin;
        using var bitmap = NewBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.Transparent);
            DrawTile(canvas, SKRect.Create(margin, margin, tileW, tileH), letter, rgb);
        }
        return PngEncoding.Encode(bitmap, zlibLevel: 9);
    }

    /// <summary>A tour (slideshow) image: a light backdrop tinted with the tile colour and the logo tile in the middle.</summary>
    public static byte[] Tour(int width, int height, char letter, uint rgb)
    {
        int size = height / 2;
        using var bitmap = NewBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(Color(Blend(0xFFFFFFu, rgb, 0.12)));
            DrawTile(canvas, SKRect.Create((width - size) / 2, (height - size) / 2, size, size), letter, rgb);
        }
        return PngEncoding.Encode(bitmap, zlibLevel: 9);
    }

    private static SKBitmap NewBitmap(int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        return new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
    }

    private static void DrawTile(SKCanvas canvas, SKRect tile, char letter, uint rgb)
    {
        float side = Math.Min(tile.Width, tile.Height);
        using var paint = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Fill, Color = Color(rgb) };
        canvas.DrawRoundRect(tile, side * 0.18f, side * 0.18f, paint);
        if (Font5x7.Get(char.ToUpperInvariant(letter)) is not { } rows) return;
        // One path of the letter's cells (runs of a row merged), so neighbouring cells have no seam between them.
        float cell = side * 0.56f / 7, left = tile.MidX - cell * 2.5f, top = tile.MidY - cell * 3.5f;
        using var builder = new SKPathBuilder();
        for (int y = 0; y < rows.Length; y++)
        {
            for (int x = 0; x < rows[y].Length;)
            {
                if (rows[y][x] != '#') { x++; continue; }
                int end = x;
                while (end < rows[y].Length && rows[y][end] == '#') end++;
                builder.AddRect(new SKRect(left + x * cell, top + y * cell, left + end * cell, top + (y + 1) * cell));
                x = end;
            }
        }
        using var glyph = builder.Detach();
        paint.Color = SKColors.White;
        canvas.DrawPath(glyph, paint);
    }

    private static SKColor Color(uint rgb) => new((byte)(rgb >> 16), (byte)(rgb >> 8), (byte)rgb, 255);

    private static uint Blend(uint from, uint to, double t)
    {
        uint result = 0;
        for (int shift = 16; shift >= 0; shift -= 8)
        {
            double a = (from >> shift) & 0xFF, b = (to >> shift) & 0xFF;
            result |= (uint)Math.Round(a + (b - a) * t) << shift;
        }
        return result;
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
