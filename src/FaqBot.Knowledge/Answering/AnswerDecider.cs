using FaqBot.Knowledge.Clinic;
using FaqBot.Knowledge.Search;
using FaqBot.Knowledge.Triage;

namespace FaqBot.Knowledge.Answering;

/// <summary>
/// Decides what the bot does with a message: urgent triage first (no search at all), then search, then answer or
/// abstain. The bot and the CLI's <c>ask</c> share it, so the tool always tells what the bot would do.
/// </summary>
/// <param name="cacheCapacity">How many distinct messages' own decisions to remember (0: none); see <see cref="StandaloneCache"/>.</param>
/// <param name="semanticTriage">The second urgent net, by meaning; null leaves the rules alone.</param>
/// <param name="clinic">The clinic's own facts, asked only when no article answers: they never change a medical answer.</param>
public sealed class AnswerDecider(IPassageSearcher searcher, UrgentRuleSet urgentRules, int cacheCapacity = 0, SemanticTriage? semanticTriage = null,
    ClinicFacts? clinic = null)
{
    private readonly StandaloneCache _cache = new(cacheCapacity);

    // "topic + follow-up" searches, remembered the same way: the same follow-up buttons and phrasings come again.
    private readonly StandaloneCache _contextual = new(cacheCapacity);

    private const int ShortFollowUpWords = 7;
    private const double RunnerUpMargin = 0.15;

    private static readonly HashSet<string> Anaphora = ["it", "its", "it's", "that", "this", "they", "them", "those", "these", "there", "one"];

    // Fragments and continuations: "how long?", "and after?", "what about the cost?".
    private const int FragmentWords = 3;
    private static readonly HashSet<string> Continuations = ["and", "also", "but", "so", "or", "plus", "then"];

    /// <param name="previousTopic">What the conversation was last about; a short follow-up that cannot stand alone is searched with it.</param>
    /// <param name="previousPassageId">The passage shown last; a follow-up prefers a close runner-up over showing it again.</param>
    public Decision Decide(string? message, string? previousTopic = null, string? previousPassageId = null, int limit = 10)
    {
        var whole = message?.Trim() ?? "";
        // The cost budget: every part reads at most MessageBudget.MaxChars of the message (head and tail).
        var text = MessageBudget.Bounded(whole);
        var alone = _cache.GetOrAdd(text, limit, () => DecideAlone(text, limit), searcher.ResultsVersion);
        var (urgent, personal, result, standsAlone) = alone;
        if (urgent is not null)
        {
            return new Decision(DecisionKind.Urgent, SearchResult.Empty, urgent, false, text);
        }

        // The message itself when it was searched alone (cut or not), so the conversation can keep it as its topic.
        var searched = whole;
        if (!string.IsNullOrWhiteSpace(previousTopic) && !standsAlone)
        {
            var withTopic = $"{previousTopic.Trim()} {text}";
            var searchedWithTopic = _contextual.GetOrAdd(withTopic, limit, () => new Standalone(null, false, searcher.Search(withTopic, limit), true), searcher.ResultsVersion).Result;
            var contextual = WithoutRepeating(searchedWithTopic, previousPassageId);
            if (contextual.HasGoodAnswer && (!result.HasGoodAnswer || contextual.Best!.Confidence > result.Best!.Confidence))
            {
                result = contextual;
                searched = withTopic;
            }
        }

        // A question about the patient's own circumstance that the best passage never mentions (pregnancy,
        // breastfeeding, a named medicine) is declined: a dermatologist should decide, not a loosely related passage.
        var answer = result.HasGoodAnswer && !(personal && PersonalAdviceDetector.PassageIgnoresSituation(text, result.Best!.Passage.Text));
        if (!answer && clinic is not null && alone.ClinicFact(clinic, text) is { } fact)
        {
            // Declined by the articles, and about the clinic itself (where, when, how much, who to talk to).
            return new Decision(DecisionKind.Clinic, result, null, personal, searched, fact);
        }

        return new Decision(answer ? DecisionKind.Answer : DecisionKind.Abstain, result, null, personal, searched);
    }

    // Triage comes first and an urgent message is never searched. The rules read words; the semantic net catches
    // what they miss (urgent in words no rule lists).
    private Standalone DecideAlone(string text, int limit)
    {
        var urgent = urgentRules.Match(text);
        if (urgent is not { Rule.Crisis: true } && semanticTriage?.Match(text) is { } meaning && (urgent is null || meaning.Rule.Crisis))
        {
            // A rule for the body matched, but the message reads as self-harm: the crisis line matters more.
            urgent = meaning;
        }

        if (urgent is not null)
        {
            return new Standalone(urgent, false, SearchResult.Empty, true);
        }

        var result = searcher.Search(text, limit);
        return new Standalone(null, PersonalAdviceDetector.IsPersonalAdvice(text), result, !CannotStandAlone(text, result));
    }

    // The topic words pull the last answer up again; the patient asked something new about it, so a runner-up
    // that scores nearly as well is the better answer.
    private static SearchResult WithoutRepeating(SearchResult result, string? previousPassageId)
    {
        if (previousPassageId is null || result.Hits.Count < 2 || result.Hits[0].Passage.Id != previousPassageId
            || result.Hits[1].Confidence < result.Hits[0].Confidence - RunnerUpMargin)
        {
            return result;
        }

        return result with { Hits = [result.Hits[1], result.Hits[0], .. result.Hits.Skip(2)] };
    }

    // "how long does it last?" names no topic: short, and pointing back ("it"). A fragment ("how long?", "and the
    // cost?") that finds nothing alone needs the topic too. A whole question that finds nothing alone ("where is the
    // clinic?", "do you have parking?") is about something the articles lack: with the topic's words added, the
    // search would answer it with a passage about the topic instead of saying so and giving the clinic's number.
    private static bool CannotStandAlone(string text, SearchResult alone)
    {
        var words = TriageText.Tokens(text).Where(t => t != ",").ToList();
        return words.Count > 0 && words.Count <= ShortFollowUpWords
            && (words.Any(Anaphora.Contains) || (!alone.HasGoodAnswer && (words.Count <= FragmentWords || Continues(words))));
    }

    private static bool Continues(List<string> words) =>
        Continuations.Contains(words[0]) || (words.Count > 1 && words[1] == "about" && words[0] is "what" or "how");
}
