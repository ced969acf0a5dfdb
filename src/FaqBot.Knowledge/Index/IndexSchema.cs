namespace FaqBot.Knowledge.Index;

// Bump Version whenever the schema or the chunking rules change: it is part of the content hash, so old
// index files are rebuilt rather than misread.
internal static class IndexSchema
{
    public const string Version = "faqbot-index-3";

    public const string Create = """
        CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE articles(
            doc_id TEXT PRIMARY KEY, source_file TEXT NOT NULL, title TEXT NOT NULL, publisher TEXT NOT NULL,
            author TEXT NOT NULL, url TEXT NOT NULL, published TEXT NOT NULL, updated TEXT NOT NULL,
            reviewed_by TEXT NOT NULL, reviewed_on TEXT NOT NULL, language TEXT NOT NULL);
        CREATE TABLE article_references(doc_id TEXT NOT NULL REFERENCES articles(doc_id), ordinal INTEGER NOT NULL, text TEXT NOT NULL);
        CREATE TABLE passages(
            row INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, doc_id TEXT NOT NULL REFERENCES articles(doc_id),
            ordinal INTEGER NOT NULL, heading_path TEXT NOT NULL, text TEXT NOT NULL);
        CREATE TABLE words(word TEXT PRIMARY KEY, stem TEXT NOT NULL, df INTEGER NOT NULL) WITHOUT ROWID;
        -- Contentless: the text lives in passages; FTS5 keeps only the inverted index and column sizes bm25() needs.
        CREATE VIRTUAL TABLE passages_fts USING fts5(title, heading, body, content='', tokenize='porter unicode61 remove_diacritics 2');
        CREATE VIRTUAL TABLE passages_vocab USING fts5vocab(passages_fts, 'row');
        """;

    // Heading paths are stored joined by this separator, which never occurs in Markdown headings.
    public const char HeadingSeparator = '\u001f';
}
