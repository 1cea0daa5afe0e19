using System.Text;
using KommoWidgetKit.Diagnostics;
using KommoWidgetKit.Fixing;
using KommoWidgetKit.Loading;
using KommoWidgetKit.Tests.Support;
using KommoWidgetKit.Validation;

namespace KommoWidgetKit.Tests.Fixing;

/// <summary>The fix engine: rounds of fix and re-validate in memory, overlaps, idempotence, and the disk writer's refusals.</summary>
public class WidgetFixerTests
{
    private static string Text(KommoWidgetKit.Model.Widget w, string path) => Encoding.UTF8.GetString(w.GetFile(path)!.Content.Span);

    private static TestWidget Broken() => TestWidget.Valid()
        .EditManifest("\"interface_version\": 2", "\"interface_version\": 1")
        .EditManifest("\"init_once\": false", "\"init_once\": \"N\"")
        .EditManifest("\"locations\": [\"lcard-1\", \"settings\"]", "\"locations\": [\"lcard\", \"settings\", \"settings\", \"everywhere-1\",]")
        .Remove("i18n/es.json");

    [Fact]
    public void Several_fixes_in_one_file_apply_together_and_leave_no_finding_they_repair()
    {
        var result = WidgetFixer.Compute(Broken().Load());
        var fixedIds = result.Applied.Select(a => a.Finding.Id).ToHashSet();
        foreach (var id in new[] { RuleIds.InterfaceVersion, RuleIds.InitOnceString, RuleIds.LocationSuffixMissing, RuleIds.LocationDuplicate,
                     RuleIds.LocationSuffixInvalid, RuleIds.ManifestNonStandardJson, RuleIds.I18nFileMissing })
        {
            Assert.Contains(id, fixedIds);
            Assert.DoesNotContain(result.After.Diagnostics, d => d.Id == id);
        }
        Assert.Contains("\"locations\": [\"lcard-1\", \"settings\", \"everywhere\"]", Text(result.Fixed, "manifest.json"));
        Assert.Contains("\"interface_version\": 2,", Text(result.Fixed, "manifest.json"));
        Assert.Contains("\"init_once\": false,", Text(result.Fixed, "manifest.json"));
        Assert.Equal(0, result.After.ErrorCount);
        Assert.True(result.Before.ErrorCount > 0);
        // The created locale file is every text of en, marked, which the new warning then reports.
        var es = result.Changes.Single(c => c.Path == "i18n/es.json");
        Assert.True(es.Created);
        Assert.Contains("\"name\": \"[untranslated] Test Widget\"", Encoding.UTF8.GetString(es.After));
        Assert.Contains(result.After.Diagnostics, d => d.Id == RuleIds.I18nUntranslated && d.Span.Path == "i18n/es.json");
    }

    [Fact]
    public void A_second_run_changes_nothing()
    {
        var first = WidgetFixer.Compute(Broken().Load());
        Assert.True(first.HasChanges);
        var second = WidgetFixer.Compute(first.Fixed);
        Assert.Empty(second.Applied);
        Assert.Empty(second.Changes);
        Assert.Equal(first.After.Diagnostics.Select(d => $"{d.Span} {d.Id}"), second.Before.Diagnostics.Select(d => $"{d.Span} {d.Id}"));
    }

    [Fact]
    public void Overlapping_fixes_go_in_separate_rounds()
    {
        // Three copies of one location: removing the 2nd and the 3rd (the last) touch the same bytes.
        var w = TestWidget.Valid().EditManifest("\"locations\": [\"lcard-1\", \"settings\"]", "\"locations\": [\"lcard-1\", \"settings\", \"settings\", \"settings\"]");
        var result = WidgetFixer.Compute(w.Load());
        Assert.Equal(2, result.Applied.Count(a => a.Finding.Id == RuleIds.LocationDuplicate));
        Assert.Equal([1, 2], result.Applied.Select(a => a.Pass).Order());
        Assert.Contains("\"locations\": [\"lcard-1\", \"settings\"]", Text(result.Fixed, "manifest.json"));
        Assert.Empty(result.After.Diagnostics);
    }

    [Fact]
    public void Unsafe_fixes_wait_for_IncludeUnsafe_and_are_listed_as_not_applied()
    {
        var w = TestWidget.Valid().EditManifest("\"lcard-1\"", "\"lcrd-1\"");
        var safe = WidgetFixer.Compute(w.Load());
        Assert.Empty(safe.Applied);
        var pending = Assert.Single(safe.NotApplied);
        Assert.Equal(RuleIds.LocationUnknown, pending.Id);
        Assert.Equal(FixSafety.Unsafe, pending.Fix!.Safety);

        var withUnsafe = WidgetFixer.Compute(w.Load(), new FixOptions { IncludeUnsafe = true });
        Assert.Equal(FixSafety.Unsafe, Assert.Single(withUnsafe.Applied).Safety);
        Assert.Contains("\"locations\": [\"lcard-1\", \"settings\"]", Text(withUnsafe.Fixed, "manifest.json"));
    }

