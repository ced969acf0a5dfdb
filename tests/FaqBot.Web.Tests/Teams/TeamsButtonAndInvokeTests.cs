using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using FaqBot.Knowledge.Feedback;
using Microsoft.Extensions.DependencyInjection;
using static FaqBot.Web.Tests.Teams.TeamsPayloads;

namespace FaqBot.Web.Tests.Teams;

public sealed class TeamsButtonAndInvokeTests : TeamsTestBed
{
    [Fact]
    public async Task ACardSubmitArrivingAsAMessageWithValueRecordsTheFeedback()
    {
        var conversation = PersonalConversation("submit");
        await PostAsync(Teams.PersonalMessage(conversation, "1741101007001", "How long is recovery after microneedling?"));
        var answer = (await Channel.WaitForMessagesAsync(1))[0];
        var helpful = AdaptiveCard(answer.Activity)["actions"]!.AsArray()
            .First(a => (bool?)a!["data"]?["helpful"] == true)!["data"]!.DeepClone();

        // Action.Submit in Teams: a message with the button's data as value and no text.
        await PostAsync(Teams.PersonalMessage(conversation, "1741101007002", text: null, value: helpful));
        var thanks = (await Channel.WaitForMessagesAsync(2))[1];

        Assert.Equal(ReplyPath(conversation, "1741101007002"), thanks.RawTarget);
        Assert.Null(thanks.Activity.Attachments?.FirstOrDefault(a => Json(a.Content).Contains("\"helpful\"", StringComparison.Ordinal)));
        Assert.Equal(1, await HelpfulCountAsync(1));
        AssertTeamsCanShow(thanks);
    }

    [Fact]
    public async Task TeamsFeedbackInvokeIsAnsweredInTheHttpResponseAndPostsNothing()
    {
        var conversation = PersonalConversation("invoke");
        await PostAsync(Teams.PersonalMessage(conversation, "1741101008001", "Is microneedling painful?"));
        var answer = (await Channel.WaitForMessagesAsync(1))[0];
        using var response = await PostAsync(Teams.FeedbackInvoke(conversation, "f:invoke-1", answer.Id, "like", "clear answer"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("{}", (await response.Content.ReadAsStringAsync()).Trim());
        Assert.Single(await MessagesOnceTurnsEndAsync());
        Assert.Equal(1, await HelpfulCountAsync(1));
    }

    [Fact]
    public async Task InstallingTheAppInAPersonalChatSendsTheWelcomeOnce()
    {
        var conversation = PersonalConversation("install");

        await PostAsync(Teams.InstallationUpdate(conversation, "personal", "add"));
        var messages = await Channel.WaitForMessagesAsync(1);

        var welcome = Assert.Single(await MessagesOnceTurnsEndAsync());
        Assert.Equal(conversation, welcome.Activity.Conversation?.Id);
        Assert.NotEmpty(welcome.Activity.SuggestedActions?.Actions ?? []);
        Assert.All(welcome.Activity.SuggestedActions!.Actions, a => Assert.Equal("imBack", a.Type));
        AssertTeamsCanShow(messages[0]);
    }

    [Fact]
    public async Task InstallingTheAppInATeamWelcomesWithANewChannelPostAndButtons()
    {
        await PostAsync(Teams.InstallationUpdate(TeamId, "channel", "add"));
        var welcome = (await Channel.WaitForMessagesAsync(1))[0];

        Assert.StartsWith($"/amer/v3/conversations/{Uri.EscapeDataString(TeamId)}/activities", welcome.RawTarget, StringComparison.Ordinal);
        Assert.Equal(TeamId, welcome.Activity.Conversation?.Id);
        Assert.Null(welcome.Activity.SuggestedActions);
        Assert.NotEmpty(AdaptiveCard(welcome.Activity)["actions"]!.AsArray());
        AssertTeamsCanShow(welcome);
    }

    [Fact]
    public async Task SomeoneJoiningTheTeamLaterIsNotGreetedInItsChannel()
    {
        await PostAsync(Teams.MemberJoinedTeam("29:new-colleague-Qx1"));

        Assert.Empty(await MessagesOnceTurnsEndAsync());
    }

    [Fact]
    public async Task RemovingTheAppSendsNothing()
    {
        await PostAsync(Teams.InstallationUpdate(PersonalConversation("remove"), "personal", "remove"));

        Assert.Empty(await MessagesOnceTurnsEndAsync());
    }

    private async Task<int> HelpfulCountAsync(int expected)
    {
        var store = Bot.Services.GetRequiredService<FeedbackReader>();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        int count;
        do
        {
            count = (await store.ReportAsync(DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddHours(1))).HelpfulCount;
            if (count >= expected)
            {
                break;
            }

            await Task.Delay(50);
        }
        while (DateTime.UtcNow < deadline);

        return count;
    }
}
