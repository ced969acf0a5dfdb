using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using FaqBot.BotFramework.Activities;

namespace FaqBot.BotFramework.DirectLine;

/// <summary>One conversation's bounded history, its watermark sequence and its live socket.</summary>
public sealed class DirectLineConversation(string id, string userId, DirectLineOptions options, DateTimeOffset now) : IDirectLineConversation
{
    private readonly Lock gate = new();
    private readonly LinkedList<(long Sequence, StoredActivity Activity)> history = new();
    private long sequence;
    private long historyBytes;
    private DateTimeOffset lastTimestamp = DateTimeOffset.MinValue;
    private StreamSubscription? socket;
    private bool ended;

    public string Id { get; } = id;

    public string UserId { get; } = userId;

    public DateTimeOffset Created { get; } = now;

    public DateTimeOffset LastUsed { get; private set; } = now;


    public bool IsExpired(DateTimeOffset at) =>
        at - LastUsed > options.ConversationIdleTimeout || at - Created > options.ConversationMaxAge;

    public void Touch(DateTimeOffset at)
    {
        lock (gate) { LastUsed = at > LastUsed ? at : LastUsed; }
    }

    /// <summary>Stamps the server-owned fields (id, timestamp, sequence), stores the activity and pushes it to the socket.</summary>
    public string Append(Activity activity, DateTimeOffset at)
    {
        lock (gate)
        {
            var seq = ++sequence;
            activity.Id = DirectLineIds.ActivityId(Id, seq);
            activity.Timestamp = NextTimestamp(at);
            activity.ChannelData = WithSequenceId(activity.ChannelData, seq);
            var stored = new StoredActivity(JsonSerializer.SerializeToUtf8Bytes(activity, ProtocolJson.Options));
            history.AddLast((seq, stored));
            // What is really held (UTF-8 bytes and the objects around them), not the UTF-16 length of a copy.
            historyBytes += stored.HeldBytes;
            // Bounded size: the oldest activities go first; the watermark keeps counting so clients never go backwards.
            while (history.Count > 1 && (history.Count > options.MaxActivitiesPerConversation || historyBytes > options.MaxHistoryBytesPerConversation))
            {
                historyBytes -= history.First!.Value.Activity.HeldBytes;
                history.RemoveFirst();
            }

            LastUsed = at > LastUsed ? at : LastUsed;
            socket?.TryPush(Frame([stored], seq));
            return activity.Id;
        }
    }

    /// <summary>Sends an activity to the socket only (typing): Azure never returns typing from the polling GET.</summary>
    public void Broadcast(Activity activity, DateTimeOffset at)
    {
        lock (gate)
        {
            activity.Timestamp = NextTimestamp(at);
            socket?.TryPush(Frame([new StoredActivity(JsonSerializer.SerializeToUtf8Bytes(activity, ProtocolJson.Options))], sequence));
        }
    }

    public ActivitySet ReadAfter(long watermark)
    {
        lock (gate)
        {
            return new ActivitySet(Since(watermark), sequence.ToString(CultureInfo.InvariantCulture));
        }
    }

    /// <summary>Attaches a socket: the backlog after <paramref name="watermark"/> first, then live frames; an older socket is closed.</summary>
    public StreamSubscription Subscribe(long watermark)
    {
        var subscription = new StreamSubscription();
        lock (gate)
        {
            if (ended)
            {
                subscription.End("expired");
                return subscription;
            }

            // One socket per conversation, as Azure does; the newest wins because a reconnecting client abandons the old one.
            socket?.End("collision");
            socket = subscription;
            var backlog = Since(watermark);
            if (backlog.Count > 0)
            {
                subscription.TryPush(Frame(backlog, sequence));
            }
        }

        return subscription;
    }

    public void Unsubscribe(StreamSubscription subscription)
    {
        lock (gate)
        {
            if (ReferenceEquals(socket, subscription))
            {
                socket = null;
            }
        }
    }

    public void End()
    {
        lock (gate)
        {
            ended = true;
            socket?.End("expired");
            socket = null;
        }
    }

    // The in-process store never waits: the async seam completes synchronously.
    ValueTask<long> IDirectLineConversation.WatermarkAsync(CancellationToken cancellationToken)
    {
        lock (gate) { return ValueTask.FromResult(sequence); }
    }

    ValueTask<string> IDirectLineConversation.AppendAsync(Activity activity, DateTimeOffset at, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Append(activity, at));

    ValueTask IDirectLineConversation.BroadcastAsync(Activity activity, DateTimeOffset at, CancellationToken cancellationToken)
    {
        Broadcast(activity, at);
        return ValueTask.CompletedTask;
    }

    ValueTask<ActivitySet> IDirectLineConversation.ReadAfterAsync(long watermark, CancellationToken cancellationToken) =>
        ValueTask.FromResult(ReadAfter(watermark));

    ValueTask<StreamSubscription> IDirectLineConversation.SubscribeAsync(long watermark, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Subscribe(watermark));

    private List<StoredActivity> Since(long watermark) => history.Where(h => h.Sequence > watermark).Select(h => h.Activity).ToList();

    /// <summary>The memory the history holds, as counted against MaxHistoryBytesPerConversation.</summary>
    public long HistoryBytes { get { lock (gate) { return historyBytes; } } }

    private static string Frame(IReadOnlyList<StoredActivity> activities, long watermark) =>
        JsonSerializer.Serialize(new ActivitySet(activities, watermark.ToString(CultureInfo.InvariantCulture)), ProtocolJson.Options);

    // Web Chat sorts on timestamp (ms precision), so two activities in one millisecond still get strictly increasing stamps.
    private string NextTimestamp(DateTimeOffset at)
    {
        var ticks = at.UtcTicks - (at.UtcTicks % TimeSpan.TicksPerMillisecond);
        var candidate = new DateTimeOffset(ticks, TimeSpan.Zero);
        lastTimestamp = candidate > lastTimestamp ? candidate : lastTimestamp.AddMilliseconds(1);
        return lastTimestamp.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
    }

    // Web Chat's first sort key; stamping it keeps the order even when clocks disagree.
    private static JsonElement WithSequenceId(JsonElement? channelData, long seq)
    {
        var node = channelData is { ValueKind: JsonValueKind.Object } data ? JsonNode.Parse(data.GetRawText())!.AsObject() : new JsonObject();
        node["webchat:sequence-id"] = seq;
        return JsonSerializer.SerializeToElement(node);
    }
}
