namespace FaqBot.Knowledge.Ingestion;

/// <summary>One knowledge article as read from its Markdown file, before chunking.</summary>
/// <param name="DocId">The article's slug: its file name without extension, lower case.</param>
/// <param name="SourceFile">The file it was read from, for messages.</param>
/// <param name="Body">The Markdown after the front matter.</param>
/// <param name="BodyLine">The 1-based file line on which <paramref name="Body"/> starts, so chunk errors can name a line.</param>
public sealed record Article(string DocId, string SourceFile, Citation Citation, string Language, string Body, int BodyLine);
