using BitFaster.Caching.Lru;

namespace FaqBot.Web.Conversation;

/// <summary>
/// Replies built from knowledge that cannot change while the bot runs, kept so they are built once. Bounded: when full,
/// the least recently used go first (BitFaster's concurrent LRU), which costs a rebuild, never a wrong reply.
/// </summary>
internal sealed class BuiltOnceCache<TKey, TValue>(int capacity)
    where TKey : notnull
{
    private readonly FastConcurrentLru<TKey, TValue> _entries = new(Math.Max(3, capacity));

    /// <param name="build">Given the state and the key; static, so a hit allocates nothing.</param>
    public TValue GetOrBuild<TState>(TKey key, TState state, Func<TState, TKey, TValue> build) =>
        _entries.GetOrAdd(key, static (k, args) => args.Build(args.State, k), (State: state, Build: build));
}
