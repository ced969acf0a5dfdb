using System.Text.RegularExpressions;

namespace FaqBot.Knowledge.Triage;

/// <summary>Splits a message into sentences of lower-case word tokens, the unit the urgent rules match in.</summary>
public static partial class TriageText
{
    /// <summary>Sentences of tokens; apostrophes are kept inside words so "can't" stays one token.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Sentences(string message)
    {
        var normalised = message.Replace('\u2019', '\'').Replace('\u2018', '\'').ToLowerInvariant();
        var sentences = new List<IReadOnlyList<string>>();
        foreach (var part in SentenceBreak().Split(normalised))
        {
            var tokens = Tokens(part);
            if (tokens.Count > 0)
            {
                sentences.Add(tokens);
            }
        }

        return sentences;
    }

    /// <summary>The message's sentences as written (trimmed, empty ones dropped), for the semantic net.</summary>
    public static IReadOnlyList<string> RawSentences(string message) =>
        SentenceBreak().Split(message).Select(s => s.Trim()).Where(s => Word().IsMatch(s)).ToList();

    /// <summary>The sentences, and the clauses of a long sentence (split at commas) that have at least
    /// <paramref name="minWords"/> words: in a rambling message one clause may carry what matters.</summary>
    public static IReadOnlyList<string> RawClauses(string message, int minWords = 4)
    {
        var parts = new List<string>();
        foreach (var sentence in RawSentences(message))
        {
            parts.Add(sentence);
            var clauses = sentence.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if (clauses.Length > 1)
            {
                parts.AddRange(clauses.Where(c => Word().Matches(c).Count >= minWords));
            }
        }

        return parts;
    }

    /// <summary>Lower-case words of <paramref name="text"/>, with each comma as a token of its own.</summary>
    public static IReadOnlyList<string> Tokens(string text) =>
        Word().Matches(text.Replace('\u2019', '\'').ToLowerInvariant()).Select(m => m.Value.Trim('\'')).Where(t => t.Length > 0).ToList();

    /// <summary>Tokens of a rule's phrase: like <see cref="Tokens"/> but a <c>*</c> stays at the end of a word.</summary>
    public static IReadOnlyList<string> PatternTokens(string phrase) =>
        PatternWord().Matches(phrase.Replace('\u2019', '\'').ToLowerInvariant()).Select(m => m.Value.Trim('\'')).Where(t => t.Length > 0 && t != "*").ToList();

    [GeneratedRegex(@"[\p{L}\p{N}'*]+")]
    private static partial Regex PatternWord();

    [GeneratedRegex(@"[.!?;\n\r]+|\s[-\u2013\u2014]\s")]
    private static partial Regex SentenceBreak();

    // A comma is kept as its own token: negation and question openers never reach across it.
    [GeneratedRegex(@"[\p{L}\p{N}']+|,")]
    private static partial Regex Word();
}
