using FaqBot.Knowledge.Chunking;
using Microsoft.Data.Sqlite;

namespace FaqBot.Knowledge.Index;

// Prepared inserts for one build; one instance per transaction.
internal sealed class IndexWriter : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly SqliteTransaction _transaction;
    private readonly SqliteCommand _article;
    private readonly SqliteCommand _reference;
    private readonly SqliteCommand _passage;
    private readonly SqliteCommand _fts;

    public IndexWriter(SqliteConnection connection, SqliteTransaction transaction)
    {
        (_connection, _transaction) = (connection, transaction);
        _article = Prepare("INSERT INTO articles VALUES ($doc, $file, $title, $publisher, $author, $url, $published, $updated, $reviewed_by, $reviewed_on, $language)",
            "$doc", "$file", "$title", "$publisher", "$author", "$url", "$published", "$updated", "$reviewed_by", "$reviewed_on", "$language");
        _reference = Prepare("INSERT INTO article_references VALUES ($doc, $ordinal, $text)", "$doc", "$ordinal", "$text");
        _passage = Prepare("INSERT INTO passages VALUES ($row, $id, $doc, $ordinal, $path, $text)", "$row", "$id", "$doc", "$ordinal", "$path", "$text");
        _fts = Prepare("INSERT INTO passages_fts(rowid, title, heading, body) VALUES ($row, $title, $heading, $body)", "$row", "$title", "$heading", "$body");
    }

    public void AddArticle(ChunkedArticle chunked)
    {
        var (a, c) = (chunked.Article, chunked.Article.Citation);
        Run(_article, a.DocId, a.SourceFile, c.Title, c.Publisher, c.Author, c.Url, c.Published, c.Updated, c.ReviewedBy, c.ReviewedOn, a.Language);
        for (var i = 0; i < chunked.References.Count; i++)
        {
            Run(_reference, a.DocId, i, chunked.References[i]);
        }
    }

    public void AddPassage(int row, Passage passage)
    {
        Run(_passage, row, passage.Id, passage.DocId, passage.Ordinal, string.Join(IndexSchema.HeadingSeparator, passage.HeadingPath), passage.Text);
        Run(_fts, row, passage.Title, string.Join(" ", passage.HeadingPath), passage.Text);
    }

    // Each surface word's porter stem, computed by SQLite's own tokenizer (a scratch FTS5 table read back
    // through fts5vocab 'instance'), so the searcher maps question words to exactly the index's terms.
    public void AddWords(IReadOnlyDictionary<string, int> wordDf)
    {
        PassageIndex.Execute(_connection, "CREATE VIRTUAL TABLE temp.stemmer USING fts5(w, tokenize='porter unicode61 remove_diacritics 2'); CREATE VIRTUAL TABLE temp.stemmer_terms USING fts5vocab(temp, stemmer, 'instance');", _transaction);
        var words = wordDf.Keys.ToArray();
        using (var insert = Prepare("INSERT INTO temp.stemmer(rowid, w) VALUES ($row, $w)", "$row", "$w"))
        {
            for (var i = 0; i < words.Length; i++)
            {
                Run(insert, i + 1, words[i]);
            }
        }

        using var store = Prepare("INSERT OR IGNORE INTO words VALUES ($word, $stem, $df)", "$word", "$stem", "$df");
        using var read = _connection.CreateCommand();
        read.Transaction = _transaction;
        read.CommandText = "SELECT doc, term FROM temp.stemmer_terms";
        var stems = new List<(long Doc, string Term)>();
        using (var reader = read.ExecuteReader())
        {
            while (reader.Read())
            {
                stems.Add((reader.GetInt64(0), reader.GetString(1)));
            }
        }

        foreach (var (doc, term) in stems)
        {
            var word = words[doc - 1];
            Run(store, word, term, wordDf[word]);
        }

        PassageIndex.Execute(_connection, "DROP TABLE temp.stemmer_terms; DROP TABLE temp.stemmer;", _transaction);
    }

    public void Dispose()
    {
        _article.Dispose();
        _reference.Dispose();
        _passage.Dispose();
        _fts.Dispose();
    }

    private SqliteCommand Prepare(string sql, params string[] names)
    {
        var command = _connection.CreateCommand();
        command.Transaction = _transaction;
        command.CommandText = sql;
        foreach (var name in names)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        command.Prepare();
        return command;
    }

    private static void Run(SqliteCommand command, params object[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i];
        }

        command.ExecuteNonQuery();
    }
}
