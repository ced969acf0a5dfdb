using BitFaster.Caching.Lru;
using Microsoft.Extensions.Options;

namespace FaqBot.Web.Conversation;

/// <summary>
/// The in-process store: BitFaster's concurrent LRU bounds the count. It resists scans: when it is full, conversations
/// of one message go before those that were taken up again, so a flood of new conversations cannot push out the
/// patients who are in the middle of one. Idle expiry is checked on read against the host's <see cref="TimeProvider"/>,
/// so a test can move the clock instead of waiting.
/// </summary>
public sealed class MemoryConversationStateStore(IOptions<ConversationOptions> options, TimeProvider time) : IConversationStateStore
{
    private readonly FastConcurrentLru<string, Entry> _entries = new(Environment.ProcessorCount, Math.Max(3, options.Value.StateCapacity), StringComparer.Ordinal);

    public int Count => _entries.Count;

    public ValueTask<ConversationState?> GetAsync(string key, CancellationToken cancellationToken)
    {
        if (!_entries.TryGet(key, out var entry))
        {
            return ValueTask.FromResult<ConversationState?>(null);
        }

        if (time.GetUtcNow() - entry.Touched > options.Value.StateExpiry)
        {
            _entries.TryRemove(key);
            return ValueTask.FromResult<ConversationState?>(null);
        }

        return ValueTask.FromResult<ConversationState?>(entry.State);
    }

    public ValueTask SetAsync(string key, ConversationState state, CancellationToken cancellationToken)
    {
        _entries.AddOrUpdate(key, new Entry(state, time.GetUtcNow()));
        return ValueTask.CompletedTask;
    }

    public ValueTask RemoveAsync(string key, CancellationToken cancellationToken)
    {
        _entries.TryRemove(key);
        return ValueTask.CompletedTask;
    }

    // Every turn writes the state, so the time of the last write is the time of the last turn.
    private sealed record Entry(ConversationState State, DateTimeOffset Touched);
}
