using System.Collections.Concurrent;
using System.Security.Cryptography;
using FaqBot.BotFramework.DirectLine;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace FaqBot.Web.Scaling;

/// <summary>
/// Direct Line conversations in Redis, so every instance can serve every conversation: history and watermarks in
/// Redis with the same limits and expiry as in process (as TTLs), replies to open sockets over pub/sub, so a reply
/// produced on one instance reaches a WebSocket held by another.
/// </summary>
public sealed class RedisDirectLineStore : IDirectLineStore
{
    private readonly ConcurrentDictionary<string, RedisSocketFeed> feeds = new(StringComparer.Ordinal);
    private readonly Lock stampGate = new();
    private DateTimeOffset lastStamp = DateTimeOffset.MinValue;

    public RedisDirectLineStore(RedisConnection redis, IOptions<DirectLineOptions> options, TimeProvider clock, ILogger<RedisDirectLineStore> logger)
    {
        Redis = redis;
        Options = options.Value;
        Clock = clock;
        Logger = logger;
        redis.Multiplexer.ConnectionRestored += (_, _) =>
        {
            // Frames published while the connection was down never arrived: each open socket reads what it missed.
            Log.RedisRestored(logger, feeds.Count);
            foreach (var feed in feeds.Values)
            {
                _ = feed.CatchUpAsync();
            }
        };
        redis.Multiplexer.ConnectionFailed += (_, e) => Log.RedisLost(logger, e.FailureType.ToString());
    }

    internal RedisConnection Redis { get; }

    internal DirectLineOptions Options { get; }

    internal TimeProvider Clock { get; }

    internal ILogger Logger { get; }

    /// <summary>Random per process, so no text a patient types can match the placeholders the append script replaces.</summary>
    internal string Nonce { get; } = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));

    public DateTimeOffset Now => Clock.GetUtcNow();

    public async ValueTask<IDirectLineConversation?> FindAsync(string conversationId, CancellationToken cancellationToken)
    {
        var user = await RedisConnection.DirectLineAsync(() => RedisDirectLineScripts.Find.EvaluateAsync(Redis.Database, Keys(conversationId), TouchArgs()));
        return user.IsNull ? null : new RedisDirectLineConversation(this, conversationId, (string)user!);
    }

    public async ValueTask<(IDirectLineConversation Conversation, bool Created)> GetOrStartAsync(string conversationId, string userId, CancellationToken cancellationToken)
    {
        var result = (RedisResult[])(await RedisConnection.DirectLineAsync(() =>
            RedisDirectLineScripts.Start.EvaluateAsync(Redis.Database, Keys(conversationId), [.. TouchArgs(), userId])))!;
        return (new RedisDirectLineConversation(this, conversationId, (string)result[1]!), (int)result[0] == 1);
    }

    internal static RedisKey[] Keys(string conversationId) =>
        // One hash tag per conversation keeps both keys on one node of a Redis cluster, as a script needs.
        [$"{RedisConnection.Prefix}dl:{{{conversationId}}}:m", $"{RedisConnection.Prefix}dl:{{{conversationId}}}:a"];

    /// <summary>A fresh key for one append, in the conversation's hash slot (see <see cref="RedisDirectLineScripts.Append"/>).</summary>
    internal static RedisKey AppendKey(string conversationId) =>
        $"{RedisConnection.Prefix}dl:{{{conversationId}}}:r:{Convert.ToHexString(RandomNumberGenerator.GetBytes(12))}";

    /// <summary>
    /// The key of a patient's message: Web Chat's id for it and its text, hashed (both are the client's words). The
    /// text is in it so a client that reused an id for a new message has that message stored, not swallowed.
    /// </summary>
    internal static RedisKey ClientAppendKey(string conversationId, string clientActivityId, string? text) =>
        $"{RedisConnection.Prefix}dl:{{{conversationId}}}:c:{Convert.ToHexString(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(clientActivityId + "\n" + text)))[..32]}";

    internal static RedisChannel Channel(string conversationId) => RedisChannel.Literal($"{RedisConnection.Prefix}dl:{conversationId}:socket");

    internal RedisValue[] TouchArgs() =>
        [Now.ToUnixTimeMilliseconds(), (long)Options.ConversationIdleTimeout.TotalMilliseconds, (long)Options.ConversationMaxAge.TotalMilliseconds];

    // Web Chat sorts on timestamp (ms) after the sequence id; strictly increasing within this instance.
    internal string NextTimestamp(DateTimeOffset at)
    {
        lock (stampGate)
        {
            var ticks = at.UtcTicks - (at.UtcTicks % TimeSpan.TicksPerMillisecond);
            var candidate = new DateTimeOffset(ticks, TimeSpan.Zero);
            lastStamp = candidate > lastStamp ? candidate : lastStamp.AddMilliseconds(1);
            return lastStamp.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    internal async Task<StreamSubscription> SubscribeAsync(string conversationId, long watermark)
    {
        var feed = new RedisSocketFeed(this, conversationId, watermark);
        // One socket per conversation on this instance; the newest wins (others are told over the channel).
        if (feeds.TryGetValue(conversationId, out var older))
        {
            older.End("collision");
        }

        feeds[conversationId] = feed;
        try
        {
            await feed.StartAsync();
        }
        catch (Exception e) when (RedisConnection.IsOutage(e))
        {
            Unsubscribe(conversationId, feed.Subscription);
            throw new DirectLineStoreUnavailableException("Redis cannot be reached.", e);
        }

        return feed.Subscription;
    }

    internal void Unsubscribe(string conversationId, StreamSubscription subscription)
    {
        if (feeds.TryGetValue(conversationId, out var feed) && ReferenceEquals(feed.Subscription, subscription))
        {
            feeds.TryRemove(new KeyValuePair<string, RedisSocketFeed>(conversationId, feed));
            feed.Stop();
        }
    }
}
