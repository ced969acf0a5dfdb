using System.Diagnostics;
using System.Reflection;
using System.Text.Json;
using FaqBot.Knowledge;
using FaqBot.Knowledge.Chunking;
using FaqBot.Knowledge.Index;
using FaqBot.Knowledge.Ingestion;
using FaqBot.Knowledge.Search;

// Benchmarks for the knowledge engine (docs/performance.md). Run in Release:
//   dotnet run -c Release --project tests/FaqBot.Bench -- build  --knowledge ../shared/data/medquad/corpus
//   dotnet run -c Release --project tests/FaqBot.Bench -- search --knowledge ../shared/data/medquad/corpus --questions ../shared/data/medquad/questions-skin-dev.jsonl
//   dotnet run -c Release --project tests/FaqBot.Bench -- semantic   (fused search on the bundled knowledge, every question new)
//   dotnet run -c Release --project tests/FaqBot.Bench -- semantic-build --knowledge ../shared/data/medquad/corpus
//   dotnet run -c Release --project tests/FaqBot.Bench -- adversarial [--rounds N]   (cost per message: expensive messages vs ordinary questions)
//   add --vs-java to build and search: Java Lucene 8 (Debian's liblucene8-java) indexes and searches the same passages
//   and questions with plain BM25 and EnglishAnalyzer in the same run, and the ratios are printed.
// With no --knowledge the bundled knowledge/ and tests/data/dev-questions.jsonl are used.
var repoRoot = typeof(BenchArguments).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
    .FirstOrDefault(a => a.Key == "RepoRoot")?.Value ?? Directory.GetCurrentDirectory();
var arguments = BenchArguments.Parse(args, repoRoot);
if (arguments is null)
{
    Console.Error.WriteLine("usage: FaqBot.Bench build|search|semantic|semantic-build|adversarial [--knowledge DIR] [--questions FILE] [--rounds N] [--slowest N] [--vs-java]");
    return 2;
}

var indexPath = Path.Combine(Path.GetTempPath(), $"faqbot-bench-{Slug(arguments.Knowledge)}");
if (arguments.Mode == "adversarial")
{
    return await AdversarialBench.RunAsync(arguments, indexPath, repoRoot);
}

if (arguments.Mode is "semantic" or "semantic-build")
{
    return await SemanticBench.RunAsync(arguments, indexPath, repoRoot);
}

