using System.Net;
using System.Text.Json.Nodes;
using FaqBot.Knowledge.Search;
using Microsoft.Extensions.DependencyInjection;
using static FaqBot.Web.Tests.Teams.TeamsPayloads;

namespace FaqBot.Web.Tests.Teams;

public sealed class TeamsConversationTests : TeamsTestBed
{
    private const string Question = "What is microneedling?";

    [Fact]
    public async Task APersonalChatQuestionGetsACitedAnswerCardInTheSameChat()
    {
        var conversation = PersonalConversation("p1");

        await PostAsync(Teams.PersonalMessage(conversation, "1741101000001", Question));
        var answer = (await Channel.WaitForMessagesAsync(1))[0];

        Assert.Equal(ReplyPath(conversation, "1741101000001"), answer.RawTarget);
        Assert.Equal(conversation, answer.Activity.Conversation?.Id);
        Assert.Equal(TenantId, answer.Activity.Conversation?.TenantId);
        Assert.Equal("1741101000001", answer.Activity.ReplyToId);
        Assert.Equal(UserId, answer.Activity.Recipient?.Id);
        Assert.Contains(ExpectedTitle(Question), Json(AdaptiveCard(answer.Activity)), StringComparison.Ordinal);
        AssertTeamsCanShow(answer);
    }

    [Fact]
    public async Task AChannelQuestionWithAMentionIsAnsweredInItsThread()
    {
        await PostAsync(Teams.ChannelMessage("1741101002345", "1741101002345", Question));
        var answer = (await Channel.WaitForMessagesAsync(1))[0];

        // The escaped form of 19:…@thread.tacv2;messageid=… as one path segment (protocol reference 12.3).
        Assert.Equal("/amer/v3/conversations/19%3A7e1d0c2b9a8f4e3d%40thread.tacv2%3Bmessageid%3D1741101002345/activities/1741101002345", answer.RawTarget);
        Assert.Equal(ChannelThread("1741101002345"), answer.Activity.Conversation?.Id);
        Assert.Null(answer.Activity.SuggestedActions);
        Assert.Contains(ExpectedTitle(Question), Json(AdaptiveCard(answer.Activity)), StringComparison.Ordinal);
        AssertTeamsCanShow(answer);
    }

    [Fact]
    public async Task TheMentionDoesNotChangeTheAnswer()
    {
        await PostAsync(Teams.PersonalMessage(PersonalConversation("plain"), "1741101003001", Question));
        var plain = (await Channel.WaitForMessagesAsync(1))[0];

        await PostAsync(Teams.ChannelMessage("1741101003002", "1741101003002", Question));
        var mentioned = (await Channel.WaitForMessagesAsync(2))[1];

        Assert.Equal(Json(AdaptiveCard(plain.Activity)["body"]), Json(AdaptiveCard(mentioned.Activity)["body"]));
    }

    [Fact]
    public async Task AReplyInsideAnExistingThreadStaysInThatThread()
    {
        await PostAsync(Teams.ChannelMessage("1741101004000", "1741101004777", Question));
        var answer = (await Channel.WaitForMessagesAsync(1))[0];

        Assert.Equal(ReplyPath(ChannelThread("1741101004000"), "1741101004777"), answer.RawTarget);
        Assert.Equal(ChannelThread("1741101004000"), answer.Activity.Conversation?.Id);
    }

    [Fact]
    public async Task AGroupChatQuestionMentioningSomeoneElseStillFindsTheAnswer()
    {
        const string conversation = "19:meeting_ZmQ0YzI1NjQtNTg4Ny00@thread.v2";
        var text = $"<at>{BotName}</at> <at>Sam Ortiz</at> asked me: {Question}";

        await PostAsync(Teams.GroupChatMessage(conversation, "1741101005001", text, Mention(BotId, BotName), Mention("29:sam-ortiz", "Sam Ortiz")));
        var answer = (await Channel.WaitForMessagesAsync(1))[0];

        Assert.Equal(ReplyPath(conversation, "1741101005001"), answer.RawTarget);
        Assert.Null(answer.Activity.SuggestedActions);
        Assert.Contains(ExpectedTitle(Question), Json(AdaptiveCard(answer.Activity)), StringComparison.Ordinal);
        AssertTeamsCanShow(answer);
    }

    [Fact]
    public async Task EveryAnswerKeepsItsChoicesVisibleInTeams()
    {
        await PostAsync(Teams.PersonalMessage(PersonalConversation("choices"), "1741101006001", Question));
        var answer = (await Channel.WaitForMessagesAsync(1))[0];

        // Teams shows no suggested actions beside an attachment, so choices must be on the card itself.
        var actions = AdaptiveCard(answer.Activity)["actions"]?.AsArray() ?? [];
        Assert.True(answer.Activity.SuggestedActions is null || answer.Activity.Attachments is not { Count: > 0 },
            "suggested actions beside a card are invisible in Teams");
        Assert.True(actions.Count >= 3, $"expected feedback and follow-up buttons on the card, got {actions.Count}");
    }

    private string ExpectedTitle(string question)
    {
        var best = Bot.Services.GetRequiredService<IPassageSearcher>().Search(question).Best;
        Assert.NotNull(best);
        return best.Passage.Citation.Title;
    }
}