    [Fact]
    public void Rules_option_limits_the_fixes_by_id_or_name()
    {
        var byName = WidgetFixer.Compute(Broken().Load(), new FixOptions { Rules = ["interface-version"] });
        Assert.Equal(RuleIds.InterfaceVersion, Assert.Single(byName.Applied).Finding.Id);
        var byId = WidgetFixer.Compute(Broken().Load(), new FixOptions { Rules = [RuleIds.InitOnceString, RuleIds.InterfaceVersion] });
        Assert.Equal(new[] { RuleIds.InitOnceString, RuleIds.InterfaceVersion }.Order(), byId.Applied.Select(a => a.Finding.Id).Order());
        Assert.Contains(byId.NotApplied, d => d.Id == RuleIds.LocationDuplicate);
    }

    [Fact]
    public void Severity_off_in_kommo_widget_json_means_no_finding_and_so_no_fix()
    {
        var w = Broken().Set("kommo-widget.json", "{ \"rules\": { \"interface-version\": \"off\" } }");
        var result = WidgetFixer.Compute(w.Load());
        Assert.DoesNotContain(result.Applied, a => a.Finding.Id == RuleIds.InterfaceVersion);
        Assert.Contains("\"interface_version\": 1", Text(result.Fixed, "manifest.json"));
    }

    [Fact]
    public void Bytes_outside_the_edits_stay_as_they_were()
    {
        // Odd spacing, a tab, key order: only the value changes.
        var w = TestWidget.Valid().EditManifest("\"interface_version\": 2,", "\"interface_version\" :\t3 ,");
        string before = Text(w.Load(), "manifest.json");
        var result = WidgetFixer.Compute(w.Load());
        Assert.Equal(before.Replace("\"interface_version\" :\t3 ,", "\"interface_version\" :\t2 ,"), Text(result.Fixed, "manifest.json"));
    }

    [Fact]
    public void Applying_one_finding_as_a_code_action_changes_only_its_file()
    {
        var widget = Broken().Load();
        var finding = WidgetValidator.Validate(widget).Diagnostics.First(d => d.Id == RuleIds.InterfaceVersion);
        var (after, applied) = WidgetFixer.Apply(widget, [finding]);
        Assert.Equal(["manifest.json"], Assert.Single(applied).Paths);
        Assert.Contains("\"interface_version\": 2", Text(after, "manifest.json"));
        Assert.Contains("\"init_once\": \"N\"", Text(after, "manifest.json"));
    }

    // --- writing to disk

    private static (TempFolder Temp, string Folder) OnDisk(TestWidget w)
    {
        var temp = new TempFolder();
        return (temp, w.WriteTo(temp.Combine("widget")));
    }

    [Fact]
    public void Write_puts_the_fixed_files_on_disk_and_leaves_no_temporary_file()
    {
        var (temp, folder) = OnDisk(Broken());
        using var _ = temp;
        var result = WidgetFixer.Compute(WidgetLoader.Load(folder));
        WidgetFixer.Write(result);
        foreach (var change in result.Changes)
            Assert.Equal(change.After, File.ReadAllBytes(Path.Combine(folder, change.Path)));
        Assert.Empty(Directory.GetFiles(folder, "*.tmp", SearchOption.AllDirectories));
        var reloaded = WidgetValidator.Validate(WidgetLoader.Load(folder));
        Assert.Equal(result.After.Diagnostics.Select(d => $"{d.Span} {d.Id}"), reloaded.Diagnostics.Select(d => $"{d.Span} {d.Id}"));
    }