if (arguments.Mode == "build")
{
    if (Directory.Exists(indexPath))
    {
        Directory.Delete(indexPath, recursive: true);
    }

    // Each phase on its own clock, in a fresh process (the JIT cold, as on a server's first start); Java Lucene's
    // side runs after ours, so nothing of ours has been warmed up by preparing its input.
    var phase = Stopwatch.StartNew();
    var folder = KnowledgeFolder.Read(arguments.Knowledge);
    var readSeconds = phase.Elapsed.TotalSeconds;
    phase.Restart();
    var chunked = new ChunkedArticle[folder.Articles.Count];
    Parallel.For(0, chunked.Length, i => chunked[i] = PassageChunker.Chunk(folder.Articles[i]));
    var chunkSeconds = phase.Elapsed.TotalSeconds;
    var summary = PassageIndex.Build(indexPath, chunked, folder.ContentHash, []);
    var indexSeconds = summary.Elapsed.TotalSeconds;
    var totalSeconds = readSeconds + chunkSeconds + indexSeconds;
    var peak = Process.GetCurrentProcess().PeakWorkingSet64;
    var size = Directory.EnumerateFiles(indexPath, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
    Console.WriteLine($"build {arguments.Knowledge}: {summary.Articles} articles, {summary.Passages} passages, {summary.Words} words");
    Console.WriteLine($"  time {totalSeconds:0.00} s: read {readSeconds:0.00} s, chunk {chunkSeconds:0.00} s, index {indexSeconds:0.00} s; peak working set {peak / (1024 * 1024)} MB, index {size / (1024 * 1024.0):0.0} MB");
    if (arguments.VsJava && JavaLucene.Prepare(repoRoot, arguments).Run() is { } javaFigures)
    {
        // Java's figure is indexing alone (its passages come ready-chunked), so the like-for-like ratio is the index
        // phase; the whole build, reading and chunking included, is the stricter one.
        Console.WriteLine($"  FaqBot / Java Lucene build time: index phase {indexSeconds / javaFigures.BuildSeconds:0.00}, whole build {totalSeconds / javaFigures.BuildSeconds:0.00}");
    }

    return 0;
}

var java = arguments.VsJava ? JavaLucene.Prepare(repoRoot, arguments) : null;

// The lexical engine alone (Lucene.Net), as compared with Java Lucene; the semantic modes measure the fused search.
var options = new KnowledgeOptions { Path = arguments.Knowledge, IndexPath = indexPath, SynonymsFile = Path.Combine(repoRoot, "knowledge", "synonyms.txt"), Semantic = false };
using var knowledgeBase = await KnowledgeBase.OpenAsync(options);
var questions = File.ReadLines(arguments.Questions)
    .Where(l => !string.IsNullOrWhiteSpace(l))
    .Select(l => JsonDocument.Parse(l).RootElement.GetProperty("question").GetString()!)
    .ToList();
var searcher = knowledgeBase.Searcher;

// Warm: SQLite's page cache, the per-passage term cache, and the JIT. Tiered compilation swaps in optimised code
// only after a method has run a while and the process has been quiet for a moment, so one pass is not enough.
var warmClock = Stopwatch.StartNew();
while (warmClock.Elapsed < TimeSpan.FromSeconds(3))
{
    foreach (var question in questions)
    {
        searcher.Search(question);
    }
}

var samples = new List<double>(questions.Count * arguments.Rounds);
var best = Enumerable.Repeat(double.MaxValue, questions.Count).ToArray();
var clock = new Stopwatch();
var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
var gen0Before = GC.CollectionCount(0);
var gen2Before = GC.CollectionCount(2);
for (var round = 0; round < arguments.Rounds; round++)
{
    for (var q = 0; q < questions.Count; q++)
    {
        clock.Restart();
        searcher.Search(questions[q]);
        samples.Add(clock.Elapsed.TotalMicroseconds);
        best[q] = Math.Min(best[q], clock.Elapsed.TotalMicroseconds);
    }
}

if (Environment.GetEnvironmentVariable("BENCH_ANALYZE") == "1")
{
    var analyse = new List<double>();
    var analyseAllocated = GC.GetAllocatedBytesForCurrentThread();
    foreach (var question in questions)
    {
        clock.Restart();
        searcher.Analyze(question);
        analyse.Add(clock.Elapsed.TotalMicroseconds);
    }

    Console.WriteLine($"  analyse only: allocated {(GC.GetAllocatedBytesForCurrentThread() - analyseAllocated) / 1024.0 / questions.Count:0.0} KB per question");

    analyse.Sort();
    Console.WriteLine($"  analyse only: p50 {Percentile(analyse, 0.50):0} µs, p99 {Percentile(analyse, 0.99):0} µs");
}

// --slowest N: the questions that took longest in their best round, with each term's document frequencies (what
// FTS5 has to score), for tuning the candidate query.
foreach (var q in Enumerable.Range(0, questions.Count).OrderByDescending(q => best[q]).Take(arguments.Slowest))
{
    var plan = searcher.Analyze(questions[q]);
    Console.WriteLine($"  {best[q],6:0} µs  {questions[q]}");
    Console.WriteLine("            " + string.Join(" | ", plan.Terms.Select(t => $"{t.Label}: df {string.Join(",", t.Stems.Select(searcher.Vocabulary.DocumentFrequency))}")));
}
var allocatedPerSearch = (GC.GetAllocatedBytesForCurrentThread() - allocatedBefore) / (double)(questions.Count * arguments.Rounds);
var (gen0s, gen2s) = (GC.CollectionCount(0) - gen0Before, GC.CollectionCount(2) - gen2Before);
var cpuPerSearch = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMicroseconds / samples.Count;
samples.Sort();
Array.Sort(best);
Console.WriteLine($"search {arguments.Knowledge}: {questions.Count} questions x {arguments.Rounds} rounds, single thread, warm");
Console.WriteLine($"  p50 {Percentile(samples, 0.50):0} µs, p90 {Percentile(samples, 0.90):0} µs, p99 {Percentile(samples, 0.99):0} µs, max {samples[^1]:0} µs, mean {samples.Average():0} µs, CPU {cpuPerSearch:0} µs per search");
Console.WriteLine($"  allocated {allocatedPerSearch / 1024:0.0} KB per search; {gen0s} gen0 and {gen2s} gen2 collections during the timed rounds");

// On a shared machine other processes' time slices land in the raw samples; each question's fastest round
// is its latency when it ran uninterrupted.
Console.WriteLine($"  best of {arguments.Rounds} rounds per question: p50 {Percentile([.. best], 0.50):0} µs, p99 {Percentile([.. best], 0.99):0} µs, max {best[^1]:0} µs");
if (java?.Run() is { } figures)
{
    Console.WriteLine($"  FaqBot / Java Lucene: p50 {Percentile(samples, 0.50) / figures.P50:0.00}, p99 {Percentile(samples, 0.99) / figures.P99:0.00}; best round p50 {Percentile([.. best], 0.50) / figures.BestP50:0.00}, p99 {Percentile([.. best], 0.99) / figures.BestP99:0.00}");
}

return 0;

static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

static string Slug(string path) => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(Path.GetFullPath(path))))[..12];
