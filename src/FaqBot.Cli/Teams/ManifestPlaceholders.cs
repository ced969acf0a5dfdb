using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace FaqBot.Cli.Teams;

/// <summary>Fills the <c>${{NAME}}</c> placeholders of teams/manifest.json in every string value.</summary>
internal static partial class ManifestPlaceholders
{
    public const string MicrosoftAppId = "MICROSOFT_APP_ID";
    public const string TeamsAppId = "TEAMS_APP_ID";
    public const string BotDomain = "BOT_DOMAIN";

    public static void Fill(JsonNode node, IReadOnlyDictionary<string, string> values)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj.ToList())
                {
                    if (child is JsonValue value && value.TryGetValue<string>(out var text))
                    {
                        obj[key] = Replace(text, values);
                    }
                    else if (child is not null)
                    {
                        Fill(child, values);
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is JsonValue value && value.TryGetValue<string>(out var text))
                    {
                        array[i] = Replace(text, values);
                    }
                    else if (array[i] is { } child)
                    {
                        Fill(child, values);
                    }
                }

                break;
        }
    }

    /// <summary>The names of placeholders still present anywhere in the manifest text.</summary>
    public static IReadOnlyList<string> Remaining(string manifestJson) =>
        Placeholder().Matches(manifestJson).Select(m => m.Groups["name"].Value).Distinct().ToList();

    private static string Replace(string text, IReadOnlyDictionary<string, string> values) =>
        Placeholder().Replace(text, m => values.TryGetValue(m.Groups["name"].Value, out var v) ? v : m.Value);

    [GeneratedRegex(@"\$\{\{(?<name>[A-Z0-9_]+)\}\}")]
    private static partial Regex Placeholder();
}
