using Microsoft.Extensions.Options;

namespace FaqBot.Web.Conversation;

/// <summary>A bounded, expiring in-process store: least recently used conversations go first, idle ones expire.</summary>
public sealed class MemoryConversationStateStore(IOptions<ConversationOptions> options, TimeProvider time) : IConversationStateStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, LinkedListNode<Entry>> _entries = new(StringComparer.Ordinal);
    private readonly LinkedList<Entry> _recency = new();

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _entries.Count;
            }
        }
    }

    public ValueTask<ConversationState?> GetAsync(string key, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (!_entries.TryGetValue(key, out var node))
            {
                return ValueTask.FromResult<ConversationState?>(null);
            }

            if (time.GetUtcNow() - node.Value.Touched > options.Value.StateExpiry)
            {
                Drop(node);
                return ValueTask.FromResult<ConversationState?>(null);
            }

            return ValueTask.FromResult<ConversationState?>(node.Value.State);
        }
    }

    public ValueTask SetAsync(string key, ConversationState state, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (_entries.TryGetValue(key, out var existing))
            {
                Drop(existing);
            }

            _entries[key] = _recency.AddFirst(new Entry(key, state, time.GetUtcNow()));
            while (_entries.Count > options.Value.StateCapacity)
            {
                Drop(_recency.Last!);
            }
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask RemoveAsync(string key, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (_entries.TryGetValue(key, out var node))
            {
                Drop(node);
            }
        }

        return ValueTask.CompletedTask;
    }

    private void Drop(LinkedListNode<Entry> node)
    {
        _recency.Remove(node);
        _entries.Remove(node.Value.Key);
    }

    private sealed record Entry(string Key, ConversationState State, DateTimeOffset Touched);
}
