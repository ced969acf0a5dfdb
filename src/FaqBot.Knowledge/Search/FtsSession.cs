using System.Globalization;
using FaqBot.Knowledge.Index;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace FaqBot.Knowledge.Search;

// One read-only connection with its two prepared MATCH statements; a connection is not thread-safe, so the
// searcher pools these rather than sharing one.
// The statements run through SQLitePCLRaw, the C API that Microsoft.Data.Sqlite itself wraps: on a small
// knowledge base a whole search takes about as long as ADO.NET's per-command bookkeeping would.
internal sealed class FtsSession : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly sqlite3_stmt _matching;
    private readonly sqlite3_stmt _best;

    public FtsSession(string path, SearchOptions options)
    {
        // immutable: the searcher's file never changes in place (a rebuild writes a new file and renames it over this
        // one), so SQLite may skip file locking and change detection on every query.
        var uri = new Uri(Path.GetFullPath(path)).AbsoluteUri + "?immutable=1";
        _connection = new SqliteConnection(PassageIndex.ConnectionString(uri, SqliteOpenMode.ReadOnly));
        _connection.Open();
        var weights = string.Join(", ", new[] { options.TitleWeight, options.HeadingWeight, options.BodyWeight }.Select(w => w.ToString(CultureInfo.InvariantCulture)));
        _matching = Prepare("SELECT rowid FROM passages_fts WHERE passages_fts MATCH ?1 LIMIT ?2");
        ContentHash = PassageIndex.ReadContentHash(_connection);


        // bm25() is lower-is-better in FTS5.
        _best = Prepare($"SELECT rowid FROM passages_fts WHERE passages_fts MATCH ?1 ORDER BY bm25(passages_fts, {weights}) LIMIT ?2");
    }

    /// <summary>What the opened file was built from; rows mean the searcher's passages only while this is the same.</summary>
    public string? ContentHash { get; }

    /// <summary>Up to <paramref name="limit"/> matching rows (0-based, as in the searcher's arrays) in index order, unranked: no bm25() cost.</summary>
    public List<int> Matching(string match, int limit) => Rows(_matching, match, limit);

    /// <summary>The <paramref name="limit"/> best rows by FTS5's bm25().</summary>
    public List<int> Best(string match, int limit) => Rows(_best, match, limit);

    public void Dispose()
    {
        _matching.Dispose();
        _best.Dispose();
        _connection.Dispose();
    }

    private sqlite3_stmt Prepare(string sql)
    {
        Check(raw.sqlite3_prepare_v2(_connection.Handle, sql, out var statement));
        return statement;
    }

    private List<int> Rows(sqlite3_stmt statement, string match, int limit)
    {
        var rows = new List<int>(limit);
        try
        {
            Check(raw.sqlite3_bind_text(statement, 1, match));
            Check(raw.sqlite3_bind_int(statement, 2, limit));
            int rc;
            while ((rc = raw.sqlite3_step(statement)) == raw.SQLITE_ROW)
            {
                rows.Add((int)raw.sqlite3_column_int64(statement, 0) - 1);
            }

            Check(rc);
            return rows;
        }
        finally
        {
            raw.sqlite3_reset(statement);
        }
    }

    private void Check(int rc)
    {
        if (rc is not (raw.SQLITE_OK or raw.SQLITE_DONE))
        {
            throw new SqliteException(raw.sqlite3_errmsg(_connection.Handle).utf8_to_string(), rc);
        }
    }
}
