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

    private readonly FeedbackLimits _limits;

    // Set when a write met the file's size cap, so the cap is logged once, not once per row; cleared by the next success.
    private bool _full;

    public FeedbackStore(string path, int retentionDays, string? hashKey, TimeProvider time, ILogger? logger = null, FeedbackLimits? limits = null)
    {
        _limits = limits ?? FeedbackLimits.Default;
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

    /// <summary>
    /// Keeps a question the bot could not answer, redacted, for staff to write the missing article. The same question
    /// again in the same conversation raises the row's count; past the per-conversation or per-address bound (or the
    /// file's cap) nothing is written. Returns whether the question was counted.
    /// </summary>
    public bool RecordUnanswered(string question, string conversationId, double? bestConfidence, string? address = null) => WriteBounded(
        "unanswered", _limits.MaxUnansweredPerConversation,
        "SELECT max(id) FROM unanswered WHERE conversation = $conv AND question = $q",
        "INSERT INTO unanswered (at, question, conversation, best_confidence, address) VALUES ($at, $q, $conv, $c, $addr)",
        _hasher.Hash(conversationId), address is null ? null : _hasher.Hash(address),
        ("$q", Redactor.Redact(Shorten(question))), ("$c", bestConfidence));

    /// <summary>
    /// Records a helpful / not helpful; the same press again in the same conversation (same passage, same verdict, no
    /// reason yet) raises the row's count, so repeats are never lost and never take a row each.
    /// </summary>
    public bool RecordFeedback(FeedbackEntry entry, string? address = null) => WriteBounded(
        "feedback", _limits.MaxFeedbackPerConversation,
        entry.Reason is null
            ? "SELECT max(id) FROM feedback WHERE conversation = $conv AND passage_id = $p AND decision = $d AND helpful = $h AND user = $user AND reason IS NULL"
            : null,
        "INSERT INTO feedback (at, passage_id, decision, confidence, helpful, reason, conversation, user, address, question) VALUES ($at, $p, $d, $c, $h, $r, $conv, $user, $addr, $q)",
        _hasher.Hash(entry.ConversationId), address is null ? null : _hasher.Hash(address),
        ("$p", entry.PassageId), ("$d", entry.Decision), ("$c", entry.Confidence), ("$h", entry.Helpful ? 1 : 0),
        ("$r", entry.Reason is null ? null : Redactor.Redact(Shorten(entry.Reason))), ("$user", _hasher.Hash(entry.UserId)),
        ("$q", entry.Question is null ? null : Redactor.Redact(Shorten(entry.Question))));

    /// <summary>Adds the reason to the patient's last "not helpful" on this passage, or records a new one carrying it.</summary>
    public void RecordReason(string passageId, string conversationId, string userId, string reason, string? address = null)
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

        RecordFeedback(new FeedbackEntry(passageId, "answer", null, false, reason, conversationId, userId), address);
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
    // One transaction: fold into an existing row, or check the bounds and insert, so concurrent writers cannot both pass.
    private bool WriteBounded(
        string table, int perConversation, string? findRepeat, string insert, string conversation, string? address,
        params (string Name, object? Value)[] values)
    {
        var now = _time.GetUtcNow();
        var written = false;
        lock (_writeLock)
        {
            var writer = Writer();
            try
            {
                using var transaction = writer.BeginTransaction();
                SqliteCommand Command(string sql)
                {
                    var command = writer.CreateCommand();
                    command.Transaction = transaction;
                    command.CommandText = sql;
                    command.Parameters.AddWithValue("$at", now.ToUnixTimeMilliseconds());
                    command.Parameters.AddWithValue("$conv", conversation);
                    command.Parameters.AddWithValue("$addr", (object?)address ?? DBNull.Value);
                    command.Parameters.AddWithValue("$since", (now - TimeSpan.FromDays(1)).ToUnixTimeMilliseconds());
                    foreach (var (name, value) in values)
                    {
                        command.Parameters.AddWithValue(name, value ?? DBNull.Value);
                    }
                    return command;
                }

                if (findRepeat is not null)
                {
                    using var find = Command($"UPDATE {table} SET count = count + 1, last_at = $at WHERE id = ({findRepeat})");
                    written = find.ExecuteNonQuery() > 0;
                }
                if (!written)
                {
                    using var perConv = Command($"SELECT COUNT(*) FROM {table} WHERE conversation = $conv");
                    using var perAddress = Command($"SELECT COUNT(*) FROM {table} WHERE address = $addr AND at >= $since");
                    if ((long)perConv.ExecuteScalar()! >= perConversation)
                    {
                        Log.ConversationBound(_logger, table, perConversation);
                    }
                    else if (address is not null && (long)perAddress.ExecuteScalar()! >= _limits.MaxRowsPerAddressPerDay)
                    {
                        Log.AddressBound(_logger, table, _limits.MaxRowsPerAddressPerDay);
                    }
                    else
                    {
                        using var command = Command(insert);
                        command.ExecuteNonQuery();
                        written = true;
                    }
                }
                transaction.Commit();
                _full = false;
            }
            catch (SqliteException e) when (e.SqliteErrorCode == SQLiteFull)
            {
                // The file is at its cap: the row is dropped, said once; the retention purge frees pages for new rows.
                if (!_full)
                {
                    _full = true;
                    Log.FileFull(_logger, Path, _limits.MaxFileMegabytes);
                }
                return false;
            }
        }

        PurgeIfDue();
        return written;
    }

    private const int SQLiteFull = 13;

    // Under _writeLock. The writer connection carries the file's size cap (max_page_count is per connection).
    private SqliteConnection Writer()
    {
        if (_writer is null)
        {
            var writer = Open();
            using var pageSize = writer.CreateCommand();
            pageSize.CommandText = "PRAGMA page_size";
            var bytesPerPage = (long)pageSize.ExecuteScalar()!;
            using var cap = writer.CreateCommand();
            cap.CommandText = $"PRAGMA max_page_count = {_limits.MaxFileMegabytes * 1024L * 1024L / bytesPerPage}";
            cap.ExecuteNonQuery();
            _writer = writer;
        }
        return _writer;
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
        var writer = Writer();
        using var transaction = writer.BeginTransaction();
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

        using var command = writer.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO decisions (at, decision, passage_id, confidence, urgent_rule, personal, count)
            VALUES ($at, $d, $p, $c, $u, $personal, $count)
            """;
        var parameters = new[] { "$at", "$d", "$p", "$c", "$u", "$personal", "$count" }
            .Select(name => command.Parameters.Add(new SqliteParameter { ParameterName = name })).ToArray();
        command.Prepare();
        try
        {
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
        catch (SqliteException e) when (e.SqliteErrorCode == SQLiteFull)
        {
            // Statistics past the file's cap are dropped, said once (as for the rows above).
            if (!_full)
            {
                _full = true;
                Log.FileFull(_logger, Path, _limits.MaxFileMegabytes);
            }
        }
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
        [LoggerMessage(4102, LogLevel.Error, "The feedback file {Path} has reached its cap of {Megabytes} MB (Feedback:MaxFileMegabytes): new unanswered questions, feedback and decision counts are not recorded until the retention purge frees space or the cap is raised")]
        public static partial void FileFull(ILogger logger, string path, int megabytes);

        [LoggerMessage(4103, LogLevel.Debug, "Not recorded: this conversation already has {Max} rows in {Table}")]
        public static partial void ConversationBound(ILogger logger, string table, int max);

        [LoggerMessage(4104, LogLevel.Debug, "Not recorded: this address already wrote {Max} rows to {Table} in the last day")]
        public static partial void AddressBound(ILogger logger, string table, int max);

        [LoggerMessage(4101, LogLevel.Error, "Could not write a batch of decision counts to the feedback file")]
        public static partial void DecisionsLost(ILogger logger, Exception exception);
    }
}
