using FaqBot.Knowledge.Ingestion;

namespace FaqBot.Knowledge.Chunking;

/// <summary>A chat-bubble-sized piece of one article, the only text FaqBot ever shows as an answer.</summary>
/// <param name="Id">Stable id: article slug + section slug + ordinal, e.g. <c>verywell-overview/side-effects/2</c>.</param>
/// <param name="DocId">The article's slug (its file name without extension).</param>
/// <param name="HeadingPath">Headings from the article's top section down to this passage's section.</param>
/// <param name="Ordinal">Position of the passage within its article, from 0; "tell me more" walks it.</param>
public sealed record Passage(
    string Id,
    string DocId,
    IReadOnlyList<string> HeadingPath,
    int Ordinal,
    string Text,
    Citation Citation)
{
    public string Title => Citation.Title;

    public string Heading => HeadingPath.Count == 0 ? "" : HeadingPath[^1];

    /// <summary>The first passage of its section: the id's last part is the position within the section, from 1.</summary>
    public bool OpensSection => Id.EndsWith("/1", StringComparison.Ordinal);
}
