namespace KommoWidgetKit.Model;

/// <summary>A logo Kommo requires: its path and exact pixel size.</summary>
public sealed record LogoSpec(string Path, int Width, int Height, string Purpose)
{
    /// <summary>Largest size of any image file, in bytes (300 KB).</summary>
    public const int MaxImageBytes = 300 * 1024;

    /// <summary>The five logos every widget must ship.</summary>
    public static readonly IReadOnlyList<LogoSpec> Required =
    [
        new("images/logo.png", 130, 100, "widget settings page"),
        new("images/logo_main.png", 400, 272, "main integration icon"),
        new("images/logo_medium.png", 240, 84, "widget block in cards and lists, expanded"),
        new("images/logo_min.png", 84, 84, "widget block in cards and lists, collapsed"),
        new("images/logo_small.png", 108, 108, "logo after installation"),
    ];

    /// <summary>The Digital Pipeline logo, required with the <c>digital_pipeline</c> location.</summary>
    public static readonly LogoSpec DigitalPipeline = new("images/logo_dp.png", 174, 109, "Digital Pipeline block");

    /// <summary>Pixel size of tour (slideshow) images.</summary>
    public const int TourWidth = 1188, TourHeight = 616;
}
