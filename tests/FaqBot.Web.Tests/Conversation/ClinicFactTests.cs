using static FaqBot.Web.Tests.Conversation.Replies;

namespace FaqBot.Web.Tests.Conversation;

/// <summary>Questions about the clinic itself, answered from knowledge/clinic/ through the real bot.</summary>
public sealed class ClinicFactTests(ConversationBot bot) : IClassFixture<ConversationBot>
{
    [Fact]
    public async Task AskingForAPersonGetsTapToCallTheBookingButtonAndTheOpeningHours()
    {
        var chat = bot.NewChat();

        var reply = OnlyMessage(await chat.SayAsync("can I speak with an actual member of staff please?"));

        var card = Card(reply);
        var texts = CardTexts(card);
        var raw = card.GetProperty("body")[1].GetProperty("text").GetString()!;
        Assert.Contains("[+1 555 0199](tel:+15550199)", raw, StringComparison.Ordinal);
        Assert.Contains("Monday to Friday, 8:00–18:00", texts[1], StringComparison.Ordinal);
        var book = CardAction(card, "Book an appointment");
        Assert.Equal("Action.OpenUrl", book.GetProperty("type").GetString());
        Assert.Equal(ConversationBot.Booking, book.GetProperty("url").GetString());
        Assert.Equal("From Riverside Dermatology.", texts[^1]);
        Assert.Contains("(tel:+15550199)", RawText(reply), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFactIsStaffsTextCitedAsTheClinicWithoutTheDermatologistSafeguard()
    {
        var chat = bot.NewChat();

        var reply = OnlyMessage(await chat.SayAsync("where do I leave my car when I come in?"));

        var text = Text(reply);
        var parking = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "knowledge", "clinic", "parking.md"));
        var body = CardTexts(Card(reply))[0];
        Assert.Contains(body.ReplaceLineEndings(" "), parking.ReplaceLineEndings(" "), StringComparison.Ordinal);
        Assert.Contains("From Riverside Dermatology.", text, StringComparison.Ordinal);
        Assert.Contains(ConversationBot.Phone, text, StringComparison.Ordinal);
        Assert.Contains(ConversationBot.Booking, text, StringComparison.Ordinal);
        Assert.DoesNotContain("dermatologist about your own skin", text, StringComparison.Ordinal);
        Assert.DoesNotContain("couldn't find", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UrgentTriageComesBeforeAnyClinicFact()
    {
        var chat = bot.NewChat();

        var reply = OnlyMessage(await chat.SayAsync("my lips and throat are swelling up after microneedling, can I talk to a person or book someone"));

        Assert.False(HasCard(reply));
        Assert.Contains($"call {ConversationBot.Emergency} now", Text(reply), StringComparison.Ordinal);
        Assert.DoesNotContain("Riverside Dermatology.", Text(reply), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMedicalQuestionStillGetsTheArticleAndItsSafeguard()
    {
        var chat = bot.NewChat();

        var reply = OnlyMessage(await chat.SayAsync("how much does a derma roller cost"));

        Assert.Contains("board-certified dermatologist", Text(reply), StringComparison.Ordinal);
        Assert.DoesNotContain("From Riverside Dermatology.", Text(reply), StringComparison.Ordinal);
    }
}
