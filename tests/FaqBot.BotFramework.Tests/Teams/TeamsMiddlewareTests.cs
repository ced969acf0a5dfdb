using System.Text.Json.Nodes;
using FaqBot.BotFramework.Activities;
using FaqBot.BotFramework.Teams;
using FaqBot.BotFramework.Turns;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using static FaqBot.BotFramework.Tests.Teams.TeamsActivities;

namespace FaqBot.BotFramework.Tests.Teams;

public sealed class TeamsMiddlewareTests
{
    [Fact]
    public async Task TheBotSeesTheQuestionWithoutItsOwnMention()
    {
        var bot = new EchoBot();
        await Run(bot, ChannelMessage("<at>Clinic FAQ</at> is parking free?", $"[{BotMention()}]"));

        Assert.Equal("is parking free?", bot.HeardText);
    }

    [Fact]
    public async Task RepliesPassThroughTheShaperOnTheWayOut()
    {
        var result = await Run(new EchoBot(), ChannelMessage("q", "[]", ChannelConversation));

        var reply = Assert.Single(result.Sent);
        Assert.Equal(ChannelConversation + ";messageid=1741101002345", reply.Conversation?.Id);
        Assert.Null(reply.SuggestedActions);
    }

    [Fact]
    public async Task TheInvokeResponseSetByTheBotReachesTheOuterTurn()
    {
        var invoke = Parse("""{ "type": "invoke", "name": "message/submitAction", "channelId": "msteams", "conversation": { "id": "a:1" } }""");
        var result = await Run(new EchoBot(), invoke);

        Assert.Equal(200, result.InvokeResponse?.Status);
    }

    [Fact]
    public async Task OtherChannelsGetTheBotsRepliesUnchanged()
    {
        var inbound = Parse("""{ "type": "message", "id": "1", "channelId": "directline", "text": "hi", "conversation": { "id": "c1" } }""");

        var result = await Run(new EchoBot(), inbound);

        Assert.NotNull(Assert.Single(result.Sent).SuggestedActions);
    }

    [Fact]
    public async Task ATeamsMessageFromATenantNotAllowedNeverReachesTheBot()
    {
        var bot = new EchoBot();
        var result = await Run(bot, ChannelMessage("<at>Clinic FAQ</at> hello", $"[{BotMention()}]"), "0b6f3a52-1c9e-4d7a-8e21-6a5f4c3b2d10");

        Assert.Null(bot.HeardText);
        Assert.Empty(result.Sent);
    }

    [Fact]
    public async Task AnInvokeFromATenantNotAllowedIsRefusedWith403()
    {
        var invoke = Parse("""{ "type": "invoke", "name": "message/submitAction", "channelId": "msteams", "conversation": { "id": "a:1", "tenantId": "other" } }""");
        var result = await Run(new EchoBot(), invoke, TenantId);

        Assert.Equal(403, result.InvokeResponse?.Status);
    }

    [Fact]
    public async Task TheClinicsOwnTenantIsAnsweredWhateverTheCaseOfItsId()
    {
        var bot = new EchoBot();
        await Run(bot, ChannelMessage("hello", "[]"), TenantId.ToUpperInvariant());

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
        var result = await Run(bot, joined);

        Assert.False(bot.Called);
        Assert.Empty(result.Sent);
    }

    [Fact]
    public async Task APersonalChatConversationUpdateStillReachesTheBot()
    {
        var bot = new EchoBot();
        var update = Parse($$"""
            { "type": "conversationUpdate", "id": "f:2", "channelId": "msteams",
              "conversation": { "conversationType": "personal", "id": "a:1" }, "membersAdded": [ { "id": "29:user" } ] }
            """);

        await Run(bot, update);

        Assert.True(bot.Called);
    }

    [Fact]
    public async Task TeamsThumbsReachTheBotAsAChannelNeutralRatingAndTheInvokeIsAnswered()
    {
        var rated = new RatingBot();
        var invoke = Parse("""
            { "type": "invoke", "name": "message/submitAction", "channelId": "msteams", "replyToId": "1:answer",
              "conversation": { "id": "a:1", "conversationType": "personal" },
              "value": { "actionName": "feedback", "actionValue": { "reaction": "dislike", "feedback": "{\"feedbackText\":\"too vague\"}" } } }
            """);

        var result = await Run(rated, invoke);

        Assert.Equal(new MessageFeedback("1:answer", Helpful: false, Comment: "too vague"), rated.Rating);
        Assert.Equal(200, result.InvokeResponse?.Status);
        Assert.Equal("{}", result.InvokeResponse?.Body?.ToJsonString());
    }

    private static Task<TurnResult> Run(ITurnHandler bot, Activity inbound, params string[] allowedTenants) =>
        new TurnPipeline(bot, [new TeamsMiddleware(Options.Create(new TeamsOptions { AllowedTenantIds = [.. allowedTenants] }), NullLogger<TeamsMiddleware>.Instance)])
            .RunAsync(inbound, (_, _) => Task.FromResult<string?>("id-1"), CancellationToken.None);

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

    private sealed class RatingBot : ITurnHandler
    {
        public MessageFeedback? Rating { get; private set; }

        public Task HandleAsync(TurnContext turn, CancellationToken cancellationToken)
        {
            Rating = turn.Feedback;
            return Task.CompletedTask;
        }
    }
}
