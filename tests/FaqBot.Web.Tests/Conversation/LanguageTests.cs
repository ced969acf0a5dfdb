using System.Text.Json.Nodes;
using FaqBot.BotFramework;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static FaqBot.Web.Tests.Conversation.Replies;

namespace FaqBot.Web.Tests.Conversation;

// The activity's locale picks the bot's own words; the articles stay as published, and say so in another language.
public sealed class LanguageTests(ConversationBot bot) : IClassFixture<ConversationBot>
{
    [Fact]
    public async Task ASpanishLocaleMessageGetsSpanishWordingAroundTheEnglishPassageAndSpanishButtons()
    {
        var chat = bot.NewChat();

        var answer = OnlyMessage(await chat.SendAsync(new JsonObject { ["type"] = "message", ["text"] = "does microneedling hurt?", ["locale"] = "es-ES" }));

        var texts = CardTexts(Card(answer));
        Assert.Equal("Este pasaje se cita en inglés, tal como lo publicó la fuente.", texts[0]);
        Assert.Matches("[Mm]icroneedling", texts[1]);
        Assert.Contains(texts, t => t.StartsWith("Esta es información general, no consejo médico.", StringComparison.Ordinal) && t.Contains(ConversationBot.Phone));
        CardAction(Card(answer), "Útil");
        Assert.Contains(Suggested(answer), a => a.GetProperty("title").GetString() == "¿De dónde viene esto?");
    }

    [Fact]
    public async Task ASpanishLocaleUrgentMessageGetsTheSpanishUrgentTextWithTapToCallNumbers()
    {
        var chat = bot.NewChat();

        var urgent = OnlyMessage(await chat.SendAsync(new JsonObject
        {
            ["type"] = "message", ["text"] = "my face is swelling and I can't breathe after microneedling", ["locale"] = "es-MX",
        }));

        Assert.Contains("llame al [112](tel:112) ahora", RawText(urgent));
    }

    [Fact]
    public async Task ALanguageWithoutATextsFileGetsEnglishWithoutTheQuotedInEnglishNote()
    {
        var chat = bot.NewChat();

        var answer = OnlyMessage(await chat.SendAsync(new JsonObject { ["type"] = "message", ["text"] = "does microneedling hurt?", ["locale"] = "fr-FR" }));

        var texts = CardTexts(Card(answer));
        Assert.Matches("[Mm]icroneedling", texts[0]);
        Assert.Contains(texts, t => t.StartsWith("This is general information, not medical advice.", StringComparison.Ordinal));
        CardAction(Card(answer), "Helpful");
    }

    [Fact]
    public void TheApologyAfterAFailedTurnIsTheTextsFilesErrorWithTheClinicsNumber()
    {
        var apology = bot.Server.Services.GetRequiredService<IOptions<BotFrameworkOptions>>().Value.FallbackReplyText;

        Assert.Equal("Sorry, something went wrong on our side. Please try again, or call Riverside Dermatology at [+1 555 0199](tel:+15550199).", apology);
    }
}
