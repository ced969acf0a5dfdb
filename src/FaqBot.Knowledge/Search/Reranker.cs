namespace FaqBot.Knowledge.Search;

// Scores one candidate passage against the question's weighted terms. Confidence uses only question-relative
// shares (covered weight / total weight), never raw bm25, so it reads the same across questions.
internal static class Reranker
{
    private const double HeadingBonus = 0.3;
    private const double TitleBonus = 0.15;
    private const double Bm25Share = 0.2;

    public static (double Score, double Confidence) Score(QueryPlan plan, PassageTerms terms, double bm25Share)
    {
        double covered = 0, heading = 0, title = 0;
        foreach (var term in plan.Terms)
        {
            var inHeading = Any(term, terms.Heading);
            var inTitle = Any(term, terms.Title);
            if (inHeading || inTitle || Any(term, terms.Body))
            {
                covered += term.Weight;
            }

            heading += inHeading ? term.Weight : 0;
            title += inTitle ? term.Weight : 0;
        }

        var total = Math.Max(plan.TotalWeight, 1e-9);
        var (coverage, headingShare, titleShare) = (covered / total, heading / total, title / total);
        var score = coverage + (HeadingBonus * headingShare) + (TitleBonus * titleShare) + (Bm25Share * bm25Share);

        // A passage under a heading that names the question's subject is a surer answer than a passing mention.
        var focus = Math.Min(1, 2 * (headingShare + (0.5 * titleShare)));
        var confidence = Math.Pow(coverage, 1.5) * (0.8 + (0.2 * focus));
        return (score, Math.Clamp(confidence, 0, 1));
    }

    private static bool Any(QueryTerm term, HashSet<int> stems)
    {
        foreach (var stem in term.Stems)
        {
            if (stems.Contains(stem))
            {
                return true;
            }
        }

        return false;
    }
}
