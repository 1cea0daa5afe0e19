namespace KommoWidgetKit.Loading;

/// <summary>The input cannot be loaded at all (missing path, not a folder or zip, unreadable archive).</summary>
public sealed class WidgetLoadException(string message, Exception? inner = null) : Exception(message, inner);
