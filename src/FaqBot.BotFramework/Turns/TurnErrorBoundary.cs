using FaqBot.BotFramework.Activities;
using FaqBot.BotFramework.Logging;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FaqBot.BotFramework.Turns;

/// <summary>
/// The outermost step: an exception anywhere inside becomes a logged failure plus a short apology to the user (and a
/// bodiless 500 for an invoke), so the channel never sees a stack trace or an HTTP 500 for a message.
/// </summary>
public sealed partial class TurnErrorBoundary(IOptions<BotFrameworkOptions> options, ILogger<TurnErrorBoundary> logger) : ITurnMiddleware
{
    public TurnStage Stage => TurnStage.ErrorBoundary;

    public async Task OnTurnAsync(TurnContext turn, TurnDelegate next, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        try
        {
            await next(turn, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            turn.Failed = true;
            Log.TurnCancelled(logger, LogText.Escape(activity.Type));
            Log.TurnConversation(logger, LogText.Escape(activity.Conversation?.Id));
        }
        catch (Exception ex)
        {
            turn.Failed = true;
            Log.TurnFailed(logger, ex, LogText.Escape(activity.Type));
            Log.TurnConversation(logger, LogText.Escape(activity.Conversation?.Id));
            await SendApologyAsync(turn, cancellationToken).ConfigureAwait(false);
            // An invoke still needs an HTTP answer; 500 without a body tells the channel it failed and leaks nothing.
            turn.InvokeResponse = activity.Type == ActivityTypes.Invoke ? new InvokeResponse(500) : null;
        }
    }

    private async Task SendApologyAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        // Only a person can read an apology; an event or an update has nobody waiting for one.
        if (activity.Type is not (ActivityTypes.Message or ActivityTypes.Invoke))
        {
            return;
        }

        try
        {
            var apology = activity.CreateReply(options.Value.FallbackReplyText);
            apology.InputHint = "acceptingInput";
            await turn.SendAsync(apology, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            Log.ApologyFailed(logger, ex);
            Log.TurnConversation(logger, LogText.Escape(activity.Conversation?.Id));
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
