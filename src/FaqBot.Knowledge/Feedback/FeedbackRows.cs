using System.Data.Common;
using Microsoft.Extensions.Logging;

namespace FaqBot.Knowledge.Feedback;

/// <summary>One unanswered question or feedback press, redacted and hashed, ready for its bounded write.</summary>
/// <param name="FindRepeat">The row a repeat folds into (its count raised), or null when every write is a new row.</param>
internal sealed record RowWrite(
    string Table, int PerConversation, string? FindRepeat, string Insert, string Conversation, string? Address,
    (string Name, object? Value)[] Values);

/// <summary>A reason added to the patient's last "not helpful" on a passage; <see cref="Otherwise"/> when there is none.</summary>
internal sealed record ReasonWrite(string PassageId, string Conversation, string Reason, RowWrite Otherwise);

/// <summary>
/// The SQL both backends run: fold a repeat into its row, or check the bounds and insert, in one transaction; decision
/// batches; the retention purge. Parameters are <c>@name</c> and <c>"user"</c> is quoted, which SQLite and PostgreSQL
/// both read the same way.
/// </summary>
internal sealed partial class FeedbackRows(IFeedbackDatabase database, FeedbackLimits limits, IdHasher hasher, ILogger logger)
{
    // Staff read questions, not essays; the cap also bounds the database and the redaction work per message.
    public const int MaxTextLength = 2000;

    // Set when a write met the size cap, so the cap is logged once, not once per row; cleared by the next success.
    private bool _full;

    public RowWrite Unanswered(string question, string conversationId, double? bestConfidence, string? address) => new(
        "unanswered", limits.MaxUnansweredPerConversation,
        "SELECT max(id) FROM unanswered WHERE conversation = @conv AND question = @q",
        "INSERT INTO unanswered (at, question, conversation, best_confidence, address) VALUES (@at, @q, @conv, @c, @addr)",
        hasher.Hash(conversationId), address is null ? null : hasher.Hash(address),
        [("q", Redactor.Redact(Shorten(question))), ("c", bestConfidence)]);

    public RowWrite Feedback(FeedbackEntry entry, string? address) => new(
        "feedback", limits.MaxFeedbackPerConversation,
        entry.Reason is null
            ? "SELECT max(id) FROM feedback WHERE conversation = @conv AND passage_id = @p AND decision = @d AND helpful = @h AND \"user\" = @user AND reason IS NULL"
            : null,
        "INSERT INTO feedback (at, passage_id, decision, confidence, helpful, reason, conversation, \"user\", address, question) VALUES (@at, @p, @d, @c, @h, @r, @conv, @user, @addr, @q)",
        hasher.Hash(entry.ConversationId), address is null ? null : hasher.Hash(address),
        [
            ("p", entry.PassageId), ("d", StoredDecision.Name(entry.Decision)), ("c", entry.Confidence), ("h", entry.Helpful ? 1 : 0),
            ("r", entry.Reason is null ? null : Redactor.Redact(Shorten(entry.Reason))), ("user", hasher.Hash(entry.UserId)),
            ("q", entry.Question is null ? null : Redactor.Redact(Shorten(entry.Question))),
        ]);

    public ReasonWrite Reason(string passageId, string conversationId, string userId, string reason, string? address) => new(
        passageId, hasher.Hash(conversationId), Redactor.Redact(Shorten(reason)),
        Feedback(new FeedbackEntry(passageId, Answering.DecisionKind.Answer, null, false, reason, conversationId, userId), address));

    /// <summary>Returns whether the row was counted (false past a bound or the size cap).</summary>
    public bool Write(DbConnection connection, RowWrite row, DateTimeOffset now)
    {
        var written = false;
        try
        {
            using var transaction = connection.BeginTransaction();
            database.SerializeWrites(transaction, row.Table);
            DbCommand Command(string sql) => Prepare(connection, transaction, sql, row, now);

            if (row.FindRepeat is not null)
            {
                using var find = Command($"UPDATE {row.Table} SET count = count + 1, last_at = @at WHERE id = ({row.FindRepeat})");
                written = find.ExecuteNonQuery() > 0;
            }
            if (!written)
            {
                if (Count(Command($"SELECT COUNT(*) FROM {row.Table} WHERE conversation = @conv")) >= row.PerConversation)
                {
                    Log.ConversationBound(logger, row.Table, row.PerConversation);
                }
                else if (row.Address is not null && Count(Command($"SELECT COUNT(*) FROM {row.Table} WHERE address = @addr AND at >= @since")) >= limits.MaxRowsPerAddressPerDay)
                {
                    Log.AddressBound(logger, row.Table, limits.MaxRowsPerAddressPerDay);
                }
                else if (!database.HasRoom(connection))
                {
                    throw new FeedbackFullException();
                }
                else
                {
                    using var insert = Command(row.Insert);
                    insert.ExecuteNonQuery();
                    written = true;
                }
            }
            transaction.Commit();
            _full = false;
            return written;
        }
        catch (Exception e) when (e is FeedbackFullException || database.IsFull(e))
        {
            // At the cap the row is dropped, said once; the retention purge frees room for new rows.
            Full();
            return false;
        }
    }

