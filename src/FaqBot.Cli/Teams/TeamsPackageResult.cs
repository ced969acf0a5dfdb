namespace FaqBot.Cli.Teams;

/// <summary>Either the package was written, or the problems that stopped it (and nothing was written).</summary>
internal sealed record TeamsPackageResult(IReadOnlyList<string> Problems, string? ManifestJson)
{
    public bool Succeeded => Problems.Count == 0;

    public static TeamsPackageResult Failed(params string[] problems) => new(problems, null);
}
