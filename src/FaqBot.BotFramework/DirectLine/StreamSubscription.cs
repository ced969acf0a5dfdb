using System.Threading.Channels;

namespace FaqBot.BotFramework.DirectLine;

/// <summary>One WebSocket's feed: serialized ActivitySet frames in order, ended when the conversation goes or a newer socket takes over.</summary>
public sealed class StreamSubscription
{
    private readonly Channel<string> frames = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });

    public ChannelReader<string> Frames => frames.Reader;

    /// <summary>Why the feed ended: <c>collision</c> when another socket replaced it, <c>expired</c> when the conversation ended.</summary>
    public string? EndReason { get; private set; }

    /// <summary>Queues one serialized ActivitySet frame for the socket; the store calls it in watermark order.</summary>
    public bool TryPush(string frame) => frames.Writer.TryWrite(frame);

    /// <summary>Ends the feed; the socket closes with <paramref name="reason"/>.</summary>
    public void End(string reason)
    {
        EndReason ??= reason;
        frames.Writer.TryComplete();
    }
}
