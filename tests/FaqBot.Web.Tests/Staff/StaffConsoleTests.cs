using System.Net;
using System.Text.Json;
using Deque.AxeCore.Playwright;
using FaqBot.Web.Tests.Browser;
using FaqBot.Web.Tests.Conversation;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FaqBot.Web.Tests.Staff;

[Collection(BrowserCollection.Name)]
public sealed class StaffConsoleTests(ChromiumBrowser chromium)
{
    private static readonly ViewportSize Tablet = new() { Width = 768, Height = 1024 };

    [Fact]
    public async Task StaffSignInThroughTheIdentityProviderAndEveryPageShowsTheClinicsData()
    {
        await using var login = await FakeLoginServer.StartAsync();
        await using var server = StaffServer.Start(SignIn(login));
        var artefacts = TestArtefacts.For(nameof(StaffSignInThroughTheIdentityProviderAndEveryPageShowsTheClinicsData));
        await using var context = await chromium.Browser.NewContextAsync(new() { ViewportSize = Tablet });
        var page = await context.NewPageAsync();

        var response = await page.GotoAsync(new Uri(server.Address, "/staff").ToString());
        Assert.Equal(200, response!.Status);
        Assert.Equal(1, login.Staff.SignIns);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Overview", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.Locator(".who")).ToContainTextAsync("Signed in as jane@clinic.example");
        await Expect(page.Locator(".numbers")).ToContainTextAsync("Answered5");
        // The chart drew the seeded days: 5 answered, 1 declined, 1 urgent, on a canvas with a size.
        await page.WaitForFunctionAsync("() => window.Chart && Chart.getChart('chart-outcomes')");
        var drawn = await page.EvaluateAsync<JsonElement>("""
            () => {
              const chart = Chart.getChart('chart-outcomes');
              const sum = name => chart.data.datasets.find(d => d.label === name).data.reduce((a, b) => a + b, 0);
              const canvas = document.getElementById('chart-outcomes');
              return { answered: sum('Answered'), declined: sum('Declined'), urgent: sum('Urgent'), width: canvas.width, height: canvas.height,
                       topics: Chart.getChart('chart-topics').data.labels.length };
            }
            """);
        Assert.Equal((5, 1, 1), (drawn.GetProperty("answered").GetInt32(), drawn.GetProperty("declined").GetInt32(), drawn.GetProperty("urgent").GetInt32()));
        Assert.True(drawn.GetProperty("width").GetInt32() > 100 && drawn.GetProperty("height").GetInt32() > 100, drawn.ToString());
        Assert.Equal(1, drawn.GetProperty("topics").GetInt32());
        await Expect(page.Locator("ol.topics")).ToHaveTextAsync("An Overview of Microneedling Treatment: 5 answers");
        await CheckPageAsync(page, artefacts, "overview");

        await page.GetByRole(AriaRole.Link, new() { Name = "Questions", Exact = true }).ClickAsync();
        var unanswered = page.Locator("table.unanswered tbody tr");
        await Expect(unanswered).ToHaveCountAsync(2);
        await Expect(unanswered.First).ToContainTextAsync("Do you have parking?");
        await Expect(unanswered.First.Locator("td").Nth(1)).ToHaveTextAsync("2");
        var notHelpful = page.Locator("table.not-helpful tbody tr");
        await Expect(notHelpful).ToHaveCountAsync(1);
        await Expect(notHelpful).ToContainTextAsync("is microneedling safe for me? call [phone]");
        await Expect(notHelpful).ToContainTextAsync("It did not answer my question");
        await Expect(notHelpful).ToContainTextAsync(StaffServer.Passage);
        await Expect(notHelpful).ToContainTextAsync("An Overview of Microneedling Treatment");
        await CheckPageAsync(page, artefacts, "questions");

        await page.GetByRole(AriaRole.Link, new() { Name = "Try a question" }).ClickAsync();
        await page.GetByLabel("Question").FillAsync("it wont stop bleeding, ive been pressing on it for 30 minutes");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ask" }).ClickAsync();
        await Expect(page.Locator(".decision")).ToContainTextAsync("Urgent");
        await Expect(page.Locator(".facts")).ToContainTextAsync("Urgent rule");
        await page.GetByLabel("Question").FillAsync("does microneedling hurt?");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ask" }).ClickAsync();
        await Expect(page.Locator(".decision")).ToContainTextAsync("Answer");
        await Expect(page.Locator("ol.hits > li").First).ToContainTextAsync("Confidence");
        await CheckPageAsync(page, artefacts, "try");

        await page.GetByRole(AriaRole.Link, new() { Name = "Knowledge" }).ClickAsync();
        await Expect(page.Locator("details.article")).Not.ToHaveCountAsync(0);
        await Expect(page.Locator(".facts")).ToContainTextAsync("UTC");
        await CheckPageAsync(page, artefacts, "knowledge");
    }

