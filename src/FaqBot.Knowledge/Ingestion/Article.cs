namespace FaqBot.Knowledge.Ingestion;

/// <summary>One knowledge article as read from its Markdown file, before chunking.</summary>
/// <param name="DocId">The article's slug: its file name without extension, lower case.</param>
/// <param name="SourceFile">The file it was read from, for messages.</param>
/// <param name="Body">The Markdown after the front matter.</param>
/// <param name="BodyLine">The 1-based file line on which <paramref name="Body"/> starts, so chunk errors can name a line.</param>
/// <param name="Questions">Patients' questions each section answers, by section heading ("(intro)" before the first
/// heading), from the front matter's <c>questions:</c>; semantic search reads them as part of the section.</param>
public sealed record Article(string DocId, string SourceFile, Citation Citation, string Language, string Body, int BodyLine,
    IReadOnlyDictionary<string, IReadOnlyList<string>>? Questions = null)
{
    /// <summary>The key of the questions before an article's first heading.</summary>
    public const string IntroKey = "(intro)";
}
