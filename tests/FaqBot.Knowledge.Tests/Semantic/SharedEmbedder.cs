using FaqBot.Knowledge.Semantic;

namespace FaqBot.Knowledge.Tests.Semantic;

/// <summary>The process's embedder, with the model copied to the default cache folder (as the bot does).</summary>
internal static class SharedEmbedder
{
    public static SentenceEmbedder Instance => SentenceEmbedder.Shared(new KnowledgeOptions().ModelCacheFolderOrDefault);
}
