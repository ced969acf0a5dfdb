namespace FaqBot.Knowledge.Chunking;

/// <summary>Passage size in words: a chat bubble; a section shorter than <see cref="MinWords"/> stays one passage.</summary>
public sealed record ChunkingOptions(int MinWords = 40, int MaxWords = 120)
{
    public static ChunkingOptions Default { get; } = new();
}