    [Fact]
    public void Write_keeps_the_file_mode()
    {
        if (OperatingSystem.IsWindows()) return;
        var (temp, folder) = OnDisk(Broken());
        using var _ = temp;
        string manifest = Path.Combine(folder, "manifest.json");
        File.SetUnixFileMode(manifest, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead);
        WidgetFixer.Write(WidgetFixer.Compute(WidgetLoader.Load(folder)));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead, File.GetUnixFileMode(manifest));
    }

    private static Dictionary<string, byte[]> Snapshot(string folder) =>
        Directory.GetFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(folder, f), File.ReadAllBytes);

    private static void AssertUnchanged(Dictionary<string, byte[]> before, string folder)
    {
        var after = Snapshot(folder);
        Assert.Equal(before.Keys.Order(), after.Keys.Order());
        foreach (var (path, bytes) in before) Assert.True(bytes.AsSpan().SequenceEqual(after[path]), $"{path} changed");
    }

    [Fact]
    public void A_read_only_file_is_refused_and_nothing_is_written()
    {
        if (OperatingSystem.IsWindows()) return;
        var (temp, folder) = OnDisk(Broken());
        using var _ = temp;
        string manifest = Path.Combine(folder, "manifest.json");
        File.SetUnixFileMode(manifest, UnixFileMode.UserRead | UnixFileMode.GroupRead);
        var before = Snapshot(folder);
        var result = WidgetFixer.Compute(WidgetLoader.Load(folder));
        var ex = Assert.Throws<FixException>(() => WidgetFixer.Write(result));
        Assert.Contains("manifest.json: the file is read-only", ex.Message);
        Assert.Contains("Nothing was changed", ex.Message);
        AssertUnchanged(before, folder); // not even the new i18n/es.json
    }

    [Fact]
    public void A_link_to_a_folder_outside_the_widget_is_never_written_through()
    {
        if (OperatingSystem.IsWindows()) return;
        using var temp = new TempFolder();
        // i18n/ is a link to a folder outside the widget: the loader does not follow it, and the fix that would create
        // i18n/es.json there is refused.
        var outside = Directory.CreateDirectory(temp.Combine("outside")).FullName;
        File.WriteAllText(Path.Combine(outside, "en.json"), TestWidget.ValidI18nEn);
        string folder = TestWidget.Valid().Remove("i18n/en.json").Remove("i18n/es.json").WriteTo(temp.Combine("widget"));
        if (Directory.Exists(Path.Combine(folder, "i18n"))) Directory.Delete(Path.Combine(folder, "i18n"), recursive: true);
        Directory.CreateSymbolicLink(Path.Combine(folder, "i18n"), outside);
        var result = WidgetFixer.Compute(WidgetLoader.Load(folder));
        if (result.HasChanges)
        {
            var ex = Assert.Throws<FixException>(() => WidgetFixer.Write(result));
            Assert.Contains("symbolic link", ex.Message);
        }
        Assert.Equal(["en.json"], Directory.GetFiles(outside).Select(Path.GetFileName));
    }

    [Fact]
    public void A_linked_file_is_refused_and_its_target_left_alone()
    {
        if (OperatingSystem.IsWindows()) return;
        using var temp = new TempFolder();
        string target = temp.Combine("outside-en.json");
        File.WriteAllText(target, "\uFEFF" + TestWidget.ValidI18nEn); // a BOM: KW6010 offers a fix for this file
        string folder = TestWidget.Valid().Remove("i18n/en.json").WriteTo(temp.Combine("widget"));
        File.CreateSymbolicLink(Path.Combine(folder, "i18n", "en.json"), target);
        var widget = WidgetLoader.Load(folder);
        // Whether the loader refuses the link or reads it, the writer never writes through it.
        var result = WidgetFixer.Compute(widget);
        if (result.Changes.Any(c => c.Path == "i18n/en.json"))
        {
            var ex = Assert.Throws<FixException>(() => WidgetFixer.Write(result));
            Assert.Contains("i18n/en.json", ex.Message);
        }
        Assert.Equal(0xEF, File.ReadAllBytes(target)[0]);
    }

    [Fact]
    public void A_file_changed_on_disk_after_loading_is_refused()
    {
        var (temp, folder) = OnDisk(Broken());
        using var _ = temp;
        var result = WidgetFixer.Compute(WidgetLoader.Load(folder));
        File.AppendAllText(Path.Combine(folder, "manifest.json"), "\n");
        var before = Snapshot(folder);
        var ex = Assert.Throws<FixException>(() => WidgetFixer.Write(result));
        Assert.Contains("changed on disk", ex.Message);
        AssertUnchanged(before, folder);
    }

    [Fact]
    public void A_widget_from_a_zip_or_memory_cannot_be_written()
    {
        var result = WidgetFixer.Compute(Broken().Load());
        var ex = Assert.Throws<FixException>(() => WidgetFixer.Write(result));
        Assert.Contains("widget folder", ex.Message);
    }

    [Fact]
    public void Fixes_inside_a_wrapper_folder_land_in_it()
    {
        using var temp = new TempFolder();
        string outer = temp.Combine("outer");
        Broken().WriteTo(Path.Combine(outer, "my-widget"));
        var widget = WidgetLoader.Load(outer);
        Assert.Equal("my-widget", widget.WrapperFolder);
        WidgetFixer.Write(WidgetFixer.Compute(widget));
        Assert.Contains("\"interface_version\": 2", File.ReadAllText(Path.Combine(outer, "my-widget", "manifest.json")));
        Assert.True(File.Exists(Path.Combine(outer, "my-widget", "i18n", "es.json")));
        Assert.False(File.Exists(Path.Combine(outer, "manifest.json")));
    }
}
