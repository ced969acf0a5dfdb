namespace FaqBot.Knowledge.Search.Queries;

/// <summary>A question reduced to weighted terms; unknown words keep their weight so off-topic questions score low.</summary>
/// <param name="Pairs">Neighbouring question stems (stop words skipped): a passage that has them side by side reads closer.</param>
/// <param name="AsksDefinition">"What is …?" questions: an article's opening passage usually answers them.</param>
/// <param name="Words">Every question word the index knows, stop words included, as stem ids: "how does it work" should
/// meet the heading "How does it work?" rather than "Does it work?".</param>
public sealed record QueryPlan(IReadOnlyList<QueryTerm> Terms, IReadOnlyList<long> Pairs, bool AsksDefinition, IReadOnlySet<int> Words)
{
    public static QueryPlan Empty { get; } = new([], [], false, new HashSet<int>());

    // A rambling message says many things; what it asks is in its weightiest few terms, so confidence is measured
    // against those.
    public double TotalWeight { get; } = Terms.Select(t => t.Weight).OrderDescending().Take(6).Sum();

    public bool HasSearchableTerms => Terms.Any(t => t.Stems.Count > 0);

    internal QueryTerm[] TermArray { get; } = [.. Terms];

    internal long[] PairArray { get; } = [.. Pairs];
}
