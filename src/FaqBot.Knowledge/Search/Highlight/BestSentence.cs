using FaqBot.Knowledge.Analysis;
using FaqBot.Knowledge.Chunking;
using FaqBot.Knowledge.Search.Queries;
using FaqBot.Knowledge.Search.Ranking;

namespace FaqBot.Knowledge.Search.Highlight;

/// <summary>Picks the sentence (or list item) of a passage that carries most of the question's weight, verbatim.</summary>
public static class BestSentence
{
    public static string Pick(string passageText, QueryPlan plan, Vocabulary vocabulary) =>
        Pick(Split(passageText, vocabulary), plan) ?? passageText;

    internal static string? Pick(IReadOnlyList<(string Text, PassageTerms.Field Field)> sentences, QueryPlan plan)
    {
        string? best = null;
        var bestScore = 0.0;
        for (var i = 0; i < sentences.Count; i++)
        {
            var (sentence, field) = sentences[i];
            var score = 0.0;
            foreach (var term in plan.TermArray)
            {
                score += field.Matches(term) ? term.Weight : 0;
            }

            foreach (var pair in plan.PairArray)
            {
                score += field.Pairs.Contains(pair) ? 0.1 : 0;
            }

            if (best is null || score > bestScore)
            {
                (best, bestScore) = (sentence, score);
            }
        }

        return best;
    }

    // List items count as sentences, without their "- " marker so the text is found verbatim for emphasis.
    internal static List<(string Text, PassageTerms.Field Field)> Split(string passageText, Vocabulary vocabulary) =>
        passageText.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .SelectMany(line => SentenceSplitter.Split(line.StartsWith("- ", StringComparison.Ordinal) ? line[2..] : line))
            .Select(sentence => (sentence, new PassageTerms.Field(vocabulary, TextWords.Of(sentence))))
            .ToList();
}
