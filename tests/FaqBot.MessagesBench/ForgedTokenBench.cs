using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using FaqBot.TestSupport;

namespace FaqBot.MessagesBench;

/// <summary>
/// What a forged token costs the bot (issue 17, "auth that never waits in line"): the bot runs with an App ID against a
/// loopback login server, and each kind of bad token is sent for a few seconds over several connections. Per kind: the
/// answers (all must be 401), the server CPU per request, latency p50/p99, and the Warning or Error lines the bot logged.
/// The Emulator metadata endpoint accepts connections and never answers, so a token with a plausible Emulator issuer
/// meets keys that cannot be loaded.
/// </summary>
internal sealed class ForgedTokenBench(FileInfo botDll, int connections, TimeSpan duration)
{
    private const string ServiceUrl = "https://smba.trafficmanager.net/emea/";

    public async Task<int> RunAsync()
    {
        var scratch = Directory.CreateTempSubdirectory("faqbot-forged-bench-");
        await using var login = await FakeLoginServer.StartAsync();
        using var hanging = new TcpListener(IPAddress.Loopback, 0);
        hanging.Start();
        var held = new List<Socket>();
        _ = Task.Run(async () =>
        {
            try
            {
                while (true)
                {
                    var socket = await hanging.AcceptSocketAsync();
                    lock (held) { held.Add(socket); }
                }
            }
            catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
            {
                // Stopped.
            }
        });

        var warnings = 0;
        var port = ServerProcess.FreePort();
        var environment = new Dictionary<string, string>
        {
            ["Feedback__Path"] = Path.Combine(scratch.FullName, "feedback.db"),
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["MicrosoftAppType"] = "MultiTenant",
            ["MicrosoftAppId"] = TestTokens.AppId,
            ["MicrosoftAppPassword"] = "never-used-every-token-is-refused",
            ["BotFramework__ToBotFromChannelOpenIdMetadataUrl"] = login.ChannelMetadataUrl,
            // Short, so the later slice meets retries of the hanging endpoint, not the remembered failure only.
            ["BotFramework__MetadataRetryDelay"] = "00:00:02",
            ["BotFramework__ToBotFromEmulatorOpenIdMetadataUrl"] = $"http://127.0.0.1:{((IPEndPoint)hanging.LocalEndpoint).Port}/v2.0/.well-known/openid-configuration",
        };
        using var bot = ServerProcess.Start(botDll.FullName, ["--urls", $"http://127.0.0.1:{port}"], environment, port, line =>
        {
            // The console logger's first line of an entry: "warn: Category[id]" or "fail: ...".
            if (line.StartsWith("warn:", StringComparison.Ordinal) || line.StartsWith("fail:", StringComparison.Ordinal) || line.StartsWith("crit:", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref warnings);
            }
        });

        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = connections, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
        using var http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(60) };
        var url = new Uri($"http://127.0.0.1:{port}/api/messages");
        await WaitUntilUpAsync(http, bot, port);

        var now = DateTime.UtcNow;
        var kinds = new (string Name, string Header)[]
        {
            // First, while the bot's first fetch of the hanging endpoint (started at start-up) is still waiting.
            ("Emulator issuer, metadata endpoint hanging (first load)", Bearer(TestTokens.Emulator(login.EmulatorKey.Credentials()))),
            ("garbage (not a JWT)", "Bearer not-a-token"),
            ("wrong signature (known kid, other key)", Bearer(TestTokens.Channel(TestKey.Rogue(login.ChannelKey.KeyId).Credentials(), ServiceUrl))),
            ("unknown kid", Bearer(TestTokens.Channel(TestKey.Rogue("forged-kid").Credentials(), ServiceUrl))),
            ("expired (real key)", Bearer(TestTokens.Channel(login.ChannelKey.Credentials(), ServiceUrl, notBefore: now.AddHours(-2), expires: now.AddHours(-1)))),
            // Again, once the first fetch failed and the retry delay is short: retries of the hanging endpoint.
            ("Emulator issuer, metadata endpoint hanging (retries)", Bearer(TestTokens.Emulator(login.EmulatorKey.Credentials()))),
        };
        var body = Encoding.UTF8.GetBytes(
            $$"""{"type":"message","id":"a1","channelId":"msteams","serviceUrl":"{{ServiceUrl}}","from":{"id":"u1"},"recipient":{"id":"b1"},"conversation":{"id":"c1"},"text":"does microneedling hurt?"}""");

        Console.WriteLine($"{connections} connections, {duration.TotalSeconds:0} s per kind (after 1 s of warm-up); the bot's rejection summary interval is its default (1 min)");
        Console.WriteLine("| token | requests | not 401 | server CPU per request | p50 | p99 | max | Warning/Error lines |");
        Console.WriteLine("| --- | --- | --- | --- | --- | --- | --- | --- |");
        var failed = false;
        foreach (var (name, header) in kinds)
        {
            _ = await SendForAsync(http, url, header, body, TimeSpan.FromSeconds(1));
            var warningsBefore = Volatile.Read(ref warnings);
            var cpuBefore = bot.CpuTime();
            var result = await SendForAsync(http, url, header, body, duration);
            var cpu = bot.CpuTime() - cpuBefore;
            await Task.Delay(200); // the last log lines reach the pipe
            var logged = Volatile.Read(ref warnings) - warningsBefore;
            var latencies = result.Latencies;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {latencies.Length} | {result.Wrong} | {cpu.TotalMicroseconds / Math.Max(1, latencies.Length):0} µs | {Percentile(latencies, 0.5):0.00} ms | {Percentile(latencies, 0.99):0.00} ms | {latencies.LastOrDefault():0.00} ms | {logged} |"));
            failed |= result.Wrong > 0;
        }

        lock (held)
        {
            held.ForEach(s => s.Dispose());
        }
        bot.Dispose();
        scratch.Delete(recursive: true);
        return failed ? 1 : 0;
    }

    private static string Bearer(string token) => "Bearer " + token;

    private async Task<(double[] Latencies, int Wrong)> SendForAsync(HttpClient http, Uri url, string header, byte[] body, TimeSpan length)
    {
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, connections).Select(worker => Task.Run(async () =>
        {
            var latencies = new List<double>();
            var wrong = 0;
            while (clock.Elapsed < length)
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                request.Headers.TryAddWithoutValidation("Authorization", header);
                var started = Stopwatch.GetTimestamp();
                using var response = await http.SendAsync(request);
                _ = await response.Content.ReadAsByteArrayAsync();
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                wrong += response.StatusCode == HttpStatusCode.Unauthorized ? 0 : 1;
            }
            return (latencies, wrong);
        })).ToArray();
        var results = await Task.WhenAll(workers);
        return ([.. results.SelectMany(r => r.latencies).Order()], results.Sum(r => r.wrong));
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    private static async Task WaitUntilUpAsync(HttpClient http, ServerProcess bot, int port)
    {
        for (var i = 0; i < 600; i++)
        {
            if (bot.HasExited)
            {
                throw new InvalidOperationException("the bot exited at start");
            }
            try
            {
                using var response = await http.GetAsync($"http://127.0.0.1:{port}/readyz");
                if (response.IsSuccessStatusCode)
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
        throw new TimeoutException("the bot did not become ready");
    }
}
