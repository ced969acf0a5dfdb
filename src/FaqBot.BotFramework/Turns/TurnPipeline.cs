using FaqBot.BotFramework.Activities;

namespace FaqBot.BotFramework.Turns;

/// <summary>
/// The turn, as an ordered list of steps ending in the bot: built once from every registered
/// <see cref="ITurnMiddleware"/> (sorted by <see cref="TurnStage"/>) and the <see cref="ITurnHandler"/>, so a turn
/// allocates no delegates of its own. Replies pass the steps' <see cref="ITurnMiddleware.OnSendingAsync"/> inside out,
/// then the protocol's own rules, then the transport.
/// </summary>
public sealed class TurnPipeline
{
    private readonly TurnDelegate entry;
    private readonly ITurnMiddleware[] insideOut;

    public TurnPipeline(ITurnHandler bot, IEnumerable<ITurnMiddleware> middleware)
    {
        ArgumentNullException.ThrowIfNull(bot);
        // OrderBy is stable: steps of one stage keep their registration order.
        var ordered = middleware.OrderBy(m => m.Stage).ToArray();
        Steps = ordered;
        insideOut = [.. ordered.Reverse()];
        TurnDelegate next = bot.HandleAsync;
        foreach (var step in insideOut)
        {
            var inner = next;
            next = (turn, ct) => step.OnTurnAsync(turn, inner, ct);
        }

        entry = next;
    }

    /// <summary>The steps in the order a turn passes them (the bot after the last).</summary>
    public IReadOnlyList<ITurnMiddleware> Steps { get; }

    /// <summary>Runs one turn with a transport's send delegate; what the bot sent comes back in the result.</summary>
    public async Task<TurnResult> RunAsync(Activity activity, Func<Activity, CancellationToken, Task<string?>> send, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(send);
        var turn = new TurnContext(activity, this, send);
        await entry(turn, cancellationToken).ConfigureAwait(false);
        return new TurnResult(turn.InvokeResponse, turn.Sent, turn.Failed);
    }

    internal async Task<string?> SendAsync(TurnContext turn, Activity reply, CancellationToken cancellationToken)
    {
        foreach (var step in insideOut)
        {
            if (!await step.OnSendingAsync(turn, reply, cancellationToken).ConfigureAwait(false))
            {
                return null;
            }
        }

        var inbound = turn.Activity;
        // Traces are debugging aids the SDK shows only in the Emulator; other channels never get them.
        if (reply.Type == ActivityTypes.Trace && inbound.ChannelId != "emulator")
        {
            return null;
        }

        Address(reply, inbound);
        return await turn.TransportAsync(reply, cancellationToken).ConfigureAwait(false);
    }

    // Like the SDK's conversation reference: whatever the bot left out, the reply goes back where the activity came from.
    private static void Address(Activity reply, Activity inbound)
    {
        reply.Conversation ??= inbound.Conversation is null ? null : new() { Id = inbound.Conversation.Id, TenantId = inbound.Conversation.TenantId };
        reply.From ??= inbound.Recipient is null ? null : new() { Id = inbound.Recipient.Id, Name = inbound.Recipient.Name, Role = "bot" };
        reply.Recipient ??= inbound.From is null ? null : new() { Id = inbound.From.Id, Name = inbound.From.Name };
        reply.ChannelId ??= inbound.ChannelId;
        reply.ServiceUrl ??= inbound.ServiceUrl;
        reply.ReplyToId ??= inbound.Id;
    }
}
