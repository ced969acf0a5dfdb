using System.Diagnostics;
using System.Text.Json;
using FaqBot.Knowledge;

// The fused (lexical + semantic) search: what a new question costs, embedding included, and what building the
// vectors of a large corpus costs.
internal static class SemanticBench
{
    public static async Task<int> RunAsync(BenchArguments arguments, string indexPath, string repoRoot)
    {
        var options = BenchKnowledge.Options(arguments, indexPath, repoRoot);

        if (arguments.Mode == "semantic-build")
        {
            File.Delete(KnowledgeBase.VectorsPath(options));
            var passages = 0;
            var clock = Stopwatch.StartNew();
            using var built = await KnowledgeBase.OpenAsync(options, embeddingProgress: new SyncProgress(done =>
            {
                if (passages == 0)
                {
                    passages = Directory.Exists(options.IndexPath) ? CountPassages(options) : 1;
                }

                if (done % 50 == 0)
                {
                    Bar(done, passages, clock.Elapsed);
                }
            }));
            Console.Error.WriteLine();
            var peak = Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024);
            var size = new FileInfo(KnowledgeBase.VectorsPath(options)).Length / (1024.0 * 1024);
            Console.WriteLine($"semantic-build {arguments.Knowledge}: {built.Searcher.PassageCount} passages, index and vectors in {clock.Elapsed.TotalSeconds:0} s "
                + $"({clock.Elapsed.TotalMilliseconds / Math.Max(1, built.Searcher.PassageCount):0.0} ms per passage), peak working set {peak} MB, vectors file {size:0.0} MB");
            return 0;
        }

        using var knowledgeBase = await KnowledgeBase.OpenAsync(options);
        var search = knowledgeBase.Search;
        var questions = File.ReadLines(arguments.Questions)
            .Where(l => !string.IsNullOrWhiteSpace(l))
            .Select(l => JsonDocument.Parse(l).RootElement.GetProperty("question").GetString()!)
            .ToList();

        // Every search is of a question the embedder has not seen (a round number makes each text new), so each pays
        // for its embedding; a repeated question costs a cache lookup instead.
        for (var warm = 0; warm < 2; warm++)
        {
            foreach (var question in questions)
            {
                search.Search($"{question} (warm {warm})");
            }
        }

        var samples = new List<double>();
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var clock2 = new Stopwatch();
        for (var round = 0; round < arguments.Rounds; round++)
        {
            foreach (var question in questions)
            {
                var text = $"{question} (round {round})";
                clock2.Restart();
                search.Search(text);
                samples.Add(clock2.Elapsed.TotalMilliseconds);
            }
        }

        var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds / samples.Count;
        var repeated = new List<double>();
        foreach (var question in questions)
        {
            clock2.Restart();
            search.Search($"{question} (round 0)");
            repeated.Add(clock2.Elapsed.TotalMilliseconds);
        }

        samples.Sort();
        repeated.Sort();
        var rss = Process.GetCurrentProcess().WorkingSet64 / (1024 * 1024);
        Console.WriteLine($"semantic {arguments.Knowledge}: {questions.Count} questions x {arguments.Rounds} rounds, each new to the embedder, single caller");
        Console.WriteLine($"  p50 {Percentile(samples, 0.50):0.00} ms, p90 {Percentile(samples, 0.90):0.00} ms, p99 {Percentile(samples, 0.99):0.00} ms, max {samples[^1]:0.00} ms, CPU {cpu:0.00} ms per search");
        Console.WriteLine($"  a repeated question (embedding remembered): p50 {Percentile(repeated, 0.50):0.000} ms, p99 {Percentile(repeated, 0.99):0.000} ms");
        Console.WriteLine($"  working set with the model loaded: {rss} MB");
        return 0;
    }

    private static int CountPassages(KnowledgeOptions options)
    {
        using var searcher = FaqBot.Knowledge.Search.PassageSearcher.Open(options.IndexPath);
        return searcher.PassageCount;
    }

    private static void Bar(int done, int total, TimeSpan elapsed)
    {
        var share = total == 0 ? 0 : Math.Min(1.0, done / (double)total);
        var width = 40;
        var eta = share > 0 ? TimeSpan.FromSeconds(elapsed.TotalSeconds / share - elapsed.TotalSeconds) : TimeSpan.Zero;
        Console.Error.Write($"\r  embedding [{new string('#', (int)(share * width)).PadRight(width)}] {done}/{total} passages, {elapsed:mm\\:ss} elapsed, about {eta:mm\\:ss} left ");
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    // Progress<T> posts to the thread pool; a bar drawn from there would arrive out of order.
    private sealed class SyncProgress(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }
}
