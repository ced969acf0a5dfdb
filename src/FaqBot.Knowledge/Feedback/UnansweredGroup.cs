namespace FaqBot.Knowledge.Feedback;

/// <summary>Unanswered questions worded alike (the same meaningful words in any order), under the most common wording.</summary>
public sealed record UnansweredGroup(string Question, int Count, DateTimeOffset FirstAsked, DateTimeOffset LastAsked)
{
    /// <summary>Every distinct wording of the group, as stored (redacted), first asked first.</summary>
    public IReadOnlyList<string> Wordings { get; init; } = [];
}
