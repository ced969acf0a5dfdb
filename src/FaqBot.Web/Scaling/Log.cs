namespace FaqBot.Web.Scaling;

// Keys are ids and counts, never a message: the patient's words stay out of every line here.
internal static partial class Log
{
    [LoggerMessage(7001, LogLevel.Information, "Shared state in Redis ({Endpoints}): Direct Line conversations, conversation memory and data-protection keys are shared between instances")]
    public static partial void SharedStateOn(ILogger logger, string endpoints);

    [LoggerMessage(7002, LogLevel.Warning, "Conversation memory is unavailable (Redis cannot be reached): this turn is answered without follow-up context")]
    public static partial void MemoryUnavailable(ILogger logger, Exception exception);

    [LoggerMessage(7003, LogLevel.Warning, "A Direct Line socket could not catch up from Redis; it will on the next activity or reconnection")]
    public static partial void FeedCatchUpFailed(ILogger logger, Exception exception);

    [LoggerMessage(7004, LogLevel.Information, "Redis connection restored; {Count} open sockets catch up")]
    public static partial void RedisRestored(ILogger logger, int count);

    [LoggerMessage(7005, LogLevel.Warning, "Redis connection lost ({FailureType}); Direct Line answers 503 until it is back")]
    public static partial void RedisLost(ILogger logger, string failureType);

    [LoggerMessage(7006, LogLevel.Warning, "Storing an activity in Direct Line conversation {ConversationId} failed ({Cause}); trying once more")]
    public static partial void AppendRetried(ILogger logger, string conversationId, string cause);
}
