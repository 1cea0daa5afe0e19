using KommoWidgetKit.Cli;
using KommoWidgetKit.Tests.Cli;
using KommoWidgetKit.Loading;
using KommoWidgetKit.Tests.Support;

namespace KommoWidgetKit.Tests.Scaffolding;

public class NewCommandTests
{
    [Fact]
    public void New_then_validate_then_pack()
    {
        using var tmp = new TempFolder();
        string folder = tmp.Combine("hello-kommo");
        var (code, stdout, stderr) = CliFixture.Run("new", "hello-kommo", "--output", folder, "--locales", "en,es", "--locations", "lcard-1,settings,digital_pipeline",
            "--setting", "api_key:text:required", "--setting", "agents:users");
        Assert.True(code == 0, stderr);
        Assert.Contains("images/logo_dp.png", stdout);
        var manifest = WidgetLoader.Load(folder).Manifest!;
        Assert.Equal(["en", "es"], manifest.Locales);
        Assert.Equal(["api_key", "agents"], manifest.Settings.Select(s => s.Code));

        (code, stdout, stderr) = CliFixture.Run("validate", folder);
        Assert.True(code == 0, stdout + stderr);
        (code, _, stderr) = CliFixture.Run("pack", folder, "-o", tmp.Combine("widget.zip"), "--profile", "public");
        Assert.True(code == 0, stderr);
    }

    [Fact]
    public void Amocrm_defaults_to_ru_and_en()
    {
        using var tmp = new TempFolder();
        string folder = tmp.Combine("w");
        Assert.Equal(0, CliFixture.Run("new", "amo-widget", "--platform", "amocrm", "-o", folder).ExitCode);
        Assert.Equal(["ru", "en"], WidgetLoader.Load(folder).Manifest!.Locales);
    }

    [Fact]
    public void A_non_empty_folder_is_refused_with_exit_2_and_force_overrides()
    {
        using var tmp = new TempFolder();
        string folder = tmp.Combine("w");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "x.txt"), "x");
        var (code, _, stderr) = CliFixture.Run("new", "w", "-o", folder);
        Assert.Equal(ExitCodes.UsageError, code);
        Assert.Contains("--force", stderr);
        Assert.Equal(0, CliFixture.Run("new", "w", "-o", folder, "--force").ExitCode);
    }

    [Theory]
    [InlineData("--platform", "bitrix")]
    [InlineData("--locations", "lcard")]
    [InlineData("--locales", "xx")]
    [InlineData("--setting", "a:checkbox")]
    public void Bad_options_exit_2_with_one_line(string option, string value)
    {
        using var tmp = new TempFolder();
        CliFixture.Run("new", "w", "-o", tmp.Combine("w"), option, value).AssertUsageError("new");
        Assert.False(Directory.Exists(tmp.Combine("w")));
    }
}
