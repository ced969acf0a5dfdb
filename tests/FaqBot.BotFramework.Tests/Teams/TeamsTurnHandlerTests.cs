using System.Text.Json.Nodes;
using FaqBot.BotFramework.Activities;
using FaqBot.BotFramework.Teams;
using FaqBot.BotFramework.Turns;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using static FaqBot.BotFramework.Tests.Teams.TeamsActivities;

namespace FaqBot.BotFramework.Tests.Teams;

public sealed class TeamsTurnHandlerTests
{
    [Fact]
    public async Task TheBotSeesTheQuestionWithoutItsOwnMention()
    {
        var bot = new EchoBot();
        var turn = new TurnContext(ChannelMessage("<at>Clinic FAQ</at> is parking free?", $"[{BotMention()}]"), (_, _) => Task.FromResult<string?>(null));

        await Wrap(bot).HandleAsync(turn, CancellationToken.None);

        Assert.Equal("is parking free?", bot.HeardText);
    }

    [Fact]
    public async Task RepliesPassThroughTheShaperOnTheWayOut()
    {
        var sent = new List<Activity>();
        var turn = new TurnContext(ChannelMessage("q", "[]", ChannelConversation), (a, _) => { sent.Add(a); return Task.FromResult<string?>("id-1"); });

        await Wrap(new EchoBot()).HandleAsync(turn, CancellationToken.None);

        var reply = Assert.Single(sent);
        Assert.Equal(ChannelConversation + ";messageid=1741101002345", reply.Conversation?.Id);
        Assert.Null(reply.SuggestedActions);
    }

    [Fact]
    public async Task TheInvokeResponseSetByTheBotReachesTheOuterTurn()
    {
        var invoke = Parse("""{ "type": "invoke", "name": "message/submitAction", "channelId": "msteams", "conversation": { "id": "a:1" } }""");
        var turn = new TurnContext(invoke, (_, _) => Task.FromResult<string?>(null));

        await Wrap(new EchoBot()).HandleAsync(turn, CancellationToken.None);

        Assert.Equal(200, turn.InvokeResponse?.Status);
    }

    [Fact]
    public async Task OtherChannelsGetTheBotsRepliesUnchanged()
    {
        var sent = new List<Activity>();
        var inbound = Parse("""{ "type": "message", "id": "1", "channelId": "directline", "text": "hi", "conversation": { "id": "c1" } }""");
        var turn = new TurnContext(inbound, (a, _) => { sent.Add(a); return Task.FromResult<string?>(null); });

        await Wrap(new EchoBot()).HandleAsync(turn, CancellationToken.None);

        Assert.NotNull(Assert.Single(sent).SuggestedActions);
    }

    [Fact]
    public async Task ATeamsMessageFromATenantNotAllowedNeverReachesTheBot()
    {
        var bot = new EchoBot();
        var sent = new List<Activity>();
        var turn = new TurnContext(ChannelMessage("<at>Clinic FAQ</at> hello", $"[{BotMention()}]"), (a, _) => { sent.Add(a); return Task.FromResult<string?>(null); });

        await Wrap(bot, "0b6f3a52-1c9e-4d7a-8e21-6a5f4c3b2d10").HandleAsync(turn, CancellationToken.None);

        Assert.Null(bot.HeardText);
        Assert.Empty(sent);
    }

    [Fact]
    public async Task AnInvokeFromATenantNotAllowedIsRefusedWith403()
    {
        var invoke = Parse("""{ "type": "invoke", "name": "message/submitAction", "channelId": "msteams", "conversation": { "id": "a:1", "tenantId": "other" } }""");
        var turn = new TurnContext(invoke, (_, _) => Task.FromResult<string?>(null));

        await Wrap(new EchoBot(), TenantId).HandleAsync(turn, CancellationToken.None);

        Assert.Equal(403, turn.InvokeResponse?.Status);
    }

    [Fact]
    public async Task TheClinicsOwnTenantIsAnsweredWhateverTheCaseOfItsId()
    {
        var bot = new EchoBot();
        var turn = new TurnContext(ChannelMessage("hello", "[]"), (_, _) => Task.FromResult<string?>(null));

        await Wrap(bot, TenantId.ToUpperInvariant()).HandleAsync(turn, CancellationToken.None);

        Assert.Equal("hello", bot.HeardText);
    }

    [Fact]
    public async Task SomeoneJoiningATeamIsNotGreetedInTheChannel()
    {
        var bot = new EchoBot();
        var joined = Parse($$"""
            { "type": "conversationUpdate", "id": "f:1", "channelId": "msteams",
              "conversation": { "conversationType": "channel", "isGroup": true, "id": "{{ChannelConversation}}" },
              "recipient": { "id": "{{BotId}}" }, "membersAdded": [ { "id": "29:new-colleague" } ] }
            """);
        var sent = new List<Activity>();

        await Wrap(bot).HandleAsync(new TurnContext(joined, (a, _) => { sent.Add(a); return Task.FromResult<string?>(null); }), CancellationToken.None);

        Assert.False(bot.Called);
        Assert.Empty(sent);
    }

    [Fact]
    public async Task APersonalChatConversationUpdateStillReachesTheBot()
    {
        var bot = new EchoBot();
        var update = Parse($$"""
            { "type": "conversationUpdate", "id": "f:2", "channelId": "msteams",
              "conversation": { "conversationType": "personal", "id": "a:1" }, "membersAdded": [ { "id": "29:user" } ] }
            """);

        await Wrap(bot).HandleAsync(new TurnContext(update, (_, _) => Task.FromResult<string?>(null)), CancellationToken.None);

        Assert.True(bot.Called);
    }

    private static TeamsTurnHandler Wrap(ITurnHandler bot, params string[] allowedTenants) =>
        new(bot, Options.Create(new TeamsOptions { AllowedTenantIds = [.. allowedTenants] }), NullLogger<TeamsTurnHandler>.Instance);

    /// <summary>Records what it heard, answers with a suggested action, and accepts invokes.</summary>
    private sealed class EchoBot : ITurnHandler
    {
        public string? HeardText { get; private set; }

        public bool Called { get; private set; }

        public async Task HandleAsync(TurnContext turn, CancellationToken cancellationToken)
        {
            Called = true;
            HeardText = turn.Activity.Text;
            if (turn.Activity.Type == ActivityTypes.Invoke)
            {
                turn.InvokeResponse = new InvokeResponse(200, new JsonObject());
                return;
            }

            var reply = turn.Activity.CreateReply($"you said: {HeardText}");
            reply.SuggestedActions = new SuggestedActions { Actions = [CardAction.ImBack("help")] };
            await turn.SendAsync(reply, cancellationToken);
        }
    }
}
