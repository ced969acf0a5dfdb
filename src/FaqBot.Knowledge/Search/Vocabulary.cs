using FaqBot.Knowledge.Search.Spelling;
namespace FaqBot.Knowledge.Search;

/// <summary>The index's words in memory: each surface word's Porter stem (as the index holds it) and document frequencies.</summary>
public sealed class Vocabulary
{
    private readonly Dictionary<string, int> _stemOfWord;
    private readonly Dictionary<string, int> _wordDf;
    private readonly string[] _stems;
    private readonly string[] _sortedWords;
    private readonly int[] _stemDf;
    private SpellingCorrector? _corrector;

    public Vocabulary(int passageCount, IEnumerable<(string Word, string Stem, int Df)> words, IReadOnlyDictionary<string, int> stemDf)
    {
        PassageCount = Math.Max(1, passageCount);
        var stemIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var stems = new List<string>();
        _stemOfWord = new(StringComparer.Ordinal);
        _wordDf = new(StringComparer.Ordinal);
        foreach (var (word, stem, df) in words)
        {
            if (!stemIds.TryGetValue(stem, out var id))
            {
                stemIds[stem] = id = stems.Count;
                stems.Add(stem);
            }

            _stemOfWord[word] = id;
            _wordDf[word] = df;
        }

        _stems = [.. stems];
        _sortedWords = _stemOfWord.Keys.Order(StringComparer.Ordinal).ToArray();
        _stemDf = stems.Select(s => stemDf.GetValueOrDefault(s)).ToArray();
    }

    public int PassageCount { get; }

    public int WordCount => _stemOfWord.Count;

    public int StemOf(string word) => _stemOfWord.TryGetValue(word, out var id) ? id : -1;

    public bool Contains(string word) => _stemOfWord.ContainsKey(word);

    public int DocumentFrequency(int stem) => _stemDf[stem];

    public int WordFrequency(string word) => _wordDf.GetValueOrDefault(word);


    public string Stem(int stem) => _stems[stem];

    // BM25's idf: rare words say more about what a question is about.
    public double Idf(int df) => Math.Log(1 + ((PassageCount - df + 0.5) / (df + 0.5)));

    public double MaxIdf => Idf(0);

    /// <summary>The commonest indexed word that starts with <paramref name="word"/> and is at most 4 letters longer ("react" → "reaction").</summary>
    public string? LongerForm(string word)
    {
        string? best = null;
        foreach (var candidate in Longer(word))
        {
            if (best is null || _wordDf[candidate] > _wordDf[best])
            {
                best = candidate;
            }
        }

        return best;
    }

    /// <summary>The commonest indexed word whose porter stem is exactly <paramref name="stem"/> ("heal" → "healing"), if any.</summary>
    public string? FormWithStem(string stem)
    {
        string? best = null;
        foreach (var candidate in Longer(stem))
        {
            if (_stems[_stemOfWord[candidate]] == stem && (best is null || _wordDf[candidate] > _wordDf[best]))
            {
                best = candidate;
            }
        }

        return best;
    }

    public string? Correct(string word) =>
        LazyInitializer.EnsureInitialized(ref _corrector, () => new SpellingCorrector(_wordDf)).Correct(word);

    private IEnumerable<string> Longer(string word)
    {
        var start = Array.BinarySearch(_sortedWords, word, StringComparer.Ordinal);
        for (var i = start < 0 ? ~start : start + 1; i < _sortedWords.Length && _sortedWords[i].StartsWith(word, StringComparison.Ordinal); i++)
        {
            if (_sortedWords[i].Length <= word.Length + 4)
            {
                yield return _sortedWords[i];
            }
        }
    }
}
