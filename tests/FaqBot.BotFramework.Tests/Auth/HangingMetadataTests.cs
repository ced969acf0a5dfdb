using System.Diagnostics;
using System.Net;
using FaqBot.BotFramework.Auth;
using FaqBot.BotFramework.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace FaqBot.BotFramework.Tests.Auth;

/// <summary>
/// The channel's metadata endpoint accepts connections and never answers. Token checks must not queue behind it: callers
/// share one fetch that gives up after MetadataTimeout, the failure is remembered, and forged tokens cannot make the bot
/// fetch again or flood the log.
/// </summary>
public sealed class HangingMetadataTests : AuthenticatedBot, IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);
    private const string ServiceUrl = "http://webchat.botframework.example/";
    private readonly SilentServer silent = new();

    protected override void Configure(Dictionary<string, string?> settings)
    {
        settings["BotFramework:ToBotFromChannelOpenIdMetadataUrl"] = silent.Url;
        settings["BotFramework:MetadataTimeout"] = Timeout.ToString();
    }

    [Fact]
    public async Task ConcurrentForgedTokensAllGet401WithoutQueuingAndTheBotFetchesOnce()
    {
        // Plausible forgeries: the channel issuer, signed with a key the channel never published.
        var forged = TestTokens.Channel(TestKey.Rogue("rogue").Credentials(keyIdOverride: Login.ChannelKey.KeyId), ServiceUrl);

        var (first, firstTime) = await PostConcurrentlyAsync(forged, 10);
        // The shared fetch is given up on after 3 × MetadataTimeout, and the failure is then remembered.
        await WaitForAsync(() => Bot.Logs.Lines.Any(FetchFailed), TimeSpan.FromSeconds(20));
        var (second, secondTime) = await PostConcurrentlyAsync(forged, 10);

        Assert.All(first.Concat(second), status => Assert.Equal(HttpStatusCode.Unauthorized, status));
        // Served one at a time they would take 10 × the timeout; sharing one fetch they take about one.
        Assert.True(firstTime < Timeout * 3, $"first 10 took {firstTime.TotalSeconds:F1} s");
        // The failure is remembered: the next ones do not wait for the endpoint at all.
        Assert.True(secondTime < Timeout, $"next 10 took {secondTime.TotalSeconds:F1} s");
        Assert.Equal(1, silent.Connections);

        var loud = Bot.Logs.Lines.Where(l => l.Category == typeof(ChannelTokenValidator).FullName && l.Level >= LogLevel.Warning).ToList();
        Assert.All(loud, l => Assert.Null(l.Exception));
        Assert.Single(loud, FetchFailed);
        Assert.Single(loud, l => l.Message.StartsWith("Rejected 1", StringComparison.Ordinal));
        // (The Emulator's endpoint may fail too on a loaded machine; it is not the one under test.)
        Assert.Equal(2, loud.Count(l => !l.Message.Contains("/emulator/", StringComparison.Ordinal)));
        await AssertNothingWasSentAsync();
    }

    [Fact]
    public async Task EmulatorTokensStillWorkWhileTheChannelEndpointHangs()
    {
        var token = TestTokens.Emulator(Login.EmulatorKey.Credentials());

        var response = await Bot.Http.PostActivityAsync(Bot.MessagesUrl, Some.Message(Channel.ServiceUrl), $"Bearer {token}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(await Channel.WaitForPostsAsync(1));
    }

    private bool FetchFailed(LogCapture.LogLine line) =>
        line.Level == LogLevel.Warning && line.Message.Contains($"OpenID metadata or signing keys from {silent.Url}", StringComparison.Ordinal);

    private static async Task WaitForAsync(Func<bool> condition, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (!condition() && clock.Elapsed < timeout)
        {
            await Task.Delay(50);
        }
    }

    private async Task<(HttpStatusCode[] Statuses, TimeSpan Elapsed)> PostConcurrentlyAsync(string token, int count)
    {
        var clock = Stopwatch.StartNew();
        var statuses = await Task.WhenAll(Enumerable.Range(0, count).Select(async _ =>
            (await Bot.Http.PostActivityAsync(Bot.MessagesUrl, Some.Message(ServiceUrl, channelId: "webchat"), $"Bearer {token}")).StatusCode));
        return (statuses, clock.Elapsed);
    }

    public void Dispose() => silent.Dispose();
}

/// <summary>
/// The endpoint stays hung past the first retry delay: the retry runs in the background and token checks do not wait
/// for it (they used to wait the whole MetadataTimeout again at every retry, found by the forged-token benchmark).
/// </summary>
public sealed class HangingMetadataRetryTests : AuthenticatedBot, IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);
    private const string ServiceUrl = "http://webchat.botframework.example/";
    private readonly SilentServer silent = new();
    // The bot's clock, moved past the retry delay instead of sleeping through it. (The fetch's own timeout is the HTTP
    // client's, on the real clock.)
    private readonly FakeTimeProvider time = new(DateTimeOffset.UtcNow);

    protected override void Configure(Dictionary<string, string?> settings)
    {
        settings["BotFramework:ToBotFromChannelOpenIdMetadataUrl"] = silent.Url;
        settings["BotFramework:MetadataTimeout"] = Timeout.ToString();
        settings["BotFramework:MetadataRetryDelay"] = "00:00:01";
    }

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(time);

    [Fact]
    public async Task ARetryOfAHangingEndpointIsNotWaitedFor()
    {
        var forged = TestTokens.Channel(TestKey.Rogue("rogue").Credentials(keyIdOverride: Login.ChannelKey.KeyId), ServiceUrl);
        _ = await PostAsync(forged);
        // The first fetch is given up on after 3 × MetadataTimeout (real time); then the bot's clock passes the retry delay (1 s).
        var clock = Stopwatch.StartNew();
        while (!Bot.Logs.Lines.Any(l => l.Level == LogLevel.Warning && l.Message.Contains(silent.Url, StringComparison.Ordinal)) && clock.Elapsed < TimeSpan.FromSeconds(20))
        {
            await Task.Delay(50);
        }
        time.Advance(TimeSpan.FromSeconds(1.5));

        // This request starts the retry (a second connection to the endpoint) and does not wait for it.
        clock.Restart();
        var status = await PostAsync(forged);
        var elapsed = clock.Elapsed;

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.True(elapsed < Timeout / 2, $"the token check waited {elapsed.TotalSeconds:F1} s for the retry");
        Assert.True(SpinWait.SpinUntil(() => silent.Connections == 2, TimeSpan.FromSeconds(5)), $"{silent.Connections} fetches, expected the retry");
        await AssertNothingWasSentAsync();
    }

    private async Task<HttpStatusCode> PostAsync(string token) =>
        (await Bot.Http.PostActivityAsync(Bot.MessagesUrl, Some.Message(ServiceUrl, channelId: "webchat"), $"Bearer {token}")).StatusCode;

    public void Dispose() => silent.Dispose();
}
