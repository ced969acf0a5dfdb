using FaqBot.BotFramework.Activities;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FaqBot.BotFramework.Turns;

/// <summary>
/// The one owner of turns, for <c>/api/messages</c> and Direct Line alike: runs each through the
/// <see cref="TurnPipeline"/>, lets a slow one finish in the background after its caller got an answer, counts the
/// turns running, and on shutdown waits for them (up to the host's shutdown timeout) before cancelling the rest.
/// </summary>
public sealed partial class TurnDispatcher(TurnPipeline pipeline, TimeProvider time, ILogger<TurnDispatcher> logger) : IHostedService, IDisposable
{
    // Cancelled only when shutdown gives up waiting: until then a running turn finishes and its replies go out.
    private readonly CancellationTokenSource abandon = new();
    private int running;
    private volatile TaskCompletionSource? drained;

    /// <summary>Turns running now, in the request or in the background.</summary>
    public int Running => Volatile.Read(ref running);

    /// <summary>Runs a turn to its end for a caller that needs all of it (replies in the response, an invoke's answer).</summary>
    public async Task<TurnResult> RunAsync(Activity activity, Func<Activity, CancellationToken, Task<string?>> send, CancellationToken cancellationToken)
    {
        Enter();
        try
        {
            return await pipeline.RunAsync(activity, send, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Exit();
        }
    }

    /// <summary>
    /// Starts a turn that may outlive its caller and waits at most <see cref="BackgroundTurn.AnswerWithin"/> for it.
    /// Returns its result, or null when it is still running (it carries on here) or the caller left.
    /// </summary>
    public async Task<TurnResult?> RunWithinAsync(Activity activity, Func<Activity, CancellationToken, Task<string?>> send, BackgroundTurn wait, CancellationToken callerGone)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(send);
        // A limit of its own only when the turn has one; otherwise the shared shutdown token, and nothing to allocate.
        var limit = wait.MaxDuration == Timeout.InfiniteTimeSpan && !wait.CancelIfCallerLeaves ? null : Limit(wait.MaxDuration);
        Enter();
        // On the thread pool: the bot may work synchronously for a while, and the caller's clock runs from now.
        var turn = Task.Run(() => RunOwnedAsync(activity, send, limit), CancellationToken.None);
        try
        {
            // WaitAsync disposes its timer as soon as the turn ends: a fast turn leaves nothing behind.
            return await turn.WaitAsync(wait.AnswerWithin, time, callerGone).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // The caller logs it, in its own words; once it has its answer, leaving no longer cancels the turn.
            return null;
        }
        catch (OperationCanceledException) when (callerGone.IsCancellationRequested)
        {
            if (wait.CancelIfCallerLeaves)
            {
                CancelQuietly(limit!);
            }

            return null;
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Waits for the running turns until <paramref name="cancellationToken"/> (the host's shutdown timeout), then cancels them.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        drained = done;
        var count = Running;
        if (count == 0)
        {
            return;
        }

        Log.Draining(logger, count);
        try
        {
            await done.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            Log.Abandoned(logger, Running);
            await abandon.CancelAsync().ConfigureAwait(false);
        }
    }

    public void Dispose() => abandon.Dispose();

    private async Task<TurnResult> RunOwnedAsync(Activity activity, Func<Activity, CancellationToken, Task<string?>> send, CancellationTokenSource? limit)
    {
        // Shutdown giving up cancels a turn with a limit of its own too.
        using var abandoned = limit is null ? default : abandon.Token.UnsafeRegister(static state => CancelQuietly((CancellationTokenSource)state!), limit);
        try
        {
            return await pipeline.RunAsync(activity, send, limit?.Token ?? abandon.Token).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            // The error boundary catches the bot's failures; this is only for a step outside it.
            Log.TurnEscaped(logger, ex);
            return new TurnResult(null, [], Failed: true);
        }
        finally
        {
            limit?.Dispose();
            Exit();
        }
    }

    private CancellationTokenSource Limit(TimeSpan maxDuration) =>
        maxDuration == Timeout.InfiniteTimeSpan ? new CancellationTokenSource() : new CancellationTokenSource(maxDuration, time);

    private void Enter() => Interlocked.Increment(ref running);

    private void Exit()
    {
        if (Interlocked.Decrement(ref running) == 0)
        {
            drained?.TrySetResult();
        }
    }

    private static void CancelQuietly(CancellationTokenSource source)
    {
        try
        {
            source.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The turn had already finished and let go of its limit.
        }
    }

    private static partial class Log
    {
        [LoggerMessage(110, LogLevel.Information, "Stopping: waiting for {Count} running turn(s) to finish")]
        public static partial void Draining(ILogger logger, int count);

        [LoggerMessage(111, LogLevel.Warning, "Stopped waiting: {Count} turn(s) still running were cancelled")]
        public static partial void Abandoned(ILogger logger, int count);

        [LoggerMessage(112, LogLevel.Error, "A turn failed outside the error boundary")]
        public static partial void TurnEscaped(ILogger logger, Exception exception);
    }
}
