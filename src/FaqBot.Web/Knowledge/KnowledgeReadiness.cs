using FaqBot.Knowledge;

namespace FaqBot.Web.Knowledge;

/// <summary>The knowledge base once it is open: <c>/readyz</c> reads it here instead of resolving the knowledge base,
/// so a readiness probe never starts (or waits for) an index build, and says "not ready" until a searcher is open.</summary>
public sealed class KnowledgeReadiness
{
    private volatile KnowledgeBase? _open;

    /// <summary>The open knowledge base; null while it is being built or opened.</summary>
    public KnowledgeBase? Open => _open;

    /// <summary>SHA-256 of the knowledge folder's content (hex), so instances can be seen to serve the same articles.</summary>
    public string ContentHash { get; private set; } = "";

    internal void Opened(KnowledgeBase knowledgeBase, string contentHash)
    {
        ContentHash = contentHash;
        _open = knowledgeBase;
    }
}
