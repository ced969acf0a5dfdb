using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using FaqBot.Web.Tests.Conversation;
using FaqBot.Web.Tests.Teams;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using static FaqBot.Web.Tests.Conversation.Replies;

namespace FaqBot.Web.Tests.Telemetry;

// OpenTelemetry listens to every meter named "FaqBot" in the process, and other test classes run bots of their own in
// this process: the exact counts below hold only when no other bot runs beside this class.
[CollectionDefinition(nameof(MetricsTests), DisableParallelization = true)]
public sealed class MetricsCollection;

[Collection(nameof(MetricsTests))]
public sealed class MetricsTests
{
    [Fact]
    public async Task DecisionsAndVotesAreCountedOnTheMetricsPortWithoutAnyPatientText()
    {
        var port = FreePort();
        await using var server = await BotServer.StartAsync(new Dictionary<string, string?>
        {
            ["Telemetry:MetricsPort"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Conversation:TypingDelay"] = "00:00:05",
        });
        var chat = new BotChat(server.Http);

        var answer = OnlyMessage(await chat.SayAsync("does microneedling hurt?"));
        await chat.PressAsync(CardAction(Card(answer), "Helpful").GetProperty("data"));
        await chat.SayAsync("it wont stop bleeding, ive been pressing on it for 30 minutes");

        using var scraper = new HttpClient();
        var metrics = await scraper.GetStringAsync($"http://localhost:{port}/metrics");

        Assert.Equal(1, Count(metrics, "faqbot_decisions_total", "outcome", "answered"));
        Assert.Equal(1, Count(metrics, "faqbot_decisions_total", "outcome", "urgent"));
        Assert.Equal(1, Count(metrics, "faqbot_feedback_total", "vote", "helpful"));
        Assert.Matches(@"faqbot_decision_duration_seconds_count\{[^}]*outcome=""answered""[^}]*\} 1", metrics);
        Assert.Contains("http_server_request_duration_seconds", metrics, StringComparison.Ordinal);
        Assert.DoesNotContain("microneedling", metrics, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("bleeding", metrics, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(chat.ConversationId, metrics, StringComparison.Ordinal);

        // The public port never serves the scrape endpoint.
        using var onPublicPort = await server.Http.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.NotFound, onPublicPort.StatusCode);
    }

    [Fact]
    public async Task WithNothingConfiguredNoTelemetryPipelineRuns()
    {
        await using var server = await BotServer.StartAsync();

        Assert.Null(server.Services.GetService<MeterProvider>());
        Assert.Equal("message", OnlyMessage(await new BotChat(server.Http).SayAsync("does microneedling hurt?")).GetProperty("type").GetString());
    }

    [Fact]
    public async Task AMetricsPortThatIsNotAPortStopsStartUpWithTheSettingNamed()
    {
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => BotServer.StartAsync(new Dictionary<string, string?> { ["Telemetry:MetricsPort"] = "70000" }));

        Assert.Contains("Telemetry:MetricsPort", failure.ToString(), StringComparison.Ordinal);
    }

    private static double Count(string metrics, string name, string label, string value)
    {
        var line = metrics.Split('\n').Single(l => l.StartsWith(name + "{", StringComparison.Ordinal) && l.Contains($"{label}=\"{value}\"", StringComparison.Ordinal));
        return double.Parse(Regex.Match(line, @"\} (\S+)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
