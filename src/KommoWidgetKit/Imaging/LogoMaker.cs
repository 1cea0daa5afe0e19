using System.Globalization;
using KommoWidgetKit.Model;
using SkiaSharp;

namespace KommoWidgetKit.Imaging;

/// <summary>How a master image is fitted into a logo of another shape.</summary>
public enum LogoFit
{
    /// <summary>The whole image, scaled to fit and centred; the rest is the background (transparent by default).</summary>
    Contain,
    /// <summary>The logo filled, scaled to cover it and centred; what overhangs is cut off.</summary>
    Cover,
}

/// <summary>How <see cref="LogoMaker"/> draws and writes the logos.</summary>
public sealed record LogoOptions
{
    /// <summary>The defaults: contain, transparent background, no overwriting, logo_dp.png when the manifest asks for it.</summary>
    public static readonly LogoOptions Default = new();

    /// <summary>How the image is fitted into each logo (default: <see cref="LogoFit.Contain"/>).</summary>
    public LogoFit Fit { get; init; } = LogoFit.Contain;

    /// <summary>What fills the logo behind the image (default: transparent).</summary>
    public LogoColor Background { get; init; } = LogoColor.Transparent;

    /// <summary>Replace logos that exist already; without it <see cref="LogoMaker.Write"/> refuses and writes nothing.</summary>
    public bool Overwrite { get; init; }

    /// <summary>Whether to write <c>images/logo_dp.png</c>; null (the default) reads it from the manifest's
    /// <c>digital_pipeline</c> location.</summary>
    public bool? DigitalPipeline { get; init; }

    /// <summary>Largest PNG to write, in bytes (Kommo's 300 KB; lower only in tests).</summary>
    internal int MaxBytes { get; init; } = LogoSpec.MaxImageBytes;
}

/// <summary>The master image as read: its real format and its size once EXIF orientation is applied.</summary>
public sealed record MasterImageInfo(ImageFormat Format, int Width, int Height);

/// <summary>One logo drawn in memory: which one and its PNG bytes.</summary>
public sealed record RenderedLogo(LogoSpec Spec, byte[] Png);

/// <summary>The outcome of <see cref="LogoMaker.Render"/>.</summary>
/// <param name="Master">The master image.</param>
/// <param name="Logos">The logos, in the order asked for.</param>
/// <param name="Warnings">Things worth telling the user that did not stop the work (an enlarged master), one line each.</param>
public sealed record LogoRenderResult(MasterImageInfo Master, IReadOnlyList<RenderedLogo> Logos, IReadOnlyList<string> Warnings);

/// <summary>One logo written to disk.</summary>
/// <param name="Spec">Which logo.</param>
/// <param name="FullPath">Where it was written.</param>
/// <param name="Bytes">Its size in bytes.</param>
public sealed record WrittenLogo(LogoSpec Spec, string FullPath, long Bytes);

/// <summary>The outcome of <see cref="LogoMaker.Write"/>.</summary>
public sealed record LogoWriteResult(MasterImageInfo Master, string ImagesFolder, IReadOnlyList<WrittenLogo> Logos, IReadOnlyList<string> Warnings);

/// <summary>Why logos could not be made: the master image, the widget folder or an existing file. The message is one line
/// meant for the user.</summary>
public sealed class LogoException : Exception
{
    /// <summary>A refusal with a message.</summary>
    public LogoException(string message) : base(message) => ExistingFiles = [];

    /// <summary>A refusal with a message and the cause.</summary>
    public LogoException(string message, Exception inner) : base(message, inner) => ExistingFiles = [];

    internal LogoException(string message, IReadOnlyList<string> existing) : base(message) => ExistingFiles = existing;

    /// <summary>When the refusal is that logos exist and overwriting was not asked for: their paths in the widget
    /// (<c>images/logo.png</c>, …); otherwise empty.</summary>
    public IReadOnlyList<string> ExistingFiles { get; }
}

