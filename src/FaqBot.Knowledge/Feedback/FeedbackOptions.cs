using System.ComponentModel.DataAnnotations;

namespace FaqBot.Knowledge.Feedback;

/// <summary>Where unanswered questions and feedback are kept, and for how long (section <c>Feedback</c>).</summary>
public sealed class FeedbackOptions
{
    public const string SectionName = "Feedback";

    /// <summary>The SQLite file, relative to the content root unless absolute.</summary>
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
}
