using FaqBot.Knowledge.Answering;

namespace FaqBot.Knowledge.Feedback;

/// <summary>What staff need to improve the articles, for one date range. Votes count once per patient per answer.</summary>
public sealed record FeedbackReport(
    DateTimeOffset From,
    DateTimeOffset To,
    IReadOnlyList<UnansweredGroup> Unanswered,
    IReadOnlyList<NotHelpfulPassage> NotHelpful,
    IReadOnlyDictionary<string, int> DecisionCounts,
    int HelpfulCount,
    int NotHelpfulCount)
{
    /// <summary>Decisions and votes per day (UTC), oldest first; days without either are left out.</summary>
    public IReadOnlyList<DailyCounts> Days { get; init; } = [];

    /// <summary>How often each passage was given as an answer.</summary>
    public IReadOnlyDictionary<string, int> AnswersByPassage { get; init; } = new Dictionary<string, int>();

    /// <summary>Every "not helpful" that counts, newest first: the question (redacted) when recorded, and the reason.</summary>
    public IReadOnlyList<NotHelpfulVote> NotHelpfulVotes { get; init; } = [];

    /// <summary>How many questions got this decision in the range.</summary>
    public int Count(DecisionKind decision) => DecisionCounts.GetValueOrDefault(StoredDecision.Name(decision));
}

/// <summary>One day's decisions by name (answer, abstain, urgent…) and its helpful / not helpful votes.</summary>
public sealed record DailyCounts(DateOnly Day, IReadOnlyDictionary<string, int> Decisions, int Helpful, int NotHelpful)
{
    public int Count(DecisionKind decision) => Decisions.GetValueOrDefault(StoredDecision.Name(decision));
}

/// <summary>A patient's "not helpful" on a passage: their question as stored (redacted; null when not recorded) and reason.</summary>
public sealed record NotHelpfulVote(DateTimeOffset At, string PassageId, string? Question, string? Reason);