    private static long Count(DbCommand command)
    {
        using (command)
        {
            return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    /// <summary>Adds the reason to the patient's last "not helpful" on the passage, else writes the reason's own row.</summary>
    public bool Write(DbConnection connection, ReasonWrite reason, DateTimeOffset now)
    {
        using (var command = connection.CreateCommand())
        {
            command.CommandText = """
                UPDATE feedback SET reason = @r WHERE id = (
                    SELECT max(id) FROM feedback WHERE conversation = @conv AND passage_id = @p AND helpful = 0 AND reason IS NULL)
                """;
            Add(command, "r", reason.Reason);
            Add(command, "conv", reason.Conversation);
            Add(command, "p", reason.PassageId);
            if (command.ExecuteNonQuery() > 0)
            {
                return true;
            }
        }

        return Write(connection, reason.Otherwise, now);
    }

    /// <summary>
    /// Identical decisions of a batch (a question asked again and again, the same button pressed) become one row with
    /// their count and the first one's time: a busy bot writes a few rows a second, not one per message.
    /// </summary>
    public void WriteDecisions(DbConnection connection, IReadOnlyList<(long At, DecisionEvent Decision)> waiting)
    {
        var batch = new Dictionary<DecisionEvent, (long At, int Count)>();
        var order = new List<DecisionEvent>();
        foreach (var (at, decision) in waiting)
        {
            if (batch.TryGetValue(decision, out var seen))
            {
                batch[decision] = (seen.At, seen.Count + 1);
            }
            else
            {
                batch[decision] = (at, 1);
                order.Add(decision);
            }
        }

        try
        {
            using var transaction = connection.BeginTransaction();
            if (!database.HasRoom(connection))
            {
                throw new FeedbackFullException();
            }

            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = """
                INSERT INTO decisions (at, decision, passage_id, confidence, urgent_rule, personal, count)
                VALUES (@at, @d, @p, @c, @u, @personal, @count)
                """;
            var parameters = new[] { "at", "d", "p", "c", "u", "personal", "count" }.Select(name => Add(command, name, null)).ToArray();
            foreach (var d in order)
            {
                var (at, count) = batch[d];
                object?[] values = [at, StoredDecision.Name(d.Decision), d.PassageId, d.Confidence, d.UrgentRule, d.PersonalAdvice ? 1 : 0, count];
                for (var i = 0; i < values.Length; i++)
                {
                    parameters[i].Value = values[i] ?? DBNull.Value;
                }

                command.ExecuteNonQuery();
            }

            transaction.Commit();
        }
        catch (Exception e) when (e is FeedbackFullException || database.IsFull(e))
        {
            // Statistics past the cap are dropped, said once (as for the rows above).
            Full();
        }
    }

    /// <summary>Deletes every row older than the cutoff; returns how many went.</summary>
    public static int Purge(DbConnection connection, DateTimeOffset cutoff)
    {
        var deleted = 0;
        foreach (var table in FeedbackTables.All)
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"DELETE FROM {table} WHERE at < @cutoff";
            Add(command, "cutoff", cutoff.ToUnixTimeMilliseconds());
            deleted += command.ExecuteNonQuery();
        }

        return deleted;
    }

    private void Full()
    {
        if (!_full)
        {
            _full = true;
            Log.Full(logger, database.Name, limits.MaxFileMegabytes);
        }
    }

    private static DbCommand Prepare(DbConnection connection, DbTransaction transaction, string sql, RowWrite row, DateTimeOffset now)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        Add(command, "at", now.ToUnixTimeMilliseconds());
        Add(command, "conv", row.Conversation);
        Add(command, "addr", row.Address);
        Add(command, "since", (now - TimeSpan.FromDays(1)).ToUnixTimeMilliseconds());
        foreach (var (name, value) in row.Values)
        {
            Add(command, name, value);
        }
        return command;
    }

    private static DbParameter Add(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
        return parameter;
    }

    private static string Shorten(string text) => text.Length <= MaxTextLength ? text : text[..MaxTextLength];

    private sealed class FeedbackFullException : Exception;

    private static partial class Log
    {
        [LoggerMessage(4102, LogLevel.Error, "The feedback database {Name} has reached its cap of {Megabytes} MB (Feedback:MaxFileMegabytes): new unanswered questions, feedback and decision counts are not recorded until the retention purge frees space or the cap is raised")]
        public static partial void Full(ILogger logger, string name, int megabytes);

        [LoggerMessage(4103, LogLevel.Debug, "Not recorded: this conversation already has {Max} rows in {Table}")]
        public static partial void ConversationBound(ILogger logger, string table, int max);

        [LoggerMessage(4104, LogLevel.Debug, "Not recorded: this address already wrote {Max} rows to {Table} in the last day")]
        public static partial void AddressBound(ILogger logger, string table, int max);
    }
}
