using System.Diagnostics;
using System.Globalization;
using System.Text;
using FaqBot.Knowledge;
using FaqBot.Knowledge.Answering;
using FaqBot.Knowledge.Triage;

// The cost budget per message (docs/performance.md): the bot's whole decision (urgent triage by rule and by meaning,
// personal-advice check, search, ranking, best sentence) on messages built to be expensive, against ordinary questions.
// CPU is the thread's own processor time, so other processes on the machine do not inflate it. No decision cache: every
// message is decided afresh, as a stranger sending new junk each time would make it.
internal static class AdversarialBench
{
    // The largest text a message can carry: /api/messages takes 256 KB bodies; Direct Line 16 KB.
    private const int MaxBody = 256 * 1024;

    public static async Task<int> RunAsync(BenchArguments arguments, string indexPath, string repoRoot)
    {
        var options = BenchKnowledge.Options(arguments, indexPath, repoRoot);
        using var knowledgeBase = await KnowledgeBase.OpenAsync(options);
        var rules = UrgentRuleSetLoader.Load(Path.Combine(repoRoot, "knowledge", "urgent-rules.yaml"));
        var semantic = knowledgeBase.Embedder is { } embedder
            ? new SemanticTriage(embedder, rules, UrgentExamples.Load(Path.Combine(repoRoot, "knowledge", "urgent-examples.yaml"), rules),
                answeredQuestions: knowledgeBase.Hybrid?.Vectors.QuestionVectors)
            : null;
        var decider = new AnswerDecider(knowledgeBase.Search, rules, cacheCapacity: 0, semantic);

        string[] ordinary = ["does microneedling hurt?", "how long is the recovery after microneedling?", "can I wear makeup after microneedling?",
            "what are the side effects of microneedling?", "is microneedling safe for dark skin?"];
        var cases = Adversarial().ToList();

        // Warm the JIT and caches with a different round suffix, so the measured runs embed afresh.
        for (var warm = 0; warm < 3; warm++)
        {
            foreach (var text in ordinary)
            {
                decider.Decide($"{text} ({warm})");
            }
            foreach (var (_, text) in cases)
            {
                decider.Decide(text + $" {warm}");
            }
        }

        var rounds = Math.Max(5, arguments.Rounds);
        var baseline = ordinary.Average(text => CpuMs(rounds, r => $"{text} (round {r})", decider));
        Console.WriteLine($"adversarial {arguments.Knowledge}: semantic {(semantic is null ? "off" : "on")}, process CPU per message, mean of {rounds} runs each");
        Console.WriteLine($"  {"ordinary question (baseline)",-44} {baseline,8:0.00} ms");
        var worst = 0.0;
        foreach (var (name, text) in cases)
        {
            var ms = CpuMs(rounds, r => text + $" {r}", decider);
            worst = Math.Max(worst, ms);
            // Where the time goes: the urgent rules, the semantic net and search on their own, each on what the decision
            // gives it (the message cut to MessageBudget.MaxChars).
            var ruleMs = Cpu(rounds, r => rules.Match(MessageBudget.Bounded(text + $" {r}")));
            var meaningMs = semantic is null ? 0 : Cpu(rounds, r => semantic.Match(MessageBudget.Bounded(text + $" {r}")));
            var searchMs = Cpu(rounds, r => knowledgeBase.Search.Search(MessageBudget.Bounded(text + $" {r}"), 10));
            Console.WriteLine($"  {name,-44} {ms,8:0.00} ms  {ms / baseline,5:0.0}x  ({text.Length} chars; rules {ruleMs:0.0}, meaning {meaningMs:0.0}, search {searchMs:0.0} ms)");
        }
        Console.WriteLine($"  slowest {worst:0.00} ms = {worst / baseline:0.0}x an ordinary question (target: at most 5x and 50 ms)");
        return worst <= 50 && worst <= 5 * baseline ? 0 : 1;
    }

    private static IEnumerable<(string Name, string Text)> Adversarial()
    {
        yield return ("16 KB run of one letter", new string('x', 16 * 1024));
        yield return ("max body: one letter", new string('x', MaxBody / 2));
        yield return ("16 KB of punctuation", Repeat("?!.,;:-()[]{}'\"/\\@#%&*", 16 * 1024));
        yield return ("max body: punctuation", Repeat("?!.,;:-()[]{}'\"/\\@#%&*", MaxBody / 2));
        yield return ("thousands of one-letter words (16 KB)", Repeat("a b c d e f g h i j k l m n o p q r s t u v w x y z ", 16 * 1024));
        yield return ("max body: one-letter words", Repeat("a b c d e f g h i j k l m n o p q r s t u v w x y z ", MaxBody / 2));
        yield return ("every Unicode category (16 KB)", EveryCategory(16 * 1024));
        yield return ("max body: every Unicode category", EveryCategory(MaxBody / 2));
        yield return ("max body: a question pasted over and over", Repeat("does microneedling hurt? ", MaxBody / 2));
        yield return ("max body: urgent words over and over", Repeat("bleeding fever pus swelling infection ", MaxBody / 2));
        yield return ("max body: long words", Repeat(new string('m', 300) + " ", MaxBody / 2));
        yield return ("max body: misspellings", Repeat("microneedlign recovary swelign redness hurtt ", MaxBody / 2));
    }

    private static string Repeat(string unit, int length)
    {
        var text = new StringBuilder(length + unit.Length);
        while (text.Length < length)
        {
            text.Append(unit);
        }
        return text.ToString(0, length);
    }

    // One character of every Unicode general category that has one in the BMP, round and round.
    private static string EveryCategory(int length)
    {
        var samples = new Dictionary<UnicodeCategory, char>();
        for (var c = 1; c < 0xFFFF && samples.Count < 30; c++)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory((char)c);
            if (category is not (UnicodeCategory.Surrogate or UnicodeCategory.OtherNotAssigned) && !samples.ContainsKey(category))
            {
                samples[category] = (char)c;
            }
        }
        // A valid surrogate pair (an emoji) stands in for the surrogate category.
        return Repeat(string.Concat(samples.Values) + "😀 ", length);
    }

    // Process CPU for running the message `rounds` times, per run: the embedder's ONNX threads count too. Each run gets
    // a different suffix so nothing is remembered between runs.
    private static double CpuMs(int rounds, Func<int, string> text, AnswerDecider decider)
    {
        using var process = Process.GetCurrentProcess();
        var before = process.TotalProcessorTime;
        for (var r = 0; r < rounds; r++)
        {
            decider.Decide(text(r));
        }
        process.Refresh();
        return (process.TotalProcessorTime - before).TotalMilliseconds / rounds;
    }

    private static double Cpu(int rounds, Action<int> action)
    {
        using var process = Process.GetCurrentProcess();
        var before = process.TotalProcessorTime;
        for (var r = 0; r < rounds; r++)
        {
            action(r);
        }
        process.Refresh();
        return (process.TotalProcessorTime - before).TotalMilliseconds / rounds;
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        return sorted[sorted.Count / 2];
    }
}
