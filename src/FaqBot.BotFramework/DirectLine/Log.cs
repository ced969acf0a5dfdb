using Microsoft.Extensions.Logging;

namespace FaqBot.BotFramework.DirectLine;

// Ids, counts and reasons only: message text is health information and tokens are credentials.
internal static partial class Log
{
    [LoggerMessage(EventId = 5001, Level = LogLevel.Information, Message = "Direct Line conversation {ConversationId} started ({Count} live)")]
    public static partial void ConversationStarted(ILogger logger, string conversationId, int count);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Information, Message = "Direct Line conversation {ConversationId} removed: {Reason}")]
    public static partial void ConversationRemoved(ILogger logger, string conversationId, string reason);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Error, Message = "Bot turn failed for Direct Line activity {ActivityId}")]
    public static partial void TurnFailed(ILogger logger, Exception exception, string activityId);

    [LoggerMessage(EventId = 5004, Level = LogLevel.Warning, Message = "Bot turn for Direct Line activity {ActivityId} still running after {Seconds} s; answered the client anyway")]
    public static partial void TurnSlow(ILogger logger, string activityId, double seconds);

    [LoggerMessage(EventId = 5005, Level = LogLevel.Debug, Message = "Direct Line activity {ActivityId} of type {Type} received: {Text}")]
    public static partial void ActivityReceived(ILogger logger, string activityId, string? type, string? text);

    [LoggerMessage(EventId = 5006, Level = LogLevel.Warning, Message = "Azure Direct Line token exchange failed with status {Status}")]
    public static partial void AzureTokenFailed(ILogger logger, int status);

    [LoggerMessage(EventId = 5007, Level = LogLevel.Debug, Message = "Direct Line reply {ActivityId} stored for conversation {ConversationId}")]
    public static partial void ReplyStored(ILogger logger, string activityId, string conversationId);

    [LoggerMessage(EventId = 5008, Level = LogLevel.Warning, Message = "Direct Line answered 503: the conversation store cannot be reached ({Cause})")]
    public static partial void StoreUnavailable(ILogger logger, string cause);
}
