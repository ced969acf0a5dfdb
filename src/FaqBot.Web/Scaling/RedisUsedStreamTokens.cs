using FaqBot.BotFramework.DirectLine;

namespace FaqBot.Web.Scaling;

/// <summary>Single-use stream URLs across instances: the first instance to see a token id claims it in Redis until it expires.</summary>
public sealed class RedisUsedStreamTokens(RedisConnection redis, TimeProvider clock) : IUsedStreamTokens
{
    public async ValueTask<bool> TryClaimAsync(string tokenId, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        var left = expiresAt - clock.GetUtcNow();
        if (left <= TimeSpan.Zero)
        {
            return false;
        }

        return await RedisConnection.DirectLineAsync(() =>
            redis.Database.StringSetAsync($"{RedisConnection.Prefix}dl-stream:{tokenId}", 1, left, StackExchange.Redis.When.NotExists));
    }
}
