namespace KommoWidgetKit.Validation;

public static partial class RuleIds
{
    /// <summary>A required logo is missing.</summary>
    public const string LogoMissing = "KW4000";
    /// <summary>A logo has the wrong pixel size.</summary>
    public const string LogoSize = "KW4001";
    /// <summary>A logo is not really a PNG.</summary>
    public const string LogoNotPng = "KW4002";
    /// <summary>An image is larger than 300 KB.</summary>
    public const string ImageTooLarge = "KW4003";
    /// <summary>The digital_pipeline location without images/logo_dp.png.</summary>
    public const string LogoDpMissing = "KW4004";
    /// <summary>A tour image is missing, not 1188×616 or not JPEG/PNG.</summary>
    public const string TourImageFormat = "KW4005";
    /// <summary>An image file's header cannot be read or the file is cut short.</summary>
    public const string ImageUnreadable = "KW4006";
}
