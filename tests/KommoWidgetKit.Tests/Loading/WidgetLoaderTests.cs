using KommoWidgetKit.Loading;
using KommoWidgetKit.Model;
using KommoWidgetKit.Tests.Support;
using KommoWidgetKit.Validation;

namespace KommoWidgetKit.Tests.Loading;

public class WidgetLoaderTests
{
    private static Widget LoadZip(byte[] zip, WidgetLoadOptions? options = null)
    {
        using var ms = new MemoryStream(zip);
        return WidgetLoader.LoadZip(ms, "test.zip", options);
    }

    [Fact]
    public void Folder_and_zip_of_the_same_files_give_the_same_files_and_findings()
    {
        using var tmp = new TempFolder();
        var w = TestWidget.Valid().Set("manifest.json", "{ \"widget\": { } ,}").Set(".DS_Store", [0, 1, 2]);
        var folder = WidgetLoader.Load(w.WriteTo(tmp.Combine("w")));
        var zip = WidgetLoader.Load(new ZipBuilder().AddWidget(w).WriteTo(tmp.Combine("w.zip")));

        Assert.Equal(WidgetSourceKind.Folder, folder.SourceKind);
        Assert.Equal(WidgetSourceKind.Zip, zip.SourceKind);
        Assert.Equal(folder.Files.Select(f => f.Path), zip.Files.Select(f => f.Path));
        Assert.All(folder.Files, f => Assert.Equal(f.Content.ToArray(), zip.GetFile(f.Path)!.Content.ToArray()));
        static string Render(ValidationResult r) => string.Join("\n", r.Diagnostics.Select(d => $"{d.Span} {d.Id} {d.Message}"));
        Assert.Equal(Render(WidgetValidator.Validate(folder)), Render(WidgetValidator.Validate(zip)));
    }

    [Theory]
    [InlineData("../evil.txt")]
    [InlineData("a/../../evil.txt")]
    [InlineData("/etc/passwd")]
    [InlineData("C:/Windows/evil.txt")]
    [InlineData("..\\evil.txt")]
    public void Entries_that_escape_the_root_are_refused_and_reported(string name)
    {
        var widget = LoadZip(new ZipBuilder().AddWidget(TestWidget.Valid()).Add(name, "x").Build());
        var issue = Assert.Single(widget.LoadIssues);
        Assert.Equal(LoadIssueKind.UnsafePath, issue.Kind);
        Assert.DoesNotContain(widget.Files, f => f.Path.Contains("evil") || f.Path.Contains("passwd"));
        var d = Assert.Single(WidgetValidator.Validate(widget).Diagnostics, d => d.Id == RuleIds.ArchiveUnsafeEntry);
        Assert.Equal(name, d.Span.Path);
    }

    [Fact]
    public void Symbolic_link_entries_are_refused()
    {
        var widget = LoadZip(new ZipBuilder().AddWidget(TestWidget.Valid()).Add("images/link.png", "/etc/passwd"u8.ToArray(), unixMode: 0xA1FF).Build());
        Assert.Equal(LoadIssueKind.Link, Assert.Single(widget.LoadIssues).Kind);
        Assert.False(widget.HasFile("images/link.png"));
        Assert.Contains(WidgetValidator.Validate(widget).Diagnostics, d => d.Id == RuleIds.ArchiveUnsafeEntry && d.Span.Path == "images/link.png");
    }

    [Fact]
    public void Symbolic_links_in_a_folder_are_not_followed()
    {
        using var tmp = new TempFolder();
        var root = TestWidget.Valid().WriteTo(tmp.Combine("w"));
        File.WriteAllText(tmp.Combine("secret.txt"), "secret");
        File.CreateSymbolicLink(Path.Combine(root, "leak.txt"), tmp.Combine("secret.txt"));
        var widget = WidgetLoader.Load(root);
        Assert.False(widget.HasFile("leak.txt"));
        Assert.Equal(LoadIssueKind.Link, Assert.Single(widget.LoadIssues).Kind);
    }

    [Fact]
    public void Encrypted_entries_are_reported_with_a_clear_message()
    {
        var zip = ZipBuilder.MarkEncrypted(new ZipBuilder().Add("manifest.json", TestWidget.ValidManifest).Build());
        var widget = LoadZip(zip);
        Assert.Equal(LoadIssueKind.Encrypted, Assert.Single(widget.LoadIssues).Kind);
        var d = Assert.Single(WidgetValidator.Validate(widget).Diagnostics, d => d.Id == RuleIds.ArchiveEncryptedEntry);
        Assert.Contains("encrypted", d.Message);
    }

