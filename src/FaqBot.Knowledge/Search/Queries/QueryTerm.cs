namespace FaqBot.Knowledge.Search.Queries;

/// <summary>How a question word was understood.</summary>
public enum TermOrigin
{
    Known,
    Corrected,
    Synonym,
    Unknown,
}

/// <summary>One idea of the question: alternative stem sequences (the word, its correction, or synonym phrases), weighted by rarity.</summary>
/// <param name="Alternatives">Each alternative is a phrase of vocabulary stem ids (stop words left out); empty for a word the knowledge lacks.</param>
/// <param name="Everyday">An everyday word ("hours", "long"): a question made only of these is not about our articles.</param>
public sealed record QueryTerm(string Label, IReadOnlyList<int[]> Alternatives, double Weight, TermOrigin Origin, bool Everyday = false)
{
    public IReadOnlyList<int> Stems { get; } = Alternatives.SelectMany(a => a).Distinct().ToArray();

    // Arrays for the re-ranking loops: foreach over an IReadOnlyList allocates an enumerator per call.
    internal int[][] AlternativeArray { get; } = [.. Alternatives];
}
