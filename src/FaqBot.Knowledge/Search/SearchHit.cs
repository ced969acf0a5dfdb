using FaqBot.Knowledge.Chunking;
using FaqBot.Knowledge.Search.Highlight;

namespace FaqBot.Knowledge.Search;

/// <summary>One ranked passage.</summary>
public sealed class SearchHit
{
    private readonly Func<string>? _pickBestSentence;
    private string? _bestSentence;

    public SearchHit(Passage passage, double score, double confidence, string bestSentence)
        : this(passage, score, confidence) => _bestSentence = bestSentence;

    // Most callers read only the first hit's best sentence, so the others are never picked.
    internal SearchHit(Passage passage, double score, double confidence, Func<string> pickBestSentence)
        : this(passage, score, confidence) => _pickBestSentence = pickBestSentence;

    private SearchHit(Passage passage, double score, double confidence) =>
        (Passage, Score, Confidence) = (passage, score, confidence);

    public Passage Passage { get; }

    /// <summary>Engine-specific relevance, higher is better; only comparable within one question.</summary>
    public double Score { get; }

    /// <summary>In [0, 1] and meant to read the same across questions; the abstain threshold applies to it.</summary>
    public double Confidence { get; }

    /// <summary>The sentence of <see cref="Passage.Text"/> that answers best, verbatim, for emphasis.</summary>
    public string BestSentence => _bestSentence ??= _pickBestSentence!();
}
