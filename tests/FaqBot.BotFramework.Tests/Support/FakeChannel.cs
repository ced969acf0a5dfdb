using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using FaqBot.BotFramework.Activities;
using FaqBot.BotFramework.Connector;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FaqBot.BotFramework.Tests.Support;

/// <summary>A Bot Connector stand-in on its own loopback port that records every activity the bot posts to it.</summary>
public sealed class FakeChannel : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentQueue<ReceivedPost> posts = new();
    private int attempts;

    private FakeChannel(WebApplication app) => this.app = app;

    /// <summary>Answers attempt n (0-based) of any post, given a token that fires when the bot hangs up; the default accepts it with an id.</summary>
    public Func<int, CancellationToken, Task<IResult>> Respond { get; set; } = (n, _) => Task.FromResult<IResult>(Results.Json(new { id = $"sent-{n}" }));

    /// <summary>The Emulator's style of serviceUrl: http://127.0.0.1:port with no trailing slash.</summary>
    public string ServiceUrl { get; private set; } = "";
    public int Port { get; private set; }
    public IReadOnlyList<ReceivedPost> Posts => [.. posts];
    public int Attempts => Volatile.Read(ref attempts);

    public static async Task<FakeChannel> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var channel = new FakeChannel(app);
        app.MapPost("/{**path}", (Delegate)channel.ReceiveAsync);
        await app.StartAsync();
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single());
        channel.Port = address.Port;
        channel.ServiceUrl = $"http://127.0.0.1:{address.Port}";
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

    public async Task<IReadOnlyList<ReceivedPost>> WaitForPostsAsync(int count, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (posts.Count < count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }
        Assert.True(posts.Count >= count, $"expected {count} posts at the channel, got {posts.Count}");
        return Posts;
    }

    private async Task<IResult> ReceiveAsync(HttpContext context)
    {
        var attempt = Interlocked.Increment(ref attempts) - 1;
        var activity = await JsonSerializer.DeserializeAsync<Activity>(context.Request.Body, ProtocolJson.Options);
        // The raw target shows the escaping exactly as it went over the wire.
        posts.Enqueue(new ReceivedPost(
            context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget,
            context.Request.Headers.Host.ToString(),
            context.Request.Headers.Authorization.ToString(),
            activity!));
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

    public sealed record ReceivedPost(string RawTarget, string Host, string Authorization, Activity Activity);
}