    [Fact]
    public void An_entry_over_the_file_cap_is_refused_without_reading_it_whole()
    {
        var big = new byte[3 * 1024 * 1024];
        var widget = LoadZip(new ZipBuilder().Add("manifest.json", "{}").Add("big.bin", big).Build(), new WidgetLoadOptions { MaxFileSize = 1024 * 1024 });
        Assert.Equal(LoadIssueKind.FileTooLarge, Assert.Single(widget.LoadIssues).Kind);
        Assert.False(widget.HasFile("big.bin"));
    }

    [Fact]
    public void A_bomb_that_lies_about_its_size_is_stopped_at_the_cap()
    {
        var big = new byte[8 * 1024 * 1024]; // compresses to a few KB
        var zip = ZipBuilder.LieAboutSizes(new ZipBuilder().Add("bomb.bin", big).Build(), claimed: 100);
        var widget = LoadZip(zip, new WidgetLoadOptions { MaxFileSize = 1024 * 1024 });
        // Either the entry is refused, or only as much as its header admits is read: never the 8 MB behind it.
        Assert.True(widget.Files.Sum(f => f.Length) <= 1024 * 1024);
        if (widget.HasFile("bomb.bin")) Assert.True(widget.GetFile("bomb.bin")!.Length <= 100);
        else Assert.Contains(Assert.Single(widget.LoadIssues).Kind, new[] { LoadIssueKind.FileTooLarge, LoadIssueKind.Corrupt });
    }

    [Fact]
    public void Total_size_cap_stops_reading()
    {
        var builder = new ZipBuilder();
        for (int i = 0; i < 10; i++) builder.Add($"f{i}.bin", new byte[300 * 1024]);
        var widget = LoadZip(builder.Build(), new WidgetLoadOptions { MaxTotalSize = 1024 * 1024 });
        Assert.Contains(widget.LoadIssues, i => i.Kind == LoadIssueKind.TotalTooLarge);
        Assert.True(widget.Files.Sum(f => f.Length) <= 1024 * 1024);
        Assert.Contains(WidgetValidator.Validate(widget).Diagnostics, d => d.Id == RuleIds.ArchiveTooLarge);
    }

    [Fact]
    public void Entry_count_cap_is_enforced()
    {
        var builder = new ZipBuilder();
        for (int i = 0; i < 30; i++) builder.Add($"f{i}.txt", "x");
        var widget = LoadZip(builder.Build(), new WidgetLoadOptions { MaxEntries = 10 });
        Assert.Equal(10, widget.Files.Count);
        Assert.Contains(widget.LoadIssues, i => i.Kind == LoadIssueKind.TooManyEntries);
    }

    [Fact]
    public void Damaged_archive_is_a_finding_not_an_exception()
    {
        var zip = new ZipBuilder().AddWidget(TestWidget.Valid()).Build();
        var damaged = zip[..(zip.Length / 2)];
        var widget = LoadZip(damaged);
        Assert.Contains(widget.LoadIssues, i => i.Kind == LoadIssueKind.Corrupt);
        Assert.Contains(WidgetValidator.Validate(widget).Diagnostics, d => d.Id == RuleIds.ArchiveUnreadable);
    }

    [Fact]
    public void A_single_wrapper_folder_is_reported_with_the_fix_and_the_widget_is_still_checked()
    {
        var widget = LoadZip(new ZipBuilder().AddWidget(TestWidget.Valid(), "widget/").Add("__MACOSX/widget/._manifest.json", "x").Build());
        Assert.Equal("widget", widget.WrapperFolder);
        Assert.True(widget.HasFile("manifest.json"));
        var result = WidgetValidator.Validate(widget);
        var d = Assert.Single(result.Diagnostics, d => d.Id == RuleIds.ArchiveWrapperFolder);
        Assert.Contains("zip the folder's contents, not the folder", d.Message);
        Assert.DoesNotContain(result.Diagnostics, d => d.Id == RuleIds.ManifestMissing);
        Assert.Contains(result.Diagnostics, d => d.Id == RuleIds.JunkFile && d.Span.Path == "__MACOSX/");
    }

