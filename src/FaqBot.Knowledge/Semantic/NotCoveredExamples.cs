using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace FaqBot.Knowledge.Semantic;

/// <summary>The staff-editable <c>not-covered.yaml</c>: questions near the articles' topics that no article answers.</summary>
public static class NotCoveredExamples
{
    public const string DefaultFileName = "not-covered.yaml";

    /// <summary>The examples, or none when the file does not exist; a broken file throws naming its line.</summary>
    public static IReadOnlyList<string> Load(string path)
    {
        if (!File.Exists(path))
        {
            return [];
        }

        Dto? file;
        try
        {
            file = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).Build().Deserialize<Dto>(File.ReadAllText(path));
        }
        catch (YamlException e)
        {
            throw new InvalidDataException($"{path}, line {e.Start.Line}: {e.InnerException?.Message ?? e.Message}", e);
        }

        var examples = (file?.Examples ?? []).Select(e => e?.Trim() ?? "").Where(e => e.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        return examples.Count > 0 ? examples : throw new InvalidDataException($"{path}: the 'examples:' list is empty; delete the file to have none.");
    }

    private sealed class Dto
    {
        public List<string> Examples { get; set; } = [];
    }
}
