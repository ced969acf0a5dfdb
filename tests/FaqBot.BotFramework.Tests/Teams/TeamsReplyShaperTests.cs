using System.Text.Json;
using System.Text.Json.Nodes;
using FaqBot.BotFramework.Activities;
using FaqBot.BotFramework.Teams;
using static FaqBot.BotFramework.Tests.Teams.TeamsActivities;

namespace FaqBot.BotFramework.Tests.Teams;

public sealed class TeamsReplyShaperTests
{
    private static readonly Activity Personal = Parse("""
        { "type": "message", "id": "1", "channelId": "msteams", "conversation": { "conversationType": "personal", "id": "a:1" } }
        """);

    [Fact]
    public void SuggestedActionsStayInAPersonalChatWithoutAttachments()
    {
        var reply = Personal.CreateReply("Ask me about microneedling.");
        reply.SuggestedActions = new SuggestedActions { Actions = [CardAction.ImBack("help")] };

        TeamsReplyShaper.Shape(Personal, reply);

        Assert.Equal("help", reply.SuggestedActions?.Actions.Single().Title);
        Assert.Null(reply.Attachments);
    }

    [Fact]
    public void MoreThanThreeSuggestedActionsInAPersonalChatAllBecomeButtons()
    {
        var reply = Personal.CreateReply("Pick a topic.");
        reply.SuggestedActions = new SuggestedActions { Actions = [.. new[] { "a", "b", "c", "d" }.Select(CardAction.ImBack)] };

        TeamsReplyShaper.Shape(Personal, reply);

        Assert.Null(reply.SuggestedActions);
        // The text goes on the card with them: text beside a card would be two Teams messages.
        Assert.Equal(4, reply.Attachments?.Single().Content?["actions"]?.AsArray().Count);
        Assert.Null(reply.Text);
    }

    [Fact]
    public void InAChannelSuggestedActionsBecomeButtonsOnTheAnswersCard()
    {
        var inbound = ChannelMessage("q", "[]");
        var reply = inbound.CreateReply("answer");
        reply.Attachments = [AdaptiveCard("""[{ "type": "Action.Submit", "title": "Helpful", "data": { "helpful": true } }]""")];
        reply.SuggestedActions = new SuggestedActions { Actions = [CardAction.ImBack("Tell me more"), CardAction.ImBack("Where is this from?")] };

        TeamsReplyShaper.Shape(inbound, reply);

        var actions = reply.Attachments.Single().Content!["actions"]!.AsArray();
        Assert.Equal(["Helpful", "Tell me more", "Where is this from?"], actions.Select(a => (string?)a!["title"]));
        Assert.Equal("Tell me more", (string?)actions[1]!["data"]!["msteams"]!["value"]);
        Assert.Equal("imBack", (string?)actions[1]!["data"]!["msteams"]!["type"]);
        Assert.Null(reply.SuggestedActions);
    }

    [Fact]
    public void InAPersonalChatSuggestedActionsBesideACardMoveOntoTheCard()
    {
        var reply = Personal.CreateReply("answer");
        reply.Attachments = [AdaptiveCard("null")];
        reply.SuggestedActions = new SuggestedActions { Actions = [CardAction.ImBack("Tell me more")] };

        TeamsReplyShaper.Shape(Personal, reply);

        Assert.Equal("Action.Submit", (string?)reply.Attachments.Single().Content!["actions"]![0]!["type"]);
        Assert.Null(reply.SuggestedActions);
    }

