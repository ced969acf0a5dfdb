using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;

namespace FaqBot.BotFramework.Tests.DirectLine;

public sealed class DirectLineTokenTests : IAsyncLifetime
{
    // Tokens are signed and checked on the host's clock: the tests move it instead of waiting for it.
    private readonly FakeTimeProvider clock = new(DateTimeOffset.UtcNow);
    private DirectLineServer server = null!;

    public async Task InitializeAsync() => server = await DirectLineServer.StartAsync(new()
    {
        ["DirectLine:TokenLifetime"] = "00:00:03",
        ["DirectLine:ServerSecret"] = "server-secret-for-tests",
    }, clock: clock);

    public async Task DisposeAsync() => await server.DisposeAsync();

    [Fact]
    public async Task ExpiredTokenIsRefusedWith403TokenExpired()
    {
        using var client = server.Client();
        (await client.StartAsync()).Dispose();

        clock.Advance(TimeSpan.FromSeconds(3.5));
        using var poll = await client.SendAsync(HttpMethod.Get, $"/conversations/{client.ConversationId}/activities");
        using var post = await client.PostMessageAsync("still there?");

        Assert.Equal(HttpStatusCode.Forbidden, poll.StatusCode);
        Assert.Equal("TokenExpired", await DirectLineClient.ErrorCodeAsync(poll));
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
    }

    [Fact]
    public async Task RefreshedTokenKeepsTheConversationGoingAfterTheOldOneExpires()
    {
        using var client = server.Client();
        (await client.StartAsync()).Dispose();

        // JWT expiry has whole-second precision: refresh at 1.5 s, check at 3.3 s, when only the old token has run out.
        clock.Advance(TimeSpan.FromSeconds(1.5));
        using var refresh = await client.SendAsync(HttpMethod.Post, "/tokens/refresh");
        var refreshed = (await refresh.Content.ReadFromJsonAsync<JsonObject>())!;
        clock.Advance(TimeSpan.FromSeconds(1.8));
        using var withOld = await client.PostMessageAsync("with the old token");
        client.Token = (string)refreshed["token"]!;
        using var withNew = await client.PostMessageAsync("after refresh");

        Assert.Equal(HttpStatusCode.OK, refresh.StatusCode);
        Assert.Equal(client.ConversationId, (string?)refreshed["conversationId"]);
        Assert.Equal(3, (int)refreshed["expires_in"]!);
        Assert.Equal(HttpStatusCode.Forbidden, withOld.StatusCode);
        Assert.Equal(HttpStatusCode.OK, withNew.StatusCode);
    }

    [Fact]
    public async Task ExpiredTokenCannotBeRefreshed()
    {
        using var client = server.Client();
        await client.FetchTokenAsync();

        clock.Advance(TimeSpan.FromSeconds(3.5));
        using var refresh = await client.SendAsync(HttpMethod.Post, "/tokens/refresh");

        Assert.Equal(HttpStatusCode.Forbidden, refresh.StatusCode);
    }

    [Fact]
    public async Task TokenForOneConversationCannotReadOrPostToAnother()
    {
        using var alice = server.Client();
        using var bob = server.Client();
        (await alice.StartAsync()).Dispose();
        (await bob.StartAsync()).Dispose();

        using var read = await alice.SendAsync(HttpMethod.Get, $"/conversations/{bob.ConversationId}/activities");
        using var post = await alice.PostMessageAsync("hi bob", conversationId: bob.ConversationId);
        using var reconnect = await alice.SendAsync(HttpMethod.Get, $"/conversations/{bob.ConversationId}");
        var (bobsActivities, _) = await bob.GetActivitiesAsync();

        Assert.Equal(HttpStatusCode.Forbidden, read.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, reconnect.StatusCode);
        Assert.DoesNotContain(bobsActivities, a => (string?)a["text"] == "hi bob");
    }

    [Fact]
    public async Task TamperedOrMissingTokensAreRefused()
    {
        using var client = server.Client();
        (await client.StartAsync()).Dispose();
        var parts = client.Token!.Split('.');
        var tampered = $"{parts[0]}.{parts[1]}.{new string('A', parts[2].Length)}";

        using var forged = await client.SendAsync(HttpMethod.Get, $"/conversations/{client.ConversationId}/activities", token: tampered);
        client.Token = null;
        using var missing = await client.SendAsync(HttpMethod.Get, $"/conversations/{client.ConversationId}/activities");

        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Equal("InvalidToken", await DirectLineClient.ErrorCodeAsync(forged));
        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
    }

    [Fact]
    public async Task UnknownConversationIsA404()
    {
        using var client = server.Client();
        await client.FetchTokenAsync();
        var conversationId = (string)(await client.FetchTokenAsync())["conversationId"]!;

        using var poll = await client.SendAsync(HttpMethod.Get, $"/conversations/{conversationId}/activities");

        Assert.Equal(HttpStatusCode.NotFound, poll.StatusCode);
    }

    [Fact]
    public async Task GenerateNeedsTheServerSecretAndBindsTheRequestedUser()
    {
        using var client = server.Client();

        using var wrong = await client.SendAsync(HttpMethod.Post, "/tokens/generate", token: "guess");
        using var right = await client.SendAsync(HttpMethod.Post, "/tokens/generate", new { user = new { id = "dl_kiosk-1" } }, token: "server-secret-for-tests");
        client.Token = (string)(await right.Content.ReadFromJsonAsync<JsonObject>())!["token"]!;
        (await client.StartAsync()).Dispose();
        (await client.PostMessageAsync("hello")).Dispose();
        var activities = await client.PollUntilAsync(a => a.Count >= 2);

        Assert.Equal(HttpStatusCode.Forbidden, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Equal("dl_kiosk-1", (string?)activities[1]["from"]!["id"]);
    }
}
