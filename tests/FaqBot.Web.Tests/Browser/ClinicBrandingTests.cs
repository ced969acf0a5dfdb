using static Microsoft.Playwright.Assertions;

namespace FaqBot.Web.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class ClinicBrandingTests(ChromiumBrowser chromium)
{
    [Fact]
    public async Task PageAndChatShowTheConfiguredClinicNameColourAndNotMedicalAdviceLine()
    {
        await using var server = ChatAppServer.With(new Dictionary<string, string?>
        {
            ["Clinic:Name"] = "Lakeside Skin Centre",
            ["Clinic:EmergencyNumber"] = "112",
            ["WebChat:AccentColor"] = "#5B2C83",
        });
        await server.InitializeAsync();
        var chat = await ChatPage.OpenAsync(chromium.Browser, server.BaseAddress,
            TestArtefacts.For(nameof(PageAndChatShowTheConfiguredClinicNameColourAndNotMedicalAdviceLine)), ChatPage.Desktop);

        await chat.OpenChatWithKeyboardAsync();
        await chat.ScreenshotAsync("branded");

        await Expect(chat.Page.GetByRole(Microsoft.Playwright.AriaRole.Heading, new() { Level = 1 }))
            .ToHaveTextAsync("Lakeside Skin Centre");
        await Expect(chat.Page).ToHaveTitleAsync(ChatPage.Containing("Lakeside Skin Centre"));
        await Expect(chat.Launcher).ToHaveCSSAsync("background-color", "rgb(91, 44, 131)");
        var disclaimer = chat.Panel.Locator("#chat-disclaimer");
        await Expect(disclaimer).ToBeVisibleAsync();
        await Expect(disclaimer).ToContainTextAsync("not medical advice");
        await Expect(disclaimer).ToContainTextAsync("Call 112");
        await chat.CloseAsync();
    }
}
