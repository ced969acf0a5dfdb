using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text.Json.Nodes;
using FaqBot.Web.Tests.Hardening;

namespace FaqBot.Web.Tests.Scaling;

/// <summary>
/// A rolling deploy stops instances one by one (SIGTERM). A stopping instance must say so on /readyz at once, so the
/// load balancer's probe moves new requests elsewhere, and keep serving what still reaches it until the drain is over:
/// a refused connection in that window is a failed message or a Web Chat that waits 20 s to reconnect.
/// </summary>
public sealed class GracefulStopTests : IAsyncLifetime
{
    private readonly string folder = Directory.CreateTempSubdirectory("faqbot-stop-").FullName;

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => TempFolders.DeleteAsync(folder);

    [Fact]
    public async Task AStoppingInstanceFailsReadinessAtOnceAndKeepsServingThroughTheDrain()
    {
        await using var bot = await BotProcess.StartAsync(folder, new Dictionary<string, string>
        {
            ["Health__DrainDelay"] = "00:00:04",
            ["Logging__LogLevel__Default"] = "Information",
        });
        using (var before = await bot.Http.GetAsync("/readyz"))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        bot.Terminate();

        var readiness = await WaitForAsync(bot, async () =>
        {
            using var response = await bot.Http.GetAsync("/readyz");
            return response.StatusCode == HttpStatusCode.ServiceUnavailable ? await response.Content.ReadAsStringAsync() : null;
        });
        Assert.Contains("Stopping", readiness);
        // Still serving: liveness holds (no restart by the platform), and a patient's page still gets its chat token.
        using (var live = await bot.Http.GetAsync("/healthz"))
        {
            Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        }

        using (var token = await bot.Http.PostAsync("/api/directline/token", null))
        {
            Assert.Equal(HttpStatusCode.OK, token.StatusCode);
        }

        Assert.Equal(0, await bot.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        Assert.Contains("/readyz answers 503", bot.Output);
    }

    [Fact]
    public async Task OpenChatsAreToldToReconnectAfterTheDrainAndDoNotHoldTheStopUp()
    {
        await using var bot = await BotProcess.StartAsync(folder, new Dictionary<string, string>
        {
            ["Health__DrainDelay"] = "00:00:02",
        });
        using var issued = await bot.Http.PostAsync("/api/directline/token", null);
        var token = (string)(await issued.Content.ReadFromJsonAsync<JsonObject>())!["token"]!;
        using var start = new HttpRequestMessage(HttpMethod.Post, "/v3/directline/conversations") { Content = JsonContent.Create(new { locale = "en-US" }) };
        start.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var started = await bot.Http.SendAsync(start);
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        var streamUrl = (string)(await started.Content.ReadFromJsonAsync<JsonObject>())!["streamUrl"]!;
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri(streamUrl), CancellationToken.None);

        var clock = Stopwatch.StartNew();
        bot.Terminate();

        // The page's socket is closed by the server (Direct Line JS then reconnects, elsewhere behind a balancer) ...
        var buffer = new byte[4096];
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        WebSocketReceiveResult received;
        do
        {
            received = await socket.ReceiveAsync(buffer, wait.Token);
        }
        while (received.MessageType != WebSocketMessageType.Close);

        Assert.Equal("stopping", socket.CloseStatusDescription);
        // ... and the process exits well inside the host's shutdown timeout (30 s) instead of waiting it out for the socket.
        Assert.Equal(0, await bot.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"the stop took {clock.Elapsed.TotalSeconds:F1} s with a chat open");
    }

    private static async Task<string> WaitForAsync(BotProcess bot, Func<Task<string?>> probe)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            Assert.False(bot.HasExited, "the bot exited without a drain:\n" + bot.Output);
            if (await probe() is { } found)
            {
                return found;
            }

            Assert.True(DateTime.UtcNow < deadline, "/readyz never turned 503 after SIGTERM:\n" + bot.Output);
            await Task.Delay(50);
        }
    }
}