    [Fact]
    public void Junk_is_reported_and_skipped_folders_are_not_loaded()
    {
        using var tmp = new TempFolder();
        var root = TestWidget.Valid().Set(".DS_Store", [1]).Set("Thumbs.db", [1]).Set("old/widget.zip", [1])
            .Set(".git/HEAD", "ref").Set("node_modules/x/index.js", "x").WriteTo(tmp.Combine("w"));
        var widget = WidgetLoader.Load(root);
        Assert.DoesNotContain(widget.Files, f => f.Path.StartsWith(".git/") || f.Path.StartsWith("node_modules/"));
        Assert.Equal([".git/", "node_modules/"], widget.SkippedFolders);
        var junk = WidgetValidator.Validate(widget).Diagnostics.Where(d => d.Id == RuleIds.JunkFile).Select(d => d.Span.Path).ToList();
        Assert.Equal([".DS_Store", ".git/", "Thumbs.db", "node_modules/", "old/widget.zip"], junk);
    }

    [Fact]
    public void The_skipped_folder_names_the_loader_checks_are_exactly_the_published_set()
    {
        foreach (string name in JunkRules.SkippedFolders) Assert.True(JunkRules.IsSkippedFolder(name), name);
        foreach (string name in new[] { "git", ".GIT", "node_module", "src", "", ".", "..", "images", ".vscode2", "_MACOSX" })
            Assert.False(JunkRules.IsSkippedFolder(name), name);
    }

    [Theory]
    [InlineData("script.js", 0)]
    [InlineData(".git", 0)]
    [InlineData(".git/HEAD", 4)]
    [InlineData("src/node_modules/x/index.js", 16)]
    [InlineData("a/b/.idea/workspace.xml", 9)]
    [InlineData("node_modules2/x.js", 0)]
    [InlineData("x/.vs", 0)]
    public void Skipped_folder_prefix_ends_at_the_first_skipped_folder_of_the_path(string path, int length)
    {
        Assert.Equal(length, JunkRules.SkippedFolderPrefix(path));
    }

    [Fact]
    public void A_wrapper_folder_around_skipped_folders_is_cut_from_their_names_too()
    {
        using var tmp = new TempFolder();
        string root = tmp.Combine("w");
        var inner = TestWidget.Valid().Set("node_modules/x/index.js", "x").Set(".idea/a.xml", "<a/>").WriteTo(Path.Combine(root, "my-widget"));
        var widget = WidgetLoader.Load(root);
        Assert.Equal("my-widget", widget.WrapperFolder);
        Assert.Equal([".idea/", "node_modules/"], widget.SkippedFolders);
        Assert.Contains(widget.Files, f => f.Path == "manifest.json");
        Assert.Equal(Directory.GetFiles(inner, "*", SearchOption.AllDirectories).Length - 2, widget.Files.Count);
    }

    [Theory]
    [InlineData("truncated", "truncated: the file ends after ")]
    [InlineData("corrupt-directory", "damaged: it starts like a zip archive, but its central directory cannot be read (")]
    [InlineData("html", "not a zip archive despite its name: it is an HTML page (")]
    [InlineData("empty", "not a zip archive despite its name: the file is empty (0 bytes)")]
    public void A_zip_that_cannot_be_read_loads_as_no_files_and_one_load_issue_saying_why(string kind, string detail)
    {
        using var tmp = new TempFolder();
        string path = tmp.Combine("widget.zip");
        File.WriteAllBytes(path, Broken(kind));
        var widget = WidgetLoader.Load(path);
        Assert.Equal(WidgetSourceKind.Zip, widget.SourceKind);
        Assert.Empty(widget.Files);
        var issue = Assert.Single(widget.LoadIssues);
        Assert.Equal((LoadIssueKind.Corrupt, ""), (issue.Kind, issue.Path));
        Assert.StartsWith(detail, issue.Detail);
        var d = Assert.Single(WidgetValidator.Validate(widget).Diagnostics, d => d.Id == RuleIds.ArchiveUnreadable);
        Assert.Equal(KommoWidgetKit.Diagnostics.Severity.Error, d.Severity);
        Assert.Equal("archive: " + issue.Detail, d.Message);
    }

