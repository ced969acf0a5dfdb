using Microsoft.Playwright;

namespace FaqBot.Web.Tests.Browser;

/// <summary>One headless Debian Chromium for all browser tests; Playwright's own browser download is not used.</summary>
public sealed class ChromiumBrowser : IAsyncLifetime
{
    // .ci/run installs Debian's chromium package; FAQBOT_CHROMIUM points elsewhere on other machines.
    private static readonly string ExecutablePath =
        Environment.GetEnvironmentVariable("FAQBOT_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    private static readonly string[] Arguments =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private IPlaywright? playwright;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException(
                $"Chromium not found at {ExecutablePath}. Install it (apt-get install chromium) or set FAQBOT_CHROMIUM.");
        }

        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = Arguments,
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        playwright?.Dispose();
    }
}
