using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FaqBot.MessagesBench;

/// <summary>One benchmark run: start both servers, alternate measured rounds, then report against the issue's targets.</summary>
internal sealed class BenchRun(
    FileInfo botDll, int connections, TimeSpan duration, TimeSpan warmup, int rounds, FileInfo questionFile, string[] botEnvironment)
{
    // Issue 12's ceiling with the sentence-embedding model loaded (about 110 MB of it); 150 MB held before the model.
    private const double MaxRssMb = 300;

    // Before each measured slice: connections opened and the server busy again after its pause.
    private static readonly TimeSpan Rewarm = TimeSpan.FromSeconds(1);

    public async Task<int> RunAsync()
    {
        // A fresh feedback file for every run, as a new deployment has: earlier runs' rows must not weigh on this one.
        var scratch = Directory.CreateTempSubdirectory("faqbot-messages-bench-");
        try
        {
            return await MeasureAsync(scratch);
        }
        finally
        {
            scratch.Delete(recursive: true);
        }
    }

    private async Task<int> MeasureAsync(DirectoryInfo scratch)
    {
        var questions = ReadQuestions();
        var bodies = questions.Select((question, i) => Body(i, question)).ToArray();
        Console.WriteLine($"{connections} connections, {questions.Count} distinct questions; per server {warmup.TotalSeconds:0} s warm-up, then {rounds} alternating slices of {duration.TotalSeconds:0} s");
        if (botEnvironment.Length > 0)
        {
            Console.WriteLine($"bot environment: {string.Join(' ', botEnvironment)}");
        }

        var self = typeof(BenchRun).Assembly.Location;
        var baselinePort = ServerProcess.FreePort();
        using var baseline = ServerProcess.Start(self, ["baseline-server", "--port", baselinePort.ToString(CultureInfo.InvariantCulture)], new Dictionary<string, string>(), baselinePort);
        var protocolPort = ServerProcess.FreePort();
        using var protocol = ServerProcess.Start(self, ["protocol-server", "--port", protocolPort.ToString(CultureInfo.InvariantCulture)], new Dictionary<string, string>(), protocolPort);
        var botPort = ServerProcess.FreePort();
        var environment = new Dictionary<string, string>
        {
            ["Feedback__Path"] = Path.Combine(scratch.FullName, "feedback.db"),
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            // Authentication off (no App ID), as for the Emulator: the benchmark measures the turn, not token validation.
            ["MicrosoftAppId"] = "",
            ["MicrosoftAppPassword"] = "",
        };
        foreach (var setting in botEnvironment)
        {
            var (key, value) = setting.Split('=', 2) is [var k, var v] ? (k, v) : throw new ArgumentException($"--bot-env {setting}: expected KEY=VALUE");
            environment[key] = value;
        }
        using var bot = ServerProcess.Start(botDll.FullName, ["--urls", $"http://127.0.0.1:{botPort}"], environment, botPort);

        var baselineUrl = await WaitUntilAnsweringAsync(baseline, bodies[0], "baseline");
        var protocolUrl = await WaitUntilAnsweringAsync(protocol, bodies[0], "protocol library");
        var botUrl = await WaitUntilAnsweringAsync(bot, bodies[0], "FaqBot");
        var idle = bot.Memory();
        Console.WriteLine($"FaqBot idle after first answer: RSS {idle.Rss:0} MB");

        // Each server is warmed up once; then short measured slices alternate between the three, so a neighbour's
        // load on this shared machine, which comes and goes over tens of seconds, falls on all of them alike.
        var servers = new[] { (Url: baselineUrl, Process: baseline), (Url: protocolUrl, Process: protocol), (Url: botUrl, Process: bot) };
        var slices = servers.Select(_ => new List<LoadResult>()).ToArray();
        foreach (var server in servers)
        {
            await new LoadGenerator(server.Url, bodies, connections).RunAsync(warmup, TimeSpan.Zero, server.Process.CpuTime);
        }
        for (var round = 1; round <= rounds; round++)
        {
            for (var i = 0; i < servers.Length; i++)
            {
                slices[i].Add(await new LoadGenerator(servers[i].Url, bodies, connections).RunAsync(Rewarm, duration, servers[i].Process.CpuTime));
            }
        }
        var (baselineResults, protocolResults, botResults) = (slices[0], slices[1], slices[2]);
        var (rss, peak) = bot.Memory();

        var names = new[] { "minimal Kestrel", "protocol library, fixed-reply bot", "FaqBot /api/messages" };
        Console.WriteLine();
        Console.WriteLine("| endpoint | slice | requests | errors | req/s | p50 ms | p99 ms | max ms | server CPU µs/req |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|");
        for (var round = 0; round < rounds; round++)
        {
            for (var i = 0; i < servers.Length; i++)
            {
                Row(names[i], (round + 1).ToString(CultureInfo.InvariantCulture), slices[i][round]);
            }
        }
        var pooled = slices.Select(LoadResult.Pool).ToArray();
        for (var i = 0; i < servers.Length; i++)
        {
            Row(names[i], "all", pooled[i]);
        }

        var (baselineAll, botAll) = (pooled[0], pooled[2]);
        var rpsRatio = botAll.RequestsPerSecond / baselineAll.RequestsPerSecond;
        var p99Ratio = botAll.P99 / baselineAll.P99;
        var errors = botAll.Errors + baselineAll.Errors;
        var cpuRatio = botAll.CpuMicrosecondsPerRequest / baselineAll.CpuMicrosecondsPerRequest;
        var sliceRatios = botResults.Zip(baselineResults, (b, m) => b.RequestsPerSecond / m.RequestsPerSecond).Order().ToArray();
        Console.WriteLine();
        Console.WriteLine($"FaqBot req/s per slice = {sliceRatios[0]:P0} to {sliceRatios[^1]:P0} of the minimal endpoint's slice in the same round");
        Console.WriteLine($"FaqBot server CPU per answer = {cpuRatio:0.00}× the minimal endpoint's (not a target; steadier than req/s here)");
        var pass = Verdict($"FaqBot req/s = {rpsRatio:P0} of the minimal endpoint (target ≥ 50%)", rpsRatio >= 0.5)
            & Verdict($"FaqBot p99 = {p99Ratio:0.00}× the minimal endpoint's (target ≤ 2×)", p99Ratio <= 2)
            & Verdict($"errors: {errors} (target 0)", errors == 0)
            & Verdict($"FaqBot RSS after the run: {rss:0} MB, peak {peak:0} MB (target ≤ {MaxRssMb:0} MB)", rss <= MaxRssMb);
        return pass ? 0 : 1;
    }

    private List<string> ReadQuestions()
    {
        var answerable = File.ReadLines(questionFile.FullName)
            .Where(line => !string.IsNullOrWhiteSpace(line))
            .Select(line => JsonNode.Parse(line)!)
            .Where(q => (string?)q["kind"] is null or "answer")
            .Select(q => (string)q["question"]!)
            .ToList();
        return answerable.Count > 0 ? answerable : throw new InvalidOperationException($"no answerable questions in {questionFile}");
    }

    private static byte[] Body(int index, string question) => JsonSerializer.SerializeToUtf8Bytes(new JsonObject
    {
        ["type"] = "message",
        ["id"] = $"bench-{index}-1",
        ["channelId"] = "emulator",
        // Never called: with expectReplies the replies come back in the response body.
        ["serviceUrl"] = "http://127.0.0.1:9",
        ["deliveryMode"] = "expectReplies",
        ["locale"] = "en-US",
        ["conversation"] = new JsonObject { ["id"] = $"bench-conversation-{index}" },
        ["from"] = new JsonObject { ["id"] = $"bench-user-{index}", ["name"] = "Patient", ["role"] = "user" },
        ["recipient"] = new JsonObject { ["id"] = "faqbot", ["name"] = "FaqBot", ["role"] = "bot" },
        ["text"] = question,
    });

    private static async Task<Uri> WaitUntilAnsweringAsync(ServerProcess server, byte[] body, string name)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromMinutes(2) && !server.HasExited)
        {
            try
            {
                using var content = new ByteArrayContent(body);
                content.Headers.ContentType = new("application/json");
                using var response = await http.PostAsync(server.MessagesUrl, content);
                if (response.IsSuccessStatusCode)
                {
                    Console.WriteLine($"{name} answering after {clock.Elapsed.TotalSeconds:0.0} s");
                    return server.MessagesUrl;
                }
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(250);
        }
        throw new InvalidOperationException($"{name} did not answer at {server.MessagesUrl}");
    }

    private static void Row(string name, string slice, LoadResult r) =>
        Console.WriteLine($"| {name} | {slice} | {r.Requests} | {r.Errors} | {r.RequestsPerSecond:0} | {r.P50:0.0} | {r.P99:0.0} | {r.Max:0} | {r.CpuMicrosecondsPerRequest:0} |");

    private static bool Verdict(string text, bool ok)
    {
        Console.WriteLine($"{(ok ? "PASS" : "FAIL")}  {text}");
        return ok;
    }
}
