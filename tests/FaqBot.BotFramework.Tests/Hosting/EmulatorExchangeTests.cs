using System.Net;
using FaqBot.BotFramework.Tests.Support;

namespace FaqBot.BotFramework.Tests.Hosting;

/// <summary>The Emulator's first exchange with blank credentials: conversationUpdate, then a message, replies at its serviceUrl.</summary>
public sealed class EmulatorExchangeTests : IAsyncLifetime
{
    private readonly RecordingTurnHandler handler = new();
    private FakeChannel channel = null!;
    private BotApp bot = null!;

    public async Task InitializeAsync()
    {
        channel = await FakeChannel.StartAsync();
        bot = await BotApp.StartAsync(handler);
    }

    public async Task DisposeAsync()
    {
        await bot.DisposeAsync();
        await channel.DisposeAsync();
    }

    [Fact]
    public async Task ConversationUpdateIsAcknowledgedAndTheWelcomeReachesTheEmulator()
    {
        var response = await bot.Http.PostActivityAsync(bot.MessagesUrl, Some.ConversationUpdate(channel.ServiceUrl));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var post = Assert.Single(await channel.WaitForPostsAsync(1));
        Assert.Equal("Welcome, User", post.Activity.Text);
        Assert.Equal(Some.UserId, post.Activity.Recipient?.Id);
        Assert.Equal(Some.BotId, post.Activity.From?.Id);
    }

    [Fact]
    public async Task MessageReplyGoesToTheReplyRouteWithEachIdEscaped()
    {
        await bot.Http.PostActivityAsync(bot.MessagesUrl, Some.ConversationUpdate(channel.ServiceUrl));
        await channel.WaitForPostsAsync(1);

        var response = await bot.Http.PostActivityAsync(bot.MessagesUrl, Some.Message(channel.ServiceUrl, "Do you treat eczema in children?"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = (await channel.WaitForPostsAsync(2))[1];
        Assert.Equal(
            "/v3/conversations/5f0b7e40-4b7e-11f0-9a3c-3b1f2c7d8e90%7Clivechat/activities/6a41c2b0-4b7e-11f0-9a3c-3b1f2c7d8e90",
            reply.RawTarget);
        Assert.Equal("You said: Do you treat eczema in children?", reply.Activity.Text);
        Assert.Equal("6a41c2b0-4b7e-11f0-9a3c-3b1f2c7d8e90", reply.Activity.ReplyToId);
        Assert.Equal(Some.ConversationId, reply.Activity.Conversation?.Id);
        Assert.Equal("", reply.Authorization);
    }

    [Fact]
    public async Task TeamsStyleIdsAndAServiceUrlPathWithoutTrailingSlashStillReachTheRightRoute()
    {
        var activity = Some.Message(channel.ServiceUrl + "/amer", channelId: "msteams")
            .With("id", "f:8822041175513345678")
            .With("conversation", new System.Text.Json.Nodes.JsonObject { ["id"] = "19:7e1d0c2b9a8f4e3d@thread.tacv2;messageid=1741101002345" });

        await bot.Http.PostActivityAsync(bot.MessagesUrl, activity);

        var post = Assert.Single(await channel.WaitForPostsAsync(1));
        Assert.Equal("/amer/v3/conversations/19%3A7e1d0c2b9a8f4e3d%40thread.tacv2%3Bmessageid%3D1741101002345/activities/f%3A8822041175513345678", post.RawTarget);
    }

    [Fact]
    public async Task ActivityWithoutAnIdIsSentToTheConversationRatherThanAsAReply()
    {
        await bot.Http.PostActivityAsync(bot.MessagesUrl, Some.Message(channel.ServiceUrl).Without("id"));

        var post = Assert.Single(await channel.WaitForPostsAsync(1));
        Assert.Equal("/v3/conversations/5f0b7e40-4b7e-11f0-9a3c-3b1f2c7d8e90%7Clivechat/activities", post.RawTarget);
    }

    [Theory]
    [InlineData("""{"id":"channel-assigned-7"}""", "channel-assigned-7")]
    [InlineData("", null)]
    public async Task SendReturnsTheIdTheChannelGaveTheReplyOrNullWhenItGaveNone(string channelAnswer, string? expectedId)
    {
        var ids = new List<string?>();
        await using var echo = await BotApp.StartAsync(new RecordingTurnHandler(async (turn, ct) => ids.Add(await turn.SendAsync(turn.Activity.CreateReply("ok"), ct))));
        channel.Respond = (_, _) => Task.FromResult(Microsoft.AspNetCore.Http.Results.Content(channelAnswer, "application/json"));

        await echo.Http.PostActivityAsync(echo.MessagesUrl, Some.Message(channel.ServiceUrl));

        Assert.Equal([expectedId], ids);
    }

    [Fact]
    public async Task FieldsTheBotDoesNotModelReachTheTurnHandlerIntact()
    {
        var activity = Some.Message(channel.ServiceUrl).With("speechProfile", new System.Text.Json.Nodes.JsonObject { ["voice"] = "calm" });

        await bot.Http.PostActivityAsync(bot.MessagesUrl, activity);

        var received = Assert.Single(handler.Received);
        Assert.Equal("calm", received.Properties!["speechProfile"].GetProperty("voice").GetString());
        Assert.Equal("1741100550012x7hq2", received.ChannelData!.Value.GetProperty("clientActivityID").GetString());
    }
}
