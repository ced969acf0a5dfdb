namespace FaqBot.Knowledge.Feedback;

/// <summary>
/// Bounds on what strangers can make the bot write: rows per conversation, rows per caller address per day (when the
/// address is known: the website's Direct Line), and the size of the file. Repeats are folded into a count first, so
/// the bounds only ever refuse new, different rows.
/// </summary>
public sealed record FeedbackLimits(
    int MaxUnansweredPerConversation = 25,
    int MaxFeedbackPerConversation = 100,
    int MaxRowsPerAddressPerDay = 500,
    int MaxFileMegabytes = 512)
{
    public static FeedbackLimits Default { get; } = new();
}
