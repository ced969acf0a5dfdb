using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using FaqBot.BotFramework.Activities;
using FaqBot.BotFramework.Connector;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace FaqBot.TestSupport;

/// <summary>
/// A Bot Connector stand-in on its own loopback port: records every activity the bot posts, with the request target
/// exactly as it went over the wire, and answers in the style of the channel it plays.
/// </summary>
public sealed class FakeChannel : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ChannelStyle style;
    private readonly ConcurrentQueue<ReceivedPost> posts = new();
    private int attempts;

    private FakeChannel(WebApplication app, ChannelStyle style)
    {
        this.app = app;
        this.style = style;
        Respond = (n, _) => Task.FromResult<IResult>(Results.Json(new { id = style.MessageId(n) }));
    }

    /// <summary>Answers attempt n (0-based) of any post, given a token that fires when the bot hangs up; the default accepts it with its id.</summary>
    public Func<int, CancellationToken, Task<IResult>> Respond { get; set; }

    /// <summary>http://127.0.0.1:port followed by the style's path.</summary>
    public string ServiceUrl { get; private set; } = "";
    public int Port { get; private set; }
    public IReadOnlyList<ReceivedPost> Posts => [.. posts];
    public IReadOnlyList<ReceivedPost> Messages => [.. posts.Where(p => p.Activity.Type == ActivityTypes.Message)];
    public int Attempts => Volatile.Read(ref attempts);

    /// <summary>Starts a channel in the given style, the Emulator's by default.</summary>
    public static async Task<FakeChannel> StartAsync(ChannelStyle? style = null)
    {
        var app = LoopbackHost.CreateBuilder(kestrel => kestrel.Listen(IPAddress.Loopback, 0)).Build();
        var channel = new FakeChannel(app, style ?? ChannelStyle.Emulator);
        app.MapPost("/{**path}", (Delegate)channel.ReceiveAsync);
        await app.StartAsync();
        channel.Port = new Uri(LoopbackHost.Addresses(app).Single()).Port;
        channel.ServiceUrl = $"http://127.0.0.1:{channel.Port}{channel.style.ServicePath}";
        return channel;
    }

    /// <summary>Sends every Connector call of the bot to this channel whatever host its URL names, so tests can use non-loopback serviceUrls.</summary>
    public void RouteAllHostsHere(IServiceCollection services) =>
        services.AddHttpClient(ConnectorClient.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            ConnectCallback = async (_, ct) =>
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
                await socket.ConnectAsync(IPAddress.Loopback, Port, ct);
                return new NetworkStream(socket, ownsSocket: true);
            },
        });

    public Task<IReadOnlyList<ReceivedPost>> WaitForPostsAsync(int count, TimeSpan? timeout = null) =>
        WaitForAsync(() => Posts, count, "posts", timeout ?? TimeSpan.FromSeconds(10));

    /// <summary>Waits until the bot has posted <paramref name="count"/> messages (typing indicators do not count).</summary>
    public Task<IReadOnlyList<ReceivedPost>> WaitForMessagesAsync(int count, TimeSpan? timeout = null) =>
        WaitForAsync(() => Messages, count, "messages", timeout ?? TimeSpan.FromSeconds(20));

    /// <summary>Gives a late, unwanted post the chance to arrive before asserting there was none.</summary>
    public async Task<IReadOnlyList<ReceivedPost>> MessagesAfterQuietAsync(TimeSpan quiet)
    {
        await Task.Delay(quiet);
        return Messages;
    }

    private static async Task<IReadOnlyList<ReceivedPost>> WaitForAsync(Func<IReadOnlyList<ReceivedPost>> seen, int count, string what, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (seen().Count < count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        var result = seen();
        Assert.True(result.Count >= count, $"expected {count} {what} at the channel, got {result.Count}");
        return result;
    }

    private async Task<IResult> ReceiveAsync(HttpContext context)
    {
        var attempt = Interlocked.Increment(ref attempts) - 1;
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync();
        var activity = JsonSerializer.Deserialize<Activity>(body, ProtocolJson.Options)!;
        posts.Enqueue(new ReceivedPost(
            context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget,
            context.Request.Headers.Host.ToString(),
            context.Request.Headers.Authorization.ToString(),
            body,
            activity,
            style.MessageId(attempt)));
        try
        {
            return await Respond(attempt, context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            // The bot gave up on this attempt; nobody reads the answer.
            return Results.Empty;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    /// <param name="RawTarget">The path and query as sent, escaping included.</param>
    /// <param name="Host">The Host header, which names the serviceUrl's host even when the post was routed here.</param>
    /// <param name="Authorization">The Authorization header the bot sent, empty when none.</param>
    /// <param name="Body">The JSON as sent, for size limits.</param>
    /// <param name="Id">The message id the default answer gives the activity, as the channel would.</param>
    public sealed record ReceivedPost(string RawTarget, string Host, string Authorization, string Body, Activity Activity, string Id);
}
