namespace FaqBot.Cli.Teams;

/// <summary>What goes into one Teams app package; null values keep what teams/manifest.json says.</summary>
internal sealed record TeamsPackageSettings(
    string ManifestPath,
    string OutputPath,
    string MicrosoftAppId,
    string Domain)
{
    /// <summary>The Teams app's own id; Teams allows it to equal the bot's App ID, which is the default.</summary>
    public string? TeamsAppId { get; init; }
    public string? ShortName { get; init; }
    public string? FullName { get; init; }
    public string? AccentColor { get; init; }
    public string? AppVersion { get; init; }
    public string? DeveloperName { get; init; }
    public string? WebsiteUrl { get; init; }
    public string? PrivacyUrl { get; init; }
    public string? TermsOfUseUrl { get; init; }
    public string? ColorIconPath { get; init; }
    public string? OutlineIconPath { get; init; }
}
