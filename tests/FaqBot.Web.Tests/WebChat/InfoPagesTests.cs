using System.Net;
using System.Reflection;
using System.Text.RegularExpressions;
using FaqBot.Web.Tests.Browser;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FaqBot.Web.Tests.WebChat;

// The privacy statement and terms of use the page footer and the Teams manifest link to, from the staff's Markdown.
[Collection(BrowserCollection.Name)]
public sealed class InfoPagesTests(ChromiumBrowser chromium, ChatAppServer server) : IClassFixture<ChatAppServer>
{
    private static readonly string Pages = Path.Combine(
        typeof(InfoPagesTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepoRoot").Value!,
        "knowledge", "pages");

    [Theory]
    [InlineData("/privacy", "privacy.md")]
    [InlineData("/terms", "terms.md")]
    public async Task ThePageAnswersWithTheStaffsMarkdownAsHtmlWithTheClinicFilledInAndTheirNotesLeftOut(string path, string file)
    {
        using var http = new HttpClient { BaseAddress = server.BaseAddress };

        using var response = await http.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("default-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single());
        var heading = File.ReadLines(Path.Combine(Pages, file)).First(l => l.StartsWith("# ", StringComparison.Ordinal))[2..]
            .Replace("{clinic}", "Riverside Dermatology", StringComparison.Ordinal);
        Assert.Contains($"<h1>{heading}</h1>", html);
        Assert.Contains("+1 555 0100", html);
        Assert.DoesNotContain("{", html);
        Assert.DoesNotContain("Clinic staff:", html);
    }

    [Fact]
    public async Task ThePrivacyStatementGivesTheRetentionPeriodTheFeedbackFileKeeps()
    {
        using var http = new HttpClient { BaseAddress = server.BaseAddress };

        var html = await http.GetStringAsync("/privacy");

        Assert.Matches(new Regex("deleted after <strong>90 days</strong>"), html);
    }

    [Fact]
    public async Task ThePageFooterLinksToThePrivacyStatementAndTheTermsOfUse()
    {
        var chat = await ChatPage.OpenAsync(chromium.Browser, server.BaseAddress,
            TestArtefacts.For(nameof(ThePageFooterLinksToThePrivacyStatementAndTheTermsOfUse)), ChatPage.Desktop);
        var footer = chat.Page.GetByRole(AriaRole.Contentinfo);

        await footer.GetByRole(AriaRole.Link, new() { Name = "Privacy statement" }).ClickAsync();
        await Expect(chat.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Privacy statement");
        await chat.ScreenshotAsync("privacy");
        Assert.Empty(await chat.SeriousAccessibilityViolationsAsync());

        await chat.Page.GoBackAsync();
        await footer.GetByRole(AriaRole.Link, new() { Name = "Terms of use" }).ClickAsync();
        await Expect(chat.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Terms of use");
        await Expect(chat.Page.GetByText("not medical advice").First).ToBeVisibleAsync();
        await chat.ScreenshotAsync("terms");

        Assert.Empty(chat.ScriptErrors);
        await chat.CloseAsync();
    }
}
