using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FaqBot.Web.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class ChatPanelTests(ChromiumBrowser chromium, ChatAppServer server) : IClassFixture<ChatAppServer>
{
    [Fact]
    public async Task KeyboardOnlyPatientOpensTheChatAndEscapeBringsFocusBackToTheLauncher()
    {
        var chat = await ChatPage.OpenAsync(chromium.Browser, server.BaseAddress,
            TestArtefacts.For(nameof(KeyboardOnlyPatientOpensTheChatAndEscapeBringsFocusBackToTheLauncher)), ChatPage.Desktop);
        await chat.ScreenshotAsync("page");

        await chat.OpenChatWithKeyboardAsync();
        await chat.ScreenshotAsync("panel-open");

        await Expect(chat.Launcher).ToHaveAttributeAsync("aria-expanded", "true");
        Assert.True(await chat.FocusIsInsideAsync(chat.Panel), "focus should move into the chat panel when it opens");

        await chat.Page.Keyboard.PressAsync("Escape");
        await chat.ScreenshotAsync("panel-closed");

        await Expect(chat.Panel).ToBeHiddenAsync();
        await Expect(chat.Launcher).ToBeFocusedAsync();
        await Expect(chat.Launcher).ToHaveAttributeAsync("aria-expanded", "false");
        await chat.CloseAsync();
    }

    [Fact]
    public async Task CloseButtonIsReachableByKeyboardAndReturnsFocusToTheLauncher()
    {
        var chat = await ChatPage.OpenAsync(chromium.Browser, server.BaseAddress,
            TestArtefacts.For(nameof(CloseButtonIsReachableByKeyboardAndReturnsFocusToTheLauncher)), ChatPage.Desktop);
        await chat.OpenChatWithKeyboardAsync();

        await chat.CloseButton.FocusAsync();
        await chat.Page.Keyboard.PressAsync("Enter");

        await Expect(chat.Panel).ToBeHiddenAsync();
        await Expect(chat.Launcher).ToBeFocusedAsync();
        await chat.CloseAsync();
    }

    [Fact]
    public async Task LauncherAndPanelHaveNamesAScreenReaderCanAnnounce()
    {
        var chat = await ChatPage.OpenAsync(chromium.Browser, server.BaseAddress,
            TestArtefacts.For(nameof(LauncherAndPanelHaveNamesAScreenReaderCanAnnounce)), ChatPage.Desktop);

        await chat.OpenChatWithKeyboardAsync();

        await Expect(chat.Launcher).ToHaveAccessibleNameAsync("Ask a question");
        await Expect(chat.Launcher).ToHaveAttributeAsync("aria-controls", "chat-panel");
        await Expect(chat.Panel).ToHaveAccessibleNameAsync(ChatPage.Containing("Riverside Dermatology FAQ"));
        await Expect(chat.Panel).ToHaveAccessibleDescriptionAsync(ChatPage.Containing("not medical advice"));
        await Expect(chat.Panel.GetByRole(AriaRole.Region, new() { Name = "Conversation with the FAQ assistant" })).ToBeVisibleAsync();
        await chat.CloseAsync();
    }

    [Fact]
    public async Task OnAPhoneThePanelFillsTheScreenAndClosingShowsAndFocusesTheLauncherAgain()
    {
        var chat = await ChatPage.OpenAsync(chromium.Browser, server.BaseAddress,
            TestArtefacts.For(nameof(OnAPhoneThePanelFillsTheScreenAndClosingShowsAndFocusesTheLauncherAgain)), ChatPage.Phone);

        await chat.OpenChatWithKeyboardAsync();
        await Expect(chat.SendBox).ToBeFocusedAsync();
        await chat.ScreenshotAsync("panel-open");

        var panel = await chat.Panel.BoundingBoxAsync();
        Assert.Equal((0f, 0f, ChatPage.Phone.Width, ChatPage.Phone.Height), (panel!.X, panel.Y, panel.Width, panel.Height));
        await Expect(chat.Launcher).ToBeHiddenAsync();

        await chat.Page.Keyboard.PressAsync("Escape");

        await Expect(chat.Launcher).ToBeVisibleAsync();
        await Expect(chat.Launcher).ToBeFocusedAsync();
        await chat.CloseAsync();
    }

    [Theory]
    [InlineData("desktop")]
    [InlineData("phone")]
    public async Task PageHasNoSeriousOrCriticalAccessibilityViolationsWithThePanelClosedOrOpen(string screen)
    {
        var chat = await ChatPage.OpenAsync(chromium.Browser, server.BaseAddress,
            TestArtefacts.For($"{nameof(PageHasNoSeriousOrCriticalAccessibilityViolationsWithThePanelClosedOrOpen)}-{screen}"),
            screen == "phone" ? ChatPage.Phone : ChatPage.Desktop);
        await chat.ScreenshotAsync("closed");
        var whenClosed = await chat.SeriousAccessibilityViolationsAsync();

        await chat.OpenChatWithKeyboardAsync();
        await Expect(chat.SendBox).ToBeVisibleAsync();
        await chat.ScreenshotAsync("open");
        var whenOpen = await chat.SeriousAccessibilityViolationsAsync();

        Assert.Empty(whenClosed);
        Assert.Empty(whenOpen);
        await chat.CloseAsync();
    }
}
