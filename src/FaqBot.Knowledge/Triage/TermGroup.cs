namespace FaqBot.Knowledge.Triage;

/// <summary>
/// Alternatives separated by <c>|</c>; each is one word or a phrase, and a trailing <c>*</c> matches any ending.
/// A word of six letters or more also matches with one letter dropped or doubled ("swolen", "bleeeding"), the typos
/// of someone typing in a hurry; substitutions are not forgiven, since "injected" is not "infected".
/// (A doubled letter is forgiven only in the message, so "swollenn" matches "swollen" but "blleding" needs both.)
/// </summary>
public sealed class TermGroup
{
    private const int FuzzyMinLength = 6;

    // Longer than any word a rule lists, plus the doubled letter.
    private const int MaxFuzzyLength = 32;

    // Alternatives by their first word (and by that word with one letter dropped), so a long message costs a few
    // lookups per token rather than one comparison per alternative.
    private readonly Dictionary<string, List<string[]>> _byFirstWord = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string[]>> _byFirstWordMissingALetter = new(StringComparer.Ordinal);
    private readonly List<string[]> _startingWithPrefix = [];

    public TermGroup(IEnumerable<string> alternatives)
    {
        foreach (var alternative in alternatives.Select(a => TriageText.PatternTokens(a).ToArray()).Where(a => a.Length > 0))
        {
            var first = alternative[0];
            if (first.EndsWith('*'))
            {
                _startingWithPrefix.Add(alternative);
                continue;
            }

            Add(_byFirstWord, first, alternative);
            if (first.Length >= FuzzyMinLength)
            {
                foreach (var variant in MissingOneLetter(first))
                {
                    Add(_byFirstWordMissingALetter, variant, alternative);
                }
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
            // No alternative can come from two lookups: each needs a different length of token.
            foreach (var alternative in Candidates(tokens[i]))
            {
                if (MatchesAt(tokens, i, alternative))
                {
                    yield return (i, i + alternative.Length);
                }
            }
        }
    }

    private IEnumerable<string[]> Candidates(string token)
    {
        if (_byFirstWord.TryGetValue(token, out var exact))
        {
            foreach (var a in exact)
            {
                yield return a;
            }
        }

        if (_byFirstWordMissingALetter.TryGetValue(token, out var dropped))
        {
            foreach (var a in dropped)
            {
                yield return a;
            }
        }

        // Only a word one letter longer than a rule word can be that word with a letter doubled; checking a longer
        // token (a run of one letter, 16,000 long) would cost its length squared for nothing.
        if (token.Length > FuzzyMinLength && token.Length <= MaxFuzzyLength)
        {
            foreach (var variant in WithoutOneDoubledLetter(token))
            {
                if (_byFirstWord.TryGetValue(variant, out var doubled))
                {
                    foreach (var a in doubled.Where(a => a[0].Length >= FuzzyMinLength))
                    {
                        yield return a;
                    }
                }
            }
        }

        foreach (var a in _startingWithPrefix)
        {
            yield return a;
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
            var ok = word.EndsWith('*') ? token.StartsWith(word[..^1], StringComparison.Ordinal) : SameWord(word, token);
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    private static bool SameWord(string word, string token)
    {
        if (string.Equals(word, token, StringComparison.Ordinal))
        {
            return true;
        }

        if (word.Length < FuzzyMinLength || Math.Abs(word.Length - token.Length) != 1)
        {
            return false;
        }

        var (longer, shorter) = word.Length > token.Length ? (word, token) : (token, word);
        return MissingOneLetter(longer).Contains(shorter, StringComparer.Ordinal);
    }

    // Only a repeated letter can be the extra one ("bleeeding"); checking just those keeps long messages cheap.
    private static IEnumerable<string> WithoutOneDoubledLetter(string token)
    {
        for (var i = 1; i < token.Length; i++)
        {
            if (token[i] == token[i - 1])
            {
                yield return token.Remove(i, 1);
            }
        }
    }

    private static IEnumerable<string> MissingOneLetter(string word) =>
        Enumerable.Range(0, word.Length).Select(i => word.Remove(i, 1));

    private static void Add(Dictionary<string, List<string[]>> index, string key, string[] alternative) =>
        (index.TryGetValue(key, out var list) ? list : index[key] = []).Add(alternative);
}