    [Fact]
    public async Task ASignedInAccountOutsideTheStaffGroupsIsRefused()
    {
        await using var login = await FakeLoginServer.StartAsync();
        login.Staff.User = new StaffUser("patient-7", "Pat", "pat@example.org", ["patients"], ["reader"]);
        await using var server = StaffServer.Start(SignIn(login));
        await using var context = await chromium.Browser.NewContextAsync();
        var page = await context.NewPageAsync();

        var response = await page.GotoAsync(new Uri(server.Address, "/staff").ToString());

        Assert.Equal(403, response!.Status);
        await Expect(page.Locator("body")).ToContainTextAsync("not in a staff group or role");
        Assert.DoesNotContain("Overview", await page.ContentAsync());
        var export = await context.APIRequest.GetAsync(new Uri(server.Address, "/staff/export/feedback.csv").ToString());
        Assert.Equal(403, export.Status);
    }

    [Fact]
    public async Task WithoutAnIdentityProviderTheConsoleAnswersOnlyThisMachine()
    {
        await using var server = StaffServer.Start(network: true);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };

        // The same server reached at the machine's network address: the caller is not loopback.
        foreach (var path in new[] { "/staff", "/staff/knowledge", "/staff/export/unanswered.csv" })
        {
            using var remote = await http.GetAsync(new Uri(server.NetworkAddress!, path));
            Assert.Equal(HttpStatusCode.Forbidden, remote.StatusCode);
            Assert.DoesNotContain("parking", await remote.Content.ReadAsStringAsync());
        }

        // A reverse proxy on this machine forwards internet traffic from loopback, and says so.
        using var proxied = new HttpRequestMessage(HttpMethod.Get, new Uri(server.Address, "/staff"));
        proxied.Headers.Add("X-Forwarded-For", "203.0.113.9");
        using var viaProxy = await http.SendAsync(proxied);
        Assert.Equal(HttpStatusCode.Forbidden, viaProxy.StatusCode);

