namespace FaqBot.Knowledge.Ingestion;

/// <summary>Why one article could not be loaded; the others still load.</summary>
public sealed record ArticleError(string File, int Line, string Message)
{
    public override string ToString() => $"{File}:{Line}: {Message}";
}