    internal static byte[] Broken(string kind) => kind switch
    {
        "truncated" => BrokenZips.Truncated(),
        "corrupt-directory" => BrokenZips.CorruptCentralDirectory(),
        "html" => BrokenZips.HtmlPage(),
        "empty" => BrokenZips.Empty(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    [Fact]
    public void A_truncated_zip_under_another_name_is_still_read_as_a_zip_by_its_signature()
    {
        using var tmp = new TempFolder();
        string path = tmp.Combine("download.bin");
        File.WriteAllBytes(path, BrokenZips.Truncated());
        var issue = Assert.Single(WidgetLoader.Load(path).LoadIssues);
        Assert.StartsWith("truncated: ", issue.Detail);
    }

    [Fact]
    public void An_archive_whose_end_record_is_cut_off_is_truncated()
    {
        var zip = BrokenZips.Packed();
        var widget = LoadZip(zip[..^10]);
        Assert.StartsWith("truncated: ", Assert.Single(widget.LoadIssues).Detail);
        Assert.Contains("inside the end-of-central-directory record", widget.LoadIssues[0].Detail);
    }

    [Fact]
    public void An_empty_archive_is_a_zip_with_no_files()
    {
        var widget = LoadZip([(byte)'P', (byte)'K', 5, 6, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        Assert.Empty(widget.Files);
        Assert.Empty(widget.LoadIssues);
    }

    [Fact]
    public void Missing_path_and_non_zip_file_throw_a_load_exception_with_a_clear_message()
    {
        using var tmp = new TempFolder();
        var ex = Assert.Throws<WidgetLoadException>(() => WidgetLoader.Load(tmp.Combine("nope")));
        Assert.Contains("does not exist", ex.Message);
        File.WriteAllText(tmp.Combine("x.txt"), "hello");
        ex = Assert.Throws<WidgetLoadException>(() => WidgetLoader.Load(tmp.Combine("x.txt")));
        Assert.Contains("neither a folder nor a zip", ex.Message);
    }

    [Fact]
    public void LoadOrEmpty_turns_an_input_that_cannot_load_into_one_finding_of_its_rule()
    {
        using var tmp = new TempFolder();
        // A folder that is gone: KW6011 names the widget, and no "manifest.json is missing" repeats it.
        var gone = WidgetLoader.LoadOrEmpty(tmp.Combine("nope"));
        Assert.Empty(gone.Files);
        Assert.Equal(WidgetSourceKind.Folder, gone.SourceKind);
        Assert.Equal(LoadIssueKind.Unreadable, Assert.Single(gone.LoadIssues).Kind);
        var finding = Assert.Single(WidgetValidator.Validate(gone).Diagnostics);
        Assert.Equal(("KW6011", KommoWidgetKit.Diagnostics.Severity.Error), (finding.Id, finding.Severity));
        Assert.StartsWith("widget: ", finding.Message);
        Assert.Contains("does not exist", finding.Message);

        // A file that is no zip keeps its message; an archive over the size cap is KW6001.
        File.WriteAllText(tmp.Combine("x.txt"), "hello");
        finding = Assert.Single(WidgetValidator.Validate(WidgetLoader.LoadOrEmpty(tmp.Combine("x.txt"))).Diagnostics);
        Assert.Equal("KW6011", finding.Id);
        Assert.Contains("archive: ", finding.Message);
        Assert.Contains("neither a folder nor a zip", finding.Message);
        string zip = new ZipBuilder().AddWidget(TestWidget.Valid()).WriteTo(tmp.Combine("w.zip"));
        var big = WidgetLoader.LoadOrEmpty(zip, new WidgetLoadOptions { MaxArchiveSize = 10 });
        Assert.Equal(LoadIssueKind.TotalTooLarge, Assert.Single(big.LoadIssues).Kind);
        finding = Assert.Single(WidgetValidator.Validate(big).Diagnostics);
        Assert.Equal(("KW6001", KommoWidgetKit.Diagnostics.Severity.Error), (finding.Id, finding.Severity));

        // A loadable input loads as with Load.
        Assert.Equal(WidgetLoader.Load(zip).Files.Count, WidgetLoader.LoadOrEmpty(zip).Files.Count);
    }

    [Fact]
    public void Duplicate_entries_keep_the_first_and_are_reported()
    {
        var widget = LoadZip(new ZipBuilder().Add("manifest.json", "{\"a\":1}").Add("manifest.json", "{\"b\":2}").Build());
        Assert.Equal("{\"a\":1}", System.Text.Encoding.UTF8.GetString(widget.GetFile("manifest.json")!.Content.Span));
        Assert.Equal(LoadIssueKind.DuplicateEntry, Assert.Single(widget.LoadIssues).Kind);
    }

    [Fact]
    public void Backslash_separators_from_windows_tools_are_normalised()
    {
        var widget = LoadZip(new ZipBuilder().Add("images\\logo.png", TestWidget.Png(130, 100)).Build());
        Assert.True(widget.HasFile("images/logo.png"));
    }
}
