using static FaqBot.Cli.Tests.Teams.TeamsPackageRun;

namespace FaqBot.Cli.Tests.Teams;

public sealed class TeamsPackageRefusalTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task AnAppIdThatIsNotAGuidIsRefusedAndNoPackageIsWritten()
    {
        var run = await RunAsync(_folder.Path, "--app-id", "my-bot", "--domain", "faqbot.example-clinic.org");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("botId", run.Error, StringComparison.Ordinal);
        Assert.Contains("must be a GUID", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(run.ZipPath));
    }

    [Fact]
    public async Task TheEmptyGuidIsTakenAsAPlaceholderNotAnAppId()
    {
        var run = await RunAsync(_folder.Path, "--app-id", Guid.Empty.ToString(), "--domain", "faqbot.example-clinic.org");

        Assert.Equal(1, run.ExitCode);
        Assert.False(File.Exists(run.ZipPath));
    }

    [Fact]
    public async Task ADomainWithASchemeOrWildcardIsRefused()
    {
        var withScheme = await RunAsync(_folder.Path, "--app-id", AppId, "--domain", "https://faqbot.example-clinic.org/");
        var wildcard = await RunAsync(_folder.Path, "--app-id", AppId, "--domain", "*.azurewebsites.net");

        Assert.Contains("validDomains", withScheme.Error, StringComparison.Ordinal);
        Assert.Contains("validDomains", wildcard.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(withScheme.ZipPath));
    }

    [Fact]
    public async Task AnIconOfTheWrongSizeIsRefusedWithItsActualSize()
    {
        var icon = _folder.File("big-outline.png");
        await File.WriteAllBytesAsync(icon, TestPng.Create(64, 64, withAlpha: true));

        var run = await RunAsync(_folder.Path, "--app-id", AppId, "--domain", "faqbot.example-clinic.org", "--outline-icon", icon);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("outline icon must be 32x32 pixels, not 64x64", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnOutlineIconWithoutTransparencyIsRefused()
    {
        var icon = _folder.File("opaque.png");
        await File.WriteAllBytesAsync(icon, TestPng.Create(32, 32, withAlpha: false));

        var run = await RunAsync(_folder.Path, "--app-id", AppId, "--domain", "faqbot.example-clinic.org", "--outline-icon", icon);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("transparent", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AGreyOutlineIconIsRefusedBecauseTeamsWantsWhite()
    {
        var icon = _folder.File("grey.png");
        await File.WriteAllBytesAsync(icon, TestPng.Create(32, 32, withAlpha: true, (x, y) => x > 8 ? ((byte)128, (byte)128, (byte)128, (byte)255) : ((byte)0, (byte)0, (byte)0, (byte)0)));

        var run = await RunAsync(_folder.Path, "--app-id", AppId, "--domain", "faqbot.example-clinic.org", "--outline-icon", icon);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("must be white (255,255,255) on transparency", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public async Task AWhiteOnTransparentOutlineIsAcceptedWhicheverPngFilterStoresIt(byte filter)
    {
        var icon = _folder.File($"outline-{filter}.png");
        var ring = TestPng.Create(32, 32, withAlpha: true, (x, y) =>
        {
            var d = Math.Sqrt(((x - 15.5) * (x - 15.5)) + ((y - 15.5) * (y - 15.5)));
            var alpha = (byte)Math.Clamp(255 - (Math.Abs(d - 11) * 120), 0, 255);
            return alpha == 0 ? ((byte)0, (byte)0, (byte)0, (byte)0) : ((byte)255, (byte)255, (byte)255, alpha);
        }, filter);
        await File.WriteAllBytesAsync(icon, ring);

        var run = await RunAsync(_folder.Path, "--app-id", AppId, "--domain", "faqbot.example-clinic.org", "--outline-icon", icon);

        Assert.True(run.ExitCode == 0, run.Error);
    }

    [Fact]
    public async Task AFileThatIsNotAPngIsRefusedAsAnIcon()
    {
        var icon = _folder.File("logo.png");
        await File.WriteAllTextAsync(icon, "<svg xmlns='http://www.w3.org/2000/svg'/>");

        var run = await RunAsync(_folder.Path, "--app-id", AppId, "--domain", "faqbot.example-clinic.org", "--color-icon", icon);

        Assert.Contains("colour icon is not a PNG file", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ANameTooLongForTeamsIsRefused()
    {
        var run = await RunAsync(_folder.Path, "--app-id", AppId, "--domain", "faqbot.example-clinic.org",
            "--name", "Riverside Dermatology Patient Questions");

        Assert.Contains("name.short is longer than 30 characters", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFailedRunKeepsThePackageFromAnEarlierGoodRun()
    {
        var good = await RunAsync(_folder.Path, "--app-id", AppId, "--domain", "faqbot.example-clinic.org");
        var before = await File.ReadAllBytesAsync(good.ZipPath);

        var bad = await RunAsync(_folder.Path, "--app-id", "not-a-guid", "--domain", "faqbot.example-clinic.org");

        Assert.Equal(1, bad.ExitCode);
        Assert.Equal(before, await File.ReadAllBytesAsync(good.ZipPath));
    }

    [Fact]
    public async Task AManifestThePublishedSchemaRejectsIsRefusedEvenWhenTheEssentialsPass()
    {
        var manifest = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(RepoPaths.Manifest))!.AsObject();
        manifest["showLoadingIndicator"] = "yes";
        var folder = Directory.CreateDirectory(Path.Combine(_folder.Path, "custom")).FullName;
        foreach (var icon in new[] { "color.png", "outline.png" })
        {
            File.Copy(Path.Combine(Path.GetDirectoryName(RepoPaths.Manifest)!, icon), Path.Combine(folder, icon));
        }

        var path = Path.Combine(folder, "manifest.json");
        File.WriteAllText(path, manifest.ToJsonString());

        var run = await RunWithManifestAsync(_folder.Path, path, "--app-id", AppId, "--domain", "faqbot.example-clinic.org");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("schema: ", run.Error, StringComparison.Ordinal);
        Assert.Contains("showLoadingIndicator", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(run.ZipPath));
    }
}
