using FaqBot.BotFramework.Activities;
using FaqBot.BotFramework.DirectLine;

namespace FaqBot.BotFramework.Tests.DirectLine;

[CollectionDefinition(nameof(MemoryMeasurement), DisableParallelization = true)]
public sealed class MemoryMeasurement;

/// <summary>
/// The history cap is a memory budget only if what is counted is what is held: fill conversations to their cap with
/// replies shaped like the bot's (non-ASCII text, buttons) and compare the count with the managed heap's growth.
/// Alone in its collection, so other tests' allocations do not blur the heap figures.
/// </summary>
[Collection(nameof(MemoryMeasurement))]
public sealed class DirectLineHistoryMemoryTests
{
    private const int Conversations = 12;

    [Fact]
    public void HistoryAtItsCapHoldsWhatItCounts()
    {
        var options = new DirectLineOptions { MaxHistoryBytesPerConversation = 2 * 1024 * 1024, MaxActivitiesPerConversation = 100_000 };
        var now = DateTimeOffset.UtcNow;
        var before = GC.GetTotalMemory(forceFullCollection: true);

        var conversations = Enumerable.Range(0, Conversations).Select(i => new DirectLineConversation($"conv-{i}", "dl_user", options, now)).ToList();
        foreach (var conversation in conversations)
        {
            for (var n = 0; conversation.HistoryBytes < options.MaxHistoryBytesPerConversation - 16 * 1024; n++)
            {
                conversation.Append(Reply(n), now);
            }
            // Over the cap the oldest go: keep appending to prove the count stays under it.
            for (var n = 0; n < 200; n++)
            {
                conversation.Append(Reply(n), now);
            }
        }
        var after = GC.GetTotalMemory(forceFullCollection: true);

        var counted = conversations.Sum(c => c.HistoryBytes);
        var held = after - before;
        Assert.All(conversations, c => Assert.InRange(c.HistoryBytes, 0, options.MaxHistoryBytesPerConversation));
        // Counted and held agree within 20%; before the fix the history held about twice what it counted.
        Assert.InRange((double)held / counted, 0.8, 1.2);
        GC.KeepAlive(conversations);
    }

    private static Activity Reply(int n) => new()
    {
        Type = ActivityTypes.Message,
        From = new ChannelAccount { Id = "bot", Name = "Clinic bot", Role = "bot" },
        Recipient = new ChannelAccount { Id = "dl_user" },
        Text = $"Réponse n° {n}: après le microneedling, la peau peut rester rouge 24–48 h. Évitez le soleil et le maquillage ce jour-là.",
        InputHint = "acceptingInput",
        SuggestedActions = new SuggestedActions
        {
            Actions = [.. Enumerable.Range(0, 6).Select(i => new CardAction { Type = "imBack", Title = $"Question {i}?", Text = $"Question {i}?" })],
        },
    };
}
