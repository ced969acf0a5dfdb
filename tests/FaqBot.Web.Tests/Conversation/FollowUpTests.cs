using FaqBot.Knowledge.Feedback;
using static FaqBot.Web.Tests.Conversation.Replies;

namespace FaqBot.Web.Tests.Conversation;

public sealed class FollowUpTests(ConversationBot bot) : IClassFixture<ConversationBot>
{
    [Fact]
    public async Task TellMeMoreGivesTheNextPassageOfTheSameArticleWithItsOwnCitationAndSafeguard()
    {
        var chat = bot.NewChat();
        var first = OnlyMessage(await chat.SayAsync("what are the side effects of microneedling?"));
        var firstId = CardAction(Card(first), "Helpful").GetProperty("data").GetProperty("passageId").GetString()!;

        var more = OnlyMessage(await chat.SayAsync("tell me more"));

        var expected = bot.Searcher.GetNextPassage(firstId)!;
        var texts = CardTexts(Card(more));
        Assert.Equal(expected.Text, texts[0]);
        Assert.Contains(expected.Title, texts[1]);
        Assert.Contains("not medical advice", texts[2]);
    }

    [Fact]
    public async Task ARelatedSectionButtonSaysWhatItLeadsToInPlainWordsNotAPageHeading()
    {
        string[] questions = ["what are the side effects of microneedling?", "how does microneedling work", "does microneedling help vitiligo",
            "can I use a derma roller at home", "what is radiofrequency microneedling", "how long is the recovery after microneedling"];
        var related = new List<string>();
        foreach (var question in questions)
        {
            var titles = Suggested(OnlyMessage(await bot.NewChat().SayAsync(question))).Select(a => a.GetProperty("title").GetString()!);
            related.AddRange(titles.Where(t => t is not ("Tell me more" or "Where is this from?")));
        }

        Assert.True(related.Count >= 3, string.Join(" | ", related));
        string[] clutter = ["Excerpt", "A Word From", "Summary", "Conclusion", "References"];
        Assert.All(related, t => Assert.DoesNotContain(clutter, c => t.StartsWith(c, StringComparison.OrdinalIgnoreCase)));
        Assert.All(related, t => Assert.EndsWith("?", t));
    }

    [Fact]
    public async Task TheTellMeMoreButtonWorksLikeTypingIt()
    {
        var chat = bot.NewChat();
        var first = OnlyMessage(await chat.SayAsync("what are the side effects of microneedling?"));

        var more = OnlyMessage(await chat.PressAsync(SuggestedValue(first, "Tell me more")));

        var firstId = CardAction(Card(first), "Helpful").GetProperty("data").GetProperty("passageId").GetString()!;
        Assert.Equal(bot.Searcher.GetNextPassage(firstId)!.Text, CardTexts(Card(more))[0]);
    }

    [Fact]
    public async Task WhereIsThisFromGivesTheFullCitationOfTheLastAnswer()
    {
        var chat = bot.NewChat();
        var answer = OnlyMessage(await chat.SayAsync("does microneedling help with stretch marks"));
        var passage = bot.Searcher.GetPassage(CardAction(Card(answer), "Helpful").GetProperty("data").GetProperty("passageId").GetString()!)!;

        var source = Text(OnlyMessage(await chat.SayAsync("Where is this from?")));

        Assert.StartsWith($"This comes from \u201C{passage.Title}\u201D.", source);
        var c = passage.Citation;
        foreach (var field in new[] { c.Publisher, c.Author, c.ReviewedBy, c.Published, c.Updated, c.Url }.Where(f => f.Length > 0))
        {
            Assert.Contains(field, source);
        }
    }

    [Theory]
    [InlineData("  Where\u2019s THIS from?! ")]
    [InlineData("source...")]
    [InlineData("where\tis\nthis from")]
    public async Task CommandsAreRecognisedWhateverTheirCaseSpacingAndPunctuation(string typed)
    {
        var chat = bot.NewChat();
        _ = await chat.SayAsync("does microneedling help with stretch marks");

        var source = Text(OnlyMessage(await chat.SayAsync(typed)));

        Assert.StartsWith("This comes from \u201C", source);
    }

