namespace FaqBot.Knowledge.Feedback;

/// <summary>What staff need to improve the articles, for one date range.</summary>
public sealed record FeedbackReport(
    DateTimeOffset From,
    DateTimeOffset To,
    IReadOnlyList<UnansweredGroup> Unanswered,
    IReadOnlyList<NotHelpfulPassage> NotHelpful,
    IReadOnlyDictionary<string, int> DecisionCounts,
    int HelpfulCount,
    int NotHelpfulCount);
