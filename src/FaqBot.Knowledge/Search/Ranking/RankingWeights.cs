namespace FaqBot.Knowledge.Search.Ranking;

/// <summary>How the lexical re-ranker adds up its evidence. Each bonus is a share of the question's weight that the
/// passage covers in that place; the defaults are what the figures in docs/search.md were measured with.</summary>
/// <param name="Heading">The passage's section heading names question words.</param>
/// <param name="Title">The article's title names question words.</param>
/// <param name="Bm25">Lucene's BM25 score, as a share of the best candidate's.</param>
/// <param name="Pair">Neighbouring question words appear next to each other in the passage.</param>
/// <param name="Opening">"What is X?" and the passage opens its article.</param>
/// <param name="SectionStart">The passage opens its section (and is not a stub).</param>
/// <param name="Definition">"What is X?" and a sentence of the passage says what X is.</param>
/// <param name="HeadingShape">The heading is worded like the question (word overlap, function words included).</param>
/// <param name="IntroHeadingShare">How much a heading that only repeats the title counts, against a real one.</param>
/// <param name="MinOpeningWords">A section's first passage shorter than this is a stub, not an introduction.</param>
public sealed record RankingWeights(
    double Heading = 0.3,
    double Title = 0.15,
    double Bm25 = 0.2,
    double Pair = 0.15,
    double Opening = 0.3,
    double SectionStart = 0.2,
    double Definition = 0.25,
    double HeadingShape = 0.3,
    double IntroHeadingShare = 0.5,
    int MinOpeningWords = 20)
{
    public static RankingWeights Default { get; } = new();
}
