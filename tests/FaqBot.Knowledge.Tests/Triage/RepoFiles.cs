using System.Reflection;
using System.Text.Json;

namespace FaqBot.Knowledge.Tests.Triage;

internal static class RepoFiles
{
    public static string Root { get; } = typeof(RepoFiles).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "RepoRoot").Value!;

    public static string UrgentRules => Path.Combine(Root, "knowledge", "urgent-rules.yaml");

    public static string UrgentExamples => Path.Combine(Root, "knowledge", "urgent-examples.yaml");

    /// <summary>A file of the question bank (tests/data/questions); tests read only its tune half.</summary>
    public static IReadOnlyList<(string Id, string Question, string Kind, string? Rule, bool NearUrgent)> Bank(string file) =>
        File.ReadLines(Path.Combine(Root, "tests", "data", "questions", file))
            .Where(line => line.Trim().Length > 0)
            .Select(line => JsonDocument.Parse(line).RootElement)
            .Select(e => (e.GetProperty("id").GetString()!, e.GetProperty("question").GetString()!, e.GetProperty("kind").GetString()!,
                e.TryGetProperty("rule", out var r) ? r.GetString() : null, e.TryGetProperty("near_urgent", out var n) && n.GetBoolean()))
            .ToList();

    public static IReadOnlyList<(string Id, string Question, string Kind)> DevQuestions() =>
        File.ReadLines(Path.Combine(Root, "tests", "data", "dev-questions.jsonl"))
            .Where(line => line.Trim().Length > 0)
            .Select(line => JsonDocument.Parse(line).RootElement)
            .Select(e => (e.GetProperty("id").GetString()!, e.GetProperty("question").GetString()!, e.GetProperty("kind").GetString()!))
            .ToList();
}
