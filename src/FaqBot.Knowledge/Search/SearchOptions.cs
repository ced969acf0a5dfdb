using FaqBot.Knowledge.Search.Ranking;
namespace FaqBot.Knowledge.Search;

/// <summary>Search tuning; the defaults are what the measured figures in docs/search.md were taken with.</summary>
public sealed record SearchOptions
{
    /// <summary>Below this confidence the best hit is not shown as an answer ("no good answer").</summary>
    public double AnswerThreshold { get; init; } = 0.42;

    /// <summary>Lucene scores every passage that matches, so the query keeps the rarest terms whose document
    /// frequencies add up to at most this; commoner terms still count when candidates are re-ranked.</summary>
    public int CandidateRowBudget { get; init; } = 1500;

    /// <summary>How many bm25-ranked candidates are re-ranked by coverage and headings.</summary>
    public int CandidateLimit { get; init; } = 60;

    /// <summary>How the re-ranker weighs headings, titles, BM25 and the rest.</summary>
    public RankingWeights Ranking { get; init; } = RankingWeights.Default;
}
