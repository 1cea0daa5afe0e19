using System.Runtime.CompilerServices;

namespace KommoWidgetKit.Tests.Support;

/// <summary>The CLI run in-process keeps its cache (validate, pack, build) where KOMMO_WIDGET_CACHE_DIR says; for the tests
/// that is a folder of this test run under the temp folder, never the user's ~/.cache/kommo-widget.</summary>
internal static class TestCacheFolder
{
    public static string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "kommo-widget-test-cache-" + Environment.ProcessId);

    [ModuleInitializer]
    internal static void Use()
    {
        Environment.SetEnvironmentVariable(KommoWidgetKit.Caching.WidgetCache.DirectoryVariable, Path);
        Environment.SetEnvironmentVariable(KommoWidgetKit.Caching.WidgetCache.DisableVariable, null);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try { Directory.Delete(Path, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        };
    }
}
