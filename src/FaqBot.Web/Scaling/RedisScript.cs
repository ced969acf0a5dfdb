using System.Security.Cryptography;
using System.Text;
using StackExchange.Redis;

namespace FaqBot.Web.Scaling;

/// <summary>
/// A Lua script sent by its SHA-1 (EVALSHA) instead of its text. Every Direct Line post runs one; under a burst of new
/// chats the text of each (about a kilobyte) queued up in front of the replies and pushed calls past their timeout.
/// </summary>
internal sealed class RedisScript(string text)
{
    private readonly byte[] hash = SHA1.HashData(Encoding.UTF8.GetBytes(text));

    public string Text { get; } = text;

    public async Task<RedisResult> EvaluateAsync(IDatabase database, RedisKey[] keys, RedisValue[] values)
    {
        try
        {
            return await database.ScriptEvaluateAsync(hash, keys, values);
        }
        catch (RedisServerException e) when (e.Message.StartsWith("NOSCRIPT", StringComparison.Ordinal))
        {
            // Redis has not seen it since it started (or its script cache was flushed): EVAL runs it and caches it there.
            return await database.ScriptEvaluateAsync(Text, keys, values);
        }
    }
}
