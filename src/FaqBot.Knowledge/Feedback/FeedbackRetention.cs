using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FaqBot.Knowledge.Feedback;

/// <summary>Deletes rows older than the retention (the privacy notice promises it): at start, then every hour.</summary>
public sealed partial class FeedbackRetention(IFeedbackDatabase database, int retentionDays, TimeProvider time, ILogger<FeedbackRetention>? logger = null)
    : BackgroundService
{
    public static readonly TimeSpan Every = TimeSpan.FromHours(1);

    private readonly ILogger _logger = (ILogger?)logger ?? NullLogger.Instance;

    // Counting from construction (the host's start), so an hour after start is an hour after start however long the
    // first purge took.
    private readonly PeriodicTimer _timer = new(Every, time);

    /// <summary>Deletes every row older than the retention; returns how many went.</summary>
    public int PurgeExpired()
    {
        using var connection = database.Open();
        return FeedbackRows.Purge(connection, time.GetUtcNow() - TimeSpan.FromDays(retentionDays));
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        do
        {
            try
            {
                var deleted = PurgeExpired();
                Log.Purged(_logger, deleted, retentionDays);
            }
            catch (Exception e) when (e is System.Data.Common.DbException or IOException or InvalidOperationException or TimeoutException)
            {
                // The next hour tries again; a database that is down now must not stop the bot.
                Log.PurgeFailed(_logger, database.Name, e);
            }
        }
        while (await WaitAsync(_timer, stoppingToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public override void Dispose()
    {
        base.Dispose();
        _timer.Dispose();
    }

    private static partial class Log
    {
        [LoggerMessage(4106, LogLevel.Debug, "Retention: deleted {Deleted} feedback rows older than {Days} days")]
        public static partial void Purged(ILogger logger, int deleted, int days);

        [LoggerMessage(4107, LogLevel.Error, "Could not delete expired rows from the feedback database {Name}; tried again in an hour")]
        public static partial void PurgeFailed(ILogger logger, string name, Exception exception);
    }
}
