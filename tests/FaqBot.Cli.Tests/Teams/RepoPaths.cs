using System.Reflection;

namespace FaqBot.Cli.Tests.Teams;

internal static class RepoPaths
{
    public static string Root { get; } = typeof(RepoPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "RepoRoot").Value!;

    public static string TeamsFolder => Path.Combine(Root, "teams");

    public static string Manifest => Path.Combine(TeamsFolder, "manifest.json");

    // The published schema stays in ../shared beside the repo; it is never copied in.
    // The copy vendored in the repository (MIT), the one faqbot teams-package checks against.
    public static string TeamsSchema => Path.Combine(Root, "src", "FaqBot.Cli", "Teams", "Schema", "MicrosoftTeams.schema.json");
}
