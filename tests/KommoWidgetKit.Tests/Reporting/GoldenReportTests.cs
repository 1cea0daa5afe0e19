using KommoWidgetKit.Reporting;
using KommoWidgetKit.Tests.Support;

namespace KommoWidgetKit.Tests.Reporting;

public class GoldenReportTests
{
    [Theory]
    [InlineData(ReportFormat.Text, "folder", false, "text.txt")]
    [InlineData(ReportFormat.Text, "folder", true, "text-color.txt")]
    [InlineData(ReportFormat.Text, "zip", false, "text-zip.txt")]
    [InlineData(ReportFormat.Json, "folder", false, "report.json")]
    [InlineData(ReportFormat.Json, "zip", false, "report-zip.json")]
    [InlineData(ReportFormat.Sarif, "folder", false, "report.sarif")]
    [InlineData(ReportFormat.Sarif, "zip", false, "report-zip.sarif")]
    [InlineData(ReportFormat.GitHub, "folder", false, "github.txt")]
    [InlineData(ReportFormat.GitHub, "zip", false, "github-zip.txt")]
    public void Output_matches_the_golden_file(ReportFormat format, string source, bool color, string golden)
    {
        var src = source == "zip" ? ReportFixture.Zip : ReportFixture.Folder;
        Golden.Verify("Reporting/golden/" + golden, ReportFixture.Render(format, ReportFixture.Result(), src, color));
    }

    [Theory]
    [InlineData(ReportFormat.Text, "clean-text.txt")]
    [InlineData(ReportFormat.Json, "clean-report.json")]
    [InlineData(ReportFormat.Sarif, "clean-report.sarif")]
    [InlineData(ReportFormat.GitHub, "clean-github.txt")]
    public void Clean_output_matches_the_golden_file(ReportFormat format, string golden) =>
        Golden.Verify("Reporting/golden/" + golden, ReportFixture.Render(format, ReportFixture.Clean(), ReportFixture.Folder));

    [Fact]
    public void Colour_codes_appear_only_when_asked()
    {
        Assert.DoesNotContain("\e[", ReportFixture.Render(ReportFormat.Text, ReportFixture.Result(), ReportFixture.Folder));
        Assert.Contains("\e[31m", ReportFixture.Render(ReportFormat.Text, ReportFixture.Result(), ReportFixture.Folder, color: true));
    }
}
