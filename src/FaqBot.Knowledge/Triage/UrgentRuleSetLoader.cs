using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace FaqBot.Knowledge.Triage;

/// <summary>Reads the staff-editable urgent rule file; a mistake in it stops start-up with the file, line or rule named.</summary>
public static class UrgentRuleSetLoader
{
    public const string DefaultFileName = "urgent-rules.yaml";

    /// <summary>Loads and validates the file; throws <see cref="InvalidDataException"/> naming the file and the problem.</summary>
    public static UrgentRuleSet Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new InvalidDataException($"{path}: the urgent rule file does not exist.");
        }

        return Parse(File.ReadAllText(path), path);
    }

    public static UrgentRuleSet Parse(string yaml, string sourceName)
    {
        UrgentRuleFile? file;
        try
        {
            var deserializer = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).Build();
            file = deserializer.Deserialize<UrgentRuleFile>(yaml);
        }
        catch (YamlException e)
        {
            throw new InvalidDataException($"{sourceName}, line {e.Start.Line}: {e.InnerException?.Message ?? e.Message}", e);
        }

        if (file is null || file.Rules.Count == 0)
        {
            throw new InvalidDataException($"{sourceName}: no rules found (expected a 'rules:' list).");
        }

        var language = new TriageLanguage(
            Words(file.Negations),
            Words(file.ModalOpeners),
            Words(file.QuestionOpeners),
            file.HypotheticalCues.Where(c => TriageText.PatternTokens(c).Count > 0).Select(c => new TermGroup([c])).ToList(),
            Words(file.Fillers),
            Words(file.AskingVerbs),
            Words(file.TopicWords),
            Words(file.StatementWords));
        var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var rules = new List<UrgentRule>();
        for (var i = 0; i < file.Rules.Count; i++)
        {
            var entry = file.Rules[i];
            var name = string.IsNullOrWhiteSpace(entry.Id) ? $"rule {i + 1}" : $"rule '{entry.Id}'";
            if (string.IsNullOrWhiteSpace(entry.Id) || !ids.Add(entry.Id))
            {
                throw new InvalidDataException($"{sourceName}: {name} needs an id that no other rule uses.");
            }

            if (entry.Patterns.Count == 0)
            {
                throw new InvalidDataException($"{sourceName}: {name} has no patterns.");
            }

            var window = entry.Window ?? file.DefaultWindow;
            var patterns = new List<UrgentPattern>();
            foreach (var pattern in entry.Patterns)
            {
                try
                {
                    patterns.Add(UrgentPattern.Parse(pattern, window));
                }
                catch (FormatException e)
                {
                    throw new InvalidDataException($"{sourceName}: {name}: {e.Message}.", e);
                }
            }

            var unless = entry.Unless.Where(u => TriageText.PatternTokens(u).Count > 0).Select(u => new TermGroup([u])).ToList();
            rules.Add(new UrgentRule(entry.Id, entry.Title ?? entry.Id, entry.EvenInQuestions, entry.IgnoreNegation, patterns, unless, entry.Crisis));
        }

        return new UrgentRuleSet(rules, language);
    }

    private static HashSet<string> Words(IEnumerable<string> words) =>
        new(words.Select(w => w.Trim().Replace('\u2019', '\'').ToLowerInvariant()).Where(w => w.Length > 0), StringComparer.Ordinal);
}
