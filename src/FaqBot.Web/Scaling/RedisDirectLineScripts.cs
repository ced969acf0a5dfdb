namespace FaqBot.Web.Scaling;

/// <summary>
/// The Direct Line store's Lua scripts. Each runs atomically in Redis, so two instances appending to one conversation
/// get distinct, gap-free watermarks, and the frame a socket receives is published in watermark order.
/// KEYS[1] is the conversation's hash (user, created, seq, bytes), KEYS[2] its history (a sorted set scored by watermark).
/// </summary>
internal static class RedisDirectLineScripts
{
    // Marks the conversation used: the TTL is the idle timeout, never past the conversation's maximum age.
    // ARGV[1..3] = now (ms), idle timeout (ms), maximum age (ms). Returns nil when the conversation is gone or too old.
    private const string Touch = """
        local function touch()
          local created = redis.call('HGET', KEYS[1], 'created')
          if not created then return nil end
          local left = tonumber(created) + tonumber(ARGV[3]) - tonumber(ARGV[1])
          if left <= 0 then
            redis.call('DEL', KEYS[1], KEYS[2])
            return nil
          end
          local ttl = math.floor(math.min(tonumber(ARGV[2]), left))
          redis.call('PEXPIRE', KEYS[1], ttl)
          redis.call('PEXPIRE', KEYS[2], ttl)
          return ttl
        end

        """;

    /// <summary>Returns the user id, or nil.</summary>
    public static readonly RedisScript Find = new(Touch + """
        if not touch() then return nil end
        return redis.call('HGET', KEYS[1], 'user')
        """);

    /// <summary>ARGV[4] = user id. Returns {created (1/0), user id}.</summary>
    public static readonly RedisScript Start = new(Touch + """
        if touch() then return {0, redis.call('HGET', KEYS[1], 'user')} end
        redis.call('HSET', KEYS[1], 'user', ARGV[4], 'created', ARGV[1], 'seq', 0, 'bytes', 0)
        redis.call('PEXPIRE', KEYS[1], math.floor(math.min(tonumber(ARGV[2]), tonumber(ARGV[3]))))
        return {1, ARGV[4]}
        """);

    /// <summary>
    /// KEYS[3] = this append's own key, so a call retried after a timeout (when the first may have run after all) stores
    /// the activity once: a second run finds the key and returns the watermark the first gave.
    /// ARGV[4] = the activity's JSON with placeholders, ARGV[5] = the placeholder nonce, ARGV[6] = most activities kept,
    /// ARGV[7] = most bytes kept, ARGV[8] = bytes counted per activity besides its JSON, ARGV[9] = the socket channel,
    /// ARGV[10] = how long the append's key is kept (ms).
    /// The watermark is stamped into the id (nonceP, 7 digits) and Web Chat's sequence id ("nonceN", a number).
    /// Returns the watermark, or -1 when the conversation is gone.
    /// </summary>
    public static readonly RedisScript Append = new(Touch + """
        local done = redis.call('GET', KEYS[3])
        if done then return tonumber(done) end
        local ttl = touch()
        if not ttl then return -1 end
        local seq = redis.call('HINCRBY', KEYS[1], 'seq', 1)
        redis.call('SET', KEYS[3], seq, 'PX', ARGV[10])
        local json = (string.gsub(ARGV[4], ARGV[5] .. 'P', string.format('%07d', seq)))
        json = (string.gsub(json, '"' .. ARGV[5] .. 'N"', tostring(seq)))
        redis.call('ZADD', KEYS[2], seq, json)
        redis.call('PEXPIRE', KEYS[2], ttl)
        local overhead = tonumber(ARGV[8])
        local bytes = redis.call('HINCRBY', KEYS[1], 'bytes', string.len(json) + overhead)
        local count = redis.call('ZCARD', KEYS[2])
        -- Bounded as in process: the oldest go first, the watermark keeps counting.
        while count > 1 and (count > tonumber(ARGV[6]) or bytes > tonumber(ARGV[7])) do
          local oldest = redis.call('ZPOPMIN', KEYS[2])
          bytes = redis.call('HINCRBY', KEYS[1], 'bytes', -(string.len(oldest[1]) + overhead))
          count = count - 1
        end
        redis.call('PUBLISH', ARGV[9], 'a' .. seq .. '|{"activities":[' .. json .. '],"watermark":"' .. seq .. '"}')
        return seq
        """);

    /// <summary>ARGV[1] = a typing activity's JSON, ARGV[2] = the socket channel. Typing is sent, never stored.</summary>
    public static readonly RedisScript Broadcast = new("""
        local seq = redis.call('HGET', KEYS[1], 'seq')
        if not seq then return 0 end
        redis.call('PUBLISH', ARGV[2], 't|{"activities":[' .. ARGV[1] .. '],"watermark":"' .. seq .. '"}')
        return 1
        """);

    /// <summary>ARGV[1] = watermark. Returns {current watermark, json, watermark, json, watermark, ...} or nil.</summary>
    public static readonly RedisScript Read = new("""
        local seq = redis.call('HGET', KEYS[1], 'seq')
        if not seq then return nil end
        local items = redis.call('ZRANGEBYSCORE', KEYS[2], '(' .. ARGV[1], '+inf', 'WITHSCORES')
        table.insert(items, 1, seq)
        return items
        """);
}
