using FaqBot.Knowledge.Ingestion;

namespace FaqBot.Knowledge.Chunking;

/// <summary>An article cut into passages; its reference list is kept for citation but never answered from.</summary>
public sealed record ChunkedArticle(Article Article, IReadOnlyList<Passage> Passages, IReadOnlyList<string> References);
