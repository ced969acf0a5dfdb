using BitFaster.Caching;
using BitFaster.Caching.Lru;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FaqBot.BotFramework.DirectLine;

/// <summary>
/// The in-process set of live conversations (the default for one server): BitFaster's concurrent LRU bounds the count,
/// and when it is full a conversation nobody came back to goes first, so a flood of new conversations cannot push out
/// patients in the middle of one. Idle and age limits are checked against the host's <see cref="TimeProvider"/>;
/// expired or evicted conversations close their socket and answer 404.
/// </summary>
public sealed class DirectLineConversations : IDirectLineStore
{
    private readonly ConcurrentLru<string, DirectLineConversation> conversations;
    private readonly Lock createGate = new();
    private readonly DirectLineOptions settings;
    private readonly TimeProvider clock;
    private readonly ILogger<DirectLineConversations> logger;

    public DirectLineConversations(IOptions<DirectLineOptions> options, TimeProvider clock, ILogger<DirectLineConversations> logger)
    {
        settings = options.Value;
        this.clock = clock;
        this.logger = logger;
        // BitFaster's smallest LRU holds three; a smaller MaxConversations is enforced below on start.
        conversations = new ConcurrentLru<string, DirectLineConversation>(Environment.ProcessorCount, Math.Max(3, settings.MaxConversations), StringComparer.Ordinal);
        conversations.Events.Value!.ItemRemoved += (_, removed) =>
        {
            removed.Value?.End();
            Log.ConversationRemoved(logger, removed.Key, removed.Reason == ItemRemovedReason.Evicted ? "evicted" : "expired");
        };
    }

    public int Count => conversations.Count;

    public DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>Returns the conversation, or null when it never existed or has expired.</summary>
    public DirectLineConversation? Find(string conversationId)
    {
        if (!conversations.TryGet(conversationId, out var conversation))
        {
            return null;
        }

        var now = Now;
        if (conversation.IsExpired(now))
        {
            conversations.TryRemove(conversationId);
            return null;
        }

        conversation.Touch(now);
        return conversation;
    }

    /// <summary>Starts the conversation a token was issued for, or returns it when it already exists (created is false).</summary>
    public (DirectLineConversation Conversation, bool Created) GetOrStart(string conversationId, string userId)
    {
        lock (createGate)
        {
            var existing = Find(conversationId);
            if (existing is not null)
            {
                return (existing, false);
            }

            var now = Now;
            foreach (var stale in conversations.Where(c => c.Value.IsExpired(now)).Select(c => c.Key).ToList())
            {
                conversations.TryRemove(stale);
            }

            // Below the LRU's smallest size the idlest conversation makes room, as the count limit promises.
            while (settings.MaxConversations < 3 && conversations.Count >= settings.MaxConversations && conversations.Select(c => c.Value).MinBy(c => c.LastUsed) is { } idlest)
            {
                conversations.TryRemove(idlest.Id);
            }

            var conversation = new DirectLineConversation(conversationId, userId, settings, now);
            conversations.AddOrUpdate(conversationId, conversation);
            Log.ConversationStarted(logger, conversationId, conversations.Count);
            return (conversation, true);
        }
    }

    ValueTask<IDirectLineConversation?> IDirectLineStore.FindAsync(string conversationId, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IDirectLineConversation?>(Find(conversationId));

    ValueTask<(IDirectLineConversation Conversation, bool Created)> IDirectLineStore.GetOrStartAsync(string conversationId, string userId, CancellationToken cancellationToken)
    {
        var (conversation, created) = GetOrStart(conversationId, userId);
        return ValueTask.FromResult<(IDirectLineConversation, bool)>((conversation, created));
    }
}
