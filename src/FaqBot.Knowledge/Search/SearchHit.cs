using FaqBot.Knowledge.Chunking;

namespace FaqBot.Knowledge.Search;

/// <param name="Score">Engine-specific relevance, higher is better; only comparable within one question.</param>
/// <param name="Confidence">In [0, 1] and meant to read the same across questions; the abstain threshold applies to it.</param>
/// <param name="BestSentence">The sentence of <see cref="Passage.Text"/> that answers best, verbatim, for emphasis.</param>
public sealed record SearchHit(Passage Passage, double Score, double Confidence, string BestSentence);
