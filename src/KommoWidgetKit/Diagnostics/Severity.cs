namespace KommoWidgetKit.Diagnostics;

/// <summary>How serious a finding is; ordered so that a larger value is more serious.</summary>
public enum Severity
{
    /// <summary>The rule is turned off; its findings are dropped.</summary>
    Off = 0,
    /// <summary>A hint that needs no action.</summary>
    Info = 1,
    /// <summary>Likely a problem in moderation or at run time, but the upload works.</summary>
    Warning = 2,
    /// <summary>Kommo refuses the upload or the widget cannot work.</summary>
    Error = 3,
}

/// <summary>Parsing and naming of <see cref="Severity"/> values as users write them.</summary>
public static class SeverityNames
{
    /// <summary>The lower-case name used in output and configuration.</summary>
    public static string ToName(this Severity severity) => severity switch
    {
        Severity.Off => "off",
        Severity.Info => "info",
        Severity.Warning => "warning",
        Severity.Error => "error",
        _ => "unknown",
    };

    /// <summary>Reads a severity name (off, info, warning/warn, error); false when the text is none of them.</summary>
    public static bool TryParse(string? text, out Severity severity)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "off" or "none" or "0": severity = Severity.Off; return true;
            case "info" or "note" or "hint": severity = Severity.Info; return true;
            case "warning" or "warn" or "1": severity = Severity.Warning; return true;
            case "error" or "2": severity = Severity.Error; return true;
            default: severity = Severity.Off; return false;
        }
    }
}
