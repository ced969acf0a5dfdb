using static FaqBot.Web.Tests.Conversation.Replies;

namespace FaqBot.Web.Tests.Conversation;

public sealed class AnswerTests(ConversationBot bot) : IClassFixture<ConversationBot>
{
    [Fact]
    public async Task AnAnswerQuotesAnArticlePassageVerbatimThenItsCitationThenTheSafeguard()
    {
        var chat = bot.NewChat();

        var reply = OnlyMessage(await chat.SayAsync("does microneedling hurt?"));

        var card = Card(reply);
        Assert.Equal("1.3", card.GetProperty("version").GetString());
        var texts = CardTexts(card);
        Assert.True(Articles.ContainVerbatim(texts[0]), $"not verbatim from an article: {texts[0]}");
        Assert.StartsWith("Source: \u201C", texts[1]);
        Assert.Contains(Articles.Titles, t => texts[1].Contains(t, StringComparison.Ordinal));
        Assert.Contains("board-certified dermatologist", texts[2]);
        Assert.Contains(ConversationBot.Phone, texts[2]);
        Assert.Contains(ConversationBot.Booking, texts[2]);
    }

    [Fact]
    public async Task AChannelWithoutCardsStillGetsPassageCitationAndSafeguardAsText()
    {
        var chat = bot.NewChat();

        var reply = OnlyMessage(await chat.SayAsync("how long is the recovery after microneedling"));

        var card = Card(reply);
        var passage = CardTexts(card)[0].Replace("**", "");
        foreach (var fallback in new[] { Text(reply), card.GetProperty("fallbackText").GetString()! })
        {
            Assert.StartsWith(passage, fallback);
            Assert.Contains("Source: \u201C", fallback);
            Assert.Contains("not medical advice", fallback);
            Assert.Contains(ConversationBot.Phone, fallback);
        }
    }

    [Fact]
    public async Task AnAnswerOffersFeedbackButtonsAndTwoOrThreeFollowUps()
    {
        var chat = bot.NewChat();

        var reply = OnlyMessage(await chat.SayAsync("can microneedling help acne scars?"));

        var card = Card(reply);
        var helpful = CardAction(card, "Helpful");
        Assert.Equal("Action.Submit", helpful.GetProperty("type").GetString());
        Assert.Equal("feedback", helpful.GetProperty("data").GetProperty("faqAction").GetString());
        Assert.True(helpful.GetProperty("data").GetProperty("helpful").GetBoolean());
        Assert.False(CardAction(card, "Not helpful").GetProperty("data").GetProperty("helpful").GetBoolean());
        Assert.InRange(Suggested(reply).Count, 2, 3);
        Assert.Contains(Suggested(reply), a => a.GetProperty("title").GetString() == "Where is this from?");
    }

    [Fact]
    public async Task AnAnswerStaysFarBelowTeamsMessageSizeLimit()
    {
        var chat = bot.NewChat();

        var reply = OnlyMessage(await chat.SayAsync("what are the side effects and risks of microneedling"));

        Assert.True(reply.GetRawText().Length < 28_000, $"{reply.GetRawText().Length} characters");
    }

    [Fact]
    public async Task AnUrgentMessageGetsTheCalmMessageWithEmergencyAndClinicNumbersAndNoPassage()
    {
        var chat = bot.NewChat();

        var reply = OnlyMessage(await chat.SayAsync("it wont stop bleeding, ive been pressing on it for 30 minutes"));

        var text = Text(reply);
        Assert.Contains(ConversationBot.Emergency, text);
        Assert.Contains(ConversationBot.Phone, text);
        Assert.DoesNotContain(ConversationBot.Crisis, text);
        Assert.Contains("[+1 555 0199](tel:+15550199)", RawText(reply));
        Assert.False(HasCard(reply));
        Assert.DoesNotContain("Source:", text);
    }

    [Theory]
    [InlineData("honestly what's the point of fixing my skin, I've sorted out who gets my things and I won't need them after friday")]
    [InlineData("my brother keeps saying we'd all manage fine once he's gone and he's been buying paracetamol in every shop")]
    [InlineData("i scratch at my arms with my compass till they bleed when school gets too much")]
    // No rule pattern lists this one (SemanticTriageTests checks): only the semantic net catches it.
    [InlineData("everything feels pointless lately and I keep thinking my kids deserve a better mum than me, one who isn't here")]
    public async Task SelfHarmInIndirectWordsGetsTheCrisisLineFirstAsATapToCallLinkAndNoArticle(string message)
    {
        var chat = bot.NewChat();

        var reply = OnlyMessage(await chat.SayAsync(message));

        var text = Text(reply);
        Assert.Contains(ConversationBot.Crisis, text);
        Assert.True(text.IndexOf(ConversationBot.Crisis, StringComparison.Ordinal) < text.IndexOf(ConversationBot.Emergency, StringComparison.Ordinal), text);
        Assert.Contains("[0800 111](tel:0800111)", RawText(reply));
        Assert.Contains($"[{ConversationBot.Emergency}](tel:{ConversationBot.Emergency})", RawText(reply));
        Assert.DoesNotContain(ConversationBot.Phone, text);
        Assert.False(HasCard(reply));
        Assert.DoesNotContain("Source:", text);
    }

    [Fact]
    public async Task AGeneralQuestionSharingAnUrgentWordIsAnsweredNormally()
    {
        var chat = bot.NewChat();

        var reply = OnlyMessage(await chat.SayAsync("is bleeding normal during microneedling?"));

        Assert.DoesNotContain("needs care from a person now", Text(reply));
        Assert.DoesNotContain(ConversationBot.Crisis, Text(reply));
    }

    [Fact]
    public async Task AnOutOfScopeQuestionSaysSoOffersTheTopicsAndTheClinicAndRecordsTheRedactedQuestion()
    {
        var chat = bot.NewChat();

        var reply = OnlyMessage(await chat.SayAsync("Do you remove warts? I'm pat.smith@example.com, 555 010 0199, free before 12 May"));

        var text = Text(reply);
        Assert.StartsWith("I couldn't find that in our articles", text);
        Assert.All(Articles.Titles, t => Assert.Contains(t, text));
        Assert.Contains(ConversationBot.Phone, text);
        var row = Assert.Single(bot.Rows("unanswered", chat));
        Assert.Equal("Do you remove warts? I'm [email], [phone], free before [date]", row["question"]);
    }

    [Fact]
    public async Task APersonalAdviceQuestionGetsTheGeneralPassageAndTheLineThatADermatologistShouldDecide()
    {
        var chat = bot.NewChat();

        var reply = OnlyMessage(await chat.SayAsync("should I stop my blood thinner before microneedling?"));

        var texts = CardTexts(Card(reply));
        Assert.True(Articles.ContainVerbatim(texts[0]));
        Assert.Contains("depends on your own situation", texts[1]);
        Assert.Contains("dermatologist should decide", texts[1]);
    }

    [Theory]
    [InlineData("\U0001F600\U0001F600\U0001F600")]
    [InlineData("\" * NEAR( OR - : ^")]
    [InlineData("   ")]
    [InlineData(null)]
    public async Task OddMessagesGetAnOrdinaryReplyNotAnError(string? message)
    {
        var chat = bot.NewChat();

        var reply = OnlyMessage(await chat.SayAsync(message ?? string.Concat(Enumerable.Repeat("does microneedling hurt and how long is recovery ", 200))));

        Assert.DoesNotContain("something went wrong", Text(reply));
    }
}
