using System.Reflection;

namespace FaqBot.Cli.Tests.Teams;

internal static class RepoPaths
{
    public static string Root { get; } = typeof(RepoPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "RepoRoot").Value!;

    public static string TeamsFolder => Path.Combine(Root, "teams");

    public static string Manifest => Path.Combine(TeamsFolder, "manifest.json");

    // The published schema stays in ../shared beside the repo; it is never copied in.
    public static string TeamsSchema => Path.GetFullPath(Path.Combine(Root, "..", "shared", "schemas", "teams", "MicrosoftTeams.schema.json"));
}
