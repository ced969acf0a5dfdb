using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using FaqBot.BotFramework.Activities;
using FaqBot.BotFramework.Teams;
using FaqBot.BotFramework.Tests.Support;
using FaqBot.BotFramework.Turns;
using Microsoft.Extensions.DependencyInjection;

namespace FaqBot.BotFramework.Tests.Turns;

/// <summary>The turn pipeline end to end: a real bot host on loopback, /api/messages, and a fake Teams connector.</summary>
public sealed class TurnPipelineOverHttpTests : IAsyncLifetime
{
    private const string Apology = "Sorry, something went wrong on my side. Please try again in a moment.";
    private const string ChannelConversation = "19:7e1d0c2b9a8f4e3d@thread.tacv2";
    private FakeChannel channel = null!;

    public async Task InitializeAsync() => channel = await FakeChannel.StartAsync(ChannelStyle.Teams);

    public async Task DisposeAsync() => await channel.DisposeAsync();

    [Fact]
    public async Task ABotThatThrowsInATeamsChannelGetsTheApologyIntoTheQuestionsThreadNotA500()
    {
        await using var bot = await StartWithTeamsAsync(new RecordingTurnHandler((_, _) => throw new InvalidOperationException("index is locked")));

        using var response = await bot.Http.PostActivityAsync(bot.MessagesUrl, TeamsChannelMessage("1741101002345", "is parking free?"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var apology = Assert.Single(await channel.WaitForPostsAsync(1));
        Assert.Equal(Apology, apology.Activity.Text);
        // The error boundary is outside the Teams step, so even the apology travels the Teams way: into the thread.
        Assert.Equal(ChannelConversation + ";messageid=1741101002345", apology.Activity.Conversation?.Id);
        Assert.Equal("1741101002345", apology.Activity.ReplyToId);
    }

    [Fact]
    public async Task ChoicesBecomeCardButtonsInATeamsChannelAndStaySuggestedActionsElsewhere()
    {
        await using var bot = await StartWithTeamsAsync(new RecordingTurnHandler(ReplyWithChoicesAsync));

        (await bot.Http.PostActivityAsync(bot.MessagesUrl, TeamsChannelMessage("1741101002400", "help"))).Dispose();
        var teams = (await channel.WaitForPostsAsync(1))[0];
        (await bot.Http.PostActivityAsync(bot.MessagesUrl, Some.Message(channel.ServiceUrl, "help", channelId: "webchat"))).Dispose();
        var webChat = (await channel.WaitForPostsAsync(2))[1];

        Assert.Null(teams.Activity.SuggestedActions);
        Assert.Null(teams.Activity.Text);
        var card = Assert.Single(teams.Activity.Attachments!);
        Assert.Equal(TeamsReplyShaper.AdaptiveCardContentType, card.ContentType);
        Assert.Equal("What would you like to know?", (string?)card.Content!["body"]![0]!["text"]);
        Assert.Equal(["Opening hours", "Tell me more"], card.Content["actions"]!.AsArray().Select(a => (string?)a!["title"]));
        Assert.Equal("/amer/v3/conversations/" + Uri.EscapeDataString(ChannelConversation + ";messageid=1741101002400") + "/activities/1741101002400", teams.RawTarget);

        Assert.Equal("What would you like to know?", webChat.Activity.Text);
        Assert.Null(webChat.Activity.Attachments);
        Assert.Equal(["imBack", "messageBack"], webChat.Activity.SuggestedActions?.Actions.Select(a => a.Type));
    }

    [Fact]
    public async Task StoppingTheHostLetsATurnRunningInTheBackgroundDeliverItsReplyFirst()
    {
        var working = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var finish = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var slow = new RecordingTurnHandler(async (turn, ct) =>
        {
            working.TrySetResult();
            // Still working when the channel's 200 goes (after InboundWait) and when the host starts stopping.
            await finish.Task.WaitAsync(ct);
            await turn.SendAsync(turn.Activity.CreateReply("Here is your answer."), ct);
        });
        var bot = await BotApp.StartAsync(slow, new Dictionary<string, string?> { ["BotFramework:InboundWait"] = "00:00:00.200" });
        Task? stopping = null;
        try
        {
            using var response = await bot.Http.PostActivityAsync(bot.MessagesUrl, Some.Message(channel.ServiceUrl));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            await working.Task;
            Assert.Empty(channel.Posts);

            stopping = bot.DisposeAsync().AsTask();
            // The dispatcher says it is waiting for the turn; only then may the turn finish.
            Assert.True(
                SpinWait.SpinUntil(() => bot.Logs.Lines.Any(l => l.Message.StartsWith("Stopping: waiting for 1 running turn", StringComparison.Ordinal)), TimeSpan.FromSeconds(10)),
                "the host did not wait for the running turn");
            Assert.False(stopping.IsCompleted, "the host stopped before the turn finished");
        }
        finally
        {
            finish.TrySetResult();
            await (stopping ?? bot.DisposeAsync().AsTask());
        }

        var post = Assert.Single(channel.Posts);
        Assert.Equal("Here is your answer.", post.Activity.Text);
    }

    private Task<BotApp> StartWithTeamsAsync(ITurnHandler handler) =>
        BotApp.StartAsync(handler, services: services =>
        {
            // What builder.AddTeams() does; BotApp gives tests the service collection only.
            services.AddOptions<TeamsOptions>();
            services.AddTurnMiddleware<TeamsMiddleware>();
        });

    // A channel-neutral reply, as the FAQ bot composes them: text and two choices, one of them naming something exact.
    private static async Task ReplyWithChoicesAsync(TurnContext turn, CancellationToken ct)
    {
        var reply = turn.Activity.CreateReply("What would you like to know?");
        reply.SuggestedActions = new SuggestedActions
        {
            Actions =
            [
                CardAction.ImBack("Opening hours"),
                new CardAction { Type = "messageBack", Title = "Tell me more", Text = "tell me more", DisplayText = "tell me more", Value = JsonSerializer.SerializeToElement(new { passage = "a/2" }) },
            ],
        };
        await turn.SendAsync(reply, ct);
    }

    private JsonObject TeamsChannelMessage(string id, string text) => new()
    {
        ["type"] = "message",
        ["id"] = id,
        ["channelId"] = "msteams",
        ["serviceUrl"] = channel.ServiceUrl,
        ["from"] = new JsonObject { ["id"] = "29:1Qf8Zb0c-ExampleUserId", ["name"] = "Dana Lee" },
        ["recipient"] = new JsonObject { ["id"] = "28:3f2a9c71-8d4e-4b6a-a1c2-5e7f9d0b1c23", ["name"] = "Clinic FAQ" },
        ["conversation"] = new JsonObject { ["isGroup"] = true, ["conversationType"] = "channel", ["id"] = ChannelConversation },
        ["text"] = text,
        ["channelData"] = new JsonObject { ["channel"] = new JsonObject { ["id"] = ChannelConversation } },
    };
}
