namespace FaqBot.Knowledge.Search.Spelling;

/// <summary>Corrects a misspelt word towards words that exist in the index (symmetric-delete lookup, then true edit distance).</summary>
internal sealed class SpellingCorrector
{
    private const int MinLength = 4;

    private readonly Dictionary<string, int> _wordDf;
    private readonly Dictionary<string, List<string>> _deletes = new(StringComparer.Ordinal);
    private readonly int _indexDepth;

    public SpellingCorrector(IReadOnlyDictionary<string, int> wordDf)
    {
        _wordDf = wordDf.Where(w => w.Key.Length >= MinLength - 1 && !w.Key.Any(char.IsDigit))
            .ToDictionary(w => w.Key, w => w.Value, StringComparer.Ordinal);

        // Deletes of depth 2 on both sides find every edit within 2; on a large vocabulary depth 1 keeps memory
        // modest and still finds any single edit and most double ones.
        _indexDepth = _wordDf.Count <= 30_000 ? 2 : 1;
        foreach (var word in _wordDf.Keys)
        {
            foreach (var variant in Deletes(word, _indexDepth))
            {
                if (!_deletes.TryGetValue(variant, out var list))
                {
                    _deletes[variant] = list = [];
                }

                list.Add(word);
            }
        }
    }

    /// <summary>The closest indexed word within 1 edit (2 for words of 9+ letters, only a swap for 4 letters), or null when none is close.</summary>
    public string? Correct(string word)
    {
        if (word.Length < MinLength || word.Length > 30 || word.Any(char.IsDigit))
        {
            return null;
        }

        var maxDistance = word.Length >= 9 ? 2 : 1;
        string? best = null;
        var bestKey = (Distance: int.MaxValue, SameStart: false, Df: 0);
        var tried = new HashSet<string>(StringComparer.Ordinal);
        foreach (var variant in Deletes(word, maxDistance))
        {
            if (!_deletes.TryGetValue(variant, out var candidates))
            {
                continue;
            }

            foreach (var candidate in candidates)
            {
                if (!tried.Add(candidate))
                {
                    continue;
                }

                // Short words differ from other real words by one letter ("head"/"heat"): only trust a short
                // correction that keeps the first letter.
                var distance = EditDistance.Osa(word, candidate, maxDistance);
                if (distance > maxDistance || (word.Length <= 5 && candidate[0] != word[0]) || (word.Length == 4 && !Swapped(word, candidate)))
                {
                    continue;
                }

                var key = (distance, candidate[0] == word[0], _wordDf[candidate]);
                if (best is null || Better(key, bestKey))
                {
                    (best, bestKey) = (candidate, key);
                }
            }
        }

        return best;
    }

    // Fewer edits first; then a candidate with the same first letter (people rarely mistype it); then the commoner word.
    private static bool Better((int Distance, bool SameStart, int Df) a, (int Distance, bool SameStart, int Df) b) =>
        a.Distance != b.Distance ? a.Distance < b.Distance
        : a.SameStart != b.SameStart ? a.SameStart
        : a.Df > b.Df;

    // Four-letter words are corrected only for swapped letters ("pian" → "pain"): one other letter too often makes
    // another real word ("hype" → "hope").
    private static bool Swapped(string word, string candidate) =>
        candidate.Length == word.Length && word.Order().SequenceEqual(candidate.Order());

    private static HashSet<string> Deletes(string word, int depth)
    {
        var result = new HashSet<string>(StringComparer.Ordinal) { word };
        var frontier = new List<string> { word };
        for (var d = 0; d < depth; d++)
        {
            var next = new List<string>();
            foreach (var w in frontier.Where(w => w.Length > 1))
            {
                for (var i = 0; i < w.Length; i++)
                {
                    var deleted = w.Remove(i, 1);
                    if (result.Add(deleted))
                    {
                        next.Add(deleted);
                    }
                }
            }

            frontier = next;
        }

        return result;
    }
}
