using System.Reflection;
using System.Text.Json;

namespace FaqBot.Web.Tests.Docs;

public sealed class ConfigurationDocsTests
{
    private static readonly string RepoRoot = typeof(ConfigurationDocsTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "RepoRoot").Value!;

    [Fact]
    public void EveryKeyInAppSettingsIsDocumentedWithItsEnvironmentVariable()
    {
        using var settings = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoRoot, "appsettings.json")));
        var docs = File.ReadAllText(Path.Combine(RepoRoot, "docs", "configuration.md"));

        var missing = Leaves(settings.RootElement, "")
            .Where(key => !docs.Contains($"`{EnvironmentVariable(key)}", StringComparison.Ordinal))
            .ToList();

        Assert.True(missing.Count == 0, "docs/configuration.md lacks: " + string.Join(", ", missing.Select(EnvironmentVariable)));
    }

    // Configuration paths as ASP.NET Core sees them: objects nest with ':', an array is one key (its items get :0, :1...).
    private static IEnumerable<string> Leaves(JsonElement element, string path)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            yield return path;
            yield break;
        }

        foreach (var property in element.EnumerateObject())
        {
            foreach (var leaf in Leaves(property.Value, path.Length == 0 ? property.Name : $"{path}:{property.Name}"))
            {
                yield return leaf;
            }
        }
    }

    private static string EnvironmentVariable(string key) => key.Replace(":", "__", StringComparison.Ordinal);
}
