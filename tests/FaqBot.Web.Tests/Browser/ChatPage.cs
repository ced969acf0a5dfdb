using System.Text.RegularExpressions;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FaqBot.Web.Tests.Browser;

/// <summary>The clinic page as a patient uses it: launcher, chat panel and the Web Chat widget inside it.</summary>
public sealed class ChatPage(IPage page, TestArtefacts artefacts)
{
    public static readonly ViewportSize Desktop = new() { Width = 1280, Height = 800 };

    // iPhone-class screen: a CSS width of 390 px.
    public static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };

    private const string BotMessageSelector =
        ".webchat__basic-transcript__activity:has(.webchat__stacked-layout:not(.webchat__stacked-layout--from-user))";

    private readonly List<string> scriptErrors = [];

    public IPage Page => page;

    /// <summary>Uncaught JavaScript errors and Content-Security-Policy blocks on the page so far.</summary>
    public IReadOnlyList<string> ScriptErrors => scriptErrors;

    public ILocator Launcher => page.GetByRole(AriaRole.Button, new() { Name = "Ask a question" });

    // Web Chat has a dialog of its own (keyboard help), so the panel is found by id.
    public ILocator Panel => page.Locator("#chat-panel");

    public ILocator CloseButton => Panel.GetByRole(AriaRole.Button, new() { Name = "Close chat" });

    public ILocator SendBox => Panel.Locator("[data-id='webchat-sendbox-input']");

    // Web Chat's transcript: one tab stop; arrow keys move between messages inside it.
    public ILocator Transcript => Panel.Locator(".webchat__basic-transcript[role='group']");

    public ILocator BotMessages => Panel.Locator(BotMessageSelector);

    public ILocator SuggestedActions => Panel.Locator(".webchat__suggested-actions").GetByRole(AriaRole.Button);

    public static async Task<ChatPage> OpenAsync(
        IBrowser browser, Uri server, TestArtefacts artefacts, ViewportSize viewport, string query = "")
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = viewport, Locale = "en-US" });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(15_000);
        var chat = new ChatPage(page, artefacts);
        page.PageError += (_, error) => chat.scriptErrors.Add(error);
        page.Console += (_, message) =>
        {
            // Chromium reports what the page's Content-Security-Policy blocked as console errors.
            if (message.Type == "error" && message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                chat.scriptErrors.Add(message.Text);
            }
        };
        await page.GotoAsync(new Uri(server, "/" + query).ToString());
        await Expect(chat.Launcher).ToBeVisibleAsync();
        return chat;
    }

    public Task CloseAsync() => page.Context.CloseAsync();

    public Task ScreenshotAsync(string step) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = artefacts.NextScreenshot(step), FullPage = false });

    /// <summary>Presses Tab until the element has focus, as a keyboard-only patient would.</summary>
    public async Task TabToAsync(ILocator target, int maxPresses = 30, bool backwards = false)
    {
        for (var i = 0; i < maxPresses; i++)
        {
            if (await HasFocusAsync(target))
            {
                return;
            }

            await page.Keyboard.PressAsync(backwards ? "Shift+Tab" : "Tab");
        }

        Assert.Fail($"{target} was not reached with {maxPresses} presses of Tab.");
    }

    public Task<bool> HasFocusAsync(ILocator target) => target.EvaluateAsync<bool>("element => element === document.activeElement");

    public Task<bool> FocusIsInsideAsync(ILocator container) =>
        container.EvaluateAsync<bool>("element => element.contains(document.activeElement)");

    public async Task OpenChatWithKeyboardAsync()
    {
        await TabToAsync(Launcher);
        await page.Keyboard.PressAsync("Enter");
        await Expect(Panel).ToBeVisibleAsync();
    }

    public async Task AskAsync(string question)
    {
        await Expect(SendBox).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync(question);
        await page.Keyboard.PressAsync("Enter");
    }

    /// <summary>Waits until the bot has said more than <paramref name="before"/> things and returns the newest one.</summary>
    public async Task<ILocator> WaitForBotMessageAfterAsync(int before, int timeoutMs = 20_000)
    {
        await Expect(BotMessages).Not.ToHaveCountAsync(before, new() { Timeout = timeoutMs });
        var newest = BotMessages.Last;
        await newest.ScrollIntoViewIfNeededAsync();
        return newest;
    }

    /// <summary>Waits until the transcript has stopped scrolling (Web Chat scrolls smoothly after a new message).</summary>
    public async Task WaitForTranscriptToSettleAsync()
    {
        var scrollable = Panel.Locator(".webchat__basic-transcript__scrollable");
        double last = -1;
        for (var i = 0; i < 40; i++)
        {
            await page.WaitForTimeoutAsync(150);
            var now = await scrollable.EvaluateAsync<double>("element => element.scrollTop");
            if (Math.Abs(now - last) < 0.5)
            {
                return;
            }

            last = now;
        }
    }

    public sealed record FirstLine(double Top, double Bottom, double VisibleTop, double VisibleBottom, double FontSize, double SmallestFontSize);

    /// <summary>Where the first line of a card's first text block is, against the transcript's visible area.</summary>
    public async Task<FirstLine> FirstLineOfAsync(ILocator message)
    {
        var values = await message.EvaluateAsync<double[]>(@"message => {
            const scrollable = message.closest('.webchat__basic-transcript__scrollable');
            const blocks = [...message.querySelectorAll('.ac-textBlock')];
            const first = blocks[0];
            const style = getComputedStyle(first);
            const top = first.getBoundingClientRect().top;
            const visible = scrollable.getBoundingClientRect();
            const sizes = blocks.map(block => parseFloat(getComputedStyle(block).fontSize));
            return [top, top + parseFloat(style.lineHeight), visible.top, visible.bottom, parseFloat(style.fontSize), Math.min(...sizes)];
        }");
        return new FirstLine(values[0], values[1], values[2], values[3], values[4], values[5]);
    }

    /// <summary>
    /// On how many sides (top, bottom, left, right) a screenshot of the focused element shows the page's focus colour:
    /// 4 when the whole ring is drawn, fewer when a container clips it.
    /// </summary>
    public async Task<int> SidesOfFocusRingShownAsync(ILocator element)
    {
        var box = (await element.BoundingBoxAsync())!;
        var png = await page.ScreenshotAsync(new PageScreenshotOptions
        {
            Clip = new Clip { X = box.X - 6, Y = box.Y - 6, Width = box.Width + 12, Height = box.Height + 12 },
        });
        return await page.EvaluateAsync<int>(@"async png => {
            const image = new Image();
            image.src = 'data:image/png;base64,' + png;
            await image.decode();
            const canvas = document.createElement('canvas');
            canvas.width = image.width;
            canvas.height = image.height;
            const context = canvas.getContext('2d');
            context.drawImage(image, 0, 0);
            const { data, width, height } = context.getImageData(0, 0, image.width, image.height);
            const focus = getComputedStyle(document.documentElement).getPropertyValue('--focus').trim();
            const [r, g, b] = [1, 3, 5].map(i => parseInt(focus.substr(i, 2), 16));
            const sides = { top: 0, bottom: 0, left: 0, right: 0 };
            for (let y = 0; y < height; y++) {
                for (let x = 0; x < width; x++) {
                    const i = (y * width + x) * 4;
                    if (Math.abs(data[i] - r) + Math.abs(data[i + 1] - g) + Math.abs(data[i + 2] - b) > 60) continue;
                    if (y < height / 3) sides.top++;
                    if (y > height * 2 / 3) sides.bottom++;
                    if (x < width / 3) sides.left++;
                    if (x > width * 2 / 3) sides.right++;
                }
            }
            return Object.values(sides).filter(count => count >= 10).length;
        }", Convert.ToBase64String(png));
    }

    /// <summary>Serious and critical axe-core violations, one readable line each.</summary>
    public async Task<IReadOnlyList<string>> SeriousAccessibilityViolationsAsync()
    {
        var result = await page.RunAxe();
        return result.Violations
            .Where(violation => violation.Impact is "serious" or "critical")
            .Select(violation => $"{violation.Impact} {violation.Id}: {violation.Help} at " +
                string.Join(", ", violation.Nodes.Select(node => node.Target?.ToString() ?? node.Html)))
            .ToList();
    }

    /// <summary>Matches any text that contains <paramref name="text"/> exactly (Playwright takes a regex for "contains").</summary>
    public static Regex Containing(string text) => new(Regex.Escape(text));
}
