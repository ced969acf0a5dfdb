namespace FaqBot.Cli.Commands;

/// <summary>One line of a questions JSONL file: at least id and question; eval also reads kind and expect_any, and
/// for the question bank the urgent rule (rule) and whether an ordinary message sounds alarming (near_urgent).</summary>
internal sealed record QuestionItem(string Id, string Question, string Kind, IReadOnlyList<string> ExpectAny, string? Rule = null, bool NearUrgent = false);
