using FaqBot.BotFramework.Activities;

namespace FaqBot.BotFramework.Teams;

/// <summary>The reply-to-thread rule: in a Teams channel the answer goes into the thread of the question, not a new post.</summary>
public static class TeamsThreads
{
    private const string MessageIdMarker = ";messageid=";

    /// <summary>
    /// The conversation id a reply to <paramref name="inbound"/> must be posted to. Teams addresses a channel thread
    /// as <c>19:…@thread.tacv2;messageid=&lt;root id&gt;</c>; a channel message that arrives without the suffix started
    /// a thread itself, so its own id becomes the root. Everything else is returned unchanged.
    /// </summary>
    public static string? ReplyConversationId(Activity inbound)
    {
        ArgumentNullException.ThrowIfNull(inbound);
        var id = inbound.Conversation?.Id;
        if (id is null
            || string.IsNullOrEmpty(inbound.Id)
            || inbound.Type != ActivityTypes.Message
            || TeamsContext.From(inbound)?.ConversationType != TeamsConversationType.Channel
            || id.Contains(MessageIdMarker, StringComparison.OrdinalIgnoreCase))
        {
            return id;
        }

        return id + MessageIdMarker + inbound.Id;
    }

    /// <summary>The id of the thread's first message, when the conversation id names a thread.</summary>
    public static string? ThreadRootId(string? conversationId)
    {
        var at = conversationId?.IndexOf(MessageIdMarker, StringComparison.OrdinalIgnoreCase) ?? -1;
        return at < 0 ? null : conversationId![(at + MessageIdMarker.Length)..];
    }

    /// <summary>Addresses <paramref name="reply"/> to the thread of <paramref name="inbound"/> (conversation id and replyToId).</summary>
    public static void AddressToThread(Activity inbound, Activity reply)
    {
        ArgumentNullException.ThrowIfNull(inbound);
        ArgumentNullException.ThrowIfNull(reply);
        var conversationId = ReplyConversationId(inbound);
        if (conversationId is null)
        {
            return;
        }

        reply.Conversation ??= new ConversationAccount { TenantId = inbound.Conversation?.TenantId };
        reply.Conversation.Id = conversationId;
        reply.ReplyToId ??= inbound.Id;
    }
}
