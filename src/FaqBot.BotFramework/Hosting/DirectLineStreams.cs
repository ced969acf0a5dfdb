namespace FaqBot.BotFramework.Hosting;

/// <summary>
/// One switch for every open Direct Line stream of this process. A stopping host ends them (<see cref="EndAll"/>):
/// each gets a close frame and its client reconnects, to another instance behind a load balancer, with its watermark,
/// so nothing is lost. Left open, a WebSocket keeps the web server from stopping until the shutdown timeout runs out,
/// and the turns still running then get no time to finish.
/// </summary>
public sealed class DirectLineStreams : IDisposable
{
    private readonly CancellationTokenSource ending;

    public DirectLineStreams()
    {
        ending = new CancellationTokenSource();
        // Read once: a handler still finishing as the host disposes its services must not meet a disposed source.
        Ending = ending.Token;
    }

    /// <summary>Cancelled once the streams are to end; a stream opened afterwards ends at once.</summary>
    public CancellationToken Ending { get; }

    public void EndAll() => ending.Cancel();

    public void Dispose() => ending.Dispose();
}