/// <summary>Makes the logos Kommo requires (<see cref="LogoSpec.Required"/>, and <see cref="LogoSpec.DigitalPipeline"/>
/// with the <c>digital_pipeline</c> location) from one master image: PNG, JPEG, WebP or GIF, told apart by their bytes.</summary>
/// <remarks>The image is treated as hostile: its declared size is checked before any pixel is decoded (at most
/// <see cref="MaxMasterPixels"/>), a damaged or cut-short file is refused rather than drawn half-empty, and SVG (which
/// nothing here can draw) is refused with a message. Downscaling halves the image (a box filter) until the last step is
/// at most 2×, which is drawn with a Mitchell cubic; the result is the same for the same input. Every logo is a PNG of at
/// most 300 KB; a fully opaque one is written without an alpha channel.</remarks>
public static class LogoMaker
{
    /// <summary>Largest master image, in pixels (40 megapixels), as declared by its header.</summary>
    public const long MaxMasterPixels = 40_000_000;

    /// <summary>Largest master image file, in bytes (64 MiB).</summary>
    public const long MaxMasterBytes = 64L * 1024 * 1024;

    /// <summary>The smallest master size that is never enlarged for any logo (400×272, the size of logo_main.png).</summary>
    public static (int Width, int Height) RecommendedMasterSize => (LogoSpec.Required.Max(l => l.Width), LogoSpec.Required.Max(l => l.Height));

    /// <summary>The logos a widget needs: the five required ones, and logo_dp.png when <paramref name="digitalPipeline"/>.</summary>
    public static IReadOnlyList<LogoSpec> TargetsFor(bool digitalPipeline) =>
        digitalPipeline ? [.. LogoSpec.Required, LogoSpec.DigitalPipeline] : LogoSpec.Required;

    /// <summary>The logos <paramref name="manifest"/> needs (logo_dp.png with the <c>digital_pipeline</c> location).</summary>
    public static IReadOnlyList<LogoSpec> TargetsFor(ManifestDocument? manifest) => TargetsFor(HasDigitalPipeline(manifest));

    /// <summary>Draws <paramref name="targets"/> from the master image <paramref name="master"/>, in memory.</summary>
    /// <exception cref="LogoException">The bytes are not an image that can be read, the image is too large, or a logo
    /// would be over 300 KB.</exception>
    public static LogoRenderResult Render(ReadOnlySpan<byte> master, IReadOnlyList<LogoSpec> targets, LogoOptions? options = null) =>
        RenderCore(master, targets, options ?? LogoOptions.Default, "the image");

