namespace FaqBot.Web.Health;

internal static partial class Log
{
    [LoggerMessage(EventId = 6001, Level = LogLevel.Warning, Message = "Readiness check failed: the knowledge index cannot be searched")]
    public static partial void IndexNotReady(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 6002, Level = LogLevel.Information, Message = "Stopping: /readyz answers 503; still serving for {Seconds} s so the load balancer moves new requests elsewhere")]
    public static partial void Draining(ILogger logger, double seconds);
}
