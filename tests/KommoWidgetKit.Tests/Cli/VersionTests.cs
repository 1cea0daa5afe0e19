using System.Text.RegularExpressions;
using System.Xml.Linq;
using KommoWidgetKit.Cli;
using KommoWidgetKit.Reporting;
using KommoWidgetKit.Tests.Support;

namespace KommoWidgetKit.Tests.Cli;

/// <summary>The version is set once (VersionPrefix in Directory.Build.props) and shown with the commit it was built from.</summary>
public class VersionTests
{
    private static string VersionPrefix() =>
        XDocument.Load(RepoPaths.Combine("Directory.Build.props")).Descendants("VersionPrefix").Single().Value;

    [Fact]
    public void The_cli_and_the_library_show_the_version_of_Directory_Build_props()
    {
        string prefix = VersionPrefix();
        Assert.Matches(@"^\d+\.\d+\.\d+$", prefix);
        Assert.StartsWith(prefix, CliVersion.Informational);
        Assert.StartsWith(prefix, ReportOptions.LibraryVersion);
        Assert.DoesNotContain("+", ReportOptions.LibraryVersion);
    }

    [Fact]
    public void A_build_from_git_adds_the_short_commit()
    {
        // A build without .git (a source archive) has no commit to show; from a clone it is +<7 hex digits>.
        if (!Directory.Exists(RepoPaths.Combine(".git")) && !File.Exists(RepoPaths.Combine(".git"))) return;
        Assert.Matches(new Regex(@"^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?\+[0-9a-f]{7}$"), CliVersion.Informational);
    }
}
