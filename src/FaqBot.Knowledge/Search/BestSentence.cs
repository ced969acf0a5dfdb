using FaqBot.Knowledge.Chunking;

namespace FaqBot.Knowledge.Search;

/// <summary>Picks the sentence (or list item) of a passage that carries most of the question's weight, verbatim.</summary>
public static class BestSentence
{
    public static string Pick(string passageText, QueryPlan plan, Vocabulary vocabulary)
    {
        string? best = null;
        var bestScore = 0.0;
        foreach (var line in passageText.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            foreach (var sentence in SentenceSplitter.Split(line.StartsWith("- ", StringComparison.Ordinal) ? line[2..] : line))
            {
                var stems = PassageTerms.Stems(vocabulary, Tokenizer.Words(sentence));
                var score = plan.Terms.Where(t => t.Stems.Any(stems.Contains)).Sum(t => t.Weight);
                if (best is null || score > bestScore)
                {
                    (best, bestScore) = (sentence, score);
                }
            }
        }

        return best ?? passageText;
    }
}
