namespace KommoWidgetKit.DevHost.State;

/// <summary>One-step start: the <c>dev</c> block of kommo-widget.json installs the widget with its setting values when the
/// host starts, so cards and lists run it at once. Without the block nothing changes.</summary>
internal static class DevSettings
{
    /// <summary>Installs (or not) as the block says; returns the line for the start banner, or null without a block.</summary>
    public static string? Apply(DevHostContext context)
    {
        var widget = context.Widget;
        if (widget.Dev is not { } dev)
        {
            return null;
        }
        if (!dev.IsValid)
        {
            return "  kommo-widget.json: the \"dev\" block has problems (KW6020, listed below), so the widget was not installed from it";
        }
        int count = dev.Settings.Count;
        if (dev.Installed)
        {
            context.Store.Put(widget.Code, new WidgetInstallState("Y", "installed", widget.DevSettingsJson));
            return $"  installed from kommo-widget.json with {count} setting{(count == 1 ? "" : "s")} (dev.settings), so cards and lists run it at once";
        }
        else
        {
            context.Store.Put(widget.Code, new WidgetInstallState("N", "install", widget.DevSettingsJson));
            return "  kommo-widget.json: dev.installed is false, so the widget starts not installed";
        }
    }
}
