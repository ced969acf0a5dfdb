using FaqBot.BotFramework.Teams;
using static FaqBot.BotFramework.Tests.Teams.TeamsActivities;

namespace FaqBot.BotFramework.Tests.Teams;

public sealed class TeamsContextTests
{
    [Fact]
    public void AChannelMessageNamesItsTenantTeamAndChannel()
    {
        var activity = ChannelMessage("hi", "[]");

        var context = TeamsContext.From(activity);

        Assert.Equal(new TeamsContext(TeamsConversationType.Channel, TenantId, ChannelConversation, "Front desk", ChannelConversation, "General"), context);
    }

    [Fact]
    public void APersonalChatIsPersonalAndTakesTheTenantFromChannelData()
    {
        var activity = Parse($$"""
        { "type": "message", "channelId": "msteams",
          "conversation": { "conversationType": "personal", "id": "a:1Xy2-personal" },
          "channelData": { "tenant": { "id": "{{TenantId}}" } } }
        """);

        var context = TeamsContext.From(activity);

        Assert.NotNull(context);
        Assert.True(context.IsPersonal);
        Assert.Equal(TenantId, context.TenantId);
        Assert.Null(context.TeamId);
    }

    [Fact]
    public void AGroupChatIsRecognisedFromConversationType()
    {
        var activity = Parse("""
        { "type": "message", "channelId": "msteams",
          "conversation": { "isGroup": true, "conversationType": "groupChat", "tenantId": "t1", "id": "19:abc@thread.v2" } }
        """);

        var context = TeamsContext.From(activity);

        Assert.Equal(TeamsConversationType.GroupChat, context?.ConversationType);
        Assert.Equal("t1", context?.TenantId);
    }

    [Fact]
    public void WithoutConversationTypeAChannelObjectMeansTeamScope()
    {
        var activity = Parse("""
        { "type": "message", "channelId": "msteams", "conversation": { "isGroup": true, "id": "19:x@thread.skype" },
          "channelData": { "channel": { "id": "19:x@thread.skype" } } }
        """);

        Assert.Equal(TeamsConversationType.Channel, TeamsContext.From(activity)?.ConversationType);
    }

    [Fact]
    public void OtherChannelsHaveNoTeamsContext()
    {
        var activity = Parse("""{ "type": "message", "channelId": "webchat", "conversation": { "id": "abc" } }""");

        Assert.Null(TeamsContext.From(activity));
    }
}
