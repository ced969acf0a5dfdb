using System.Net;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;

namespace FaqBot.BotFramework.Tests.DirectLine;

public sealed class DirectLineStreamingTests : IAsyncLifetime
{
    private DirectLineServer server = null!;

    public async Task InitializeAsync() => server = await DirectLineServer.StartAsync();

    public async Task DisposeAsync() => await server.DisposeAsync();

    [Fact]
    public async Task SocketGetsTheWelcomeBacklogThenTheEchoAndReplyLive()
    {
        using var client = server.Client();
        (await client.StartAsync()).Dispose();

        await using var socket = await SocketReader.ConnectAsync(client.StreamUrl!);
        var backlog = await socket.ActivitiesAsync(1);
        (await client.PostMessageAsync("Do moles change?", "c-7")).Dispose();
        var live = await socket.ActivitiesAsync(2);

        Assert.StartsWith("ws://127.0.0.1:", client.StreamUrl);
        Assert.Equal("Welcome to the clinic chat.", (string?)backlog[0]["text"]);
        Assert.Equal("c-7", (string?)live[0]["channelData"]!["clientActivityID"]);
        Assert.Equal("user", (string?)live[0]["from"]!["role"]);
        Assert.Equal("echo: Do moles change?", (string?)live[1]["text"]);
        Assert.Equal((string?)live[0]["id"], (string?)live[1]["replyToId"]);
    }

    [Fact]
    public async Task ReconnectWithAWatermarkReplaysExactlyWhatTheClientMissed()
    {
        using var client = server.Client();
        (await client.StartAsync()).Dispose();
        await client.PollUntilAsync(a => a.Count == 1);
        var (_, seen) = await client.GetActivitiesAsync();
        (await client.PostMessageAsync("while offline")).Dispose();
        await client.PollUntilAsync(a => a.Count == 3);

        using var reconnect = await client.SendAsync(HttpMethod.Get, $"/conversations/{client.ConversationId}?watermark={seen}");
        var streamUrl = (string)(await reconnect.Content.ReadFromJsonAsync<JsonObject>())!["streamUrl"]!;
        await using var socket = await SocketReader.ConnectAsync(streamUrl);
        var replayed = await socket.ActivitiesAsync(2);

        Assert.Equal(HttpStatusCode.OK, reconnect.StatusCode);
        Assert.Equal(["while offline", "echo: while offline"], replayed.Select(a => (string?)a["text"]));
        // Nothing more was replayed: the next frame on the socket is the next new activity.
        (await client.PostMessageAsync("back online", "c-2")).Dispose();
        var next = await socket.NextSetAsync();
        Assert.Equal("back online", (string?)next!["activities"]![0]!["text"]);
    }

    [Fact]
    public async Task ReconnectWithoutAWatermarkStreamsOnlyNewActivities()
    {
        using var client = server.Client();
        (await client.StartAsync()).Dispose();
        await client.PollUntilAsync(a => a.Count == 1);

        using var reconnect = await client.SendAsync(HttpMethod.Get, $"/conversations/{client.ConversationId}");
        var streamUrl = (string)(await reconnect.Content.ReadFromJsonAsync<JsonObject>())!["streamUrl"]!;
        await using var socket = await SocketReader.ConnectAsync(streamUrl);
        (await client.PostMessageAsync("new")).Dispose();
        var activities = await socket.ActivitiesAsync(2);

        Assert.Equal(["new", "echo: new"], activities.Select(a => (string?)a["text"]));
    }

    [Fact]
    public async Task BotTypingReachesTheSocketButNeverThePollingHistory()
    {
        using var client = server.Client();
        (await client.StartAsync()).Dispose();
        await using var socket = await SocketReader.ConnectAsync(client.StreamUrl!);
        await socket.ActivitiesAsync(1);

        (await client.PostMessageAsync("typing")).Dispose();
        var live = await socket.ActivitiesAsync(3);
        var (polled, _) = await client.GetActivitiesAsync();

        Assert.Equal(["message", "typing", "message"], live.Select(a => (string?)a["type"]));
        Assert.DoesNotContain(polled, a => (string?)a["type"] == "typing");
    }

