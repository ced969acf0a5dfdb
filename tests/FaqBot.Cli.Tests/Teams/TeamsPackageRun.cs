using System.CommandLine;
using System.IO.Compression;
using System.Text.Json.Nodes;
using FaqBot.Cli.Commands;

namespace FaqBot.Cli.Tests.Teams;

/// <summary>Runs <c>faqbot teams-package</c> in process, as the tool's root command would, and opens what it wrote.</summary>
internal sealed class TeamsPackageRun
{
    public const string AppId = "3f2a9c71-8d4e-4b6a-a1c2-5e7f9d0b1c23";

    public required int ExitCode { get; init; }
    public required string Output { get; init; }
    public required string Error { get; init; }
    public required string ZipPath { get; init; }

    public static Task<TeamsPackageRun> RunAsync(string folder, params string[] args) => RunWithManifestAsync(folder, RepoPaths.Manifest, args);

    public static async Task<TeamsPackageRun> RunWithManifestAsync(string folder, string manifestPath, params string[] args)
    {
        var zipPath = Path.Combine(folder, "package.zip");
        var root = new RootCommand { TeamsPackageCommand.Create() };
        var output = new StringWriter();
        var error = new StringWriter();
        string[] all = ["teams-package", "--manifest", manifestPath, "--output", zipPath, .. args];

        var exitCode = await root.Parse(all).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });

        return new TeamsPackageRun { ExitCode = exitCode, Output = output.ToString(), Error = error.ToString(), ZipPath = zipPath };
    }

    public JsonObject Manifest() => (JsonObject)JsonNode.Parse(ManifestText())!;

    public string ManifestText()
    {
        using var zip = ZipFile.OpenRead(ZipPath);
        using var reader = new StreamReader(zip.GetEntry("manifest.json")!.Open());
        return reader.ReadToEnd();
    }

    public byte[] Entry(string name)
    {
        using var zip = ZipFile.OpenRead(ZipPath);
        using var stream = new MemoryStream();
        zip.GetEntry(name)!.Open().CopyTo(stream);
        return stream.ToArray();
    }

    public IReadOnlyList<string> EntryNames()
    {
        using var zip = ZipFile.OpenRead(ZipPath);
        return zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal).ToList();
    }
}
