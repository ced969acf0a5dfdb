namespace FaqBot.Knowledge.Search;

/// <summary>Ranked hits (best first) and whether the best one is good enough to show a patient.</summary>
public sealed record SearchResult(IReadOnlyList<SearchHit> Hits, bool HasGoodAnswer)
{
    public static SearchResult Empty { get; } = new([], false);

    public SearchHit? Best => Hits.Count > 0 ? Hits[0] : null;
}
