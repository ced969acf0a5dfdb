namespace FaqBot.Knowledge.Triage;

/// <summary>Alternatives separated by <c>|</c>; each is one word or a phrase, and a trailing <c>*</c> matches any ending.</summary>
public sealed class TermGroup
{
    // Alternatives by their first word, so a long message costs one lookup per token rather than one per alternative.
    private readonly Dictionary<string, List<string[]>> _byFirstWord = new(StringComparer.Ordinal);
    private readonly List<string[]> _startingWithPrefix = [];

    public TermGroup(IEnumerable<string> alternatives)
    {
        foreach (var alternative in alternatives.Select(a => TriageText.PatternTokens(a).ToArray()).Where(a => a.Length > 0))
        {
            if (alternative[0].EndsWith('*'))
            {
                _startingWithPrefix.Add(alternative);
            }
            else
            {
                (_byFirstWord.TryGetValue(alternative[0], out var list) ? list : _byFirstWord[alternative[0]] = []).Add(alternative);
            }
        }

        if (_byFirstWord.Count == 0 && _startingWithPrefix.Count == 0)
        {
            throw new ArgumentException("A term group needs at least one word.", nameof(alternatives));
        }
    }

    /// <summary>Every place in <paramref name="tokens"/> where one alternative matches, as [start, end) spans.</summary>
    public IEnumerable<(int Start, int End)> MatchesIn(IReadOnlyList<string> tokens)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            var candidates = _byFirstWord.TryGetValue(tokens[i], out var list) ? list.Concat(_startingWithPrefix) : _startingWithPrefix;
            foreach (var alternative in candidates)
            {
                if (MatchesAt(tokens, i, alternative))
                {
                    yield return (i, i + alternative.Length);
                }
            }
        }
    }

    private static bool MatchesAt(IReadOnlyList<string> tokens, int start, string[] alternative)
    {
        if (start + alternative.Length > tokens.Count)
        {
            return false;
        }

        for (var k = 0; k < alternative.Length; k++)
        {
            var word = alternative[k];
            var token = tokens[start + k];
            var ok = word.EndsWith('*')
                ? token.StartsWith(word[..^1], StringComparison.Ordinal)
                : string.Equals(token, word, StringComparison.Ordinal);
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }
}
