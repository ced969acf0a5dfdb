using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using FaqBot.TestSupport;

namespace FaqBot.MessagesBench;

/// <summary>
/// Two bot processes on one private Redis; each simulated patient gets a token and starts on one instance, holds a
/// WebSocket there, and asks its questions alternately through both instances. Every reply must reach the socket
/// exactly once and in watermark order; the delivery time (POST sent to reply on the socket) is reported.
/// </summary>
internal sealed class DirectLineScaleRun(FileInfo botDll, int conversations, int questionsEach, FileInfo questionFile, string redisOptions)
{
    private static readonly TimeSpan ReplyTimeout = TimeSpan.FromSeconds(60);

    // What went wrong, by kind ("POST 503", "no reply"), printed after the run.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> failures = new();

    public async Task<int> RunAsync()
    {
        var questions = File.ReadLines(questionFile.FullName).Select(l => JsonNode.Parse(l)!)
            .Where(q => (string?)q["kind"] == "answer").Select(q => (string)q["question"]!).ToList();
        var scratch = Directory.CreateTempSubdirectory("faqbot-directline-bench-");
        await using var redis = await RedisServer.StartAsync();
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var bots = new List<ServerProcess>();
        try
        {
            for (var i = 0; i < 2; i++)
            {
                var port = ServerProcess.FreePort();
                bots.Add(ServerProcess.Start(botDll.FullName, ["--urls", $"http://127.0.0.1:{port}"], new Dictionary<string, string>
                {
                    ["ConnectionStrings__Redis"] = redis.ConnectionString + (redisOptions.Length > 0 ? "," + redisOptions : ""),
                    ["DirectLine__TokenSigningKey"] = key,
                    ["Knowledge__IndexPath"] = Path.Combine(scratch.FullName, $"index-{i}"),
                    ["Feedback__Path"] = Path.Combine(scratch.FullName, $"feedback-{i}.db"),
                    ["ASPNETCORE_ENVIRONMENT"] = "Production",
                    ["MicrosoftAppId"] = "",
                    ["MicrosoftAppPassword"] = "",
                    // Warnings (a 503's cause, a lost Redis connection) to stderr, which the benchmark prints.
                    ["Logging__Console__LogToStandardErrorThreshold"] = "Warning",
                    // Every simulated patient comes from 127.0.0.1: the per-address limits would refuse them.
                    ["DirectLine__TokenRequestsPerMinutePerAddress"] = "100000",
                    ["DirectLine__RequestsPerMinutePerAddress"] = "1000000",
                }, port));
            }

            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
            foreach (var bot in bots)
            {
                await WaitReadyAsync(http, bot);
            }

            Console.WriteLine($"{conversations} Direct Line conversations × {questionsEach} questions over WebSockets, two instances on one Redis{(redisOptions.Length > 0 ? $" ({redisOptions})" : "")}");
            var clock = Stopwatch.StartNew();
            var results = await Task.WhenAll(Enumerable.Range(0, conversations).Select(i =>
                PatientAsync(http, bots[i % 2], bots[(i + 1) % 2], questions.Skip(i * questionsEach % questions.Count).Concat(questions).Take(questionsEach).ToList())));
            clock.Stop();

            var latencies = results.SelectMany(r => r.Latencies).Order().ToArray();
            var errors = results.Sum(r => r.Errors);
            var duplicates = results.Sum(r => r.Duplicates);
            var outOfOrder = results.Sum(r => r.OutOfOrder);
            double Percentile(double p) => latencies.Length == 0 ? double.NaN : latencies[Math.Min(latencies.Length - 1, (int)Math.Ceiling(p * latencies.Length) - 1)];
            Console.WriteLine($"replies delivered: {latencies.Length} of {conversations * questionsEach} in {clock.Elapsed.TotalSeconds:0.0} s ({latencies.Length / clock.Elapsed.TotalSeconds:0.0} replies/s)");
            Console.WriteLine($"delivery ms (POST sent to reply on the socket): p50 {Percentile(0.50):0} · p90 {Percentile(0.90):0} · p99 {Percentile(0.99):0} · max {(latencies.Length > 0 ? latencies[^1] : double.NaN):0}");
            foreach (var (kind, count) in failures)
            {
                Console.WriteLine($"  {count} × {kind}");
            }

            Console.WriteLine($"errors {errors} · activities delivered twice {duplicates} · out of order or missing {outOfOrder}");
            foreach (var (bot, i) in bots.Select((b, i) => (b, i)))
            {
                var (rss, peak) = bot.Memory();
                Console.WriteLine($"instance {(char)('A' + i)}: RSS {rss:0} MB (peak {peak:0} MB)");
            }

            return errors == 0 && duplicates == 0 && outOfOrder == 0 && latencies.Length == conversations * questionsEach ? 0 : 1;
        }
        finally
        {
            foreach (var bot in bots)
            {
                bot.Dispose();
            }

            scratch.Delete(recursive: true);
        }
    }

    private sealed record PatientResult(List<double> Latencies, int Errors, int Duplicates, int OutOfOrder);

