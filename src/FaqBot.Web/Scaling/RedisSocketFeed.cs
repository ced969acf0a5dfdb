using System.Globalization;
using System.Text.Json;
using FaqBot.BotFramework.Activities;
using FaqBot.BotFramework.DirectLine;
using StackExchange.Redis;

namespace FaqBot.Web.Scaling;

/// <summary>
/// Feeds one WebSocket on this instance from the conversation's Redis channel: the backlog first, then each frame
/// exactly once and in watermark order. A frame that skips a watermark (missed while Redis was away) makes the feed
/// read the gap from the history, so the socket never loses an activity.
/// </summary>
internal sealed class RedisSocketFeed(RedisDirectLineStore store, string conversationId, long watermark)
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly string feedId = Guid.NewGuid().ToString("N");
    private ChannelMessageQueue? queue;
    private long lastSent = watermark;
    private volatile bool stopped;

    public StreamSubscription Subscription { get; } = new();

    public async Task StartAsync()
    {
        await gate.WaitAsync();
        try
        {
            var channel = RedisDirectLineStore.Channel(conversationId);
            queue = await store.Redis.Multiplexer.GetSubscriber().SubscribeAsync(channel);
            // One message at a time, in the order Redis published them.
            queue.OnMessage(OnMessageAsync);
            // Tells a socket for this conversation on another instance that a newer one took over.
            await store.Redis.Database.PublishAsync(channel, "c|" + feedId);
            await CatchUpLockedAsync();
        }
        finally
        {
            gate.Release();
        }
    }

    public async Task CatchUpAsync()
    {
        await gate.WaitAsync();
        try
        {
            await CatchUpLockedAsync();
        }
        catch (Exception e) when (RedisConnection.IsOutage(e) || e is DirectLineStoreUnavailableException)
        {
            Log.FeedCatchUpFailed(store.Logger, e);
        }
        finally
        {
            gate.Release();
        }
    }

    public void End(string reason)
    {
        Subscription.End(reason);
        Stop();
    }

    public void Stop()
    {
        if (stopped)
        {
            return;
        }

        stopped = true;
        if (queue is { } q)
        {
            _ = UnsubscribeQuietlyAsync(q);
        }
    }

    private static async Task UnsubscribeQuietlyAsync(ChannelMessageQueue q)
    {
        try
        {
            await q.UnsubscribeAsync();
        }
        catch (Exception e) when (RedisConnection.IsOutage(e))
        {
            // Redis forgets a dead connection's subscriptions by itself.
        }
    }

    private async Task OnMessageAsync(ChannelMessage message)
    {
        var text = (string)message.Message!;
        var bar = text.IndexOf('|', StringComparison.Ordinal);
        if (bar < 1 || stopped)
        {
            return;
        }

        await gate.WaitAsync();
        try
        {
            switch (text[0])
            {
                case 'c' when !text.AsSpan(bar + 1).SequenceEqual(feedId):
                    End("collision");
                    break;
                case 't':
                    Subscription.TryPush(text[(bar + 1)..]);
                    break;
                case 'a' when long.TryParse(text.AsSpan(1, bar - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var seq):
                    if (seq == lastSent + 1)
                    {
                        Subscription.TryPush(text[(bar + 1)..]);
                        lastSent = seq;
                    }
                    else if (seq > lastSent)
                    {
                        await CatchUpLockedAsync();
                    }

                    break;
            }
        }
        catch (Exception e) when (RedisConnection.IsOutage(e) || e is DirectLineStoreUnavailableException)
        {
            Log.FeedCatchUpFailed(store.Logger, e);
        }
        finally
        {
            gate.Release();
        }
    }

    // Sends what the socket has not had yet, as one frame, and remembers how far it got.
    private async Task CatchUpLockedAsync()
    {
        if (stopped)
        {
            return;
        }

        var (activities, newest) = await RedisDirectLineConversation.ReadAsync(store, conversationId, lastSent);
        var unsent = activities.Where(a => a.Seq > lastSent).Select(a => a.Activity).ToList();
        if (unsent.Count > 0)
        {
            Subscription.TryPush(JsonSerializer.Serialize(new ActivitySet(unsent, newest.ToString(CultureInfo.InvariantCulture)), ProtocolJson.Options));
        }

        lastSent = Math.Max(lastSent, newest);
    }
}
