using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace FaqBot.BotFramework.Tests.DirectLine;

public sealed class DirectLinePollingTests : IAsyncLifetime
{
    private DirectLineServer server = null!;

    public async Task InitializeAsync() => server = await DirectLineServer.StartAsync(new() { ["DirectLine:TurnResponseTimeout"] = "00:00:00.500" });

    public async Task DisposeAsync() => await server.DisposeAsync();

    [Fact]
    public async Task StartingAConversationGreetsTheUserWithoutShowingTheConversationUpdate()
    {
        using var client = server.Client();
        var userId = (string)(await client.FetchTokenAsync())["userId"]!;

        using var response = await client.StartAsync();
        var activities = await client.PollUntilAsync(a => a.Count > 0);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var welcome = Assert.Single(activities);
        Assert.Equal("Welcome to the clinic chat.", (string?)welcome["text"]);
        Assert.Equal("bot", (string?)welcome["from"]!["role"]);
        Assert.Null(welcome["replyToId"]);
        var update = Assert.Single(server.Bot.Received);
        Assert.Equal("conversationUpdate", update.Type);
        Assert.Equal(["faqbot", userId], update.MembersAdded!.Select(m => m.Id));
    }

    [Fact]
    public async Task PostedMessageIsEchoedWithTheSameIdItsClientActivityIdAndTheUserRole()
    {
        using var client = server.Client();
        var token = await client.FetchTokenAsync();
        (await client.StartAsync()).Dispose();

        using var posted = await client.PostMessageAsync("Is eczema contagious?", clientActivityId: "abc-123");
        var id = (await posted.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.ToString();
        var activities = await client.PollUntilAsync(a => a.Count >= 3);

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        var echo = activities.Single(a => (string?)a["id"] == id);
        Assert.Equal("Is eczema contagious?", (string?)echo["text"]);
        Assert.Equal("abc-123", (string?)echo["channelData"]!["clientActivityID"]);
        Assert.Equal("user", (string?)echo["from"]!["role"]);
        Assert.Equal((string?)token["userId"], (string?)echo["from"]!["id"]);
        Assert.Equal("2026-11-22T10:15:00.123+01:00", (string?)echo["localTimestamp"]);
        Assert.StartsWith(client.ConversationId + "|", id);
        Assert.Equal(id, server.Bot.Received.Last().Id);
    }

    [Fact]
    public async Task BotReplyPointsAtTheEchoAndComesLaterInTimeAndSequence()
    {
        using var client = server.Client();
        (await client.StartAsync()).Dispose();

        (await client.PostMessageAsync("first")).Dispose();
        (await client.PostMessageAsync("second", "client-2")).Dispose();
        var activities = await client.PollUntilAsync(a => a.Count >= 5);

        Assert.Equal(["Welcome to the clinic chat.", "first", "echo: first", "second", "echo: second"], activities.Select(a => (string?)a["text"]));
        Assert.Equal((string?)activities[1]["id"], (string?)activities[2]["replyToId"]);
        Assert.Equal((string?)activities[3]["id"], (string?)activities[4]["replyToId"]);
        var stamps = activities.Select(a => DateTimeOffset.Parse((string)a["timestamp"]!)).ToList();
        Assert.Equal(stamps.Order(), stamps);
        Assert.Equal(stamps.Count, stamps.Distinct().Count());
        Assert.All(activities, a => Assert.EndsWith("Z", (string)a["timestamp"]!));
        var sequence = activities.Select(a => (int)a["channelData"]!["webchat:sequence-id"]!).ToList();
        Assert.Equal(sequence.Order(), sequence);
    }

    [Fact]
    public async Task WatermarkReturnsOnlyWhatIsNewAndKeepsItsPlaceWhenNothingIs()
    {
        using var client = server.Client();
        (await client.StartAsync()).Dispose();
        await client.PollUntilAsync(a => a.Count == 1);
        var (_, afterWelcome) = await client.GetActivitiesAsync();

        (await client.PostMessageAsync("hello")).Dispose();
        await client.PollUntilAsync(a => a.Count == 3);
        var (newer, watermark) = await client.GetActivitiesAsync(afterWelcome);
        var (none, same) = await client.GetActivitiesAsync(watermark);

        Assert.Equal(["hello", "echo: hello"], newer.Select(a => (string?)a["text"]));
        Assert.Empty(none);
        Assert.Equal(watermark, same);
    }

    [Fact]
    public async Task StartingAgainWithTheSameTokenResumesTheSameConversation()
    {
        using var client = server.Client();
        (await client.StartAsync()).Dispose();
        var first = client.ConversationId;

        using var again = await client.StartAsync();

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(first, client.ConversationId);
        Assert.Single(server.Bot.Received);
    }

    [Fact]
    public async Task FailingBotStillAnswersThePostAndApologises()
    {
        using var client = server.Client();
        (await client.StartAsync()).Dispose();

        using var posted = await client.PostMessageAsync("boom");
        var activities = await client.PollUntilAsync(a => a.Count >= 3);

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Contains("Sorry", (string?)activities[2]["text"]);
        Assert.Equal((string?)activities[1]["id"], (string?)activities[2]["replyToId"]);
    }

    [Fact]
    public async Task SlowBotDoesNotHoldThePostAndItsReplyStillArrives()
    {
        using var client = server.Client();
        (await client.StartAsync()).Dispose();
        var clock = System.Diagnostics.Stopwatch.StartNew();

        // "slow" is still working when the POST answers: it waits until released below.
        using var posted = await client.PostMessageAsync("slow").WaitAsync(TimeSpan.FromSeconds(10));
        var answeredAfter = clock.Elapsed;
        server.Bot.ReleaseSlow();
        var activities = await client.PollUntilAsync(a => a.Count >= 3);

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.InRange(answeredAfter, TimeSpan.Zero, TimeSpan.FromSeconds(1.5));
        Assert.Equal("echo: slow", (string?)activities[2]["text"]);
    }

    [Fact]
    public async Task MalformedActivityIsRefusedWith400AndNothingIsStored()
    {
        using var client = server.Client();
        (await client.StartAsync()).Dispose();
        await client.PollUntilAsync(a => a.Count == 1);

        using var noType = await client.SendAsync(HttpMethod.Post, $"/conversations/{client.ConversationId}/activities", new { text = "hi" });
        using var request = new HttpRequestMessage(HttpMethod.Post, server.Domain + $"/conversations/{client.ConversationId}/activities")
        {
            Content = new StringContent("{not json", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new("Bearer", client.Token);
        using var badJson = await client.Http.SendAsync(request);
        var (activities, _) = await client.GetActivitiesAsync();

        Assert.Equal(HttpStatusCode.BadRequest, noType.StatusCode);
        Assert.Equal("MissingProperty", await DirectLineClient.ErrorCodeAsync(noType));
        Assert.Equal(HttpStatusCode.BadRequest, badJson.StatusCode);
        Assert.Single(activities);
    }

    [Theory]
    [InlineData("""{"type":"message","text":"hi","channelData":{"x":"\ud800"}}""")]
    [InlineData("""{"type":"conversationUpdate","membersAdded":[null]}""")]
    public async Task BrokenTextOrANullMemberIsRefusedWith400NotA5xx(string body)
    {
        using var client = server.Client();
        (await client.StartAsync()).Dispose();
        await client.PollUntilAsync(a => a.Count == 1);
        using var request = new HttpRequestMessage(HttpMethod.Post, server.Domain + $"/conversations/{client.ConversationId}/activities")
        {
            Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new("Bearer", client.Token);

        using var response = await client.Http.SendAsync(request);
        var (activities, _) = await client.GetActivitiesAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("BadArgument", await DirectLineClient.ErrorCodeAsync(response));
        Assert.Single(activities);
    }
}