        using var local = await http.GetAsync(new Uri(server.Address, "/staff"));
        Assert.Equal(HttpStatusCode.OK, local.StatusCode);
        Assert.Contains("No sign-in configured", await local.Content.ReadAsStringAsync());
        // The bot itself still answers everyone.
        using var health = await http.GetAsync(new Uri(server.NetworkAddress!, "/healthz"));
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task AHiddenPassageIsNoLongerUsedByTheBotAndTheDecisionIsAFileInTheKnowledgeFolder()
    {
        // A broken article beside the others: the page names it, the bot answers from the rest.
        await using var server = StaffServer.Start(knowledge: folder => File.WriteAllText(Path.Combine(folder, "broken-article.md"),
            "---\ntitle: \"Aftercare\npublisher: \"Test Clinic\"\n---\n\nKeep the skin clean.\n"));
        using var http = new HttpClient { BaseAddress = server.Address, Timeout = TimeSpan.FromSeconds(30) };
        const string question = "does microneedling hurt?";
        var shown = PassageOf(await new BotChat(http).SayAsync(question));
        Assert.NotNull(shown);

        // A POST without the page's anti-forgery token changes nothing.
        using var forged = await http.PostAsync("/staff/knowledge?handler=Hide",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["PassageId"] = shown, ["Why"] = "forged" }));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.False(File.Exists(Path.Combine(server.KnowledgeFolder, "hidden-passages.yaml")));

        var artefacts = TestArtefacts.For(nameof(AHiddenPassageIsNoLongerUsedByTheBotAndTheDecisionIsAFileInTheKnowledgeFolder));
        await using var context = await chromium.Browser.NewContextAsync(new() { ViewportSize = Tablet });
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(server.Address, "/staff/knowledge").ToString());
        await Expect(page.Locator("ul.warnings li")).ToContainTextAsync("broken-article.md, line ");
        var passage = page.Locator("ol.passages > li").Filter(new() { Has = page.Locator("code.id", new() { HasTextString = shown }) });
        await passage.Locator("xpath=ancestor::details").Locator("summary").ClickAsync();
        await passage.GetByLabel("Why hide it?").FillAsync("Pain figures are out of date");
        await passage.GetByRole(AriaRole.Button, new() { Name = "Hide from answers" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"Passage {shown} is hidden");
        await CheckPageAsync(page, artefacts, "hidden");

        var file = await File.ReadAllTextAsync(Path.Combine(server.KnowledgeFolder, "hidden-passages.yaml"));
        Assert.Contains(shown, file);
        Assert.Contains("Pain figures are out of date", file);
        Assert.Contains("local user (no sign-in)", file);
        var after = await new BotChat(http).SayAsync(question);
        Assert.NotEqual(shown, PassageOf(after));
        Assert.DoesNotContain(shown, string.Join("\n", after.Select(a => a.GetRawText())));
    }

    [Fact]
    public async Task TheExportIsCsvWithFormulasDefused()
    {
        await using var server = StaffServer.Start();
        using var http = new HttpClient { BaseAddress = server.Address, Timeout = TimeSpan.FromSeconds(30) };

        using var unanswered = await http.GetAsync("/staff/export/unanswered.csv?days=7");
        Assert.Equal("text/csv", unanswered.Content.Headers.ContentType?.MediaType);
        Assert.Contains("attachment", unanswered.Content.Headers.ContentDisposition?.ToString());
        var lines = (await unanswered.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("question,times_asked,first_asked_utc,last_asked_utc,other_wordings", lines[0]);
        Assert.StartsWith("Do you have parking?,2,", lines[1]);
        Assert.EndsWith(",parking - do you have any", lines[1]);
        // The formula starts with an apostrophe inside quotes: a spreadsheet shows it as text and never runs it.
        Assert.StartsWith("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\") do you do tattoo removal?\",1,", lines[2]);

        using var feedback = await http.GetAsync("/staff/export/feedback.csv");
        var rows = (await feedback.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("at_utc,passage,article,question,reason", rows[0]);
        var row = Assert.Single(rows.Skip(1));
        Assert.Contains($",{StaffServer.Passage},An Overview of Microneedling Treatment,", row);
        Assert.EndsWith(",is microneedling safe for me? call [phone],It did not answer my question", row);
    }

    private static Dictionary<string, string?> SignIn(FakeLoginServer login) => new()
    {
        ["Staff:Authority"] = login.Staff.Authority,
        ["Staff:ClientId"] = FakeStaffProvider.ClientId,
        ["Staff:ClientSecret"] = FakeStaffProvider.ClientSecret,
        ["Staff:AllowedGroups:0"] = "staff-group",
    };

    // The passage an answer showed: its feedback buttons carry the passage id.
    private static string? PassageOf(IReadOnlyList<JsonElement> replies)
    {
        var raw = string.Join("\n", replies.Select(r => r.GetRawText()));
        var match = System.Text.RegularExpressions.Regex.Match(raw, "\"passageId\"\\s*:\\s*\"([^\"]+)\"", System.Text.RegularExpressions.RegexOptions.IgnoreCase);
        return match.Success ? match.Groups[1].Value : null;
    }

    private static async Task CheckPageAsync(IPage page, TestArtefacts artefacts, string name)
    {
        await page.ScreenshotAsync(new() { Path = artefacts.NextScreenshot(name), FullPage = true });
        var axe = await page.RunAxe();
        var serious = axe.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Impact} {v.Id}: {v.Help} at " + string.Join(", ", v.Nodes.Select(n => n.Target?.ToString() ?? n.Html)))
            .ToList();
        Assert.True(serious.Count == 0, $"{name}: " + string.Join("\n", serious));
        // Nothing wider than the screen: a tablet scrolls tables inside their box, not the whole page.
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"{name}: the page is {overflow}px wider than the screen");
    }
}
