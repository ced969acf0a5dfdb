using Microsoft.Extensions.Logging;

namespace FaqBot.BotFramework.Auth;

/// <summary>
/// Logs rejected requests without letting a flood of forged tokens flood the log: every rejection at Debug, and at most one
/// Warning per interval that counts them and gives the latest reason (never caller-chosen ids, never a stack trace).
/// </summary>
internal sealed partial class RejectionLog(ILogger logger, TimeProvider time, TimeSpan interval)
{
    private readonly Lock gate = new();
    private long sinceLastWarning;
    private DateTimeOffset nextWarning = DateTimeOffset.MinValue;

    public void Rejected(string reason)
    {
        Log.Rejected(logger, reason);
        long count;
        lock (gate)
        {
            sinceLastWarning++;
            var now = time.GetUtcNow();
            if (now < nextWarning)
            {
                return;
            }
            count = sinceLastWarning;
            sinceLastWarning = 0;
            nextWarning = now + interval;
        }
        Log.Summary(logger, count, interval.TotalSeconds, reason);
    }

    private static partial class Log
    {
        [LoggerMessage(300, LogLevel.Debug, "Rejected inbound request: {Reason}")]
        public static partial void Rejected(ILogger logger, string reason);

        [LoggerMessage(303, LogLevel.Warning, "Rejected {Count} inbound request(s) with a missing or invalid token (at most one such line per {Seconds} s); latest reason: {Reason}")]
        public static partial void Summary(ILogger logger, long count, double seconds, string reason);
    }
}
