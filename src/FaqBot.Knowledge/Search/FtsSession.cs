using System.Globalization;
using FaqBot.Knowledge.Index;
using Microsoft.Data.Sqlite;

namespace FaqBot.Knowledge.Search;

// One read-only connection with its prepared MATCH statement; SqliteConnection is not thread-safe, so the
// searcher pools these rather than sharing one.
internal sealed class FtsSession : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _command;

    public FtsSession(string path, SearchOptions options)
    {
        _connection = new SqliteConnection(PassageIndex.ConnectionString(path, SqliteOpenMode.ReadOnly));
        _connection.Open();
        _command = _connection.CreateCommand();
        var weights = string.Join(", ", new[] { options.TitleWeight, options.HeadingWeight, options.BodyWeight }.Select(w => w.ToString(CultureInfo.InvariantCulture)));

        // bm25() is lower-is-better in FTS5; negate it so higher is better everywhere else.
        _command.CommandText = $"SELECT rowid, -bm25(passages_fts, {weights}) AS score FROM passages_fts WHERE passages_fts MATCH $match ORDER BY score DESC LIMIT $limit";
        _command.Parameters.Add(new SqliteParameter("$match", ""));
        _command.Parameters.Add(new SqliteParameter("$limit", 10));
        _command.Prepare();
    }

    /// <summary>Rows (0-based, as in the searcher's arrays) and their bm25 scores, best first.</summary>
    public List<(int Row, double Bm25)> Query(string match, int limit)
    {
        _command.Parameters[0].Value = match;
        _command.Parameters[1].Value = limit;
        var rows = new List<(int, double)>(limit);
        using var reader = _command.ExecuteReader();
        while (reader.Read())
        {
            rows.Add(((int)reader.GetInt64(0) - 1, reader.GetDouble(1)));
        }

        return rows;
    }

    public void Dispose()
    {
        _command.Dispose();
        _connection.Dispose();
    }
}
