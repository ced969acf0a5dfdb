using FaqBot.Web.Conversation;
using Microsoft.Extensions.Options;

namespace FaqBot.Web.Tests.Conversation;

public sealed class MemoryConversationStateStoreTests
{
    private readonly ManualClock _clock = new();

    [Fact]
    public async Task AFloodOfNewConversationsStaysWithinCapacityAndDoesNotPushOutOneThatGoesOn()
    {
        var store = Store(capacity: 10);
        for (var i = 0; i < 10; i++)
        {
            await store.SetAsync($"c{i}", State($"p{i}"), default);
        }

        // c0 goes on talking while two hundred one-message conversations start.
        for (var i = 10; i < 210; i++)
        {
            await store.SetAsync("c0", State($"p0-turn{i}"), default);
            await store.SetAsync($"c{i}", State($"p{i}"), default);
        }

        Assert.InRange(store.Count, 1, 10);
        Assert.Equal("p0-turn209", (await store.GetAsync("c0", default))!.LastAnswer!.PassageId);
        Assert.Equal("p209", (await store.GetAsync("c209", default))!.LastAnswer!.PassageId);
        Assert.True(Enumerable.Range(10, 190).Count(i => store.GetAsync($"c{i}", default).Result is null) >= 180);
    }

    [Fact]
    public async Task AnIdleConversationExpires()
    {
        var store = Store(capacity: 10);
        await store.SetAsync("c", State("p"), default);

        _clock.Now += TimeSpan.FromMinutes(59);
        Assert.NotNull(await store.GetAsync("c", default));
        _clock.Now += TimeSpan.FromMinutes(2);

        Assert.Null(await store.GetAsync("c", default));
        Assert.Equal(0, store.Count);
    }

    [Fact]
    public void OnlyTheLastTwentyAnswersAreRememberedForFeedback()
    {
        var state = ConversationState.Empty;
        for (var i = 0; i < 25; i++)
        {
            state = state.WithSent($"a{i}", new AnswerRef($"p{i}", "answer", 0.5));
        }

        Assert.Equal(ConversationState.MaxSentAnswers, state.SentAnswers.Count);
        Assert.Null(state.FindSent("a4"));
        Assert.Equal("p24", state.FindSent("a24")!.PassageId);
    }

    private MemoryConversationStateStore Store(int capacity) => new(
        Options.Create(new ConversationOptions { StateCapacity = capacity, StateExpiry = TimeSpan.FromHours(1) }), _clock);

    private static ConversationState State(string passageId) => ConversationState.Empty with { LastAnswer = new AnswerRef(passageId, "answer", 0.5) };

    private sealed class ManualClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
