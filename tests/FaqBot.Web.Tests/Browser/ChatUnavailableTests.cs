using static Microsoft.Playwright.Assertions;

namespace FaqBot.Web.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class ChatUnavailableTests(ChromiumBrowser chromium)
{
    [Fact]
    public async Task WhenNoTokenCanBeHadThePanelSaysSoAndGivesTheClinicPhone()
    {
        // Azure mode with an Azure Direct Line that does not answer: the token endpoint fails with 502.
        await using var server = ChatAppServer.With(new Dictionary<string, string?>
        {
            ["DirectLine:Secret"] = "not-a-real-secret",
            ["DirectLine:AzureBaseUrl"] = "http://127.0.0.1:9/v3/directline",
            ["Clinic:Phone"] = "+1 555 0199",
        });
        await server.InitializeAsync();
        var chat = await ChatPage.OpenAsync(chromium.Browser, server.BaseAddress,
            TestArtefacts.For(nameof(WhenNoTokenCanBeHadThePanelSaysSoAndGivesTheClinicPhone)), ChatPage.Desktop);

        await chat.OpenChatWithKeyboardAsync();
        var status = chat.Panel.GetByRole(Microsoft.Playwright.AriaRole.Status);
        await Expect(status).ToContainTextAsync("Please call the clinic on +1 555 0199", new() { Timeout = 20_000 });
        await chat.ScreenshotAsync("unavailable");

        await Expect(chat.SendBox).ToHaveCountAsync(0);
        Assert.Empty(await chat.SeriousAccessibilityViolationsAsync());
        await chat.CloseAsync();
    }
}
