using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.Time.Testing;

namespace FaqBot.BotFramework.Tests.DirectLine;

public sealed class DirectLineLimitsTests
{
    [Fact]
    public async Task OversizedMessageIsRefusedWith413AndNotStored()
    {
        await using var server = await DirectLineServer.StartAsync(new() { ["DirectLine:MaxActivityBytes"] = "2048" });
        using var client = server.Client();
        (await client.StartAsync()).Dispose();
        await client.PollUntilAsync(a => a.Count == 1);

        using var posted = await client.PostMessageAsync(new string('x', 3000));
        var (activities, _) = await client.GetActivitiesAsync();

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, posted.StatusCode);
        Assert.Equal("MessageSizeTooBig", await DirectLineClient.ErrorCodeAsync(posted));
        Assert.Single(activities);
    }

    [Fact]
    public async Task UploadsAndAttachmentsAreRefusedWithAClearErrorThatIsNotAnExpiredToken()
    {
        await using var server = await DirectLineServer.StartAsync();
        using var client = server.Client();
        (await client.StartAsync()).Dispose();
        await client.PollUntilAsync(a => a.Count == 1);

        using var upload = await client.SendAsync(HttpMethod.Post, $"/conversations/{client.ConversationId}/upload?userId=x", new { photo = "rash.jpg" });
        using var attached = await client.SendAsync(HttpMethod.Post, $"/conversations/{client.ConversationId}/activities", new
        {
            type = "message",
            attachments = new[] { new { contentType = "image/jpeg", contentUrl = "https://example.org/rash.jpg" } },
        });
        var body = await upload.Content.ReadAsStringAsync();
        var (activities, _) = await client.GetActivitiesAsync();

        Assert.Equal(HttpStatusCode.BadRequest, upload.StatusCode);
        Assert.Contains("AttachmentsNotAccepted", body);
        Assert.Contains("photos", body);
        Assert.Equal(HttpStatusCode.BadRequest, attached.StatusCode);
        Assert.Single(activities);
    }

    [Fact]
    public async Task TooManyRequestsWithOneTokenGet429WithRetryAfter()
    {
        await using var server = await DirectLineServer.StartAsync(new() { ["DirectLine:RequestsPerMinutePerToken"] = "4" });
        using var client = server.Client();
        (await client.StartAsync()).Dispose();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await client.SendAsync(HttpMethod.Get, $"/conversations/{client.ConversationId}/activities");
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.NotNull(response.Headers.RetryAfter);
            }
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task OneAddressCannotDodgeTheLimitByCyclingTokens()
    {
        await using var server = await DirectLineServer.StartAsync(new() { ["DirectLine:RequestsPerMinutePerAddress"] = "3" });
        using var client = server.Client();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await client.SendAsync(HttpMethod.Post, "/tokens/refresh", token: $"made-up-token-{i}");
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task OneAddressAskingForTokensTooOftenIsThrottled()
    {
        await using var server = await DirectLineServer.StartAsync(new() { ["DirectLine:TokenRequestsPerMinutePerAddress"] = "2" });
        using var client = server.Client();

        await client.FetchTokenAsync();
        await client.FetchTokenAsync();
        using var third = await client.Http.PostAsync("/api/directline/token", null);

        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
    }

    [Fact]
    public async Task WhenFullTheLongestIdleConversationMakesRoom()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var server = await DirectLineServer.StartAsync(new() { ["DirectLine:MaxConversations"] = "2" }, clock: clock);
        using var oldest = server.Client();
        using var middle = server.Client();
        using var newest = server.Client();
        (await oldest.StartAsync()).Dispose();
        (await middle.StartAsync()).Dispose();
        clock.Advance(TimeSpan.FromSeconds(1));
        await middle.GetActivitiesAsync();

        (await newest.StartAsync()).Dispose();
        using var gone = await oldest.SendAsync(HttpMethod.Get, $"/conversations/{oldest.ConversationId}/activities");

        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Single((await middle.GetActivitiesAsync()).Activities);
        Assert.Single((await newest.GetActivitiesAsync()).Activities);
    }

    [Fact]
    public async Task IdleConversationExpiresAndThenAnswers404()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var server = await DirectLineServer.StartAsync(new() { ["DirectLine:ConversationIdleTimeout"] = "00:00:01" }, clock: clock);
        using var client = server.Client();
        (await client.StartAsync()).Dispose();

        clock.Advance(TimeSpan.FromSeconds(1.5));
        using var poll = await client.SendAsync(HttpMethod.Get, $"/conversations/{client.ConversationId}/activities");

        Assert.Equal(HttpStatusCode.NotFound, poll.StatusCode);
    }

    [Fact]
    public async Task HistoryKeepsOnlyTheNewestActivitiesButWatermarksKeepCounting()
    {
        await using var server = await DirectLineServer.StartAsync(new() { ["DirectLine:MaxActivitiesPerConversation"] = "3" });
        using var client = server.Client();
        (await client.StartAsync()).Dispose();

        (await client.PostMessageAsync("one")).Dispose();
        (await client.PostMessageAsync("two")).Dispose();
        await client.PollUntilAsync(a => a.Any(x => (string?)x["text"] == "echo: two"));
        var (activities, watermark) = await client.GetActivitiesAsync();

        Assert.Equal(["echo: one", "two", "echo: two"], activities.Select(a => (string?)a["text"]));
        Assert.Equal("5", watermark);
    }
}
