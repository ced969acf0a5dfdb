using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;

namespace FaqBot.MessagesBench;

/// <summary>Keeps N requests in flight over N connections for a fixed time and records every latency.</summary>
internal sealed class LoadGenerator(Uri url, IReadOnlyList<byte[]> bodies, int connections)
{
    /// <param name="serverCpu">The server's CPU time so far: read around the measured phase for CPU per request.</param>
    public async Task<LoadResult> RunAsync(TimeSpan warmup, TimeSpan duration, Func<TimeSpan> serverCpu)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = connections, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
        using var http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(30) };

        await RunPhaseAsync(http, warmup, record: false);
        var cpuBefore = serverCpu();
        var result = await RunPhaseAsync(http, duration, record: true);
        var cpu = serverCpu() - cpuBefore;
        return result with { ServerCpu = cpu };
    }

    private async Task<LoadResult> RunPhaseAsync(HttpClient http, TimeSpan length, bool record)
    {
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, connections).Select(worker => Task.Run(async () =>
        {
            var latencies = new List<double>(capacity: 4096);
            var errors = 0;
            // Each connection walks through the questions from its own starting point, so all of them are asked.
            var next = worker;
            while (clock.Elapsed < length)
            {
                var body = bodies[next % bodies.Count];
                next += connections;
                var started = Stopwatch.GetTimestamp();
                if (!await SendAsync(http, body))
                {
                    errors++;
                }
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
            return (latencies, errors);
        })).ToArray();

        var results = await Task.WhenAll(workers);
        var elapsed = clock.Elapsed;
        var all = results.SelectMany(r => r.latencies).Order().ToArray();
        return record ? new LoadResult(all, results.Sum(r => r.errors), elapsed, TimeSpan.Zero) : LoadResult.Empty;
    }

    private async Task<bool> SendAsync(HttpClient http, byte[] body)
    {
        try
        {
            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using var response = await http.PostAsync(url, content);
            var text = await response.Content.ReadAsStringAsync();
            // A success must carry at least one reply activity, or the bot did not really answer.
            return response.StatusCode == HttpStatusCode.OK && text.Contains("\"type\":\"message\"", StringComparison.Ordinal);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }
}

/// <summary>Every latency (ms, sorted) of one or more measured slices against one server.</summary>
internal sealed record LoadResult(double[] Latencies, int Errors, TimeSpan Elapsed, TimeSpan ServerCpu)
{
    public static LoadResult Empty { get; } = new([], 0, TimeSpan.Zero, TimeSpan.Zero);

    public int Requests => Latencies.Length;
    public double RequestsPerSecond => Requests / Elapsed.TotalSeconds;
    public double P50 => Percentile(0.50);
    public double P99 => Percentile(0.99);
    public double Max => Latencies.LastOrDefault();

    // Steadier than req/s on a shared machine: a neighbour's load slows the clock, not the work per request.
    public double CpuMicrosecondsPerRequest => Requests == 0 ? 0 : ServerCpu.TotalMicroseconds / Requests;

    /// <summary>All slices as one: requests over the time measured, percentiles over every request.</summary>
    public static LoadResult Pool(IReadOnlyList<LoadResult> slices) => new(
        [.. slices.SelectMany(s => s.Latencies).Order()],
        slices.Sum(s => s.Errors),
        TimeSpan.FromTicks(slices.Sum(s => s.Elapsed.Ticks)),
        TimeSpan.FromTicks(slices.Sum(s => s.ServerCpu.Ticks)));

    private double Percentile(double p) =>
        Latencies.Length == 0 ? 0 : Latencies[Math.Min(Latencies.Length - 1, (int)Math.Ceiling(p * Latencies.Length) - 1)];
}
