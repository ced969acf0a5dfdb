namespace FaqBot.Knowledge.Search;

/// <summary>A question reduced to weighted terms; unknown words keep their weight so off-topic questions score low.</summary>
public sealed record QueryPlan(IReadOnlyList<QueryTerm> Terms)
{
    public double TotalWeight { get; } = Terms.Sum(t => t.Weight);

    public bool HasSearchableTerms => Terms.Any(t => t.Stems.Count > 0);
}
