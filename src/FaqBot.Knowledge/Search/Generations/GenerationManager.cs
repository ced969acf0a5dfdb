using Lucene.Net.Search;

namespace FaqBot.Knowledge.Search.Generations;

// Lucene's SearcherManager pattern for our generations: searches acquire the current one and release it when done;
// a refresh that finds a newer generation swaps it in, and the old one closes when its last search releases it.
internal sealed class GenerationManager : ReferenceManager<IndexGeneration>
{
    private readonly Func<IndexGeneration, IndexGeneration?> _reopen;

    public GenerationManager(IndexGeneration first, Func<IndexGeneration, IndexGeneration?> reopen)
    {
        Current = first;
        _reopen = reopen;
    }

    /// <summary>The current generation, without a reference: for in-memory data only (passages, vocabulary).</summary>
    public IndexGeneration Latest => Current;

    protected override void DecRef(IndexGeneration reference) => reference.Reader.DecRef();

    // Null means "nothing newer", as in Lucene's own managers.
    protected override IndexGeneration RefreshIfNeeded(IndexGeneration referenceToRefresh) => _reopen(referenceToRefresh)!;

    protected override bool TryIncRef(IndexGeneration reference) => reference.Reader.TryIncRef();

    protected override int GetRefCount(IndexGeneration reference) => reference.Reader.RefCount;
}
