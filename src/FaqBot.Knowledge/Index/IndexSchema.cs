namespace FaqBot.Knowledge.Index;

// Bump Version whenever the fields, the analysis or the chunking rules change: an index of another version is
// rebuilt rather than misread.
internal static class IndexSchema
{
    public const string Version = "faqbot-lucene-2";

    // Searched with BM25: the Porter stems of title, heading path and body in one field, the title's repeated
    // TitleWeight times and the heading's HeadingWeight times. That is BM25F's weighting (a title word counts as
    // four body words, within one length norm), which ranks patient questions better than summing three per-field
    // BM25 scores: a short heading field saturates at once, so any heading word outweighed a whole matching body.
    public const string Passage = "passage";
    public const int TitleWeight = 4;
    public const int HeadingWeight = 3;

    // Document frequencies only (no positions, no norms): each surface word, for spelling correction.
    public const string Words = "words";

    // Stored: the passage and its citation, loaded into memory when a searcher opens.
    public const string Row = "row";
    public const string Id = "id";
    public const string DocId = "doc";
    public const string Ordinal = "ordinal";
    public const string HeadingPath = "heading_path";
    public const string Text = "text";
    public const string CitationTitle = "c_title";
    public const string Publisher = "c_publisher";
    public const string Author = "c_author";
    public const string Url = "c_url";
    public const string Published = "c_published";
    public const string Updated = "c_updated";
    public const string ReviewedBy = "c_reviewed_by";
    public const string ReviewedOn = "c_reviewed_on";

    // Commit user data.
    public const string SchemaKey = "schema";
    public const string ContentHashKey = "content_hash";
    public const string WarningsKey = "warnings";
    public const string BuiltAtKey = "built_at";

    // Heading paths are stored joined by this separator, which never occurs in Markdown headings.
    public const char HeadingSeparator = '\u001f';
}
