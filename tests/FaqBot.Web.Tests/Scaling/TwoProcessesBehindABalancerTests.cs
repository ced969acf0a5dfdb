using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using FaqBot.Knowledge;
using FaqBot.Web.Tests.Browser;
using FaqBot.Web.Tests.Hardening;
using Microsoft.Playwright;
using Npgsql;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace FaqBot.Web.Tests.Scaling;

/// <summary>
/// Two real bot processes on one Redis and one PostgreSQL behind a round-robin load balancer, and a patient on the real
/// Web Chat page in Chromium who only ever talks to the balancer: the chat is served by both instances, survives one of
/// them being killed mid-conversation, carries on through its replacement, and the feedback lands in one database.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class TwoProcessesBehindABalancerTests(ChromiumBrowser chromium, ITestOutputHelper output) : IAsyncLifetime
{
    private const string FirstQuestion = "does microneedling hurt?";
    private const string SecondQuestion = "What causes vitiligo?";
    private const string AfterTheCrash = "Can microneedling help acne scars?";
    private const string AfterTheDeploy = "Is vitiligo contagious?";
    private const string DirectLinePosts = "/activities";

    private readonly string sharedIndex = Directory.CreateTempSubdirectory("faqbot-shared-index-").FullName;
    private readonly List<string> folders = [];
    private readonly Dictionary<string, BotProcess> bots = [];
    private readonly System.Diagnostics.Stopwatch clock = System.Diagnostics.Stopwatch.StartNew();
    private RedisServer redis = null!;
    private PostgresServer postgres = null!;
    private LoopbackBalancer balancer = null!;
    private string feedbackDatabase = "";

    private string IndexPath => Path.Combine(sharedIndex, "faqbot-index");

    public async Task InitializeAsync()
    {
        var redisStart = RedisServer.StartAsync();
        var postgresStart = PostgresServer.StartAsync();
        // The index the instances open, built once from the deployed knowledge folder while the servers start, as a
        // deployment would ship it: each instance finds it current (same content hash) and opens it instead of building.
        var indexBuilt = Task.Run(async () =>
        {
            using var knowledge = await KnowledgeBase.OpenAsync(new KnowledgeOptions { IndexPath = IndexPath }.ResolvedAgainst(AppContext.BaseDirectory));
        });
        balancer = await LoopbackBalancer.StartAsync();
        redis = await redisStart;
        postgres = await postgresStart;
        feedbackDatabase = await postgres.CreateDatabaseAsync();
        await indexBuilt;
        Step("Redis, PostgreSQL, the index and the balancer ready");
    }

    public async Task DisposeAsync()
    {
        foreach (var bot in bots.Values)
        {
            await bot.DisposeAsync();
        }

        if (balancer is not null)
        {
            await balancer.DisposeAsync();
        }

        if (redis is not null)
        {
            await redis.DisposeAsync();
        }

        if (postgres is not null)
        {
            await postgres.DisposeAsync();
        }

        foreach (var folder in folders.Append(sharedIndex))
        {
            await TempFolders.DeleteAsync(folder);
        }
    }

    [Fact]
    public async Task PatientChatsThroughTheBalancerAcrossBothInstancesThroughAKillAndAReplacementWithNothingLost()
    {
        await Task.WhenAll(StartBotAsync("a"), StartBotAsync("b"));
        var chat = await ChatPage.OpenAsync(chromium.Browser, balancer.Address,
            TestArtefacts.For(nameof(PatientChatsThroughTheBalancerAcrossBothInstancesThroughAKillAndAReplacementWithNothingLost)), ChatPage.Desktop);
        Step("page loaded");
        var frames = SocketFrames.Watch(chat.Page);
        var origins = new ConcurrentBag<string>();
        chat.Page.Request += (_, request) => origins.Add(Origin(request.Url));
        chat.Page.WebSocket += (_, socket) => origins.Add(Origin(socket.Url));

        // Two questions, each answered once and in order, their posts served by different instances.
        await chat.OpenChatWithKeyboardAsync();
        await chat.WaitForBotMessageAfterAsync(0);
        Step("page open, welcome shown");
        var first = await AskAndWaitForAnswerAsync(chat, FirstQuestion);
        var second = await AskAndWaitForAnswerAsync(chat, SecondQuestion);
        await chat.ScreenshotAsync("two-answers");
        Step("two questions answered");
        Assert.Equal(["a", "b"], Served(DirectLinePosts).TakeLast(2).Select(s => s.Destination).Order());

        // Helpful on both answers: two posts in a row, one to each instance; both votes land in the one database.
        await PressHelpfulAsync(chat, first);
        await PressHelpfulAsync(chat, second);
        var feedbackPosts = Served(DirectLinePosts).TakeLast(2).Select(s => s.Destination).ToList();
        Assert.Equal(["a", "b"], feedbackPosts.Order());
        Assert.Equal(2, await HelpfulVotesAsync());
        var before = await TranscriptAsync(chat);
        AssertAskedAndAnsweredOnceInOrder(before, 2, FirstQuestion, SecondQuestion);

        // Kill the instance holding the patient's socket. The balancer's probe takes it out of the rotation; the patient
        // asks while Web Chat is still reconnecting, so the answer must come through the new socket's catch-up.
        var holder = Sockets().Last().Destination;
        Step($"killing {holder}, which holds the socket");
        var survivor = holder == "a" ? "b" : "a";
        await bots[holder].KillAsync();
        await balancer.WaitUntilOutOfRotationAsync(holder, TimeSpan.FromSeconds(10));
        Step("the probe took it out of the rotation");
        var postsBefore = Served(DirectLinePosts).Count;
        await AskAndWaitForAnswerAsync(chat, AfterTheCrash, timeoutMs: 40_000);
        await chat.ScreenshotAsync("answered-after-the-kill");
        Step("answered after the kill");
        var afterKill = await TranscriptAsync(chat);
        Assert.Equal(before, afterKill.Take(before.Count));
        Assert.Equal([true, false], afterKill.Skip(before.Count).Select(e => e.FromUser));
        Assert.Equal(AfterTheCrash, afterKill[before.Count].Text);
        Assert.All(Served(DirectLinePosts).Skip(postsBefore), s => Assert.Equal(survivor, s.Destination));
        Assert.Equal(survivor, Sockets().Last().Destination);
        // The question went in before Web Chat had its new socket (it waits 3 to 15 s before it reconnects), so the
        // answer reached the page through the new socket's catch-up from its watermark, not as a live push.
        var log = balancer.Requests.ToList();
        Assert.True(log.FindLastIndex(s => s.Path.Split('?')[0].EndsWith(DirectLinePosts, StringComparison.Ordinal))
            < log.FindLastIndex(s => s.WebSocket), "the page had reconnected before the patient asked");

        // A rolling deploy: a replacement joins the rotation in the dead instance's place, and the next requests reach it.
        await StartBotAsync("c");
        balancer.Remove(holder);
        postsBefore = Served(DirectLinePosts).Count;
        var fourth = await AskAndWaitForAnswerAsync(chat, AfterTheDeploy);
        await PressHelpfulAsync(chat, fourth);
        await chat.ScreenshotAsync("answered-after-the-replacement");
        Step("answered after the replacement");
        Assert.Equal(new[] { "c", survivor }.Order(), Served(DirectLinePosts).Skip(postsBefore).Select(s => s.Destination).Order());
        Assert.Equal(3, await HelpfulVotesAsync());

        // Nothing delivered twice: every activity reached the page once over all its sockets, watermarks without a gap.
        var delivered = frames.ActivityIds();
        Assert.Equal(delivered.Distinct(), delivered);
        var sequence = delivered.Select(id => long.Parse(id[(id.LastIndexOf('|') + 1)..], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(Enumerable.Range((int)sequence[0], sequence.Count).Select(n => (long)n), sequence);
        var final = await TranscriptAsync(chat);
        AssertAskedAndAnsweredOnceInOrder(final, 3, FirstQuestion, SecondQuestion, AfterTheCrash, AfterTheDeploy);
        // The page, its token, Direct Line and its sockets: all through the balancer, never an instance directly.
        Assert.Equal([Origin(balancer.Address.ToString())], origins.Where(o => o.Length > 0).Distinct());
        await Expect(chat.Panel).Not.ToContainTextAsync("Send failed");
        await Expect(chat.Panel).Not.ToContainTextAsync("restarted");
        Assert.Empty(chat.ScriptErrors);
        await chat.CloseAsync();
    }

    // Where the time goes, for a slow run: servers, instances, the chat's steps.
    private void Step(string what) => output.WriteLine($"{clock.Elapsed.TotalSeconds,6:F1} s  {what}");

    private async Task StartBotAsync(string name)
    {
        var folder = Directory.CreateTempSubdirectory($"faqbot-instance-{name}-").FullName;
        lock (folders)
        {
            folders.Add(folder);
        }

        var bot = await BotProcess.StartAsync(folder, new Dictionary<string, string>
        {
            ["Knowledge__IndexPath"] = IndexPath,
            // What a clinic's IT sets on every instance behind a load balancer (docs/scaling.md).
            ["ConnectionStrings__Redis"] = redis.ConnectionString,
            ["DirectLine__TokenSigningKey"] = ScaledBot.SigningKey,
            ["ConnectionStrings__Feedback"] = feedbackDatabase,
            ["Feedback__HashKey"] = "instances-share-this-key",
            // The balancer's public address: the page is told to talk Direct Line there, not to the instance.
            ["DirectLine__PublicBaseUrl"] = new Uri(balancer.Address, "/v3/directline").ToString(),
            // The test's build serves the page from the project's static web assets, as dotnet run does.
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Logging__LogLevel__Default"] = "Warning",
        });
        lock (bots)
        {
            bots[name] = bot;
        }

        balancer.Route(name, bot.Address);
        Step($"instance {name} ready");
    }

    private List<LoopbackBalancer.Served> Served(string pathPart) =>
        [.. balancer.Requests.Where(s => s.Path.Contains("/v3/directline/", StringComparison.Ordinal) && s.Path.Split('?')[0].EndsWith(pathPart, StringComparison.Ordinal))];

    // The Direct Line streams (WebSocket upgrades) the balancer passed on, oldest first.
    private List<LoopbackBalancer.Served> Sockets() => [.. balancer.Requests.Where(s => s.WebSocket)];

    private static async Task<ILocator> AskAndWaitForAnswerAsync(ChatPage chat, string question, int timeoutMs = 20_000)
    {
        var before = await chat.BotMessages.CountAsync();
        await chat.SendBox.FocusAsync();
        await chat.AskAsync(question);
        await chat.WaitForBotMessageAfterAsync(before, timeoutMs);
        // Pinned by position: BotMessages.Last would move on to the next message.
        var answer = chat.BotMessages.Nth(await chat.BotMessages.CountAsync() - 1);
        await Expect(answer.GetByRole(AriaRole.Button, new() { Name = "Helpful", Exact = true })).ToBeVisibleAsync();
        return answer;
    }

    private static async Task PressHelpfulAsync(ChatPage chat, ILocator answer)
    {
        var before = await chat.BotMessages.CountAsync();
        await answer.GetByRole(AriaRole.Button, new() { Name = "Helpful", Exact = true }).ClickAsync();
        await Expect(await chat.WaitForBotMessageAfterAsync(before)).ToContainTextAsync("Thank you");
    }

    private async Task<long> HelpfulVotesAsync()
    {
        await using var connection = new NpgsqlConnection(feedbackDatabase + ";Pooling=false");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT coalesce(SUM(count), 0) FROM feedback WHERE helpful = 1";
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    private sealed record Entry(bool FromUser, string Text);

    // The transcript as the patient reads it: who said what, top to bottom.
    private async Task<List<Entry>> TranscriptAsync(ChatPage chat)
    {
        var entries = await chat.Panel.Locator(".webchat__basic-transcript__activity").EvaluateAllAsync<string[][]>(
            "items => items.map(item => [String(!!item.querySelector('.webchat__stacked-layout--from-user')), (item.querySelector('.webchat__bubble__content') || item).innerText])");
        var transcript = entries.Select(e => new Entry(e[0] == "true", e[1].Trim())).ToList();
        output.WriteLine(string.Join(Environment.NewLine, transcript.Select(e => $"  {(e.FromUser ? "patient" : "bot")}: {e.Text.ReplaceLineEndings(" ")[..Math.Min(e.Text.Length, 80)]}")));
        return transcript;
    }

    // Each question shows once, in the order asked, with its answer right after it; besides the welcome and the answers
    // the bot said only its thanks, one per press: nothing shows twice, nothing is missing.
    private static void AssertAskedAndAnsweredOnceInOrder(List<Entry> transcript, int presses, params string[] questions)
    {
        Assert.Equal(questions, transcript.Where(e => e.FromUser).Select(e => e.Text));
        foreach (var question in questions)
        {
            var at = transcript.FindIndex(e => e.FromUser && e.Text == question);
            Assert.True(at + 1 < transcript.Count && !transcript[at + 1].FromUser, $"\"{question}\" has no answer right after it");
            Assert.DoesNotContain("Thank you", transcript[at + 1].Text, StringComparison.Ordinal);
        }

        Assert.Equal(presses, transcript.Count(e => !e.FromUser && e.Text.StartsWith("Thank you", StringComparison.Ordinal)));
        Assert.Equal(1 + questions.Length + presses, transcript.Count(e => !e.FromUser));
    }

    // Where a request went, as scheme and authority (ws:// counted as http://); "" for data: and blob: URLs.
    private static string Origin(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" or "ws" or "wss"
            ? $"{(uri.Scheme is "ws" or "http" ? "http" : "https")}://{uri.Authority}"
            : "";

    /// <summary>What the bot sent the page over its Direct Line sockets (all of them, across reconnects).</summary>
    private sealed class SocketFrames
    {
        private readonly ConcurrentQueue<string> ids = new();

        public static SocketFrames Watch(IPage page)
        {
            var frames = new SocketFrames();
            page.WebSocket += (_, socket) => socket.FrameReceived += (_, frame) =>
            {
                if (string.IsNullOrWhiteSpace(frame.Text))
                {
                    return;
                }

                foreach (var activity in JsonNode.Parse(frame.Text)?["activities"]?.AsArray() ?? [])
                {
                    // Typing indicators pass by without an id (they are not kept in the history); all else has one.
                    if ((string?)activity!["id"] is { } id)
                    {
                        frames.ids.Enqueue(id);
                    }
                    else if ((string?)activity["type"] != "typing")
                    {
                        frames.ids.Enqueue($"an activity of type {activity["type"]} without an id");
                    }
                }
            };
            return frames;
        }

        public List<string> ActivityIds() => [.. ids];
    }
}
