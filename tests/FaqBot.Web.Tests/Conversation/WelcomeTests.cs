using static FaqBot.Web.Tests.Conversation.Replies;

namespace FaqBot.Web.Tests.Conversation;

public sealed class WelcomeTests(ConversationBot bot) : IClassFixture<ConversationBot>
{
    [Fact]
    public async Task AUserJoiningIsWelcomedWithWhatTheBotDoesTheSafeguardAndThreeExampleQuestions()
    {
        var chat = bot.NewChat();

        var welcome = OnlyMessage(await chat.JoinAsync(chat.UserId));

        var text = Text(welcome);
        Assert.Contains("I can't give personal medical advice", text);
        Assert.Contains("board-certified dermatologist", text);
        Assert.Contains(ConversationBot.Phone, text);
        var examples = Suggested(welcome);
        Assert.Equal(3, examples.Count);
        Assert.All(examples, e => Assert.Equal("imBack", e.GetProperty("type").GetString()));
    }

    [Fact]
    public async Task TheBotJoiningItselfGetsNoWelcome()
    {
        var chat = bot.NewChat();

        var replies = await chat.JoinAsync(BotChat.Bot);

        Assert.Empty(replies);
    }

    [Fact]
    public async Task AnExampleQuestionButtonGetsAnAnswer()
    {
        var chat = bot.NewChat();
        var welcome = OnlyMessage(await chat.JoinAsync(chat.UserId));

        var answer = OnlyMessage(await chat.SayAsync(Suggested(welcome)[0].GetProperty("value").GetString()!));

        Assert.True(HasCard(answer), Text(answer));
    }
}
