using System.Text.Json.Nodes;
using NJsonSchema;
using static FaqBot.Cli.Tests.Teams.TeamsPackageRun;

namespace FaqBot.Cli.Tests.Teams;

public sealed class TeamsPackageCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task TheGeneratedManifestIsValidAgainstThePublishedTeams129Schema()
    {
        var run = await RunAsync(_folder.Path, "--app-id", AppId, "--domain", "faqbot.example-clinic.org");

        var schema = await JsonSchema.FromFileAsync(RepoPaths.TeamsSchema);
        var errors = schema.Validate(run.ManifestText());

        Assert.Equal(0, run.ExitCode);
        Assert.Empty(errors.Select(e => $"{e.Path}: {e.Kind}"));
        Assert.Equal("1.29", (string?)run.Manifest()["manifestVersion"]);
    }

    [Fact]
    public async Task TheSchemaCheckWouldCatchAManifestTeamsRejects()
    {
        var run = await RunAsync(_folder.Path, "--app-id", AppId, "--domain", "faqbot.example-clinic.org");
        var manifest = run.Manifest();
        manifest["bots"]![0]!["scopes"] = new JsonArray("personal", "groupchat");
        manifest["accentColor"] = "teal";

        var schema = await JsonSchema.FromFileAsync(RepoPaths.TeamsSchema);
        var errors = schema.Validate(manifest.ToJsonString());

        Assert.Contains(errors, e => e.Path?.Contains("accentColor", StringComparison.Ordinal) == true);
        Assert.Contains(errors, e => e.ToString().Contains("scopes", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ThePackageHoldsTheManifestAndBothIconsAtItsRoot()
    {
        var run = await RunAsync(_folder.Path, "--app-id", AppId, "--domain", "faqbot.example-clinic.org");

        Assert.Equal(["color.png", "manifest.json", "outline.png"], run.EntryNames());
        Assert.Equal((192, 192), Size(run.Entry("color.png")));
        Assert.Equal((32, 32), Size(run.Entry("outline.png")));
        Assert.Contains(run.ZipPath, run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheAppIdBecomesTheBotIdAndTheAppIdAndNoPlaceholderIsLeft()
    {
        var run = await RunAsync(_folder.Path, "--app-id", AppId, "--domain", "faqbot.example-clinic.org");

        var manifest = run.Manifest();
        Assert.Equal(AppId, (string?)manifest["bots"]![0]!["botId"]);
        Assert.Equal(AppId, (string?)manifest["id"]);
        Assert.Equal(["faqbot.example-clinic.org"], manifest["validDomains"]!.AsArray().Select(d => (string?)d));
        Assert.Equal("https://faqbot.example-clinic.org/privacy", (string?)manifest["developer"]!["privacyUrl"]);
        Assert.DoesNotContain("${{", run.ManifestText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NameColourAndSeparateTeamsAppIdFromTheOptionsEndUpInTheManifest()
    {
        const string teamsAppId = "0b6f3a52-1c9e-4d7a-8e21-6a5f4c3b2d10";

        var run = await RunAsync(_folder.Path, "--app-id", AppId, "--teams-app-id", teamsAppId, "--domain", "bot.riverside.example",
            "--name", "Riverside FAQ", "--full-name", "Riverside Dermatology FAQ", "--accent-color", "#7A3E9D", "--app-version", "1.2.0");

        var manifest = run.Manifest();
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(teamsAppId, (string?)manifest["id"]);
        Assert.Equal(AppId, (string?)manifest["bots"]![0]!["botId"]);
        Assert.Equal("Riverside FAQ", (string?)manifest["name"]!["short"]);
        Assert.Equal("Riverside Dermatology FAQ", (string?)manifest["name"]!["full"]);
        Assert.Equal("#7A3E9D", (string?)manifest["accentColor"]);
        Assert.Equal("1.2.0", (string?)manifest["version"]);
    }

    [Fact]
    public async Task ThePersonalTeamAndGroupChatScopesAndExampleQuestionsAreOffered()
    {
        var run = await RunAsync(_folder.Path, "--app-id", AppId, "--domain", "faqbot.example-clinic.org");

        var bot = run.Manifest()["bots"]![0]!;
        Assert.Equal(["personal", "team", "groupChat"], bot["scopes"]!.AsArray().Select(s => (string?)s));
        var commands = bot["commandLists"]![0]!["commands"]!.AsArray().Select(c => (string?)c!["title"]).ToList();
        Assert.Contains("help", commands);
        Assert.True(commands.Count(c => c!.EndsWith('?')) >= 3, "at least three example questions");
    }

    private static (int, int) Size(byte[] png)
    {
        var (width, height, _) = TestPng.ReadHeader(png);
        return (width, height);
    }
}
