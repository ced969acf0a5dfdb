using FaqBot.Knowledge.Ingestion;

namespace FaqBot.Knowledge.Search;

public sealed record ArticleSummary(string DocId, Citation Citation, IReadOnlyList<string> Sections);
