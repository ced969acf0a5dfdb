using System.ComponentModel.DataAnnotations;

namespace FaqBot.Knowledge.Feedback;

/// <summary>Where unanswered questions and feedback are kept, and for how long (section <c>Feedback</c>).</summary>
public sealed class FeedbackOptions
{
    public const string SectionName = "Feedback";

    /// <summary>The SQLite file, relative to the content root unless absolute; unused when ConnectionStrings:Feedback names a PostgreSQL database.</summary>
    [Required]
    public string Path { get; set; } = "data/feedback.db";

    /// <summary>Rows older than this are deleted at start and then hourly; the privacy notice promises it.</summary>
    [Range(1, 3650)]
    public int RetentionDays { get; set; } = 90;

    /// <summary>
    /// Secret key for the hashes that replace user and conversation ids. Empty: a random key per process, so hashes
    /// group one run's feedback but cannot be linked across restarts. Set it from the environment, never in the file.
    /// </summary>
    public string HashKey { get; set; } = "";

    /// <summary>Unanswered questions kept per conversation (a repeat of the same question only raises its count).</summary>
    [Range(1, 100_000)]
    public int MaxUnansweredPerConversation { get; set; } = FeedbackLimits.Default.MaxUnansweredPerConversation;

    /// <summary>Feedback rows kept per conversation (a repeated press of the same button only raises its count).</summary>
    [Range(1, 100_000)]
    public int MaxFeedbackPerConversation { get; set; } = FeedbackLimits.Default.MaxFeedbackPerConversation;

    /// <summary>Unanswered and feedback rows per caller address per day, each table, where the address is known.</summary>
    [Range(1, 10_000_000)]
    public int MaxRowsPerAddressPerDay { get; set; } = FeedbackLimits.Default.MaxRowsPerAddressPerDay;

    /// <summary>Largest size of the feedback file (its database pages; on PostgreSQL the tables' size); past it new rows are dropped, with one log line.</summary>
    [Range(1, 1_000_000)]
    public int MaxFileMegabytes { get; set; } = FeedbackLimits.Default.MaxFileMegabytes;

    public FeedbackLimits Limits => new(MaxUnansweredPerConversation, MaxFeedbackPerConversation, MaxRowsPerAddressPerDay, MaxFileMegabytes);
}
