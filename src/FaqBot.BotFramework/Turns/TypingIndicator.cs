using FaqBot.BotFramework.Activities;
using Microsoft.Extensions.Options;

namespace FaqBot.BotFramework.Turns;

/// <summary>
/// Sends one typing activity when a message turn has not replied within <see cref="TypingIndicatorOptions.Delay"/>
/// (before anything else when the delay is zero). A fast turn only creates and disposes a timer; a reply never
/// overtakes a typing activity already on its way, and no typing activity follows the turn's first reply.
/// </summary>
public sealed class TypingIndicator(IOptions<TypingIndicatorOptions> options, TimeProvider time) : ITurnMiddleware
{
    public TurnStage Stage => TurnStage.Typing;

    public Task OnTurnAsync(TurnContext turn, TurnDelegate next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(next);
        if (turn.Activity.Type != ActivityTypes.Message)
        {
            return next(turn, cancellationToken);
        }

        var delay = options.Value.Delay;
        return delay <= TimeSpan.Zero ? TypingFirstAsync(turn, next, cancellationToken) : TypingIfSlowAsync(turn, next, delay, cancellationToken);
    }

    public ValueTask<bool> OnSendingAsync(TurnContext turn, Activity activity, CancellationToken cancellationToken)
    {
        if (activity.Type == ActivityTypes.Typing || turn.Get<PendingTyping>() is not { } pending)
        {
            return new(true);
        }

        var typing = pending.Replying();
        return typing is null || typing.IsCompleted ? new(true) : AfterAsync(typing);
    }

    private static async Task TypingFirstAsync(TurnContext turn, TurnDelegate next, CancellationToken cancellationToken)
    {
        await turn.SendAsync(Typing(turn.Activity), cancellationToken).ConfigureAwait(false);
        await next(turn, cancellationToken).ConfigureAwait(false);
    }

    private async Task TypingIfSlowAsync(TurnContext turn, TurnDelegate next, TimeSpan delay, CancellationToken cancellationToken)
    {
        var pending = new PendingTyping(turn, cancellationToken);
        turn.Set(pending);
        pending.Start(time, delay);
        try
        {
            await next(turn, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await pending.FinishAsync().ConfigureAwait(false);
        }
    }

    // The reply waits for the typing activity already on its way, so the channel gets them in order.
    private static async ValueTask<bool> AfterAsync(Task typing)
    {
        await typing.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        return true;
    }

    private static Activity Typing(Activity inbound)
    {
        var typing = inbound.CreateReply();
        typing.Type = ActivityTypes.Typing;
        return typing;
    }

    /// <summary>One message turn's timer and the typing activity it may have started.</summary>
    private sealed class PendingTyping(TurnContext turn, CancellationToken cancellationToken)
    {
        private ITimer? timer;
        private Task? typing;
        private bool replied;

        public void Start(TimeProvider time, TimeSpan delay) =>
            timer = time.CreateTimer(static state => ((PendingTyping)state!).Fire(), this, delay, Timeout.InfiniteTimeSpan);

        /// <summary>The turn is replying: no typing from now on; returns the one already started, if any.</summary>
        public Task? Replying()
        {
            lock (this)
            {
                replied = true;
                return typing;
            }
        }

        public async Task FinishAsync()
        {
            Task? started;
            lock (this)
            {
                replied = true;
                started = typing;
            }

            if (timer is not null)
            {
                await timer.DisposeAsync().ConfigureAwait(false);
            }

            // The turn does not end with a send of its own still going out.
            if (started is not null)
            {
                await started.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }

        private void Fire()
        {
            lock (this)
            {
                if (replied)
                {
                    return;
                }

                // Started under the lock, so a reply either sees this send (and waits for it) or stops it happening.
                typing = SendQuietlyAsync();
            }
        }

        private async Task SendQuietlyAsync()
        {
            try
            {
                await turn.SendAsync(Typing(turn.Activity), cancellationToken).ConfigureAwait(false);
            }
            catch (Exception) when (!cancellationToken.IsCancellationRequested)
            {
                // A typing activity the channel did not take changes nothing for the answer that follows.
            }
        }
    }
}
