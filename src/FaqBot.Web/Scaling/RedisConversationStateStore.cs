using System.Text.Json;
using FaqBot.Web.Conversation;
using Microsoft.Extensions.Options;

namespace FaqBot.Web.Scaling;

/// <summary>
/// Conversation memory (follow-up context) in Redis, expiring after the same idle time as in process. Redis being
/// down must not stop the bot answering: a read that fails is "nothing remembered", a write that fails is skipped,
/// and the turn goes on (a follow-up question is then answered on its own words).
/// </summary>
public sealed class RedisConversationStateStore(RedisConnection redis, IOptions<ConversationOptions> options, ILogger<RedisConversationStateStore> logger) : IConversationStateStore
{
    public async ValueTask<ConversationState?> GetAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            var value = await redis.Database.StringGetAsync(Key(key));
            return value.IsNull ? null : JsonSerializer.Deserialize<ConversationState>((byte[])value!, JsonSerializerOptions.Web);
        }
        catch (Exception e) when (RedisConnection.IsOutage(e))
        {
            Log.MemoryUnavailable(logger, e);
            return null;
        }
    }

    public async ValueTask SetAsync(string key, ConversationState state, CancellationToken cancellationToken)
    {
        try
        {
            // Every turn writes the state, so the expiry counts from the last turn, as the in-process store's does.
            await redis.Database.StringSetAsync(Key(key), JsonSerializer.SerializeToUtf8Bytes(state, JsonSerializerOptions.Web), options.Value.StateExpiry);
        }
        catch (Exception e) when (RedisConnection.IsOutage(e))
        {
            Log.MemoryUnavailable(logger, e);
        }
    }

    public async ValueTask RemoveAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            await redis.Database.KeyDeleteAsync(Key(key));
        }
        catch (Exception e) when (RedisConnection.IsOutage(e))
        {
            Log.MemoryUnavailable(logger, e);
        }
    }

    private static string Key(string key) => $"{RedisConnection.Prefix}memory:{key}";
}
