using FaqBot.Knowledge.Search.Queries;
namespace FaqBot.Knowledge.Search.Ranking;

// Scores one candidate passage against the question's weighted terms. Confidence uses only question-relative
// shares (covered weight / total weight), never raw bm25, so it reads the same across questions.
internal static class Reranker
{
    public static (double Score, double Confidence) Score(QueryPlan plan, PassageTerms terms, double bm25Share, bool opensArticle, bool opensSection, RankingWeights weights)
    {
        double covered = 0, heading = 0, title = 0;
        var coversSubject = false;
        foreach (var term in plan.TermArray)
        {
            var inHeading = terms.Heading.Matches(term);
            var inTitle = terms.Title.Matches(term);
            if (inHeading || inTitle || terms.Body.Matches(term))
            {
                covered += term.Weight;
                coversSubject |= !term.Everyday;
            }

            // A title lists what a whole article covers; a section heading names what this passage is about.
            heading += inHeading ? term.Weight * (terms.HeadingIsTitle ? weights.IntroHeadingShare : 1) : 0;
            title += inTitle ? term.Weight : 0;
        }

        var pairs = 0.0;
        foreach (var pair in plan.PairArray)
        {
            pairs += terms.Body.Pairs.Contains(pair) ? 1.0 / plan.PairArray.Length : 0;
        }

        var total = Math.Max(plan.TotalWeight, 1e-9);
        var (coverage, headingShare, titleShare) = (Math.Min(1, covered / total), Math.Min(1, heading / total), Math.Min(1, title / total));
        var score = coverage + (weights.Heading * headingShare) + (weights.Title * titleShare) + (weights.Bm25 * bm25Share) + (weights.Pair * pairs)
            + (plan.AsksDefinition && opensArticle ? weights.Opening : 0)
            + (plan.AsksDefinition ? weights.Definition * Defined(plan, terms) : 0)
            // A section's first passage usually introduces it, unless it is a stub of a sentence or two.
            + (opensSection && terms.WordCount >= weights.MinOpeningWords ? weights.SectionStart * headingShare : 0)
            + (weights.HeadingShape * HeadingShape(plan.Words, terms.LeafHeading));

        // A passage under a heading that names the question's subject is a surer answer than a passing mention.
        var focus = Math.Min(1, 2 * (headingShare + (0.5 * titleShare)) + pairs);
        // Matching only everyday words ("opening hours", "where is the clinic") is no evidence that the passage is
        // about the question: alone such a match stays under the default answer threshold (0.42).
        var confidence = coverage * (0.8 + (0.2 * focus)) * (coversSubject ? 1 : 0.4);
        return (score, Math.Clamp(confidence, 0, 1));
    }

    // "What is X?": a sentence of the passage says what X is, its subject being nothing but words of the question.
    private static double Defined(QueryPlan plan, PassageTerms terms)
    {
        foreach (var subject in terms.Defines)
        {
            if (Array.TrueForAll(subject, plan.Words.Contains))
            {
                return 1;
            }
        }

        return 0;
    }

    // Jaccard similarity of the question's words and the heading's words, function words included.
    private static double HeadingShape(IReadOnlySet<int> question, HashSet<int> heading)
    {
        if (heading.Count == 0 || question.Count == 0)
        {
            return 0;
        }

        var shared = 0;
        foreach (var word in heading)
        {
            shared += question.Contains(word) ? 1 : 0;
        }

        return shared / (double)(question.Count + heading.Count - shared);
    }
}
