using System.Reflection;
using System.Text.Json;

namespace FaqBot.Knowledge.Tests.Triage;

internal static class RepoFiles
{
    public static string Root { get; } = typeof(RepoFiles).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "RepoRoot").Value!;

    public static string UrgentRules => Path.Combine(Root, "knowledge", "urgent-rules.yaml");

    public static IReadOnlyList<(string Id, string Question, string Kind)> DevQuestions() =>
        File.ReadLines(Path.Combine(Root, "tests", "data", "dev-questions.jsonl"))
            .Where(line => line.Trim().Length > 0)
            .Select(line => JsonDocument.Parse(line).RootElement)
            .Select(e => (e.GetProperty("id").GetString()!, e.GetProperty("question").GetString()!, e.GetProperty("kind").GetString()!))
            .ToList();
}
