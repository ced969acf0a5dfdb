using FaqBot.BotFramework.Activities;
using FaqBot.BotFramework.Teams;
using static FaqBot.BotFramework.Tests.Teams.TeamsActivities;

namespace FaqBot.BotFramework.Tests.Teams;

public sealed class TeamsThreadsTests
{
    [Fact]
    public void AReplyInAChannelThreadKeepsTheThreadsConversationId()
    {
        var inbound = ChannelMessage("q", "[]", ChannelConversation + ";messageid=1700000000001");
        var reply = inbound.CreateReply("a");
        reply.Conversation!.Id = ChannelConversation;

        TeamsThreads.AddressToThread(inbound, reply);

        Assert.Equal(ChannelConversation + ";messageid=1700000000001", reply.Conversation.Id);
        Assert.Equal(inbound.Id, reply.ReplyToId);
        Assert.Equal(TenantId, reply.Conversation.TenantId);
    }

    [Fact]
    public void AChannelPostWithoutAThreadSuffixBecomesTheRootOfTheThread()
    {
        var inbound = ChannelMessage("q", "[]", ChannelConversation);

        var id = TeamsThreads.ReplyConversationId(inbound);

        Assert.Equal(ChannelConversation + ";messageid=1741101002345", id);
        Assert.Equal("1741101002345", TeamsThreads.ThreadRootId(id));
    }

    [Fact]
    public void PersonalChatsAndOtherChannelsAreNotThreaded()
    {
        var personal = Parse("""{ "type": "message", "id": "1", "channelId": "msteams", "conversation": { "conversationType": "personal", "id": "a:xyz" } }""");
        var webChat = Parse("""{ "type": "message", "id": "1", "channelId": "webchat", "conversation": { "id": "abc|livechat" } }""");

        Assert.Equal("a:xyz", TeamsThreads.ReplyConversationId(personal));
        Assert.Equal("abc|livechat", TeamsThreads.ReplyConversationId(webChat));
    }

    [Fact]
    public void AWelcomeAfterInstallationInATeamIsANewPostNotAThread()
    {
        var install = Parse($$"""
        { "type": "installationUpdate", "action": "add", "id": "f:123", "channelId": "msteams",
          "conversation": { "conversationType": "channel", "id": "{{ChannelConversation}}" } }
        """);

        Assert.Equal(ChannelConversation, TeamsThreads.ReplyConversationId(install));
    }

    [Fact]
    public void AConversationIdWithoutAThreadHasNoRoot()
    {
        Assert.Null(TeamsThreads.ThreadRootId("a:personal"));
        Assert.Null(TeamsThreads.ThreadRootId(null));
    }
}
