using System.Collections.Concurrent;

namespace FaqBot.Web.Conversation;

/// <summary>
/// Replies built from knowledge that cannot change while the bot runs, kept so they are built once. Bounded like the
/// decision cache: when full it starts afresh, which costs a rebuild, never a wrong reply.
/// </summary>
internal sealed class BuiltOnceCache<TKey, TValue>(int capacity)
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, TValue> _entries = new();

    /// <param name="build">Given the state and the key; static, so a hit allocates nothing.</param>
    public TValue GetOrBuild<TState>(TKey key, TState state, Func<TState, TKey, TValue> build)
    {
        if (_entries.TryGetValue(key, out var known))
        {
            return known;
        }

        if (_entries.Count >= capacity)
        {
            _entries.Clear();
        }

        return _entries[key] = build(state, key);
    }
}
