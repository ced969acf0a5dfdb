using System.Data.Common;
using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FaqBot.Knowledge.Feedback;

/// <summary>
/// The one writer of the feedback database. Callers hand it work through a channel and a single loop writes it, so
/// writes never contend. Feedback and unanswered questions are committed before their task completes: the bot thanks
/// the patient only after that, so a killed process loses nothing the bot acknowledged. Decisions (one per message,
/// statistics only) are committed in batches at most a second late, identical ones of a batch as one row with a count;
/// a killed process loses at most the last second of them. On stop the loop drains what is queued; work that arrives
/// after that is written on the caller's turn. Text is redacted and ids hashed before anything is queued.
/// </summary>
public sealed partial class FeedbackWriter : BackgroundService
{
    private static readonly TimeSpan DecisionsEvery = TimeSpan.FromSeconds(1);

    // Past this many waiting decisions the batch goes in at once rather than at the next tick.
    private const int DecisionBatch = 4096;

    // While the database is unreachable decisions wait for it, up to this many; older ones are dropped past it.
    private const int MaxWaitingDecisions = 100_000;

    // A dropped connection (a restarted server) is retried with a new one before a write is reported failed; the
    // patient waits for these, so they are short.
    private static readonly TimeSpan[] RetryDelays = [TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(400)];

    private readonly Channel<Work> _channel = Channel.CreateUnbounded<Work>(new UnboundedChannelOptions { SingleReader = true });
    private readonly IFeedbackDatabase _database;
    private readonly FeedbackRows _rows;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    // Held while writing: by the loop, or after stop by a caller writing on its own turn.
    private readonly SemaphoreSlim _writing = new(1, 1);
    private readonly List<(long At, DecisionEvent Decision)> _decisions = [];
    private DateTimeOffset _decisionsSince;
    private DbConnection? _connection;
    private bool _decisionsFailing;

    public FeedbackWriter(IFeedbackDatabase database, IdHasher hasher, TimeProvider time, ILogger<FeedbackWriter>? logger = null, FeedbackLimits? limits = null)
    {
        _database = database;
        _time = time;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _rows = new FeedbackRows(database, limits ?? FeedbackLimits.Default, hasher, _logger);
    }

    /// <summary>
    /// Keeps a question the bot could not answer, redacted, for staff to write the missing article. The same question
    /// again in the same conversation raises the row's count; past the per-conversation or per-address bound (or the
    /// size cap) nothing is written. Completes with whether the question was counted, once it is committed.
    /// </summary>
    public Task<bool> RecordUnansweredAsync(string question, string conversationId, double? bestConfidence, string? address = null) =>
        Submit(RowWork.Of(_rows.Unanswered(question, conversationId, bestConfidence, address), _rows));

    /// <summary>
    /// Records a helpful / not helpful; the same press again in the same conversation (same passage, same verdict, no
    /// reason yet) raises the row's count, so repeats are never lost and never take a row each. Completes once committed;
    /// fails when the database cannot be reached.
    /// </summary>
    public Task<bool> RecordFeedbackAsync(FeedbackEntry entry, string? address = null) =>
        Submit(RowWork.Of(_rows.Feedback(entry, address), _rows));

    /// <summary>Adds the reason to the patient's last "not helpful" on this passage, or records a new one carrying it.</summary>
    public Task<bool> RecordReasonAsync(string passageId, string conversationId, string userId, string reason, string? address = null) =>
        Submit(RowWork.Of(_rows.Reason(passageId, conversationId, userId, reason, address), _rows));

    /// <summary>Counts one message's decision; written with the next batch.</summary>
    public void RecordDecision(DecisionEvent decision) => Enqueue(new DecisionWork(_time.GetUtcNow().ToUnixTimeMilliseconds(), decision));

    /// <summary>Completes when everything handed in before the call, decisions included, is committed.</summary>
    public Task FlushAsync() => Submit(new FlushWork());

    private Task<bool> Submit(AwaitedWork work)
    {
        Enqueue(work);
        return work.Done.Task;
    }