    private async Task<PatientResult> PatientAsync(HttpClient http, ServerProcess home, ServerProcess other, List<string> questions)
    {
        var latencies = new List<double>();
        var errors = 0;
        try
        {
            using var tokenResponse = await http.PostAsync($"http://127.0.0.1:{home.Port}/api/directline/token", null);
            tokenResponse.EnsureSuccessStatusCode();
            var token = (string)(await tokenResponse.Content.ReadFromJsonAsync<JsonObject>())!["token"]!;
            using var start = await SendAsync(http, home, token, HttpMethod.Post, "/v3/directline/conversations", new { locale = "en-US" });
            start.EnsureSuccessStatusCode();
            var started = (await start.Content.ReadFromJsonAsync<JsonObject>())!;
            var conversation = (string)started["conversationId"]!;
            var feed = new SocketFeed();
            await feed.ConnectAsync((string)started["streamUrl"]!);
            try
            {
                for (var q = 0; q < questions.Count; q++)
                {
                    var target = q % 2 == 0 ? home : other;
                    var sent = Stopwatch.GetTimestamp();
                    using var post = await SendAsync(http, target, token, HttpMethod.Post, $"/v3/directline/conversations/{conversation}/activities",
                        new { type = "message", text = questions[q], from = new { id = "patient" }, locale = "en-US" });
                    if (!post.IsSuccessStatusCode)
                    {
                        failures.AddOrUpdate($"POST {(int)post.StatusCode} {(await post.Content.ReadAsStringAsync())[..Math.Min(120, (int)(post.Content.Headers.ContentLength ?? 0))]}", 1, (_, n) => n + 1);
                        errors++;
                        continue;
                    }

                    var id = (string)(await post.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
                    if (await feed.WaitForReplyAsync(id, ReplyTimeout))
                    {
                        latencies.Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
                    }
                    else
                    {
                        failures.AddOrUpdate("no reply on the socket within 60 s", 1, (_, n) => n + 1);
                        errors++;
                    }
                }
            }
            finally
            {
                await feed.DisposeAsync();
            }

            var (duplicates, outOfOrder) = feed.Check();
            return new PatientResult(latencies, errors, duplicates, outOfOrder);
        }
        catch (Exception e) when (e is HttpRequestException or WebSocketException or TaskCanceledException)
        {
            failures.AddOrUpdate($"patient failed: {e.GetType().Name}: {e.Message}", 1, (_, n) => n + 1);
            return new PatientResult(latencies, errors + 1, 0, 0);
        }
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient http, ServerProcess bot, string token, HttpMethod method, string path, object body)
    {
        using var request = new HttpRequestMessage(method, $"http://127.0.0.1:{bot.Port}{path}") { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await http.SendAsync(request);
    }

    private static async Task WaitReadyAsync(HttpClient http, ServerProcess bot)
    {
        var deadline = DateTime.UtcNow.AddMinutes(5);
        while (true)
        {
            try
            {
                using var ready = await http.GetAsync($"http://127.0.0.1:{bot.Port}/readyz");
                var body = await ready.Content.ReadAsStringAsync();
                if (ready.IsSuccessStatusCode && body.Contains("\"redis\":{\"status\":\"Healthy\"", StringComparison.Ordinal))
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            if (bot.HasExited || DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"the bot on port {bot.Port} did not become ready");
            }

            await Task.Delay(500);
        }
    }

    // One patient's WebSocket: every activity it receives, in arrival order.
    private sealed class SocketFeed : IAsyncDisposable
    {
        private readonly ClientWebSocket socket = new();
        private readonly List<JsonObject> received = [];
        private readonly CancellationTokenSource stop = new();
        private Task reading = Task.CompletedTask;

        public async Task ConnectAsync(string url)
        {
            await socket.ConnectAsync(new Uri(url), CancellationToken.None);
            reading = ReadAsync();
        }

        public async Task<bool> WaitForReplyAsync(string activityId, TimeSpan timeout)
        {
            var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
            while (Stopwatch.GetTimestamp() < deadline && !reading.IsCompleted)
            {
                lock (received)
                {
                    if (received.Any(a => (string?)a["replyToId"] == activityId && (string?)a["type"] == "message" && (string?)a["from"]?["role"] == "bot"))
                    {
                        return true;
                    }
                }

                await Task.Delay(5);
            }

            return false;
        }

        /// <summary>Activities received twice, and places where the watermark did not go up by exactly one.</summary>
        public (int Duplicates, int OutOfOrder) Check()
        {
            var sequence = received.Select(a => long.Parse(((string)a["id"]!).Split('|')[1], CultureInfo.InvariantCulture)).ToList();
            var duplicates = sequence.Count - sequence.Distinct().Count();
            var outOfOrder = sequence.Zip(sequence.Skip(1)).Count(p => p.Second != p.First + 1) + (sequence.FirstOrDefault() == 1 ? 0 : 1);
            return (duplicates, outOfOrder);
        }

        private async Task ReadAsync()
        {
            try
            {
                await foreach (var set in DirectLineFrames.ReadAsync(socket, stop.Token))
                {
                    lock (received)
                    {
                        received.AddRange(set["activities"]!.AsArray().Select(a => a!.DeepClone().AsObject()).Where(a => (string?)a["type"] != "typing"));
                    }
                }
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException)
            {
                // Closed at the end of the run.
            }
        }

        public async ValueTask DisposeAsync()
        {
            await stop.CancelAsync();
            await reading;
            socket.Dispose();
            stop.Dispose();
        }
    }
}
