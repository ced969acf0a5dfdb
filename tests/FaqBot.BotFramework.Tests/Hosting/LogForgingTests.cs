using System.Net;
using System.Text.Json.Nodes;
using FaqBot.BotFramework.Tests.Support;
using Microsoft.Extensions.Logging;

namespace FaqBot.BotFramework.Tests.Hosting;

/// <summary>Ids come from the caller: a newline in one must not start a forged log line, and ids stay out of Warning and Error.</summary>
public sealed class LogForgingTests
{
    private const string ForgedId = "c1\n2026-12-06 21:00:00 crit: Administrator password reset\r\nwarn: ok";

    [Fact]
    public async Task NewlineInConversationIdNeverReachesAWarningOrErrorLineRaw()
    {
        // The turn replies to a channel that is not there (a Warning) and then fails (an Error): both name the conversation.
        var handler = new RecordingTurnHandler(async (turn, ct) =>
        {
            await turn.SendAsync(turn.Activity.CreateReply("one moment"), ct);
            throw new InvalidOperationException("the bot broke");
        });
        // No retries: the test is about what is logged, not about patience.
        await using var bot = await BotApp.StartAsync(handler, new Dictionary<string, string?> { ["BotFramework:MaxRetryAttempts"] = "0" });
        var closedPort = $"http://127.0.0.1:{ClosedPort()}/";
        var message = Some.Message(closedPort);
        message["conversation"] = new JsonObject { ["id"] = ForgedId };

        var response = await bot.Http.PostActivityAsync(bot.MessagesUrl, message);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // Once stopped, the turn (its failed reply and its failure) has ended and logged everything it will.
        await bot.StopAsync();
        var lines = bot.Logs.Lines;
        Assert.Contains(lines, l => l.Level == LogLevel.Error);
        var loud = lines.Where(l => l.Level >= LogLevel.Warning).ToList();
        Assert.Contains(loud, l => l.Level == LogLevel.Warning);
        Assert.All(loud, l =>
        {
            Assert.DoesNotContain('\n', l.Message);
            Assert.DoesNotContain('\r', l.Message);
            Assert.DoesNotContain("c1", l.Message, StringComparison.Ordinal);
        });
        // At Debug the id is there for whoever debugs, escaped.
        Assert.Contains(lines, l => l.Level == LogLevel.Debug && l.Message.Contains(@"c1\u000a2026-12-06", StringComparison.Ordinal));
        Assert.All(lines, l => Assert.DoesNotContain("\ncrit:", l.Message, StringComparison.Ordinal));
    }

    private static int ClosedPort()
    {
        var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
