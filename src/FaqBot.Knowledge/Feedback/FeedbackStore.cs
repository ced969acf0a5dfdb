using Microsoft.Data.Sqlite;

namespace FaqBot.Knowledge.Feedback;

/// <summary>
/// The SQLite file of unanswered questions, feedback and decision counts. Every write is its own committed
/// transaction in WAL mode, so a killed process loses nothing already acknowledged.
/// Text is redacted and ids hashed before they reach the file; rows older than the retention are deleted.
/// </summary>
public sealed class FeedbackStore : IDisposable
{
    private static readonly TimeSpan PurgeEvery = TimeSpan.FromHours(1);

    // Staff read questions, not essays; the cap also bounds the file and the redaction work per message.
    public const int MaxTextLength = 2000;

    private readonly string _connectionString;
    private readonly IdHasher _hasher;
    private readonly TimeSpan _retention;
    private readonly TimeProvider _time;
    private readonly Lock _purgeLock = new();

    // One writer at a time in this process: SQLite would otherwise make concurrent writers wait in its busy
    // handler, which sleeps in whole milliseconds.
    private readonly Lock _writeLock = new();

    // Every message records its decision, so the writer stays open: opening and setting up a connection per row
    // cost more than the row.
    private SqliteConnection? _writer;
    private DateTimeOffset _lastPurge;

    public FeedbackStore(string path, int retentionDays, string? hashKey, TimeProvider time)
    {
        var full = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        Path = full;
        _connectionString = new SqliteConnectionStringBuilder { DataSource = full, Mode = SqliteOpenMode.ReadWriteCreate }.ToString();
        _hasher = new IdHasher(hashKey);
        _retention = TimeSpan.FromDays(retentionDays);
        _time = time;
        using (var connection = Open())
        {
            FeedbackSchema.Create(connection);
        }

        PurgeExpired();
    }

    public string Path { get; }

    public void RecordDecision(DecisionEvent decision) => Write(
        "INSERT INTO decisions (at, decision, passage_id, confidence, urgent_rule, personal) VALUES ($at, $d, $p, $c, $u, $personal)",
        ("$d", decision.Decision), ("$p", decision.PassageId), ("$c", decision.Confidence), ("$u", decision.UrgentRule),
        ("$personal", decision.PersonalAdvice ? 1 : 0));

    /// <summary>Keeps a question the bot could not answer, redacted, for staff to write the missing article.</summary>
    public void RecordUnanswered(string question, string conversationId, double? bestConfidence) => Write(
        "INSERT INTO unanswered (at, question, conversation, best_confidence) VALUES ($at, $q, $conv, $c)",
        ("$q", Redactor.Redact(Shorten(question))), ("$conv", _hasher.Hash(conversationId)), ("$c", bestConfidence));

    public void RecordFeedback(FeedbackEntry entry) => Write(
        "INSERT INTO feedback (at, passage_id, decision, confidence, helpful, reason, conversation, user) VALUES ($at, $p, $d, $c, $h, $r, $conv, $user)",
        ("$p", entry.PassageId), ("$d", entry.Decision), ("$c", entry.Confidence), ("$h", entry.Helpful ? 1 : 0),
        ("$r", entry.Reason is null ? null : Redactor.Redact(Shorten(entry.Reason))), ("$conv", _hasher.Hash(entry.ConversationId)),
        ("$user", _hasher.Hash(entry.UserId)));

    /// <summary>Adds the reason to the patient's last "not helpful" on this passage, or records a new one carrying it.</summary>
    public void RecordReason(string passageId, string conversationId, string userId, string reason)
    {
        var conversation = _hasher.Hash(conversationId);
        var redacted = Redactor.Redact(Shorten(reason));
        using (var connection = Open())
        using (var command = connection.CreateCommand())
        {
            command.CommandText = """
                UPDATE feedback SET reason = $r WHERE id = (
                    SELECT max(id) FROM feedback WHERE conversation = $conv AND passage_id = $p AND helpful = 0 AND reason IS NULL)
                """;
            command.Parameters.AddWithValue("$r", redacted);
            command.Parameters.AddWithValue("$conv", conversation);
            command.Parameters.AddWithValue("$p", passageId);
            if (command.ExecuteNonQuery() > 0)
            {
                return;
            }
        }

        RecordFeedback(new FeedbackEntry(passageId, "answer", null, false, reason, conversationId, userId));
    }

    /// <summary>Deletes every row older than the retention; returns how many went.</summary>
    public int PurgeExpired()
    {
        var now = _time.GetUtcNow();
        var cutoff = (now - _retention).ToUnixTimeMilliseconds();
        using var connection = Open();
        var deleted = 0;
        foreach (var table in FeedbackSchema.Tables)
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"DELETE FROM {table} WHERE at < $cutoff";
            command.Parameters.AddWithValue("$cutoff", cutoff);
            deleted += command.ExecuteNonQuery();
        }

        _lastPurge = now;
        return deleted;
    }

    public FeedbackReport Report(DateTimeOffset from, DateTimeOffset to)
    {
        using var connection = Open();
        return FeedbackReportReader.Read(connection, from, to);
    }

    private static string Shorten(string text) => text.Length <= MaxTextLength ? text : text[..MaxTextLength];

    internal SqliteConnection Open()
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

    private void Write(string sql, params (string Name, object? Value)[] parameters)
    {
        var now = _time.GetUtcNow();
        lock (_writeLock)
        {
            _writer ??= Open();
            using var command = _writer.CreateCommand();
            command.CommandText = sql;
            command.Parameters.AddWithValue("$at", now.ToUnixTimeMilliseconds());
            foreach (var (name, value) in parameters)
            {
                command.Parameters.AddWithValue(name, value ?? DBNull.Value);
            }

            command.ExecuteNonQuery();
        }

        // Retention is enforced while running too, not only at start, without a timer of its own.
        lock (_purgeLock)
        {
            if (now - _lastPurge < PurgeEvery)
            {
                return;
            }

            _lastPurge = now;
        }

        PurgeExpired();
    }

    public void Dispose()
    {
        lock (_writeLock)
        {
            _writer?.Dispose();
            _writer = null;
        }
    }
}
