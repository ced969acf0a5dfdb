using FaqBot.Knowledge.Chunking;
using FaqBot.Knowledge.Index;
using FaqBot.Knowledge.Ingestion;
using Microsoft.Data.Sqlite;

namespace FaqBot.Knowledge.Search;

// Everything the searcher keeps in memory from one index file: passages with citations, and the vocabulary.
internal sealed record IndexSnapshot(string Path, string? ContentHash, Passage[] Passages, Dictionary<string, int> RowById, IReadOnlyList<ArticleSummary> Articles, Vocabulary Vocabulary)
{
    public static IndexSnapshot Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"No knowledge index at {path}; build it with 'faqbot index'.", path);
        }

        using var connection = new SqliteConnection(PassageIndex.ConnectionString(path, SqliteOpenMode.ReadOnly));
        connection.Open();
        var citations = new Dictionary<string, Citation>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var r in Rows(connection, "SELECT doc_id, title, publisher, author, url, published, updated, reviewed_by, reviewed_on FROM articles ORDER BY rowid"))
        {
            citations[r.GetString(0)] = new Citation(r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5), r.GetString(6), r.GetString(7), r.GetString(8));
            order.Add(r.GetString(0));
        }

        var passages = new List<Passage>();
        foreach (var r in Rows(connection, "SELECT id, doc_id, ordinal, heading_path, text FROM passages ORDER BY row"))
        {
            var headings = r.GetString(3).Length == 0 ? [] : r.GetString(3).Split(IndexSchema.HeadingSeparator);
            passages.Add(new Passage(r.GetString(0), r.GetString(1), headings, r.GetInt32(2), r.GetString(4), citations[r.GetString(1)]));
        }

        var rowById = new Dictionary<string, int>(passages.Count, StringComparer.Ordinal);
        for (var i = 0; i < passages.Count; i++)
        {
            rowById[passages[i].Id] = i;
        }

        var sections = passages.GroupBy(p => p.DocId).ToDictionary(
            g => g.Key, g => (IReadOnlyList<string>)g.Where(p => p.HeadingPath.Count > 0).Select(p => p.HeadingPath[0]).Distinct().ToList());
        var articles = order.Select(d => new ArticleSummary(d, citations[d], sections.GetValueOrDefault(d) ?? [])).ToList();

        var stemDf = new Dictionary<string, int>(StringComparer.Ordinal);
        long tokens = 0;
        foreach (var r in Rows(connection, "SELECT term, doc, cnt FROM passages_vocab"))
        {
            stemDf[r.GetString(0)] = r.GetInt32(1);
            tokens += r.GetInt64(2);
        }

        var words = Rows(connection, "SELECT word, stem, df FROM words").Select(r => (r.GetString(0), r.GetString(1), r.GetInt32(2))).ToList();
        return new IndexSnapshot(path, PassageIndex.ReadContentHash(connection), [.. passages], rowById, articles, new Vocabulary(passages.Count, words, stemDf, tokens));
    }

    private static IEnumerable<SqliteDataReader> Rows(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            yield return reader;
        }
    }
}
