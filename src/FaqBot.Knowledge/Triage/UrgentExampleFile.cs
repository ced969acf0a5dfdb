using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace FaqBot.Knowledge.Triage;

/// <summary>The staff-editable <c>urgent-examples.yaml</c>: urgent messages by rule id, and ordinary look-alikes.</summary>
public sealed record UrgentExamples(IReadOnlyDictionary<string, IReadOnlyList<string>> Urgent, IReadOnlyList<string> Ordinary)
{
    public const string DefaultFileName = "urgent-examples.yaml";

    /// <summary>Reads and checks the file against the rules; throws <see cref="InvalidDataException"/> naming the file and line.</summary>
    public static UrgentExamples Load(string path, UrgentRuleSet rules)
    {
        if (!File.Exists(path))
        {
            throw new InvalidDataException($"{path}: the urgent examples file does not exist.");
        }

        return Parse(File.ReadAllText(path), path, rules);
    }

    public static UrgentExamples Parse(string yaml, string sourceName, UrgentRuleSet rules)
    {
        Dto? file;
        try
        {
            file = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).Build().Deserialize<Dto>(yaml);
        }
        catch (YamlException e)
        {
            throw new InvalidDataException($"{sourceName}, line {e.Start.Line}: {e.InnerException?.Message ?? e.Message}", e);
        }

        if (file is null || file.Urgent.Count == 0)
        {
            throw new InvalidDataException($"{sourceName}: no urgent examples found (expected an 'urgent:' section keyed by rule id).");
        }

        var known = rules.Rules.ToDictionary(r => r.Id, StringComparer.OrdinalIgnoreCase);
        var urgent = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var (id, examples) in file.Urgent)
        {
            if (!known.TryGetValue(id, out var rule))
            {
                throw new InvalidDataException($"{sourceName}: '{id}' under 'urgent:' is not a rule id of the urgent rule file (known: {string.Join(", ", known.Keys)}).");
            }

            var texts = Clean(examples);
            if (texts.Count == 0)
            {
                throw new InvalidDataException($"{sourceName}: '{id}' has no examples.");
            }

            urgent[rule.Id] = texts;
        }

        var ordinary = Clean(file.Ordinary);
        if (ordinary.Count == 0)
        {
            throw new InvalidDataException($"{sourceName}: the 'ordinary:' list is empty; without it every message near an urgent example would be urgent.");
        }

        return new UrgentExamples(urgent, ordinary);
    }

    private static List<string> Clean(List<string>? texts) =>
        (texts ?? []).Select(t => t?.Trim() ?? "").Where(t => t.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    private sealed class Dto
    {
        public Dictionary<string, List<string>> Urgent { get; set; } = [];

        public List<string> Ordinary { get; set; } = [];
    }
}
