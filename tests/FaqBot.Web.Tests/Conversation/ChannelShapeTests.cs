using System.Text.Json.Nodes;
using FaqBot.Web.Tests.Teams;
using static FaqBot.Web.Tests.Conversation.Replies;

namespace FaqBot.Web.Tests.Conversation;

public sealed class ChannelShapeTests
{
    [Fact]
    public async Task ATypingIndicatorGoesOutFirstWhenDecidingTakesLongerThanTheConfiguredMoment()
    {
        await using var server = await BotServer.StartAsync(new Dictionary<string, string?> { ["Conversation:TypingDelay"] = "00:00:00" });
        var chat = new BotChat(server.Http);

        var replies = await chat.SayAsync("does microneedling hurt?");

        Assert.Equal(["typing", "message"], replies.Select(r => r.GetProperty("type").GetString()));
    }

    [Fact]
    public async Task InATeamsGroupChatTheChoicesAreCardButtonsAndTheMentionIsIgnored()
    {
        await using var server = await BotServer.StartAsync();
        var chat = new BotChat(server.Http, channelId: "msteams");
        var mention = new JsonObject
        {
            ["type"] = "mention",
            ["text"] = "<at>FaqBot</at>",
            ["mentioned"] = new JsonObject { ["id"] = BotChat.Bot, ["name"] = "FaqBot" },
        };

        var reply = OnlyMessage(await chat.SendAsync(new JsonObject
        {
            ["type"] = "message",
            ["text"] = "<at>FaqBot</at> does microneedling hurt?",
            ["entities"] = new JsonArray(mention),
            ["conversation"] = new JsonObject { ["id"] = "19:abc@thread.v2", ["conversationType"] = "groupChat", ["isGroup"] = true },
        }));

        Assert.Empty(Suggested(reply));
        var card = Card(reply);
        Assert.Equal(["Helpful", "Not helpful", "Tell me more", "Where is this from?"],
            card.GetProperty("actions").EnumerateArray().Select(a => a.GetProperty("title").GetString()).Take(4));
        Assert.Equal("", Text(reply));
    }
}
