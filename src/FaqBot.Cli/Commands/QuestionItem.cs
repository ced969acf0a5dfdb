namespace FaqBot.Cli.Commands;

/// <summary>One line of a questions JSONL file: at least id and question; eval also reads kind and expect_any.</summary>
internal sealed record QuestionItem(string Id, string Question, string Kind, IReadOnlyList<string> ExpectAny);
