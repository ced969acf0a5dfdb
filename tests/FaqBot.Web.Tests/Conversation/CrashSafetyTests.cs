using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Data.Sqlite;
using static FaqBot.Web.Tests.Conversation.Replies;

namespace FaqBot.Web.Tests.Conversation;

public sealed class CrashSafetyTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("faqbot-crash-").FullName;

    // Killed in Dispose too: a failed assertion must not leave a bot running after the test run.
    private Process? _bot;

    [Fact]
    public async Task FeedbackAcknowledgedBeforeTheProcessIsKilledIsStillInTheFile()
    {
        var port = FreePort();
        var bot = StartBot(port, out var output);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
        await WaitUntilUpAsync(http, bot, output);
        var chat = new BotChat(http);
        var answer = OnlyMessage(await chat.SayAsync("does microneedling hurt?"));
        var helpful = CardAction(Card(answer), "Helpful").GetProperty("data");

        for (var i = 0; i < 20; i++)
        {
            _ = await chat.PressAsync(helpful);
        }

        // Decision counts are statistics and may be a second late (longer on a loaded machine); the question's own
        // count reaches the file on its batch's timer without any other write.
        Assert.True(SpinWait.SpinUntil(() => Count("SELECT COUNT(*) FROM decisions") == 1L, TimeSpan.FromSeconds(30)), "the decision count never reached the file");
        bot.Kill(entireProcessTree: true);
        await bot.WaitForExitAsync();

        // Twenty presses of the same button are one row with a count of 20 (repeats are folded, none is lost).
        Assert.Equal(20L, Count("SELECT SUM(count) FROM feedback"));
        Assert.Equal(1L, Count("SELECT SUM(count) FROM decisions"));
    }

    public void Dispose()
    {
        if (_bot is { HasExited: false })
        {
            _bot.Kill(entireProcessTree: true);
            _bot.WaitForExit();
        }

        _bot?.Dispose();

        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private Process StartBot(int port, out StringBuilder output)
    {
        var webDll = typeof(Program).Assembly.Location;
        var dotnet = Environment.ProcessPath is { } p && Path.GetFileNameWithoutExtension(p) == "dotnet" ? p : "dotnet";
        var start = new ProcessStartInfo(dotnet)
        {
            WorkingDirectory = _folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { "exec", webDll, "--urls", $"http://127.0.0.1:{port}" })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["Feedback__Path"] = Path.Combine(_folder, "feedback.db");
        start.Environment["Knowledge__IndexPath"] = Path.Combine(_folder, "index");
        var log = new StringBuilder();
        var process = _bot = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        output = log;
        return process;
    }

    private static async Task WaitUntilUpAsync(HttpClient http, Process bot, StringBuilder output)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            Assert.False(bot.HasExited, "the bot exited: " + output);
            try
            {
                using var response = await http.GetAsync("/healthz");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        Assert.Fail("the bot did not start: " + output);
    }

    private long Count(string sql)
    {
        // Opening the file runs SQLite's WAL recovery, exactly what a restarted bot would see.
        using var connection = new SqliteConnection($"Data Source={Path.Combine(_folder, "feedback.db")};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
