using System.Collections.Concurrent;

namespace FaqBot.BotFramework.DirectLine;

/// <summary>
/// Makes stream URLs single-use, as their purpose requires: a URL that leaked (a log, a proxy, a shoulder) must not take
/// over the patient's socket and replay the history. Each stream token's id is remembered until the token expires
/// (StreamUrlLifetime, 60 s), so the set holds at most one minute's issued tokens. A client that lost its socket asks
/// for a new URL (reconnect GET), which is what Direct Line JS does anyway (protocol reference 6.5).
/// </summary>
public sealed class UsedStreamTokens(TimeProvider time) : IUsedStreamTokens
{
    ValueTask<bool> IUsedStreamTokens.TryClaimAsync(string tokenId, DateTimeOffset expiresAt, CancellationToken cancellationToken) =>
        ValueTask.FromResult(TryClaim(tokenId, expiresAt));

    private readonly ConcurrentDictionary<string, DateTimeOffset> used = new(StringComparer.Ordinal);
    private DateTimeOffset nextSweep = DateTimeOffset.MinValue;

    /// <summary>True the first time a token id is presented, false ever after (until it has expired anyway).</summary>
    public bool TryClaim(string tokenId, DateTimeOffset expiresAt)
    {
        var now = time.GetUtcNow();
        if (now >= nextSweep)
        {
            nextSweep = now.AddSeconds(10);
            foreach (var (id, expiry) in used)
            {
                if (expiry < now)
                {
                    used.TryRemove(id, out _);
                }
            }
        }
        return used.TryAdd(tokenId, expiresAt);
    }
}

/// <summary>Which stream URLs were used; shared between instances when a stream URL may be presented to any of them.</summary>
public interface IUsedStreamTokens
{
    /// <summary>True the first time a token id is presented, false ever after (until it has expired anyway).</summary>
    ValueTask<bool> TryClaimAsync(string tokenId, DateTimeOffset expiresAt, CancellationToken cancellationToken);
}
