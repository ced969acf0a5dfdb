namespace FaqBot.Web.Conversation;

/// <summary>Per-conversation memory; in memory by default, a shared store (Redis, SQL) can implement it for several instances.</summary>
public interface IConversationStateStore
{
    ValueTask<ConversationState?> GetAsync(string key, CancellationToken cancellationToken);

    ValueTask SetAsync(string key, ConversationState state, CancellationToken cancellationToken);

    ValueTask RemoveAsync(string key, CancellationToken cancellationToken);
}