    [Fact]
    public void InAGroupChatATextReplyBecomesOneCardWithTheTextAndTheSameChoices()
    {
        var inbound = Parse("""
            { "type": "message", "id": "7", "channelId": "msteams", "conversation": { "conversationType": "groupChat", "isGroup": true, "id": "19:g@thread.v2" } }
            """);
        var reply = inbound.CreateReply("Here is what I can answer.");
        reply.SuggestedActions = new SuggestedActions { Actions = [CardAction.ImBack("What is microneedling?"), CardAction.ImBack("help")] };

        TeamsReplyShaper.Shape(inbound, reply);

        var card = Assert.Single(reply.Attachments!);
        Assert.Equal(TeamsReplyShaper.AdaptiveCardContentType, card.ContentType);
        Assert.Equal("Here is what I can answer.", (string?)card.Content!["body"]![0]!["text"]);
        Assert.Equal("Here is what I can answer.", (string?)card.Content["fallbackText"]);
        Assert.Equal(["What is microneedling?", "help"], card.Content["actions"]!.AsArray().Select(b => (string?)b!["data"]!["msteams"]!["value"]));
        Assert.Null(reply.Text);
        Assert.Null(reply.SuggestedActions);
    }

    [Fact]
    public void InAGroupChatAReplyWithNeitherTextNorCardGetsAHeroCardWithTheChoices()
    {
        var inbound = Parse("""
            { "type": "message", "id": "7", "channelId": "msteams", "conversation": { "conversationType": "groupChat", "isGroup": true, "id": "19:g@thread.v2" } }
            """);
        var reply = inbound.CreateReply();
        reply.SuggestedActions = new SuggestedActions { Actions = [CardAction.ImBack("help")] };

        TeamsReplyShaper.Shape(inbound, reply);

        var hero = Assert.Single(reply.Attachments!);
        Assert.Equal(TeamsReplyShaper.HeroCardContentType, hero.ContentType);
        Assert.Equal(["help"], hero.Content!["buttons"]!.AsArray().Select(b => (string?)b!["value"]));
    }

    [Fact]
    public void InAPersonalChatAMessageBackChoiceIsShownAsTheTextItSends()
    {
        var reply = Personal.CreateReply("Anything else?");
        reply.SuggestedActions = new SuggestedActions
        {
            Actions = [new CardAction { Type = "messageBack", Title = "Tell me more", Text = "tell me more", DisplayText = "tell me more", Value = JsonDocument.Parse("""{"passage":"a/1"}""").RootElement }],
        };

        TeamsReplyShaper.Shape(Personal, reply);

        var action = Assert.Single(reply.SuggestedActions!.Actions);
        Assert.Equal(("imBack", "Tell me more", "tell me more"), (action.Type, action.Title, action.Value?.GetString()));
    }

    [Fact]
    public void TextBesideACardIsLeftToTheCardsFallback()
    {
        var reply = Personal.CreateReply("the answer, in words");
        reply.Attachments = [AdaptiveCard("null")];

        TeamsReplyShaper.Shape(Personal, reply);

        Assert.Null(reply.Text);
        Assert.Single(reply.Attachments);
    }

    [Fact]
    public void AChannelReplyIsAddressedToTheQuestionsThread()
    {
        var inbound = ChannelMessage("q", "[]", ChannelConversation);
        var reply = inbound.CreateReply("a");

        TeamsReplyShaper.Shape(inbound, reply);

        Assert.Equal(ChannelConversation + ";messageid=1741101002345", reply.Conversation?.Id);
    }

    [Fact]
    public void RepliesOnOtherChannelsAreLeftAlone()
    {
        var inbound = Parse("""{ "type": "message", "id": "1", "channelId": "webchat", "conversation": { "id": "c1" } }""");
        var reply = inbound.CreateReply("a");
        reply.Attachments = [AdaptiveCard("null")];
        reply.SuggestedActions = new SuggestedActions { Actions = [CardAction.ImBack("help")] };

        TeamsReplyShaper.Shape(inbound, reply);

        Assert.NotNull(reply.SuggestedActions);
        Assert.Null(reply.Attachments.Single().Content!["actions"]);
    }

    private static Attachment AdaptiveCard(string actionsJson)
    {
        var card = new JsonObject { ["type"] = "AdaptiveCard", ["version"] = "1.3", ["body"] = new JsonArray() };
        if (JsonNode.Parse(actionsJson) is JsonArray actions)
        {
            card["actions"] = actions;
        }

        return new Attachment { ContentType = TeamsReplyShaper.AdaptiveCardContentType, Content = card };
    }
}
