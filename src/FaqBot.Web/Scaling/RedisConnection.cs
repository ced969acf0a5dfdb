using FaqBot.BotFramework.DirectLine;
using StackExchange.Redis;

namespace FaqBot.Web.Scaling;

/// <summary>
/// The one Redis connection every instance's shared state goes through. It never waits for a Redis that is down:
/// commands fail at once while disconnected (FailFast backlog) and time out after two seconds otherwise (with one, a
/// burst of new chats on a busy two-core host timed out), and the client
/// reconnects by itself, so recovery needs no restart.
/// </summary>
public sealed class RedisConnection : IDisposable
{
    /// <summary>Every key and channel starts with this, so FaqBot can share a Redis with other applications.</summary>
    public const string Prefix = "faqbot:";

    private readonly Lazy<ConnectionMultiplexer> multiplexer;

    public RedisConnection(string connectionString)
    {
        var options = ConfigurationOptions.Parse(connectionString);
        // Start even when Redis is down (the bot still answers /api/messages); reconnect in the background.
        options.AbortOnConnectFail = false;
        options.BacklogPolicy = BacklogPolicy.FailFast;
        options.ReconnectRetryPolicy = new ExponentialRetry(250, 2000);
        if (!connectionString.Contains("connectTimeout", StringComparison.OrdinalIgnoreCase))
        {
            options.ConnectTimeout = 2000;
        }

        if (!connectionString.Contains("syncTimeout", StringComparison.OrdinalIgnoreCase))
        {
            options.SyncTimeout = 2000;
        }

        if (!connectionString.Contains("asyncTimeout", StringComparison.OrdinalIgnoreCase))
        {
            options.AsyncTimeout = 2000;
        }

        options.ClientName ??= "faqbot";
        multiplexer = new Lazy<ConnectionMultiplexer>(() => ConnectionMultiplexer.Connect(options));
    }

    public ConnectionMultiplexer Multiplexer => multiplexer.Value;

    public IDatabase Database => Multiplexer.GetDatabase();

    public bool IsConnected => Multiplexer.IsConnected;

    /// <summary>Runs a Direct Line store call; Redis being unreachable becomes the exception Direct Line answers with 503.</summary>
    public static async Task<T> DirectLineAsync<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (Exception e) when (IsOutage(e))
        {
            throw new DirectLineStoreUnavailableException("Redis cannot be reached.", e);
        }
    }

    /// <summary>The failures that mean "Redis is down or too slow", as opposed to a bug in a command.</summary>
    public static bool IsOutage(Exception e) => e is RedisConnectionException or RedisTimeoutException or TimeoutException or ObjectDisposedException;

    public void Dispose()
    {
        if (multiplexer.IsValueCreated)
        {
            multiplexer.Value.Dispose();
        }
    }
}