    [Fact]
    public async Task AShortFollowUpIsUnderstoodInTheContextOfThePreviousQuestion()
    {
        var chat = bot.NewChat();
        _ = await chat.SayAsync("what is the recovery time after microneedling?");

        var reply = OnlyMessage(await chat.SayAsync("and does it hurt?"));

        Assert.True(HasCard(reply), Text(reply));
    }

    [Theory]
    [InlineData("where is the clinic", "1 Riverside Walk")]
    [InlineData("what are your opening hours?", "Monday to Friday")]
    [InlineData("do you have parking", "car park")]
    public async Task AQuestionAboutTheClinicAfterAnAnswerGetsTheClinicsOwnFactNotThePreviousTopic(string question, string fact)
    {
        var chat = bot.NewChat();
        _ = await chat.SayAsync("does microneedling hurt?");

        var reply = OnlyMessage(await chat.SayAsync(question));

        Assert.Contains(fact, Text(reply), StringComparison.Ordinal);
        Assert.Contains("From Riverside Dermatology.", Text(reply), StringComparison.Ordinal);
        Assert.DoesNotContain("microneedling", Text(reply), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task StartOverForgetsTheLastAnswer()
    {
        var chat = bot.NewChat();
        _ = await chat.SayAsync("does microneedling hurt?");

        _ = await chat.SayAsync("start over");
        var more = OnlyMessage(await chat.SayAsync("tell me more"));

        Assert.Equal("There is no answer to continue yet. Ask me a question first.", Text(more));
    }

    [Fact]
    public async Task HelpExplainsWhatTheBotCanDoAtAnyTime()
    {
        var chat = bot.NewChat();
        _ = await chat.SayAsync("does microneedling hurt?");

        var help = OnlyMessage(await chat.SayAsync("help"));

        Assert.Contains("Tell me more", Text(help));
        Assert.Contains("not medical advice", Text(help));
        Assert.Equal(3, Suggested(help).Count);
    }

    [Fact]
    public async Task HelpfulFeedbackIsRecordedWithThePassageTheDecisionAndTheConfidence()
    {
        var chat = bot.NewChat();
        var answer = OnlyMessage(await chat.SayAsync("how many microneedling sessions will I need"));
        var data = CardAction(Card(answer), "Helpful").GetProperty("data");

        var thanks = OnlyMessage(await chat.PressAsync(data));

        Assert.Contains("Thank you", Text(thanks));
        var row = Assert.Single(bot.Rows("feedback", chat));
        Assert.Equal(data.GetProperty("passageId").GetString(), row["passage_id"]);
        Assert.Equal("answer", row["decision"]);
        Assert.Equal(data.GetProperty("confidence").GetDouble(), (double)row["confidence"]!, 3);
        Assert.Equal(1L, row["helpful"]);
        Assert.NotEqual(chat.UserId, row["user"]);
        Assert.Equal(new IdHasher(ConversationBot.HashKey).Hash(chat.UserId), row["user"]);
    }

    [Fact]
    public async Task NotHelpfulAsksForAReasonAndKeepsItWithTheFeedback()
    {
        var chat = bot.NewChat();
        var answer = OnlyMessage(await chat.SayAsync("can I wear makeup after microneedling"));

        var ask = OnlyMessage(await chat.PressAsync(CardAction(Card(answer), "Not helpful").GetProperty("data")));
        Assert.Contains("What was wrong", Text(ask));
        _ = await chat.PressAsync(SuggestedValue(ask, "It was hard to understand"));

        var row = Assert.Single(bot.Rows("feedback", chat));
        Assert.Equal(0L, row["helpful"]);
        Assert.Equal("It was hard to understand", row["reason"]);
        // Staff see what the patient asked beside the answer they did not find helpful.
        Assert.Equal("can I wear makeup after microneedling", row["question"]);
    }
}
