using FaqBot.BotFramework.Activities;

namespace FaqBot.BotFramework.DirectLine;

/// <summary>
/// Where live Direct Line conversations are kept: in this process by default (<see cref="DirectLineConversations"/>),
/// or in a store every instance shares, so a conversation started on one server continues on another.
/// A shared store that cannot be reached throws <see cref="DirectLineStoreUnavailableException"/> (the client gets 503).
/// </summary>
public interface IDirectLineStore
{
    DateTimeOffset Now { get; }

    /// <summary>Returns the conversation (and marks it used), or null when it never existed or has expired.</summary>
    ValueTask<IDirectLineConversation?> FindAsync(string conversationId, CancellationToken cancellationToken);

    /// <summary>Starts the conversation a token was issued for, or returns it when it already exists (created is false).</summary>
    ValueTask<(IDirectLineConversation Conversation, bool Created)> GetOrStartAsync(string conversationId, string userId, CancellationToken cancellationToken);
}

/// <summary>One conversation's history, watermarks and live socket, wherever it is kept.</summary>
public interface IDirectLineConversation
{
    string Id { get; }

    string UserId { get; }

    /// <summary>The watermark of the newest activity; 0 before the first.</summary>
    ValueTask<long> WatermarkAsync(CancellationToken cancellationToken);

    /// <summary>Stamps the server-owned fields (id, timestamp, sequence), stores the activity and pushes it to the socket; returns its id.</summary>
    ValueTask<string> AppendAsync(Activity activity, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Sends an activity to the socket only (typing): Azure never returns typing from the polling GET.</summary>
    ValueTask BroadcastAsync(Activity activity, DateTimeOffset at, CancellationToken cancellationToken);

    ValueTask<ActivitySet> ReadAfterAsync(long watermark, CancellationToken cancellationToken);

    /// <summary>Attaches a socket: the backlog after <paramref name="watermark"/> first, then live frames; an older socket is closed.</summary>
    ValueTask<StreamSubscription> SubscribeAsync(long watermark, CancellationToken cancellationToken);

    void Unsubscribe(StreamSubscription subscription);
}

/// <summary>The shared conversation store cannot be reached; Direct Line answers 503 with Retry-After and the client tries again.</summary>
public sealed class DirectLineStoreUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
