using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using FaqBot.BotFramework.Activities;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FaqBot.Web.Tests.Teams;

/// <summary>
/// Plays the Teams Bot Connector on a loopback port: records every activity the bot posts, with the request target
/// exactly as it went over the wire, and answers with a Teams-style message id.
/// </summary>
public sealed class FakeTeamsChannel : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentQueue<Post> posts = new();
    private long nextId = 1741101100000;

    private FakeTeamsChannel(WebApplication app) => this.app = app;

    /// <summary>Like Teams' <c>https://smba.trafficmanager.net/amer/</c>: a region path and a trailing slash.</summary>
    public string ServiceUrl { get; private set; } = "";

    public static async Task<FakeTeamsChannel> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var channel = new FakeTeamsChannel(app);
        app.MapPost("/{**path}", (Delegate)channel.ReceiveAsync);
        await app.StartAsync();
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single());
        channel.ServiceUrl = $"http://127.0.0.1:{address.Port}/amer/";
        return channel;
    }

    /// <summary>Waits until the bot has posted <paramref name="count"/> messages (typing indicators do not count).</summary>
    public async Task<IReadOnlyList<Post>> WaitForMessagesAsync(int count, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (Messages.Count < count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(25);
        }

        Assert.True(Messages.Count >= count, $"expected {count} messages at the channel, got {Messages.Count}");
        return Messages;
    }

    /// <summary>Gives a late, unwanted post the chance to arrive before asserting there was none.</summary>
    public async Task<IReadOnlyList<Post>> MessagesAfterQuietAsync(TimeSpan quiet)
    {
        await Task.Delay(quiet);
        return Messages;
    }

    public IReadOnlyList<Post> Messages => posts.Where(p => p.Activity.Type == ActivityTypes.Message).ToList();

    private async Task<IResult> ReceiveAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync();
        var activity = JsonSerializer.Deserialize<Activity>(body, ProtocolJson.Options)!;
        var id = Interlocked.Increment(ref nextId).ToString(System.Globalization.CultureInfo.InvariantCulture);
        posts.Enqueue(new Post(context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget, body, activity, id, context.Request.Headers.Authorization.ToString()));
        return Results.Json(new { id });
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    /// <param name="RawTarget">The path and query as sent, escaping included.</param>
    /// <param name="Body">The JSON as sent, for size limits.</param>
    /// <param name="Id">The message id this channel gave the activity, as Teams does.</param>
    /// <param name="Authorization">The Authorization header the bot sent, empty when none.</param>
    public sealed record Post(string RawTarget, string Body, Activity Activity, string Id, string Authorization);
}
