namespace FaqBot.Knowledge.Triage;

/// <summary>The urgent triage rules; a message that matches one gets the emergency message instead of an article.</summary>
public sealed class UrgentRuleSet(IReadOnlyList<UrgentRule> rules, TriageLanguage language)
{
    public IReadOnlyList<UrgentRule> Rules { get; } = rules;

    private readonly UrgentRule[] _byCrisisFirst = [.. rules.Where(r => r.Crisis), .. rules.Where(r => !r.Crisis)];

    public TriageLanguage Language { get; } = language;

    /// <summary>The first rule the message matches, or null; never throws on any text.</summary>
    public UrgentMatch? Match(string? message)
    {
        if (string.IsNullOrWhiteSpace(message))
        {
            return null;
        }

        var sentences = TriageText.Sentences(message);
        var tellsOwnState = Language.TellsOwnState(sentences);
        var topicSearch = Language.IsTopicSearch(sentences, tellsOwnState);
        // Crisis rules first: a message that tells of self-harm and of bleeding gets the crisis line.
        foreach (var rule in _byCrisisFirst)
        {
            foreach (var tokens in sentences)
            {
                foreach (var pattern in rule.Patterns)
                {
                    foreach (var match in pattern.MatchesIn(tokens))
                    {
                        if (rule.Unless.Any(u => u.MatchesIn(tokens).Any(span => Overlaps(span, match))))
                        {
                            continue;
                        }

                        if (!rule.IgnoreNegation && Language.IsNegated(tokens, match))
                        {
                            continue;
                        }

                        if (!rule.EvenInQuestions && (topicSearch || Language.IsHypothetical(tokens, match, tellsOwnState)))
                        {
                            continue;
                        }

                        return new UrgentMatch(rule, pattern, string.Join(' ', tokens.Skip(match.Start).Take(match.End - match.Start)));
                    }
                }
            }
        }

        return null;
    }

    private static bool Overlaps((int Start, int End) span, PatternMatch match) => span.Start < match.End && match.Start < span.End;
}
