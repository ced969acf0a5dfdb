using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FaqBot.BotFramework.DirectLine;

/// <summary>The in-memory set of live conversations, bounded in number and age; expired ones disappear (404 to clients).</summary>
public sealed class DirectLineConversations(IOptions<DirectLineOptions> options, TimeProvider clock, ILogger<DirectLineConversations> logger)
{
    private readonly ConcurrentDictionary<string, DirectLineConversation> conversations = new(StringComparer.Ordinal);
    private readonly Lock createGate = new();
    private readonly DirectLineOptions settings = options.Value;

    public int Count => conversations.Count;

    public DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>Returns the conversation, or null when it never existed or has expired.</summary>
    public DirectLineConversation? Find(string conversationId)
    {
        if (!conversations.TryGetValue(conversationId, out var conversation))
        {
            return null;
        }

        var now = Now;
        if (conversation.IsExpired(now))
        {
            Remove(conversation, "expired");
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
            foreach (var stale in conversations.Values.Where(c => c.IsExpired(now)).ToList())
            {
                Remove(stale, "expired");
            }

            // Bounded count: when full, the conversation idle the longest makes room; its client sees 404 and ends.
            while (conversations.Count >= settings.MaxConversations)
            {
                var idlest = conversations.Values.MinBy(c => c.LastUsed);
                if (idlest is null)
                {
                    break;
                }

                Remove(idlest, "evicted");
            }

            var conversation = new DirectLineConversation(conversationId, userId, settings, now);
            conversations[conversationId] = conversation;
            Log.ConversationStarted(logger, conversationId, conversations.Count);
            return (conversation, true);
        }
    }

    private void Remove(DirectLineConversation conversation, string reason)
    {
        if (conversations.TryRemove(new KeyValuePair<string, DirectLineConversation>(conversation.Id, conversation)))
        {
            conversation.End();
            Log.ConversationRemoved(logger, conversation.Id, reason);
        }
    }
}
