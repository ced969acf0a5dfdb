using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace FaqBot.Knowledge.Feedback;

/// <summary>The feedback file: one SQLite database in WAL mode, the embedded default for one server.</summary>
public sealed class SqliteFeedbackDatabase : IFeedbackDatabase
{
    private const int SQLiteFull = 13;

    private readonly string _connectionString;
    private readonly FeedbackLimits _limits;

    public SqliteFeedbackDatabase(string path, FeedbackLimits? limits = null)
    {
        _limits = limits ?? FeedbackLimits.Default;
        Path = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = Path, Mode = SqliteOpenMode.ReadWriteCreate }.ToString();
    }

    public string Path { get; }

    public string Name => Path;

    public void CreateSchema()
    {
        using var connection = (SqliteConnection)Open();
        SqliteFeedbackSchema.Create(connection);
    }

    public DbConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var pragma = connection.CreateCommand();
        // In WAL mode a commit is in the operating system's hands when the call returns, so a killed process loses
        // nothing even with synchronous=NORMAL; FULL would add an fsync to every patient message (about a millisecond
        // each, serialised) only to guard the last few rows against a power cut.
        pragma.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000;";
        pragma.ExecuteNonQuery();
        return connection;
    }

    // The cap is per connection (max_page_count), so it is set on the one connection that writes.
    public DbConnection OpenWriter()
    {
        var writer = (SqliteConnection)Open();
        using var pageSize = writer.CreateCommand();
        pageSize.CommandText = "PRAGMA page_size";
        var bytesPerPage = (long)pageSize.ExecuteScalar()!;
        using var cap = writer.CreateCommand();
        cap.CommandText = $"PRAGMA max_page_count = {_limits.MaxFileMegabytes * 1024L * 1024L / bytesPerPage}";
        cap.ExecuteNonQuery();
        return writer;
    }

    // One process writes the file, through one writer.
    public void SerializeWrites(DbTransaction transaction, string table)
    {
    }

    // SQLite enforces the cap itself (max_page_count) and says so with SQLITE_FULL.
    public bool HasRoom(DbConnection connection) => true;

    public bool IsFull(Exception exception) => exception is SqliteException { SqliteErrorCode: SQLiteFull };

    public bool IsTransient(Exception exception) => exception is SqliteException { SqliteErrorCode: 5 or 6 }; // busy, locked

    public void ForgetConnections()
    {
    }

    public void Dispose() => SqliteConnection.ClearPool(new SqliteConnection(_connectionString));
}
