using NJsonSchema;

namespace FaqBot.Cli.Teams;

/// <summary>
/// The published Teams manifest schema (v1.29, MIT, vendored in Teams/Schema and built into the tool): every package
/// is checked against it before it is written, so a manifest Teams would refuse never leaves the tool.
/// </summary>
internal static class TeamsManifestSchema
{
    private static readonly Lazy<JsonSchema> Schema = new(() =>
    {
        using var stream = typeof(TeamsManifestSchema).Assembly.GetManifestResourceStream("FaqBot.Cli.Teams.Schema.MicrosoftTeams.schema.json")
            ?? throw new InvalidOperationException("The Teams manifest schema is missing from the tool.");
        using var reader = new StreamReader(stream);
        return JsonSchema.FromJsonAsync(reader.ReadToEnd()).GetAwaiter().GetResult();
    });

    /// <summary>One line per schema violation (path and kind), none when the manifest is valid.</summary>
    public static IReadOnlyList<string> Check(string manifestJson) =>
        Schema.Value.Validate(manifestJson).Select(e => $"schema: {e.Path}: {e.Kind}").ToList();
}
