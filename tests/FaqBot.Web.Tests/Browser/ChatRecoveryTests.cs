using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FaqBot.Web.Tests.Browser;

// A deploy restarts the bot under open chats: the page must carry on by itself, not leave "Send failed. Retry".
[Collection(BrowserCollection.Name)]
public sealed class ChatRecoveryTests(ChromiumBrowser chromium, ChatAppServer server) : IClassFixture<ChatAppServer>
{
    private const string Restarted = "The chat was restarted. Please ask again.";

    [Theory]
    [InlineData("websocket")]
    [InlineData("polling")]
    public async Task WhenTheBotRestartsMidConversationThePageStartsANewChatGivesBackTheUnsentQuestionAndAnswersIt(string transport)
    {
        var chat = await ChatPage.OpenAsync(chromium.Browser, server.BaseAddress,
            TestArtefacts.For($"{nameof(WhenTheBotRestartsMidConversationThePageStartsANewChatGivesBackTheUnsentQuestionAndAnswersIt)}-{transport}"),
            ChatPage.Desktop, transport == "polling" ? "?transport=polling" : "");
        await chat.OpenChatWithKeyboardAsync();
        await chat.WaitForBotMessageAfterAsync(0);
        var before = await chat.BotMessages.CountAsync();
        await chat.AskAsync("does microneedling hurt?");
        await chat.WaitForBotMessageAfterAsync(before);
        await chat.ScreenshotAsync("answered");

        await server.RestartAsync();
        await chat.SendBox.FocusAsync();
        await chat.Page.Keyboard.TypeAsync("how long is the recovery?");
        await chat.Page.Keyboard.PressAsync("Enter");

        var status = chat.Panel.GetByRole(AriaRole.Status);
        await Expect(status).ToHaveTextAsync(Restarted, new() { Timeout = 30_000 });
        await Expect(chat.SendBox).ToHaveValueAsync("how long is the recovery?");
        // The new conversation greets the patient again; the old transcript is gone with the old conversation.
        await Expect(chat.BotMessages).ToHaveCountAsync(1);
        await chat.ScreenshotAsync("restarted");

        await chat.SendBox.FocusAsync();
        await chat.Page.Keyboard.PressAsync("Enter");
        await Expect(chat.Panel.Locator(".webchat__stacked-layout--from-user").Last).ToContainTextAsync("how long is the recovery?");
        var answer = await chat.WaitForBotMessageAfterAsync(1);
        await chat.ScreenshotAsync("answered-after-restart");

        await Expect(answer.GetByRole(AriaRole.Button, new() { Name = "Helpful", Exact = true })).ToBeVisibleAsync();
        await Expect(chat.Panel).Not.ToContainTextAsync("Send failed");
        await Expect(chat.Panel).Not.ToContainTextAsync("Unable to connect");
        await Expect(chat.Panel.GetByText(Restarted)).ToHaveCountAsync(0);
        Assert.Empty(await chat.SeriousAccessibilityViolationsAsync());
        Assert.Empty(chat.ScriptErrors);
        await chat.CloseAsync();
    }
}
