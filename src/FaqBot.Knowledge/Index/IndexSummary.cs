namespace FaqBot.Knowledge.Index;

/// <summary>What an index build produced, for the CLI's summary and the host's start-up log.</summary>
public sealed record IndexSummary(int Articles, int Passages, long Words, int VocabularyWords, IReadOnlyList<string> Warnings, TimeSpan Elapsed, bool Rebuilt);
