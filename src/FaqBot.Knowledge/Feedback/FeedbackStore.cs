using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FaqBot.Knowledge.Feedback;

/// <summary>
/// The SQLite file of unanswered questions, feedback and decision counts, in WAL mode. Feedback and unanswered
/// questions are committed before the call returns, so a killed process loses nothing the bot acknowledged.
/// Decisions (one per message, statistics only) are committed in batches at most a second late, identical ones of a
/// batch as one row with a count; a killed process loses at most the last second of them.
/// Text is redacted and ids hashed before they reach the file; rows older than the retention are deleted.
/// </summary>
public sealed partial class FeedbackStore : IDisposable
{
    private static readonly TimeSpan PurgeEvery = TimeSpan.FromHours(1);
    private static readonly TimeSpan DecisionsEvery = TimeSpan.FromSeconds(1);

    // Past this many waiting decisions the batch goes in at once rather than at the next tick.
    private const int DecisionBatch = 4096;

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

    // A commit per message (a WAL append, file locks, now and then a checkpoint's fsync) was most of a busy bot's
    // work, so decisions wait here and go in as one transaction.
    private readonly ConcurrentQueue<(long At, DecisionEvent Decision)> _decisions = new();

    // ConcurrentQueue.Count walks the queue's segments; a counter is one atomic add per message.
    private int _waitingDecisions;
    private readonly ITimer _decisionTimer;
    private readonly ILogger _logger;
    private bool _disposed;

    public FeedbackStore(string path, int retentionDays, string? hashKey, TimeProvider time, ILogger? logger = null)
    {
        _logger = logger ?? NullLogger.Instance;
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
        _decisionTimer = time.CreateTimer(_ => FlushDecisionsInBackground(), null, DecisionsEvery, DecisionsEvery);
    }

    public string Path { get; }

    /// <summary>Counts one message's decision; written with the next batch (<see cref="FlushDecisions"/>).</summary>
    public void RecordDecision(DecisionEvent decision)
    {
        _decisions.Enqueue((_time.GetUtcNow().ToUnixTimeMilliseconds(), decision));
        if (Interlocked.Increment(ref _waitingDecisions) == DecisionBatch)
        {
            _decisionTimer.Change(TimeSpan.Zero, DecisionsEvery);
        }
    }

    /// <summary>Commits the decisions waiting for the next batch.</summary>
    public void FlushDecisions()
    {
        lock (_writeLock)
        {
            // A timer tick can still arrive after Dispose, which wrote everything; it must not reopen the file.
            if (!_disposed)
            {
                WriteDecisions();
            }
        }
    }

    /// <summary>Keeps a question the bot could not answer, redacted, for staff to write the missing article.</summary>
    public void RecordUnanswered(string question, string conversationId, double? bestConfidence) => Write(
        "INSERT INTO unanswered (at, question, conversation, best_confidence) VALUES ($at, $q, $conv, $c)",
        ("$q", Redactor.Redact(Shorten(question))), ("$conv", _hasher.Hash(conversationId)), ("$c", bestConfidence));

    public void RecordFeedback(FeedbackEntry entry) => Write(
        "INSERT INTO feedback (at, passage_id, decision, confidence, helpful, reason, conversation, user, question) VALUES ($at, $p, $d, $c, $h, $r, $conv, $user, $q)",
        ("$p", entry.PassageId), ("$d", entry.Decision), ("$c", entry.Confidence), ("$h", entry.Helpful ? 1 : 0),
        ("$r", entry.Reason is null ? null : Redactor.Redact(Shorten(entry.Reason))), ("$conv", _hasher.Hash(entry.ConversationId)),
        ("$user", _hasher.Hash(entry.UserId)), ("$q", entry.Question is null ? null : Redactor.Redact(Shorten(entry.Question))));

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
        FlushDecisions();
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

    // Waiting decisions are not written first: their rows carry their own time, and a busy bot's unanswered questions
    // would otherwise cut the batches into pieces too small to share rows.
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

        PurgeIfDue();
    }

    // Retention is enforced while running too, not only at start: after writes and on the decisions' timer.
    private void PurgeIfDue()
    {
        var now = _time.GetUtcNow();
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

    // Under _writeLock. Identical decisions of one batch (a question asked again and again, the same button pressed)
    // become one row with their count and the first one's time: a busy bot writes a few rows a second, not one per message.
    private void WriteDecisions()
    {
        if (_decisions.IsEmpty)
        {
            return;
        }

        // The file first: if it cannot be opened, the decisions stay queued for the next tick.
        _writer ??= Open();
        using var transaction = _writer.BeginTransaction();
        var batch = new Dictionary<DecisionEvent, (long At, int Count)>();
        var order = new List<DecisionEvent>();
        while (_decisions.TryDequeue(out var item))
        {
            Interlocked.Decrement(ref _waitingDecisions);
            if (batch.TryGetValue(item.Decision, out var seen))
            {
                batch[item.Decision] = (seen.At, seen.Count + 1);
            }
            else
            {
                batch[item.Decision] = (item.At, 1);
                order.Add(item.Decision);
            }
        }

        using var command = _writer.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO decisions (at, decision, passage_id, confidence, urgent_rule, personal, count)
            VALUES ($at, $d, $p, $c, $u, $personal, $count)
            """;
        var parameters = new[] { "$at", "$d", "$p", "$c", "$u", "$personal", "$count" }
            .Select(name => command.Parameters.Add(new SqliteParameter { ParameterName = name })).ToArray();
        command.Prepare();
        foreach (var d in order)
        {
            var (at, count) = batch[d];
            object?[] values = [at, d.Decision, d.PassageId, d.Confidence, d.UrgentRule, d.PersonalAdvice ? 1 : 0, count];
            for (var i = 0; i < values.Length; i++)
            {
                parameters[i].Value = values[i] ?? DBNull.Value;
            }

            command.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    private void FlushDecisionsInBackground()
    {
        try
        {
            FlushDecisions();
            PurgeIfDue();
        }
        catch (Exception e) when (e is SqliteException or IOException or UnauthorizedAccessException or ObjectDisposedException)
        {
            // A timer callback must not throw; a lost batch is logged and the next one tries again.
            Log.DecisionsLost(_logger, e);
        }
    }

    public void Dispose()
    {
        _decisionTimer.Dispose();
        lock (_writeLock)
        {
            _disposed = true;
            try
            {
                WriteDecisions();
            }
            finally
            {
                _writer?.Dispose();
                _writer = null;
            }
        }
    }

    private static partial class Log
    {
        [LoggerMessage(4101, LogLevel.Error, "Could not write a batch of decision counts to the feedback file")]
        public static partial void DecisionsLost(ILogger logger, Exception exception);
    }
}
