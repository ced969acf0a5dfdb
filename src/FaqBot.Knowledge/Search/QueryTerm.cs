namespace FaqBot.Knowledge.Search;

/// <summary>How a question word was understood.</summary>
public enum TermOrigin
{
    Known,
    Corrected,
    Synonym,
    Unknown,
}

/// <summary>One idea of the question: alternative stems (a word, its corrections or synonyms), weighted by rarity.</summary>
/// <param name="Stems">Vocabulary stem ids; empty for a word the knowledge does not contain at all.</param>
public sealed record QueryTerm(string Label, IReadOnlyList<int> Stems, double Weight, TermOrigin Origin);
