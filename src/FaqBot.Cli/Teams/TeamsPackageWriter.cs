using System.IO.Compression;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FaqBot.Cli.Teams;

/// <summary>Builds the Teams app package: manifest.json and both icons at the root of a zip, checked before writing.</summary>
internal static class TeamsPackageWriter
{
    // The manifest is read by people too: keep apostrophes and accents as they are instead of \u escapes.
    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static TeamsPackageResult Write(TeamsPackageSettings settings)
    {
        JsonObject manifest;
        try
        {
            manifest = JsonNode.Parse(File.ReadAllText(settings.ManifestPath)) as JsonObject
                ?? throw new JsonException("the manifest is not a JSON object");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            return TeamsPackageResult.Failed($"cannot read the manifest {settings.ManifestPath}: {e.Message}");
        }

        ManifestPlaceholders.Fill(manifest, new Dictionary<string, string>
        {
            [ManifestPlaceholders.MicrosoftAppId] = settings.MicrosoftAppId,
            [ManifestPlaceholders.TeamsAppId] = settings.TeamsAppId ?? settings.MicrosoftAppId,
            [ManifestPlaceholders.BotDomain] = settings.Domain,
        });
        ApplyOverrides(manifest, settings);

        var manifestDirectory = Path.GetDirectoryName(Path.GetFullPath(settings.ManifestPath))!;
        var colorEntry = (string?)manifest["icons"]?["color"] ?? "color.png";
        var outlineEntry = (string?)manifest["icons"]?["outline"] ?? "outline.png";
        var color = ReadIcon(settings.ColorIconPath ?? Path.Combine(manifestDirectory, colorEntry));
        var outline = ReadIcon(settings.OutlineIconPath ?? Path.Combine(manifestDirectory, outlineEntry));

        var outlinePixels = outline.Bytes is null ? null : PngPixels.ReadRgba(outline.Bytes);
        var problems = ManifestEssentials.Check(manifest, color.Info, outline.Info, outlinePixels).ToList();
        problems.InsertRange(0, new[] { color.Error, outline.Error }.OfType<string>());
        if (problems.Count == 0)
        {
            // The essentials say what to fix in plain words; the schema catches the rest.
            problems.AddRange(TeamsManifestSchema.Check(manifest.ToJsonString()));
        }

        if (problems.Count > 0)
        {
            return new TeamsPackageResult(problems, null);
        }

        var json = manifest.ToJsonString(Indented);
        try
        {
            WriteZip(settings.OutputPath, json, (colorEntry, color.Bytes!), (outlineEntry, outline.Bytes!));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return TeamsPackageResult.Failed($"cannot write {settings.OutputPath}: {e.Message}");
        }

        return new TeamsPackageResult([], json);
    }

    private static void ApplyOverrides(JsonObject manifest, TeamsPackageSettings settings)
    {
        var name = manifest["name"] as JsonObject ?? [];
        manifest["name"] = name;
        Set(name, "short", settings.ShortName);
        Set(name, "full", settings.FullName);
        Set(manifest, "accentColor", settings.AccentColor);
        Set(manifest, "version", settings.AppVersion);
        var developer = manifest["developer"] as JsonObject ?? [];
        manifest["developer"] = developer;
        Set(developer, "name", settings.DeveloperName);
        Set(developer, "websiteUrl", settings.WebsiteUrl);
        Set(developer, "privacyUrl", settings.PrivacyUrl);
        Set(developer, "termsOfUseUrl", settings.TermsOfUseUrl);
    }

    private static void Set(JsonObject target, string key, string? value)
    {
        if (value is not null)
        {
            target[key] = value;
        }
    }

    private static (byte[]? Bytes, PngInfo? Info, string? Error) ReadIcon(string path)
    {
        try
        {
            var bytes = File.ReadAllBytes(path);
            return (bytes, PngInfo.Read(bytes), null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, null, $"cannot read the icon {path}: {e.Message}");
        }
    }

    private static void WriteZip(string outputPath, string manifestJson, params (string Name, byte[] Bytes)[] icons)
    {
        var fullOutput = Path.GetFullPath(outputPath);
        Directory.CreateDirectory(Path.GetDirectoryName(fullOutput)!);
        // Written beside the target and moved into place, so a failure never leaves half a package behind.
        var temporary = fullOutput + ".tmp";
        File.Delete(temporary);
        using (var zip = ZipFile.Open(temporary, ZipArchiveMode.Create))
        {
            // Teams reads the files at the zip's root; entry names are the manifest's relative paths.
            AddEntry(zip, "manifest.json", new UTF8Encoding(false).GetBytes(manifestJson));
            foreach (var (name, bytes) in icons)
            {
                AddEntry(zip, name, bytes);
            }
        }

        File.Move(temporary, fullOutput, overwrite: true);
    }

    private static void AddEntry(ZipArchive zip, string name, byte[] bytes)
    {
        using var stream = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
        stream.Write(bytes);
    }
}
