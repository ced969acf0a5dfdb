namespace FaqBot.Knowledge.Triage;

/// <summary>Why a message was judged urgent: the rule, and either the words that matched one of its patterns or the
/// urgent example the message read most like (the semantic net).</summary>
/// <param name="Pattern">The rule pattern that matched; null when the semantic net caught the message.</param>
/// <param name="MatchedWords">The message's words that matched the pattern; empty for the semantic net.</param>
/// <param name="Example">The nearest urgent example, when the semantic net caught the message.</param>
/// <param name="Similarity">Its cosine similarity to the message (0 for a pattern match).</param>
public sealed record UrgentMatch(UrgentRule Rule, UrgentPattern? Pattern, string MatchedWords, string? Example = null, double Similarity = 0)
{
    /// <summary>"rule" or "meaning": which net caught the message, for logs and staff reports.</summary>
    public string Net => Pattern is null ? "meaning" : "rule";
}
