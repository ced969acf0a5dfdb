namespace FaqBot.Knowledge.Triage;

/// <summary>The words that tell a stated symptom from a denied one or from a general question, as the rule file lists them.</summary>
/// <param name="Negations">Words that deny what follows ("no", "not", "never", "don't").</param>
/// <param name="ModalOpeners">A sentence opening with one of these asks about the future or in general ("will", "can").</param>
/// <param name="QuestionOpeners">Openers that ask in general unless the message tells of the patient's own state ("is", "how").</param>
/// <param name="HypotheticalCues">Words or phrases before a symptom that make it hypothetical ("what if", "risk of", "will").</param>
/// <param name="Fillers">Words skipped when looking for a sentence's opener ("hi", "so", "please").</param>
/// <param name="AskingVerbs">Words that make a following "I" a question's subject ("should I", "can I"), not a statement.</param>
/// <param name="TopicWords">Names of the treatment; a message of keywords around one of them is a search ("lip swelling after microneedling").</param>
/// <param name="StatementWords">Verbs and pleas that turn keywords into a report of what is happening ("is", "won't", "help").</param>
public sealed record TriageLanguage(
    IReadOnlySet<string> Negations,
    IReadOnlySet<string> ModalOpeners,
    IReadOnlySet<string> QuestionOpeners,
    IReadOnlyList<TermGroup> HypotheticalCues,
    IReadOnlySet<string> Fillers,
    IReadOnlySet<string> AskingVerbs,
    IReadOnlySet<string> TopicWords,
    IReadOnlySet<string> StatementWords)
{
    public const int NegationReach = 3;

    private static readonly HashSet<string> FirstPerson = ["my", "me", "mine", "myself", "i'm", "im", "i've", "ive", "i'd", "i'll"];

    /// <summary>True when the patient tells of their own state ("I have", "my lips"), not only asks ("should I").</summary>
    public bool TellsOwnState(IReadOnlyList<IReadOnlyList<string>> sentences)
    {
        foreach (var tokens in sentences)
        {
            for (var i = 0; i < tokens.Count; i++)
            {
                // "is this normal?" points at something the patient has in front of them.
                if (FirstPerson.Contains(tokens[i]) || (tokens[i] == "i" && (i == 0 || !AskingVerbs.Contains(tokens[i - 1])))
                    || (tokens[i] is "this" or "that" && i > 0 && tokens[i - 1] is "is" or "was"))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Keywords around the treatment's name with no verb, plea or first person: a topic search, not a report.</summary>
    public bool IsTopicSearch(IReadOnlyList<IReadOnlyList<string>> sentences, bool tellsOwnState) =>
        !tellsOwnState
        && sentences.Any(s => s.Any(TopicWords.Contains))
        && !sentences.Any(s => s.Any(StatementWords.Contains));

    /// <summary>A negation within reach before the match, or between its words, that no comma separates from it.</summary>
    public bool IsNegated(IReadOnlyList<string> tokens, PatternMatch match)
    {
        for (var i = match.Start - 1; i >= Math.Max(0, match.Start - NegationReach); i--)
        {
            if (tokens[i] == ",")
            {
                break;
            }

            if (Negations.Contains(tokens[i]))
            {
                return true;
            }
        }

        for (var i = match.Start; i < match.End; i++)
        {
            if (!match.Covered.Contains(i) && Negations.Contains(tokens[i]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The sentence asks in general or about the future rather than telling what is happening now.</summary>
    public bool IsHypothetical(IReadOnlyList<string> tokens, PatternMatch match, bool tellsOwnState)
    {
        var opener = tokens.FirstOrDefault(t => t != "," && !Fillers.Contains(t));
        if (opener is not null && (ModalOpeners.Contains(opener) || (!tellsOwnState && QuestionOpeners.Contains(opener))))
        {
            return true;
        }

        // A cue counts before the match or between its words ("the pain will be unbearable"), never as one of them.
        var upToEnd = tokens.Take(match.End).ToList();
        return HypotheticalCues.Any(cue => cue.MatchesIn(upToEnd).Any(span => !Enumerable.Range(span.Start, span.End - span.Start).Any(match.Covered.Contains)));
    }
}