    [Fact]
    public async Task ASecondSocketForTheSameConversationClosesTheFirstWithCollision()
    {
        using var client = server.Client();
        (await client.StartAsync()).Dispose();
        await using var first = await SocketReader.ConnectAsync(client.StreamUrl!);
        await first.ActivitiesAsync(1);

        using var reconnect = await client.SendAsync(HttpMethod.Get, $"/conversations/{client.ConversationId}");
        await using var second = await SocketReader.ConnectAsync((string)(await reconnect.Content.ReadFromJsonAsync<JsonObject>())!["streamUrl"]!);
        var closed = await first.NextSetAsync();

        Assert.Null(closed);
        Assert.Equal("collision", first.Socket.CloseStatusDescription);
    }

    [Fact]
    public async Task EvictedConversationClosesItsSocketAndReconnectAnswers404()
    {
        await using var small = await DirectLineServer.StartAsync(new() { ["DirectLine:MaxConversations"] = "1" });
        using var first = small.Client();
        using var second = small.Client();
        (await first.StartAsync()).Dispose();
        await using var socket = await SocketReader.ConnectAsync(first.StreamUrl!);
        await socket.ActivitiesAsync(1);

        (await second.StartAsync()).Dispose();
        var closed = await socket.NextSetAsync();
        using var reconnect = await first.SendAsync(HttpMethod.Get, $"/conversations/{first.ConversationId}");

        Assert.Null(closed);
        Assert.Equal("expired", socket.Socket.CloseStatusDescription);
        Assert.Equal(HttpStatusCode.NotFound, reconnect.StatusCode);
    }

    [Fact]
    public async Task StreamUrlMustBeUsedWithinItsLifetime()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var quick = await DirectLineServer.StartAsync(new() { ["DirectLine:StreamUrlLifetime"] = "00:00:01" }, clock: clock);
        using var client = quick.Client();
        (await client.StartAsync()).Dispose();

        // JWT expiry has whole-second precision, so a one-second stream token is surely dead two seconds later.
        clock.Advance(TimeSpan.FromSeconds(2.1));
        var refused = await Assert.ThrowsAsync<WebSocketException>(() => SocketReader.ConnectAsync(client.StreamUrl!));

        Assert.Contains("403", refused.Message);
    }

    [Fact]
    public async Task AStreamUrlOpensOneSocketOnlyAndReconnectGivesANewOne()
    {
        using var client = server.Client();
        (await client.StartAsync()).Dispose();
        await using var first = await SocketReader.ConnectAsync(client.StreamUrl!);
        Assert.NotNull(await first.NextSetAsync());

        // Someone else with the same URL (a log, a proxy) cannot take the socket over or replay the history.
        var reused = await Assert.ThrowsAsync<WebSocketException>(() => SocketReader.ConnectAsync(client.StreamUrl!));
        Assert.Contains("403", reused.Message);

        // The client's own way back, as Direct Line JS does after any close: reconnect for a fresh URL.
        using var reconnect = await client.SendAsync(HttpMethod.Get, $"/conversations/{client.ConversationId}?watermark=0");
        var fresh = (string)(await reconnect.Content.ReadFromJsonAsync<JsonObject>())!["streamUrl"]!;
        Assert.NotEqual(client.StreamUrl, fresh);
        await using var second = await SocketReader.ConnectAsync(fresh);
        Assert.Equal(WebSocketState.Open, second.Socket.State);
    }

    [Fact]
    public async Task StreamUrlOfOneConversationCannotOpenAnother()
    {
        using var alice = server.Client();
        using var bob = server.Client();
        (await alice.StartAsync()).Dispose();
        (await bob.StartAsync()).Dispose();

        var forged = alice.StreamUrl!.Replace(alice.ConversationId!, bob.ConversationId!);
        var refused = await Assert.ThrowsAsync<WebSocketException>(() => SocketReader.ConnectAsync(forged));

        Assert.Contains("403", refused.Message);
    }
}