    /// <summary>Reads the master image at <paramref name="imagePath"/> and writes the logos the widget in
    /// <paramref name="widgetFolder"/> needs into its <c>images/</c> folder (created when missing).</summary>
    /// <remarks>Nothing is written unless every logo could be drawn. Each file is written to a temporary file in
    /// <c>images/</c> and renamed over its name, so a reader never sees half a logo. A link is never followed:
    /// <c>images/</c> or a logo that is a symbolic link is refused.</remarks>
    /// <exception cref="LogoException">The image cannot be used, the folder is not a widget folder (a .zip is refused), a
    /// logo exists and <see cref="LogoOptions.Overwrite"/> is not set (<see cref="LogoException.ExistingFiles"/> lists them),
    /// or <c>images/</c> or a logo is a link.</exception>
    /// <exception cref="IOException">Writing failed.</exception>
    public static LogoWriteResult Write(string imagePath, string widgetFolder, LogoOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(imagePath);
        ArgumentNullException.ThrowIfNull(widgetFolder);
        options ??= LogoOptions.Default;
        string root = WidgetRoot(widgetFolder);
        bool dp = options.DigitalPipeline ?? HasDigitalPipeline(ReadManifest(root));
        var targets = TargetsFor(dp);

        string images = Path.Combine(root, "images");
        CheckNotLink(images, "images", folder: true);
        var existing = new List<string>();
        foreach (var spec in targets)
        {
            string target = TargetPath(root, spec);
            CheckNotLink(target, spec.Path, folder: false);
            if (File.Exists(target)) existing.Add(spec.Path);
        }
        if (existing.Count > 0 && !options.Overwrite)
            throw new LogoException($"{string.Join(", ", existing)} already exist{(existing.Count == 1 ? "s" : "")}; nothing was written", existing);

        byte[] bytes = ReadMaster(imagePath);
        cancellationToken.ThrowIfCancellationRequested();
        var rendered = RenderCore(bytes, targets, options, $"'{imagePath}'");
        cancellationToken.ThrowIfCancellationRequested();

        Directory.CreateDirectory(images);
        CheckNotLink(images, "images", folder: true);
        var temps = new List<(string Temp, string Target, RenderedLogo Logo)>();
        try
        {
            foreach (var logo in rendered.Logos)
            {
                string target = TargetPath(root, logo.Spec);
                string temp = Path.Combine(images, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.tmp");
                using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
                {
                    temps.Add((temp, target, logo));
                    stream.Write(logo.Png);
                    stream.Flush(flushToDisk: true);
                }
            }
            var written = new List<WrittenLogo>();
            foreach (var (temp, target, logo) in temps)
            {
                CheckNotLink(target, logo.Spec.Path, folder: false);
                File.Move(temp, target, overwrite: true);
                written.Add(new WrittenLogo(logo.Spec, target, logo.Png.Length));
            }
            temps.Clear();
            return new LogoWriteResult(rendered.Master, images, written, rendered.Warnings);
        }
        finally
        {
            foreach (var (temp, _, _) in temps)
            {
                try { File.Delete(temp); } catch (IOException) { } catch (UnauthorizedAccessException) { }
            }
        }
    }

    private static LogoRenderResult RenderCore(ReadOnlySpan<byte> master, IReadOnlyList<LogoSpec> targets, LogoOptions options, string subject)
    {
        ArgumentNullException.ThrowIfNull(targets);
        var format = Sniff(master, subject);
        using var source = Decode(master, format, subject);
        var info = new MasterImageInfo(format, source.Width, source.Height);
        var warnings = new List<string>();
        if (UpscaleWarning(info, targets, options.Fit, subject) is { } warning) warnings.Add(warning);

        using var pyramid = new Pyramid(source);
        var logos = new List<RenderedLogo>(targets.Count);
        foreach (var spec in targets)
        {
            using var bitmap = Draw(pyramid, spec.Width, spec.Height, options);
            logos.Add(new RenderedLogo(spec, PngEncoding.Encode(bitmap, spec.Path, options.MaxBytes)));
        }
        return new LogoRenderResult(info, logos, warnings);
    }

    private static bool HasDigitalPipeline(ManifestDocument? manifest) =>
        manifest?.Locations.Any(l => l.Area == "digital_pipeline") == true;

    private static string TargetPath(string root, LogoSpec spec) => Path.Combine(root, spec.Path.Replace('/', Path.DirectorySeparatorChar));

    // The folder must hold manifest.json itself: logos writes beside it, and a .zip cannot be written into.
    private static string WidgetRoot(string widgetFolder)
    {
        if (string.IsNullOrWhiteSpace(widgetFolder)) throw new LogoException("the widget path is empty");
        string full = Path.GetFullPath(widgetFolder);
        if (File.Exists(full))
        {
            bool zip = widgetFolder.EndsWith(".zip", StringComparison.OrdinalIgnoreCase) || StartsWithZipSignature(full);
            throw new LogoException(zip
                ? $"'{widgetFolder}' is a .zip archive; logos writes into a widget folder, so give the folder the archive was packed from (or unpack it)"
                : $"'{widgetFolder}' is a file, not a widget folder");
        }
        if (!Directory.Exists(full)) throw new LogoException($"the widget folder '{widgetFolder}' does not exist");
        if (!File.Exists(Path.Combine(full, "manifest.json")))
            throw new LogoException($"'{widgetFolder}' is not a widget folder: it has no manifest.json");
        return full;
    }

    private static bool StartsWithZipSignature(string path)
    {
        try
        {
            using var s = File.OpenRead(path);
            Span<byte> head = stackalloc byte[4];
            return s.ReadAtLeast(head, 4, throwOnEndOfStream: false) == 4 && head[0] == 'P' && head[1] == 'K';
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static ManifestDocument? ReadManifest(string root)
    {
        string path = Path.Combine(root, "manifest.json");
        try
        {
            var info = new FileInfo(path);
            if (info.Length > 4 * 1024 * 1024) return null;
            return new ManifestDocument(new WidgetFile("manifest.json", File.ReadAllBytes(path)));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new LogoException($"cannot read manifest.json: {ex.Message}", ex);
        }
    }

    private static void CheckNotLink(string path, string shown, bool folder)
    {
        FileSystemInfo info = folder ? new DirectoryInfo(path) : new FileInfo(path);
        if (info.LinkTarget is not null || (info.Exists && info.Attributes.HasFlag(FileAttributes.ReparsePoint)))
            throw new LogoException($"'{shown}' in the widget is a symbolic link; logos does not write through links (replace it with a real {(folder ? "folder" : "file")})");
        if (folder && File.Exists(path))
            throw new LogoException($"'{shown}' in the widget is a file, not a folder");
        if (!folder && Directory.Exists(path))
            throw new LogoException($"'{shown}' in the widget is a folder, not a file");
    }

    private static byte[] ReadMaster(string imagePath)
    {
        if (string.IsNullOrWhiteSpace(imagePath)) throw new LogoException("the image path is empty");
        if (Directory.Exists(imagePath)) throw new LogoException($"'{imagePath}' is a folder, not an image");
        if (!File.Exists(imagePath)) throw new LogoException($"the image '{imagePath}' does not exist");
        try
        {
            using var stream = new FileStream(imagePath, FileMode.Open, FileAccess.Read, FileShare.Read);
            if (stream.Length > MaxMasterBytes)
                throw new LogoException($"'{imagePath}' is {stream.Length:N0} bytes; images over {MaxMasterBytes:N0} bytes are refused");
            var bytes = new byte[stream.Length];
            stream.ReadExactly(bytes);
            return bytes;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new LogoException($"cannot read '{imagePath}': {ex.Message}", ex);
        }
    }

    private static ImageFormat Sniff(ReadOnlySpan<byte> master, string subject)
    {
        if (master.Length == 0) throw new LogoException($"{subject} is empty");
        var format = ImageInfo.Read(master).Format;
        return format switch
        {
            ImageFormat.Png or ImageFormat.Jpeg or ImageFormat.WebP or ImageFormat.Gif => format,
            ImageFormat.Svg => throw new LogoException(
                $"{subject} is an SVG image: SVG is not supported; export a PNG of at least {RecommendedMasterSize.Width}×{RecommendedMasterSize.Height}"),
            _ => throw new LogoException($"{subject} is not a PNG, JPEG, WebP or GIF image (its bytes match none of them)"),
        };
    }

    private static string Name(ImageFormat format) => format switch
    {
        ImageFormat.Png => "PNG",
        ImageFormat.Jpeg => "JPEG",
        ImageFormat.WebP => "WebP",
        ImageFormat.Gif => "GIF",
        _ => format.ToString(),
    };

    // Decodes to premultiplied sRGB RGBA with the EXIF orientation applied; the declared size is checked first.
    private static SKImage Decode(ReadOnlySpan<byte> master, ImageFormat format, string subject)
    {
        using var data = SKData.CreateCopy(master);
        using var codec = SKCodec.Create(data)
            ?? throw new LogoException($"{subject} is not a readable {Name(format)}: its header is damaged or cut short");
        int w = codec.Info.Width, h = codec.Info.Height;
        if (w <= 0 || h <= 0) throw new LogoException($"{subject} declares an empty size ({w}×{h})");
        long pixels = (long)w * h;
        if (pixels > MaxMasterPixels)
            throw new LogoException(string.Create(CultureInfo.InvariantCulture,
                $"{subject} declares {w}×{h} pixels ({pixels / 1e6:0.#} megapixels); images over {MaxMasterPixels / 1_000_000} megapixels are refused"));

        var decodeInfo = new SKImageInfo(w, h, SKColorType.Rgba8888, SKAlphaType.Premul, SKColorSpace.CreateSrgb());
        var bitmap = new SKBitmap();
        try
        {
            if (!bitmap.TryAllocPixels(decodeInfo))
                throw new LogoException($"{subject}: not enough memory to decode {w}×{h} pixels");
            var result = codec.GetPixels(decodeInfo, bitmap.GetPixels());
            switch (result)
            {
                case SKCodecResult.Success:
                    break;
                case SKCodecResult.IncompleteInput:
                    throw new LogoException($"{subject} is cut short: the {Name(format)} data ends before the whole image");
                case SKCodecResult.ErrorInInput:
                case SKCodecResult.InvalidInput:
                    throw new LogoException($"{subject} is a damaged {Name(format)}: its pixel data cannot be decoded");
                default:
                    throw new LogoException($"{subject} cannot be decoded as {Name(format)} ({result})");
            }
            bitmap.SetImmutable();
            var origin = codec.EncodedOrigin;
            if (origin == SKEncodedOrigin.TopLeft) return SKImage.FromBitmap(bitmap);
            return Orient(bitmap, origin);
        }
        finally
        {
            bitmap.Dispose();
        }
    }

    // Applies the EXIF orientation, so a phone photo stands as it was shot (a pure permutation of pixels).
    private static SKImage Orient(SKBitmap bitmap, SKEncodedOrigin origin)
    {
        bool swap = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        int w = swap ? bitmap.Height : bitmap.Width, h = swap ? bitmap.Width : bitmap.Height;
        // Skia's SkEncodedOriginToMatrix, with w and h the size once oriented.
        var matrix = origin switch
        {
            SKEncodedOrigin.TopRight => new SKMatrix(-1, 0, w, 0, 1, 0, 0, 0, 1),
            SKEncodedOrigin.BottomRight => new SKMatrix(-1, 0, w, 0, -1, h, 0, 0, 1),
            SKEncodedOrigin.BottomLeft => new SKMatrix(1, 0, 0, 0, -1, h, 0, 0, 1),
            SKEncodedOrigin.LeftTop => new SKMatrix(0, 1, 0, 1, 0, 0, 0, 0, 1),
            SKEncodedOrigin.RightTop => new SKMatrix(0, -1, w, 1, 0, 0, 0, 0, 1),
            SKEncodedOrigin.RightBottom => new SKMatrix(0, -1, w, -1, 0, h, 0, 0, 1),
            SKEncodedOrigin.LeftBottom => new SKMatrix(0, 1, 0, -1, 0, h, 0, 0, 1),
            _ => SKMatrix.Identity,
        };
        using var oriented = new SKBitmap(new SKImageInfo(w, h, SKColorType.Rgba8888, SKAlphaType.Premul, SKColorSpace.CreateSrgb()));
        using (var canvas = new SKCanvas(oriented))
        {
            canvas.Clear(SKColors.Transparent);
            canvas.SetMatrix(matrix);
            using var image = SKImage.FromBitmap(bitmap);
            canvas.DrawImage(image, 0, 0, new SKSamplingOptions(SKFilterMode.Nearest, SKMipmapMode.None), null);
        }
        oriented.SetImmutable();
        return SKImage.FromBitmap(oriented);
    }

    private static (float Scale, SKRect Source, SKRect Dest) Layout(int w, int h, int tw, int th, LogoFit fit)
    {
        float sx = tw / (float)w, sy = th / (float)h;
        if (fit == LogoFit.Contain)
        {
            float s = Math.Min(sx, sy);
            // Whole pixels, so the image has no soft, half-transparent edge against the padding.
            int dw = Math.Clamp((int)Math.Round(w * s), 1, tw), dh = Math.Clamp((int)Math.Round(h * s), 1, th);
            int left = (tw - dw) / 2, top = (th - dh) / 2;
            return (s, SKRect.Create(0, 0, w, h), SKRect.Create(left, top, dw, dh));
        }
        else
        {
            float s = Math.Max(sx, sy);
            float cw = Math.Min(w, tw / s), ch = Math.Min(h, th / s);
            return (s, SKRect.Create((w - cw) / 2, (h - ch) / 2, cw, ch), SKRect.Create(0, 0, tw, th));
        }
    }

    private static string? UpscaleWarning(MasterImageInfo master, IReadOnlyList<LogoSpec> targets, LogoFit fit, string subject)
    {
        LogoSpec? worst = null;
        float worstScale = 1.0001f;
        foreach (var spec in targets)
        {
            float s = Layout(master.Width, master.Height, spec.Width, spec.Height, fit).Scale;
            if (s > worstScale) (worst, worstScale) = (spec, s);
        }
        if (worst is null) return null;
        var (rw, rh) = RecommendedMasterSize;
        return string.Create(CultureInfo.InvariantCulture,
            $"{subject} is {master.Width}×{master.Height}, smaller than {Path.GetFileName(worst.Path)} ({worst.Width}×{worst.Height}): it is enlarged up to {worstScale:0.#}× and will look soft; a master of at least {rw}×{rh} gives sharp logos");
    }

    private static SKBitmap Draw(Pyramid pyramid, int tw, int th, LogoOptions options)
    {
        var (_, source, dest) = Layout(pyramid.Width, pyramid.Height, tw, th, options.Fit);
        // The smallest halving whose part still covers the destination at full resolution: the last step is then at most 2×.
        var (level, factor) = pyramid.LevelFor(source.Width / dest.Width, source.Height / dest.Height);
        var src = new SKRect(source.Left * factor.X, source.Top * factor.Y, source.Right * factor.X, source.Bottom * factor.Y);

        var bitmap = new SKBitmap(new SKImageInfo(tw, th, SKColorType.Rgba8888, SKAlphaType.Premul, SKColorSpace.CreateSrgb()));
        using var canvas = new SKCanvas(bitmap);
        var bg = options.Background;
        canvas.Clear(new SKColor(bg.Red, bg.Green, bg.Blue, bg.Alpha));
        using var paint = new SKPaint { IsAntialias = false, BlendMode = SKBlendMode.SrcOver };
        // At exactly 1:1 on whole pixels the pixels are copied as they are (a cubic would soften them); any scaling is cubic.
        var sampling = IsPixelCopy(src, dest) ? new SKSamplingOptions(SKFilterMode.Nearest, SKMipmapMode.None) : new SKSamplingOptions(SKCubicResampler.Mitchell);
        canvas.DrawImage(level, src, dest, sampling, paint);
        canvas.Flush();
        return bitmap;
    }

    private static bool IsPixelCopy(SKRect src, SKRect dest)
    {
        static bool Whole(float v) => Math.Abs(v - MathF.Round(v)) < 1e-4f;
        return Math.Abs(src.Width - dest.Width) < 1e-4f && Math.Abs(src.Height - dest.Height) < 1e-4f &&
            Whole(src.Left) && Whole(src.Top) && Whole(dest.Left) && Whole(dest.Top);
    }

    // The master and its halvings (each a 2×2 box filter of the one before), made when first needed.
    private sealed class Pyramid(SKImage master) : IDisposable
    {
        private readonly List<SKImage> _levels = [master];

        public int Width => master.Width;
        public int Height => master.Height;

        public (SKImage Image, (float X, float Y) Factor) LevelFor(float reduceX, float reduceY)
        {
            int k = 0;
            float fx = 1, fy = 1;
            while (reduceX * fx >= 2 && reduceY * fy >= 2)
            {
                var next = Level(k + 1);
                if (next is null) break;
                k++;
                fx = next.Width / (float)master.Width;
                fy = next.Height / (float)master.Height;
            }
            return (_levels[k], (fx, fy));
        }

        private SKImage? Level(int k)
        {
            while (_levels.Count <= k)
            {
                var last = _levels[^1];
                if (last.Width < 2 || last.Height < 2) return null;
                int w = last.Width / 2, h = last.Height / 2;
                using var bitmap = new SKBitmap(new SKImageInfo(w, h, SKColorType.Rgba8888, SKAlphaType.Premul, SKColorSpace.CreateSrgb()));
                using (var canvas = new SKCanvas(bitmap))
                {
                    canvas.Clear(SKColors.Transparent);
                    using var paint = new SKPaint { BlendMode = SKBlendMode.Src };
                    // Bilinear at exactly half size samples between four pixels: their average.
                    canvas.DrawImage(last, SKRect.Create(0, 0, w * 2, h * 2), SKRect.Create(0, 0, w, h), new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.None), paint);
                }
                bitmap.SetImmutable();
                _levels.Add(SKImage.FromBitmap(bitmap));
            }
            return _levels[k];
        }

        // The master belongs to the caller.
        public void Dispose()
        {
            for (int i = 1; i < _levels.Count; i++) _levels[i].Dispose();
        }
    }
}
