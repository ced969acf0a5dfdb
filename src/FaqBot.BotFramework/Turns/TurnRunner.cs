using FaqBot.BotFramework.Activities;
using FaqBot.BotFramework.Logging;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FaqBot.BotFramework.Turns;

/// <summary>
/// The turn boundary shared by <c>/api/messages</c> and Direct Line: runs the bot's <see cref="ITurnHandler"/> with a
/// transport's send delegate and turns an exception into a logged failure plus a short apology to the user.
/// </summary>
public sealed partial class TurnRunner(ITurnHandler handler, IOptions<BotFrameworkOptions> options, ILogger<TurnRunner> logger)
{
    public async Task<TurnResult> RunAsync(Activity activity, Func<Activity, CancellationToken, Task<string?>> send, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(send);

        var sent = new List<Activity>();
        async Task<string?> Record(Activity reply, CancellationToken ct)
        {
            // Traces are debugging aids the SDK shows only in the Emulator; other channels never get them.
            if (reply.Type == ActivityTypes.Trace && activity.ChannelId != "emulator")
            {
                return null;
            }

            Address(reply, activity);
            lock (sent)
            {
                sent.Add(reply);
            }
            return await send(reply, ct).ConfigureAwait(false);
        }

        var turn = new TurnContext(activity, Record);
        try
        {
            await handler.HandleAsync(turn, cancellationToken).ConfigureAwait(false);
            return new TurnResult(turn.InvokeResponse, Snapshot(sent), Failed: false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Log.TurnCancelled(logger, LogText.Escape(activity.Type));
            Log.TurnConversation(logger, LogText.Escape(activity.Conversation?.Id));
            return new TurnResult(turn.InvokeResponse, Snapshot(sent), Failed: true);
        }
        catch (Exception ex)
        {
            Log.TurnFailed(logger, ex, LogText.Escape(activity.Type));
            Log.TurnConversation(logger, LogText.Escape(activity.Conversation?.Id));
            await SendApologyAsync(activity, Record, cancellationToken).ConfigureAwait(false);
            // An invoke still needs an HTTP answer; 500 without a body tells the channel it failed and leaks nothing.
            var invoke = activity.Type == ActivityTypes.Invoke ? new InvokeResponse(500) : null;
            return new TurnResult(invoke, Snapshot(sent), Failed: true);
        }
    }

    private async Task SendApologyAsync(Activity activity, Func<Activity, CancellationToken, Task<string?>> send, CancellationToken cancellationToken)
    {
        // Only a person can read an apology; an event or an update has nobody waiting for one.
        if (activity.Type is not (ActivityTypes.Message or ActivityTypes.Invoke))
        {
            return;
        }

        try
        {
            var apology = activity.CreateReply(options.Value.FallbackReplyText);
            apology.InputHint = "acceptingInput";
            await send(apology, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            Log.ApologyFailed(logger, ex);
            Log.TurnConversation(logger, LogText.Escape(activity.Conversation?.Id));
        }
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

    private static Activity[] Snapshot(List<Activity> sent)
    {
        lock (sent)
        {
            return [.. sent];
        }
    }

    private static partial class Log
    {
        // Conversation ids are the caller's choice: they go only to the Debug line that follows, escaped.
        [LoggerMessage(100, LogLevel.Error, "Turn for a {ActivityType} activity failed")]
        public static partial void TurnFailed(ILogger logger, Exception exception, string? activityType);

        [LoggerMessage(101, LogLevel.Information, "Turn for a {ActivityType} activity was cancelled")]
        public static partial void TurnCancelled(ILogger logger, string? activityType);

        [LoggerMessage(102, LogLevel.Error, "Could not send the apology after a failed turn")]
        public static partial void ApologyFailed(ILogger logger, Exception exception);

        [LoggerMessage(103, LogLevel.Debug, "(the turn above was in conversation {ConversationId})")]
        public static partial void TurnConversation(ILogger logger, string? conversationId);
    }
}
