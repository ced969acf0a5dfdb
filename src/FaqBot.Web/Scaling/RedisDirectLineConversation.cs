using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using FaqBot.BotFramework.Activities;
using FaqBot.BotFramework.DirectLine;
using StackExchange.Redis;

namespace FaqBot.Web.Scaling;

/// <summary>A handle on one conversation kept in Redis; cheap, made per request.</summary>
internal sealed class RedisDirectLineConversation(RedisDirectLineStore store, string id, string userId) : IDirectLineConversation
{
    public string Id { get; } = id;

    public string UserId { get; } = userId;

    private RedisKey[] Keys => RedisDirectLineStore.Keys(Id);

    public async ValueTask<long> WatermarkAsync(CancellationToken cancellationToken)
    {
        var seq = await RedisConnection.DirectLineAsync(() => store.Redis.Database.HashGetAsync(Keys[0], "seq"));
        return seq.IsNull ? 0 : (long)seq;
    }

    public async ValueTask<string> AppendAsync(Activity activity, DateTimeOffset at, CancellationToken cancellationToken)
    {
        // Read before the sequence placeholder joins the channel data.
        var clientActivityId = ClientActivityId(activity);
        // The watermark is known only inside the script; the activity carries placeholders it replaces.
        activity.Id = $"{Id}|{store.Nonce}P";
        activity.Timestamp = store.NextTimestamp(at);
        activity.ChannelData = WithSequenceId(activity.ChannelData, store.Nonce + "N");
        var json = JsonSerializer.SerializeToUtf8Bytes(activity, ProtocolJson.Options);
        var options = store.Options;
        // A patient's message is keyed by Web Chat's own id for it: when its POST answered 503 although the message was
        // stored after all, the resend (same clientActivityID) finds it instead of storing it twice.
        var (key, lifetime) = clientActivityId is null
            ? (RedisDirectLineStore.AppendKey(Id), AppendKeyLifetime)
            : (RedisDirectLineStore.ClientAppendKey(Id, clientActivityId, activity.Text), ResendKeyLifetime);
        RedisKey[] keys = [.. Keys, key];
        RedisValue[] args = [.. store.TouchArgs(), json, store.Nonce, options.MaxActivitiesPerConversation, options.MaxHistoryBytesPerConversation,
            StoredActivity.Overhead, RedisDirectLineStore.Channel(Id).ToString(), (long)lifetime.TotalMilliseconds];
        long seq;
        try
        {
            seq = (long)await RedisConnection.DirectLineAsync(() => RedisDirectLineScripts.Append.EvaluateAsync(store.Redis.Database, keys, args));
        }
        catch (DirectLineStoreUnavailableException e)
        {
            // A bot's reply has no client to retry it: its POST was already answered, so a timeout under a burst would
            // lose it. One more try, after Redis has had a moment; the append's key keeps it from being stored twice.
            Log.AppendRetried(store.Logger, Id, e.InnerException?.GetType().Name ?? e.Message);
            await Task.Delay(RetryPause, store.Clock, cancellationToken);
            seq = (long)await RedisConnection.DirectLineAsync(() => RedisDirectLineScripts.Append.EvaluateAsync(store.Redis.Database, keys, args));
        }

        if (seq < 0)
        {
            // Expired between the request's check and now: as the in-process store does, the activity goes nowhere.
            throw new DirectLineStoreUnavailableException("The conversation expired.");
        }

        activity.Id = DirectLineIds.ActivityId(Id, seq);
        return activity.Id;
    }

    // Long past any retry: the first try's timeout, the pause and the second try's timeout.
    private static readonly TimeSpan AppendKeyLifetime = TimeSpan.FromMinutes(1);

    private static readonly TimeSpan RetryPause = TimeSpan.FromMilliseconds(500);

    // Long enough for a patient to press Web Chat's "Retry" on a message that showed as not sent.
    private static readonly TimeSpan ResendKeyLifetime = TimeSpan.FromMinutes(10);

    private static string? ClientActivityId(Activity activity) =>
        activity.From?.Role == "user"
        && activity.ChannelData is { ValueKind: JsonValueKind.Object } data
        && data.TryGetProperty("clientActivityID", out var id) && id.ValueKind == JsonValueKind.String
        && id.GetString() is { Length: > 0 } value
            ? value
            : null;

    public async ValueTask BroadcastAsync(Activity activity, DateTimeOffset at, CancellationToken cancellationToken)
    {
        activity.Timestamp = store.NextTimestamp(at);
        var json = JsonSerializer.SerializeToUtf8Bytes(activity, ProtocolJson.Options);
        await RedisConnection.DirectLineAsync(() => RedisDirectLineScripts.Broadcast.EvaluateAsync(store.Redis.Database, Keys,
            [json, RedisDirectLineStore.Channel(Id).ToString()]));
    }

    public async ValueTask<ActivitySet> ReadAfterAsync(long watermark, CancellationToken cancellationToken)
    {
        var read = await ReadAsync(store, Id, watermark);
        return new ActivitySet(read.Activities.Select(a => a.Activity).ToList(), read.Watermark.ToString(CultureInfo.InvariantCulture));
    }

    public async ValueTask<StreamSubscription> SubscribeAsync(long watermark, CancellationToken cancellationToken) =>
        await store.SubscribeAsync(Id, watermark);

    public void Unsubscribe(StreamSubscription subscription) => store.Unsubscribe(Id, subscription);

    /// <summary>The activities after <paramref name="watermark"/> with their watermarks, and the newest watermark.</summary>
    internal static async Task<(List<(long Seq, StoredActivity Activity)> Activities, long Watermark)> ReadAsync(RedisDirectLineStore store, string id, long watermark)
    {
        var result = await RedisConnection.DirectLineAsync(() => RedisDirectLineScripts.Read.EvaluateAsync(store.Redis.Database, RedisDirectLineStore.Keys(id), [watermark]));
        if (result.IsNull)
        {
            return ([], watermark);
        }

        var items = (RedisResult[])result!;
        var activities = new List<(long, StoredActivity)>((items.Length - 1) / 2);
        for (var i = 1; i + 1 < items.Length; i += 2)
        {
            activities.Add(((long)items[i + 1], new StoredActivity((byte[])items[i]!)));
        }

        return (activities, (long)items[0]);
    }

    // Web Chat's first sort key; stamping it keeps the order even when instances' clocks disagree.
    private static JsonElement WithSequenceId(JsonElement? channelData, string placeholder)
    {
        var node = channelData is { ValueKind: JsonValueKind.Object } data ? JsonNode.Parse(data.GetRawText())!.AsObject() : new JsonObject();
        node["webchat:sequence-id"] = placeholder;
        return JsonSerializer.SerializeToElement(node);
    }
}
