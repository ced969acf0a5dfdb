namespace FaqBot.Knowledge.Feedback;

/// <summary>What both backends' schemas share: the tables, the columns added since the first version, the later indexes.</summary>
internal static class FeedbackTables
{
    public static readonly string[] All = ["unanswered", "feedback", "decisions"];

    // Added after the first files were written, in this order. An old row counts once (count), has no question, no
    // last press (last_at) and no known caller address.
    public static readonly (string Table, string Column, string Type)[] AddedColumns =
    [
        ("decisions", "count", "INTEGER NOT NULL DEFAULT 1"),
        ("feedback", "question", "TEXT"),
        ("unanswered", "count", "INTEGER NOT NULL DEFAULT 1"),
        ("unanswered", "last_at", "BIGINT"),
        ("unanswered", "address", "TEXT"),
        ("feedback", "count", "INTEGER NOT NULL DEFAULT 1"),
        ("feedback", "last_at", "BIGINT"),
        ("feedback", "address", "TEXT"),
    ];

    public const string LaterIndexes = """
        CREATE INDEX IF NOT EXISTS unanswered_conversation ON unanswered (conversation);
        CREATE INDEX IF NOT EXISTS unanswered_address ON unanswered (address, at) WHERE address IS NOT NULL;
        CREATE INDEX IF NOT EXISTS feedback_conversation ON feedback (conversation);
        CREATE INDEX IF NOT EXISTS feedback_address ON feedback (address, at) WHERE address IS NOT NULL;
        """;
}