    private void Enqueue(Work work)
    {
        if (!_channel.Writer.TryWrite(work))
        {
            _ = WriteNowAsync(work);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The writes are blocking calls: off the caller's start-up path, on the loop's own thread pool turns.
        await Task.Yield();
        var reader = _channel.Reader;
        Task<bool>? waiting = null;
        // Kept across wake-ups until it fires: a busy bot wakes the loop for every message.
        Task? due = null;
        try
        {
            while (true)
            {
                await _writing.WaitAsync(CancellationToken.None);
                try
                {
                    while (reader.TryRead(out var work))
                    {
                        await DoAsync(work);
                    }

                    if (_decisions.Count > 0 && _time.GetUtcNow() - _decisionsSince >= DecisionsEvery)
                    {
                        WriteDecisions();
                    }
                }
                finally
                {
                    _writing.Release();
                }

                waiting ??= reader.WaitToReadAsync(stoppingToken).AsTask();
                if (_decisions.Count > 0)
                {
                    // Wake for new work or when the waiting decisions come due, whichever is first. A wake-up that finds
                    // them not yet due (a batch went in meanwhile) only sets the next one.
                    var left = _decisionsSince + DecisionsEvery - _time.GetUtcNow();
                    due ??= Task.Delay(left > TimeSpan.Zero ? left : TimeSpan.Zero, _time, stoppingToken);
                    await Task.WhenAny(waiting, due);
                    if (due.IsCompleted)
                    {
                        due = null;
                    }
                }
                else
                {
                    await waiting;
                }

                if (waiting.IsCompleted)
                {
                    if (!await waiting)
                    {
                        break;
                    }

                    waiting = null;
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: StopAsync writes what is queued.
        }
    }

    /// <summary>Stops the loop, then writes what is queued (even when the loop never got to run).</summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        // No new work joins the queue from now on: it is written on the caller's turn instead (Enqueue).
        _channel.Writer.TryComplete();
        await WriteNowAsync(null);
    }

    // Without the loop: the queue, then the given work, then the waiting decisions, and the connection closed after.
    private async Task WriteNowAsync(Work? work)
    {
        await _writing.WaitAsync(CancellationToken.None);
        try
        {
            while (_channel.Reader.TryRead(out var queued))
            {
                await DoAsync(queued);
            }

            if (work is not null)
            {
                await DoAsync(work);
            }

            WriteDecisions();
            CloseConnection();
        }
        finally
        {
            _writing.Release();
        }
    }

    // Under _writing.
    private async Task DoAsync(Work work)
    {
        switch (work)
        {
            case DecisionWork decision:
                if (_decisions.Count == 0)
                {
                    _decisionsSince = _time.GetUtcNow();
                }

                _decisions.Add((decision.At, decision.Decision));
                if (_decisions.Count >= DecisionBatch)
                {
                    WriteDecisions();
                }
                break;
            case FlushWork flush:
                WriteDecisions();
                flush.Done.TrySetResult(true);
                break;
            case RowWork row:
                try
                {
                    row.Done.TrySetResult(await WithRetriesAsync(connection => row.Write(connection, _time.GetUtcNow())));
                }
                catch (Exception e)
                {
                    Log.RowFailed(_logger, _database.Name, e);
                    row.Done.TrySetException(new FeedbackUnavailableException(_database.Name, e));
                }
                break;
        }
    }

    private async Task<bool> WithRetriesAsync(Func<DbConnection, bool> write)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return write(Connection());
            }
            catch (Exception e) when (_database.IsTransient(e) && attempt < RetryDelays.Length)
            {
                Forget();
                await Task.Delay(RetryDelays[attempt], _time);
            }
            catch
            {
                Forget();
                throw;
            }
        }
    }

    // Under _writing. A failed batch stays queued for the next tick (bounded), said once until a batch goes in again.
    private void WriteDecisions()
    {
        if (_decisions.Count == 0)
        {
            return;
        }

        try
        {
            _rows.WriteDecisions(Connection(), _decisions);
            _decisions.Clear();
            _decisionsFailing = false;
        }
        catch (Exception e) when (e is DbException or IOException or InvalidOperationException or TimeoutException)
        {
            Forget();
            if (!_decisionsFailing)
            {
                _decisionsFailing = true;
                Log.DecisionsWaiting(_logger, _database.Name, e);
            }

            if (_decisions.Count > MaxWaitingDecisions)
            {
                _decisions.RemoveRange(0, _decisions.Count - MaxWaitingDecisions);
            }

            _decisionsSince = _time.GetUtcNow();
        }
    }

    private DbConnection Connection() => _connection ??= _database.OpenWriter();

    // The connection may have died with the server; the next write opens a new one.
    private void Forget()
    {
        CloseConnection();
        _database.ForgetConnections();
    }

    private void CloseConnection()
    {
        try
        {
            _connection?.Dispose();
        }
        catch (Exception e) when (e is DbException or IOException or InvalidOperationException)
        {
            // Closing a broken connection can fail too; it is gone either way.
        }

        _connection = null;
    }

    public override void Dispose()
    {
        base.Dispose();
        CloseConnection();
    }

    private abstract record Work;

    // Work a caller waits for; a message's decision is counted without one (no completion to allocate per message).
    private abstract record AwaitedWork : Work
    {
        public TaskCompletionSource<bool> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private sealed record RowWork(Func<DbConnection, DateTimeOffset, bool> Write) : AwaitedWork
    {
        public static RowWork Of(RowWrite row, FeedbackRows rows) => new((connection, now) => rows.Write(connection, row, now));

        public static RowWork Of(ReasonWrite reason, FeedbackRows rows) => new((connection, now) => rows.Write(connection, reason, now));
    }

    private sealed record DecisionWork(long At, DecisionEvent Decision) : Work;

    private sealed record FlushWork : AwaitedWork;

    private static partial class Log
    {
        [LoggerMessage(4101, LogLevel.Error, "Could not write a batch of decision counts to the feedback database {Name}; they wait for the next try")]
        public static partial void DecisionsWaiting(ILogger logger, string name, Exception exception);

        [LoggerMessage(4105, LogLevel.Error, "Could not write a patient's feedback or unanswered question to the feedback database {Name}")]
        public static partial void RowFailed(ILogger logger, string name, Exception exception);
    }
}

/// <summary>The feedback database could not be reached or refused the write: nothing was recorded, so nothing may be acknowledged.</summary>
public sealed class FeedbackUnavailableException(string database, Exception inner)
    : Exception($"The feedback database {database} could not record the write", inner);
