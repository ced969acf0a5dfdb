using FaqBot.Web.Conversation;
using FaqBot.Web.Tests.Conversation;
using Microsoft.Extensions.DependencyInjection;
using static FaqBot.Web.Tests.Conversation.Replies;

namespace FaqBot.Web.Tests.Hardening;

/// <summary>What the bot remembers of a conversation is an excerpt, whatever the patient sends (docs/production.md, memory budget).</summary>
public sealed class ConversationMemoryTests(ConversationBot bot) : IClassFixture<ConversationBot>
{
    [Fact]
    public async Task ALongAnsweredQuestionIsRememberedAsABoundedExcerpt()
    {
        var chat = bot.NewChat();
        // The same question pasted over and over: still answerable, and 13 KB long.
        var question = string.Concat(Enumerable.Repeat("what are the side effects of microneedling? ", 300));

        var answer = OnlyMessage(await chat.SayAsync(question));
        var state = await bot.Server.Services.GetRequiredService<IConversationStateStore>().GetAsync($"webchat|{chat.ConversationId}", CancellationToken.None);

        Assert.True(HasCard(answer), "the long question was not answered");
        Assert.True(question.Length > 12_000);
        Assert.NotNull(state?.Topic);
        Assert.InRange(state.Topic.Length, 1, ConversationState.MaxTopicLength);
        Assert.StartsWith("what are the side effects of microneedling?", state.Topic, StringComparison.Ordinal);
    }
}
