using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FaqBot.Web.Tests.Browser;

// The whole patient journey through the real bot, our Direct Line and the official Web Chat bundle.
[Collection(BrowserCollection.Name)]
public sealed class ChatConversationTests(ChromiumBrowser chromium, ChatAppServer server) : IClassFixture<ChatAppServer>
{
    private const string Question = "does microneedling hurt?";

    [Theory]
    [InlineData("websocket", "desktop")]
    [InlineData("polling", "desktop")]
    [InlineData("websocket", "phone")]
    public async Task PatientAsksAQuestionAndGetsACitedAnswerWithTheSafeguardThenFollowsUpAndGivesFeedback(
        string transport, string screen)
    {
        var artefacts = TestArtefacts.For($"{nameof(PatientAsksAQuestionAndGetsACitedAnswerWithTheSafeguardThenFollowsUpAndGivesFeedback)}-{transport}-{screen}");
        var chat = await ChatPage.OpenAsync(chromium.Browser, server.BaseAddress, artefacts,
            screen == "phone" ? ChatPage.Phone : ChatPage.Desktop, transport == "polling" ? "?transport=polling" : "");
        var traffic = TransportWatch.Start(chat.Page);
        await chat.ScreenshotAsync("page");

        await chat.OpenChatWithKeyboardAsync();
        var welcome = await chat.WaitForBotMessageAfterAsync(0);
        await Expect(chat.SuggestedActions).Not.ToHaveCountAsync(0);
        await chat.ScreenshotAsync("welcome");

        await Expect(welcome).ToContainTextAsync("not medical advice");
        Assert.InRange(await chat.SuggestedActions.CountAsync(), 2, 3);

        var before = await chat.BotMessages.CountAsync();
        await chat.AskAsync(Question);
        var answer = await chat.WaitForBotMessageAfterAsync(before);
        await Expect(answer.GetByRole(AriaRole.Button, new() { Name = "Helpful", Exact = true })).ToBeVisibleAsync();
        await chat.ScreenshotAsync("answer");

        await Expect(chat.Panel.Locator(".webchat__stacked-layout--from-user").Last).ToContainTextAsync(Question);
        await Expect(answer).ToContainTextAsync(new System.Text.RegularExpressions.Regex("[Mm]icroneedling"));
        await Expect(answer).ToContainTextAsync("not medical advice");
        await Expect(answer).ToContainTextAsync("dermatologist");
        await Expect(answer).ToContainTextAsync("Source");

        before = await chat.BotMessages.CountAsync();
        var suggestion = chat.SuggestedActions.First;
        var suggestionText = (await suggestion.InnerTextAsync()).Trim();
        await suggestion.ClickAsync();
        var followUp = await chat.WaitForBotMessageAfterAsync(before);
        await chat.ScreenshotAsync("suggested-action");

        await Expect(chat.Panel.Locator(".webchat__stacked-layout--from-user").Last).ToContainTextAsync(suggestionText);
        await Expect(followUp).Not.ToBeEmptyAsync();

        before = await chat.BotMessages.CountAsync();
        await answer.GetByRole(AriaRole.Button, new() { Name = "Helpful", Exact = true }).ClickAsync();
        var thanks = await chat.WaitForBotMessageAfterAsync(before);
        await chat.ScreenshotAsync("feedback");

        await Expect(thanks).ToContainTextAsync("Thank you");
        Assert.Empty(await chat.SeriousAccessibilityViolationsAsync());
        traffic.AssertUsed(transport);
        Assert.Empty(chat.ScriptErrors);
        await chat.CloseAsync();
    }

    [Fact]
    public async Task KeyboardOnlyPatientAsksAQuestionAndReachesTheFeedbackButtonInTheAnswer()
    {
        var chat = await ChatPage.OpenAsync(chromium.Browser, server.BaseAddress,
            TestArtefacts.For(nameof(KeyboardOnlyPatientAsksAQuestionAndReachesTheFeedbackButtonInTheAnswer)), ChatPage.Desktop);
        await chat.OpenChatWithKeyboardAsync();
        await chat.WaitForBotMessageAfterAsync(0);

        var before = await chat.BotMessages.CountAsync();
        await chat.AskAsync(Question);
        await chat.WaitForBotMessageAfterAsync(before);
        before = await chat.BotMessages.CountAsync();

        // Web Chat's transcript is one tab stop: arrows move between messages, Enter goes into the focused one.
        await chat.TabToAsync(chat.Transcript, maxPresses: 10,
            backwards: true);
        await chat.Page.Keyboard.PressAsync("End");
        await chat.Page.Keyboard.PressAsync("Enter");
        var helpful = chat.BotMessages.Last.GetByRole(AriaRole.Button, new() { Name = "Helpful", Exact = true });
        await chat.TabToAsync(helpful, maxPresses: 10);
        await chat.ScreenshotAsync("feedback-button-focused");
        await chat.Page.Keyboard.PressAsync("Enter");
        var thanks = await chat.WaitForBotMessageAfterAsync(before);
        await chat.ScreenshotAsync("thanks");

        await Expect(thanks).ToContainTextAsync("Thank you");

        // Escape steps out: from the card to its message, from the transcript to the send box, then closes the panel.
        await chat.Page.Keyboard.PressAsync("Escape");
        await Expect(chat.Panel).ToBeVisibleAsync();
        await chat.Page.Keyboard.PressAsync("Escape");
        await Expect(chat.SendBox).ToBeFocusedAsync();
        await chat.Page.Keyboard.PressAsync("Escape");
        await Expect(chat.Panel).ToBeHiddenAsync();
        await Expect(chat.Launcher).ToBeFocusedAsync();
        await chat.CloseAsync();
    }
}
