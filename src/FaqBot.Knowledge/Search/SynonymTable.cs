namespace FaqBot.Knowledge.Search;

/// <summary>Patient phrases mapped to the words the articles use, read from the staff-editable synonyms file.</summary>
public sealed class SynonymTable
{
    private readonly Dictionary<string, List<string[]>> _byPhrase = new(StringComparer.Ordinal);

    // Most question words start no patient phrase; checking the first word avoids building candidate keys.
    private readonly HashSet<string> _firstWords = new(StringComparer.Ordinal);

    public static SynonymTable Empty { get; } = new();

    public int MaxPhraseWords { get; private set; } = 1;

    public int Count => _byPhrase.Count;

    /// <summary>Expansions for a patient phrase given as tokens, or null.</summary>
    public IReadOnlyList<string[]>? Lookup(IReadOnlyList<string> tokens, int start, int length)
    {
        if (!_firstWords.Contains(tokens[start]))
        {
            return null;
        }

        var key = length == 1 ? tokens[start] : string.Join(' ', tokens.Skip(start).Take(length));
        return _byPhrase.TryGetValue(key, out var expansions) ? expansions : null;
    }

    /// <summary>Reads lines like <c>hurt, sore → pain, discomfort</c>; '#' starts a comment; bad lines are reported, not fatal.</summary>
    public static SynonymTable Parse(IEnumerable<string> lines, ICollection<string>? warnings = null, string source = "synonyms")
    {
        var table = new SynonymTable();
        var number = 0;
        foreach (var raw in lines)
        {
            number++;
            var line = StripComment(raw).Trim();
            if (line.Length == 0)
            {
                continue;
            }

            var (left, right) = SplitArrow(line);
            if (left is null || right is null)
            {
                warnings?.Add($"{source}:{number}: expected 'patient words → article words', e.g. 'hurt → pain, discomfort'");
                continue;
            }

            var expansions = Phrases(right).ToList();
            foreach (var phrase in Phrases(left))
            {
                var key = string.Join(' ', phrase);
                if (!table._byPhrase.TryGetValue(key, out var list))
                {
                    table._byPhrase[key] = list = [];
                }

                list.AddRange(expansions);
                table._firstWords.Add(phrase[0]);
                table.MaxPhraseWords = Math.Max(table.MaxPhraseWords, phrase.Length);
            }
        }

        return table;
    }

    public static SynonymTable Load(string? path, ICollection<string>? warnings = null) =>
        path is null || !File.Exists(path) ? Empty : Parse(File.ReadLines(path), warnings, Path.GetFileName(path));

    private static string StripComment(string line)
    {
        var hash = line.IndexOf('#');
        return hash < 0 ? line : line[..hash];
    }

    private static (string? Left, string? Right) SplitArrow(string line)
    {
        foreach (var arrow in new[] { "→", "=>", "->", ":", "=" })
        {
            var at = line.IndexOf(arrow, StringComparison.Ordinal);
            if (at > 0 && at + arrow.Length < line.Length)
            {
                return (line[..at], line[(at + arrow.Length)..]);
            }
        }

        return (null, null);
    }

    private static IEnumerable<string[]> Phrases(string list) =>
        list.Split([',', ';', '|'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => Tokenizer.Words(p).ToArray())
            .Where(p => p.Length > 0);
}
