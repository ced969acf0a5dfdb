using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace FaqBot.Cli.Teams;

/// <summary>
/// The checks Teams applies when an app package is uploaded, done here first so clinic IT gets a clear list
/// instead of Teams' generic "manifest parsing has failed". The full schema is checked after them (TeamsManifestSchema).
/// </summary>
internal static partial class ManifestEssentials
{
    public const string ManifestVersion = "1.29";

    private static readonly string[] AllowedScopes = ["personal", "team", "groupChat"];

    /// <param name="outlinePixels">The outline icon as RGBA, when it could be decoded; its colours are then checked too.</param>
    public static IReadOnlyList<string> Check(JsonObject manifest, PngInfo? colorIcon, PngInfo? outlineIcon, byte[]? outlinePixels = null)
    {
        var problems = new List<string>();
        var leftOver = ManifestPlaceholders.Remaining(manifest.ToJsonString());
        if (leftOver.Count > 0)
        {
            problems.Add($"placeholders not filled: {string.Join(", ", leftOver.Select(n => "${{" + n + "}}"))}");
        }

        if (Text(manifest, "manifestVersion") != ManifestVersion)
        {
            problems.Add($"manifestVersion must be \"{ManifestVersion}\" (the schema this tool checks against)");
        }

        if (Text(manifest, "version") is not { } version || !SemVer().IsMatch(version))
        {
            problems.Add("version must be a semantic version such as 1.0.0 (raise it for every upload)");
        }

        RequireGuid(problems, Text(manifest, "id"), "id (the Teams app id)");
        CheckDeveloper(problems, manifest["developer"] as JsonObject);
        CheckNameAndDescription(problems, manifest);
        if (Text(manifest, "accentColor") is not { } accent || !HexColor().IsMatch(accent))
        {
            problems.Add("accentColor must be an HTML colour such as #0E6E74");
        }

        CheckBots(problems, manifest["bots"] as JsonArray);
        CheckDomains(problems, manifest["validDomains"] as JsonArray);
        IconEssentials.Check(problems, manifest["icons"] as JsonObject, colorIcon, outlineIcon, outlinePixels);
        return problems;
    }

    private static void CheckDeveloper(List<string> problems, JsonObject? developer)
    {
        if (developer is null)
        {
            problems.Add("developer is missing");
            return;
        }

        RequireText(problems, Text(developer, "name"), "developer.name", 32);
        foreach (var url in new[] { "websiteUrl", "privacyUrl", "termsOfUseUrl" })
        {
            var value = Text(developer, url);
            if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps)
            {
                problems.Add($"developer.{url} must be an https:// address (got \"{value}\")");
            }
        }
    }

    private static void CheckNameAndDescription(List<string> problems, JsonObject manifest)
    {
        RequireText(problems, Text(manifest["name"], "short"), "name.short", 30);
        if (Text(manifest["name"], "full") is { Length: > 100 })
        {
            problems.Add("name.full is longer than 100 characters");
        }

        var shortDescription = Text(manifest["description"], "short");
        var fullDescription = Text(manifest["description"], "full");
        RequireText(problems, shortDescription, "description.short", 80);
        RequireText(problems, fullDescription, "description.full", 4000);
        if (shortDescription is not null && shortDescription == fullDescription)
        {
            problems.Add("description.short and description.full must differ");
        }
    }

    private static void CheckBots(List<string> problems, JsonArray? bots)
    {
        if (bots is not [JsonObject bot])
        {
            problems.Add("bots must hold exactly one bot");
            return;
        }

        RequireGuid(problems, Text(bot, "botId"), "bots[0].botId (the bot's Microsoft App ID)");
        var scopes = Strings(bot["scopes"] as JsonArray);
        if (scopes.Count == 0 || scopes.Any(s => !AllowedScopes.Contains(s, StringComparer.Ordinal)))
        {
            problems.Add($"bots[0].scopes must be some of {string.Join(", ", AllowedScopes)} (spelt exactly so)");
        }
    }

    private static void CheckDomains(List<string> problems, JsonArray? domains)
    {
        foreach (var domain in Strings(domains))
        {
            if (domain is null || !HostName().IsMatch(domain))
            {
                problems.Add($"validDomains entry \"{domain}\" must be a host name only (no https://, path or wildcard)");
            }
        }
    }

    private static void RequireGuid(List<string> problems, string? value, string label)
    {
        if (!Guid.TryParseExact(value, "D", out var guid) || guid == Guid.Empty)
        {
            problems.Add($"{label} must be a GUID such as 3f2a9c71-8d4e-4b6a-a1c2-5e7f9d0b1c23 (got \"{value}\")");
        }
    }

    private static void RequireText(List<string> problems, string? value, string label, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            problems.Add($"{label} is required");
        }
        else if (value.Length > maxLength)
        {
            problems.Add($"{label} is longer than {maxLength} characters");
        }
    }

    private static List<string?> Strings(JsonArray? array) =>
        array?.Select(n => n is JsonValue v && v.TryGetValue<string>(out var s) ? s : null).ToList() ?? [];

    internal static string? Text(JsonNode? parent, string name) =>
        parent is JsonObject obj && obj[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    [GeneratedRegex(@"^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$")]
    private static partial Regex SemVer();

    [GeneratedRegex("^#[0-9a-fA-F]{6}$")]
    private static partial Regex HexColor();

    [GeneratedRegex(@"^(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$")]
    private static partial Regex HostName();
}
