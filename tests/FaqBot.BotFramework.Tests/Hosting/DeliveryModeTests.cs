using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using FaqBot.BotFramework.Activities;
using FaqBot.BotFramework.Tests.Support;

namespace FaqBot.BotFramework.Tests.Hosting;

/// <summary>What /api/messages answers for expectReplies, invoke and activity types the bot does not know.</summary>
public sealed class DeliveryModeTests : IAsyncLifetime
{
    private RecordingTurnHandler handler = new();
    private FakeChannel channel = null!;
    private BotApp? bot;

    public async Task InitializeAsync() => channel = await FakeChannel.StartAsync();

    public async Task DisposeAsync()
    {
        if (bot is not null)
        {
            await bot.DisposeAsync();
        }
        await channel.DisposeAsync();
    }

    [Fact]
    public async Task ExpectRepliesReturnsEveryReplyInTheResponseAndPostsNothing()
    {
        handler = new RecordingTurnHandler(async (turn, ct) =>
        {
            await turn.SendAsync(new Activity { Type = ActivityTypes.Typing }, ct);
            await turn.SendAsync(turn.Activity.CreateReply("We are open Monday to Friday."), ct);
        });
        bot = await BotApp.StartAsync(handler);

        var response = await bot.Http.PostActivityAsync(bot.MessagesUrl, Some.Message(channel.ServiceUrl, "opening hours").With("deliveryMode", "expectReplies"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var activities = body["activities"]!.AsArray();
        Assert.Equal(["typing", "message"], activities.Select(a => (string?)a!["type"]));
        Assert.Equal("We are open Monday to Friday.", (string?)activities[1]!["text"]);
        // Once stopped, the turn has ended: a reply posted to the channel as well would be in by now.
        await bot.StopAsync();
        Assert.Empty(channel.Posts);
    }

    [Fact]
    public async Task RepliesInAnExpectRepliesBodyAreCamelCaseWithoutNulls()
    {
        bot = await BotApp.StartAsync(handler);

        var response = await bot.Http.PostActivityAsync(bot.MessagesUrl, Some.Message(channel.ServiceUrl, "hi").With("deliveryMode", "expectReplies"));

        var reply = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["activities"]![0]!.AsObject();
        Assert.Equal("You said: hi", (string?)reply["text"]);
        Assert.True(reply.ContainsKey("replyToId"));
        Assert.DoesNotContain(reply, p => p.Value is null);
        Assert.All(reply, p => Assert.True(char.IsLower(p.Key[0]), p.Key));
    }

    [Fact]
    public async Task InvokeIsAnsweredInTheHttpResponseWithTheBotsResult()
    {
        handler = new RecordingTurnHandler((turn, _) =>
        {
            turn.InvokeResponse = new InvokeResponse(200, new JsonObject { ["statusCode"] = 200, ["value"] = "Thanks for the feedback" });
            return Task.CompletedTask;
        });
        bot = await BotApp.StartAsync(handler);
        var invoke = Some.Message(channel.ServiceUrl).With("type", "invoke").With("name", "message/submitAction").Without("text");

        var response = await bot.Http.PostActivityAsync(bot.MessagesUrl, invoke);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("Thanks for the feedback", (string?)body["value"]);
        Assert.Empty(channel.Posts);
    }

    [Fact]
    public async Task InvokeTheBotDoesNotAnswerGets501()
    {
        bot = await BotApp.StartAsync(new RecordingTurnHandler((_, _) => Task.CompletedTask));

        var response = await bot.Http.PostActivityAsync(bot.MessagesUrl, Some.Message(channel.ServiceUrl).With("type", "invoke").With("name", "composeExtension/query"));

        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
    }

    [Fact]
    public async Task UnknownActivityTypeIsAcknowledgedAndNeverReachesTheBot()
    {
        bot = await BotApp.StartAsync(handler);

        var response = await bot.Http.PostActivityAsync(bot.MessagesUrl, Some.Message(channel.ServiceUrl).With("type", "holographicWave"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(handler.Received);
        Assert.Empty(channel.Posts);
    }

    [Fact]
    public async Task GetOnTheMessagesEndpointIsNotAllowed()
    {
        bot = await BotApp.StartAsync(handler);

        var response = await bot.Http.GetAsync(bot.MessagesUrl);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Fact]
    public async Task ActivityJsonIsReadWhateverTheCasingOfItsFieldNames()
    {
        bot = await BotApp.StartAsync(handler);
        var json = JsonSerializer.Serialize(new { Type = "message", Id = "1", ServiceUrl = channel.ServiceUrl, Conversation = new { ID = "c-1" }, TEXT = "Hello" });

        var response = await bot.Http.PostRawAsync(bot.MessagesUrl, json, "application/json; charset=utf-8");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var received = Assert.Single(handler.Received);
        Assert.Equal(("c-1", "Hello"), (received.Conversation?.Id, received.Text));
    }
}
