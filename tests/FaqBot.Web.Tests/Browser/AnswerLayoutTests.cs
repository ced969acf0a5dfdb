using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FaqBot.Web.Tests.Browser;

// What a patient sees the moment an answer arrives: its first line, in text as large as the page's, not its end.
[Collection(BrowserCollection.Name)]
public sealed class AnswerLayoutTests(ChromiumBrowser chromium, ChatAppServer server) : IClassFixture<ChatAppServer>
{
    // Answers several hundred pixels tall, taller than the transcript on a laptop.
    private const string LongQuestion = "what is microneedling and how does it work?";

    [Theory]
    [InlineData(1366, 900)]
    [InlineData(1280, 620)]
    [InlineData(390, 844)]
    public async Task TheFirstLineOfANewAnswerIsInViewWhenItArrivesAndItsFeedbackButtonsShowTheirFocus(int width, int height)
    {
        var chat = await ChatPage.OpenAsync(chromium.Browser, server.BaseAddress,
            TestArtefacts.For($"{nameof(TheFirstLineOfANewAnswerIsInViewWhenItArrivesAndItsFeedbackButtonsShowTheirFocus)}-{width}x{height}"),
            new ViewportSize { Width = width, Height = height });
        await chat.OpenChatWithKeyboardAsync();
        await chat.WaitForBotMessageAfterAsync(0);
        await Expect(chat.SuggestedActions.Last).ToBeInViewportAsync(new() { Ratio = 1 });
        await chat.ScreenshotAsync("welcome");
        foreach (var example in await chat.SuggestedActions.AllAsync())
        {
            Assert.True(await example.EvaluateAsync<bool>("b => [b, ...b.querySelectorAll('*')].every(e => e.scrollWidth <= e.clientWidth + 1)"),
                $"the example question \"{await example.InnerTextAsync()}\" is cut off");
        }

        var before = await chat.BotMessages.CountAsync();
        await chat.AskAsync(LongQuestion);
        await Expect(chat.BotMessages).Not.ToHaveCountAsync(before, new() { Timeout = 20_000 });
        var answer = chat.BotMessages.Last;
        await Expect(answer.GetByRole(AriaRole.Button, new() { Name = "Helpful", Exact = true })).ToBeAttachedAsync();
        await chat.WaitForTranscriptToSettleAsync();
        await chat.ScreenshotAsync("answer-arrived");

        var firstLine = await chat.FirstLineOfAsync(answer);
        Assert.True(firstLine.Top >= firstLine.VisibleTop - 1 && firstLine.Bottom <= firstLine.VisibleBottom + 1,
            $"the answer's first line ({firstLine.Top:0}-{firstLine.Bottom:0}) is outside the transcript's visible area ({firstLine.VisibleTop:0}-{firstLine.VisibleBottom:0})");
        Assert.True(firstLine.FontSize >= 16, $"answer text is {firstLine.FontSize} px");
        Assert.True(firstLine.SmallestFontSize >= 14, $"the citation or safeguard is {firstLine.SmallestFontSize} px");

        var helpful = answer.GetByRole(AriaRole.Button, new() { Name = "Helpful", Exact = true });
        var notHelpful = answer.GetByRole(AriaRole.Button, new() { Name = "Not helpful", Exact = true });
        var (helpfulBox, notHelpfulBox) = (await helpful.BoundingBoxAsync(), await notHelpful.BoundingBoxAsync());
        Assert.True(helpfulBox!.Width <= 60 && notHelpfulBox!.Width <= 60, "the feedback buttons are small icons, not full-width blocks");
        Assert.Equal(helpfulBox.Y, notHelpfulBox.Y, 1);

        await chat.TabToAsync(chat.Transcript, maxPresses: 10, backwards: true);
        await chat.Page.Keyboard.PressAsync("End");
        await chat.Page.Keyboard.PressAsync("Enter");
        await chat.TabToAsync(helpful, maxPresses: 10);
        await chat.ScreenshotAsync("helpful-focused");
        Assert.Equal(4, await chat.SidesOfFocusRingShownAsync(helpful));

        Assert.Empty(await chat.SeriousAccessibilityViolationsAsync());
        Assert.Empty(chat.ScriptErrors);
        await chat.CloseAsync();
    }
}
