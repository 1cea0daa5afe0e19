using KommoWidgetKit.Reporting;
using KommoWidgetKit.Tests.Support;

namespace KommoWidgetKit.Tests.Reporting;

public class ReportSourceTests
{
    [Theory]
    [InlineData("samples/hello", "samples/hello")]
    [InlineData("./samples/hello/", "samples/hello")]
    [InlineData("samples\\hello\\", "samples/hello")]
    [InlineData(".", ".")]
    [InlineData("./", ".")]
    [InlineData("/abs/widget", "/abs/widget")]
    public void Display_path_is_the_given_path_normalised(string given, string expected) =>
        Assert.Equal(expected, ReportSource.NormalizeDisplayPath(given));

    [Fact]
    public void Files_are_named_from_the_given_path_or_inside_the_zip()
    {
        Assert.Equal("samples/hello/manifest.json", ReportFixture.Folder.Display("manifest.json"));
        Assert.Equal("samples/hello", ReportFixture.Folder.Display(""));
        Assert.Equal("dist/widget.zip!manifest.json", ReportFixture.Zip.Display("manifest.json"));
        Assert.Equal("manifest.json", (ReportFixture.Folder with { DisplayPath = "." }).Display("manifest.json"));
        Assert.Equal("dist/widget.zip!hello/manifest.json", (ReportFixture.Zip with { WrapperFolder = "hello" }).Display("manifest.json"));
    }

    [Fact]
    public void Repository_paths_come_from_the_nearest_git_folder()
    {
        using var temp = new TempFolder();
        Directory.CreateDirectory(Path.Combine(temp.Path, ".git"));
        string widget = TestWidget.Valid().WriteTo(Path.Combine(temp.Path, "widgets", "my widget"));
        var source = ReportSource.For(KommoWidgetKit.Loading.WidgetLoader.Load(widget), widget);
        Assert.Equal("widgets/my widget", source.RepositoryPath);
        Assert.Equal(("widgets/my%20widget/manifest.json", true), source.ArtifactUri("manifest.json"));
        Assert.Equal(new Uri(temp.Path + "/").AbsoluteUri, source.RepositoryRootUri);
    }
}
