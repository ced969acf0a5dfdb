using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using FaqBot.BotFramework.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace FaqBot.BotFramework.Tests.Connector;

/// <summary>A throttled, failing, slow or dead channel: bounded retries, a bounded wait for the inbound request, and a log line.</summary>
public sealed class ConnectorResilienceTests : IAsyncLifetime
{
    private readonly RecordingTurnHandler handler = new();
    private FakeChannel channel = null!;
    private BotApp? bot;

    public async Task InitializeAsync() => channel = await FakeChannel.StartAsync();

    public async Task DisposeAsync()
    {
        if (bot is not null)
        {
            await bot.DisposeAsync();
        }
        await channel.DisposeAsync();
    }

    private async Task StartBotAsync(params (string Key, string Value)[] settings) =>
        bot = await BotApp.StartAsync(handler, settings.ToDictionary(s => "BotFramework:" + s.Key, s => (string?)s.Value));

    [Fact]
    public async Task ThrottledReplyIsRetriedAfterTheRetryAfterDelay()
    {
        // The bot's clock: the Retry-After is waited out on it, and each attempt notes the time on it.
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var attemptedAt = new ConcurrentQueue<DateTimeOffset>();
        channel.Respond = (n, _) =>
        {
            attemptedAt.Enqueue(clock.GetUtcNow());
            return Task.FromResult(n == 0 ? Throttled(retryAfterSeconds: 1) : Results.Json(new { id = "ok" }));
        };
        bot = await BotApp.StartAsync(handler, services: services => services.AddSingleton<TimeProvider>(clock));

        var inbound = bot.Http.PostActivityAsync(bot.MessagesUrl, Some.Message(channel.ServiceUrl));
        await channel.WaitForPostsAsync(1);
        // In small steps, as the bot may not have started its wait yet: the retry comes once a second has passed on its clock.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (channel.Attempts < 2 && DateTime.UtcNow < deadline)
        {
            clock.Advance(TimeSpan.FromMilliseconds(100));
            await Task.Delay(10);
        }

        var posts = await channel.WaitForPostsAsync(2);
        (await inbound).Dispose();
        var times = attemptedAt.ToArray();
        Assert.True(times[1] - times[0] >= TimeSpan.FromSeconds(1), $"retried after {times[1] - times[0]}");
        Assert.Equal(posts[0].Activity.Text, posts[1].Activity.Text);
    }

    [Fact]
    public async Task ServerErrorsAreRetriedABoundedNumberOfTimesThenLoggedWithConversationAndStatus()
    {
        channel.Respond = (_, _) => Task.FromResult(Results.StatusCode(503));
        await StartBotAsync(("MaxRetryAttempts", "2"), ("MaxRetryDelay", "00:00:00.050"));

        var response = await bot!.Http.PostActivityAsync(bot.MessagesUrl, Some.Message(channel.ServiceUrl));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(3, channel.Attempts);
        var warning = Assert.Single(bot.Logs.Lines, l => l.Level == LogLevel.Warning && l.Message.Contains("503"));
        // The conversation id is the caller's choice: not in the Warning, but in the Debug line after it.
        Assert.DoesNotContain(Some.ConversationId, warning.Message);
        Assert.Contains(bot.Logs.Lines, l => l.Level == LogLevel.Debug && l.Message.Contains(Some.ConversationId));
    }

    [Fact]
    public async Task ChannelAskingToWaitLongerThanTheBoundIsNotRetried()
    {
        channel.Respond = (_, _) => Task.FromResult(Throttled(retryAfterSeconds: 120));
        await StartBotAsync(("MaxRetryDelay", "00:00:05"));

        await bot!.Http.PostActivityAsync(bot.MessagesUrl, Some.Message(channel.ServiceUrl));

        Assert.Equal(1, channel.Attempts);
        Assert.Contains(bot.Logs.Lines, l => l.Level == LogLevel.Warning && l.Message.Contains("429"));
    }

    [Fact]
    public async Task ClientErrorsAreNotRetried()
    {
        channel.Respond = (_, _) => Task.FromResult(Results.StatusCode(403));
        await StartBotAsync();

        await bot!.Http.PostActivityAsync(bot.MessagesUrl, Some.Message(channel.ServiceUrl));

        Assert.Equal(1, channel.Attempts);
    }

    [Fact]
    public async Task SlowChannelDoesNotHoldTheInboundRequestLongerThanTheBound()
    {
        // The channel answers only once the test lets it: slower than the bound for as long as the test needs.
        var answer = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        channel.Respond = async (_, aborted) => { await answer.Task.WaitAsync(aborted); return Results.Json(new { id = "late" }); };
        await StartBotAsync(("InboundWait", "00:00:00.300"));
        var started = Stopwatch.StartNew();

        var response = await bot!.Http.PostActivityAsync(bot.MessagesUrl, Some.Message(channel.ServiceUrl));
        var elapsed = started.Elapsed;
        answer.SetResult();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(elapsed < TimeSpan.FromSeconds(2), $"inbound request took {elapsed}");
        await channel.WaitForPostsAsync(1);
    }

    [Fact]
    public async Task HungChannelIsGivenUpOnAfterTheOutboundTimeoutAndTheBotKeepsServing()
    {
        // Hung: never answers; only the bot hanging up ends the wait.
        channel.Respond = async (_, aborted) => { await Task.Delay(Timeout.InfiniteTimeSpan, aborted); return Results.Ok(); };
        await StartBotAsync(("InboundWait", "00:00:05"), ("OutboundTimeout", "00:00:00.600"), ("OutboundAttemptTimeout", "00:00:00.250"));
        var started = Stopwatch.StartNew();

        var first = await bot!.Http.PostActivityAsync(bot.MessagesUrl, Some.Message(channel.ServiceUrl));

        Assert.True(started.Elapsed < TimeSpan.FromSeconds(3), $"inbound request took {started.Elapsed}");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Contains(bot.Logs.Lines, l => l.Level == LogLevel.Warning && l.Message.Contains("channel"));
        Assert.Contains(bot.Logs.Lines, l => l.Level == LogLevel.Debug && l.Message.Contains(Some.ConversationId));
        var second = await bot.Http.PostActivityAsync(bot.MessagesUrl, Some.Message(channel.ServiceUrl).With("deliveryMode", "expectReplies"));
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
    }

    [Fact]
    public async Task DeadChannelIsLoggedAndTheInboundRequestStillSucceeds()
    {
        var deadPort = channel.Port;
        await channel.DisposeAsync();
        channel = await FakeChannel.StartAsync();
        await StartBotAsync(("MaxRetryAttempts", "1"), ("MaxRetryDelay", "00:00:00.050"));

        var response = await bot!.Http.PostActivityAsync(bot.MessagesUrl, Some.Message($"http://127.0.0.1:{deadPort}"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(bot.Logs.Lines, l => l.Level == LogLevel.Warning && l.Message.Contains("HttpRequestException"));
        Assert.Contains(bot.Logs.Lines, l => l.Level == LogLevel.Debug && l.Message.Contains(Some.ConversationId));
    }

    private static IResult Throttled(int retryAfterSeconds) => new ThrottledResult(retryAfterSeconds);

    private sealed class ThrottledResult(int seconds) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = 429;
            httpContext.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return httpContext.Response.WriteAsync("""{"error":{"code":"Throttled","message":"Too many requests"}}""");
        }
    }
}
