namespace FaqBot.Web.Health;

internal static partial class Log
{
    [LoggerMessage(EventId = 6001, Level = LogLevel.Warning, Message = "Readiness check failed: the knowledge index cannot be searched")]
    public static partial void IndexNotReady(ILogger logger, Exception exception);
}
