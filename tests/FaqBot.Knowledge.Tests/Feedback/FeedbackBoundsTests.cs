using FaqBot.Knowledge.Feedback;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace FaqBot.Knowledge.Tests.Feedback;

/// <summary>
/// What strangers can make the bot write is bounded (per conversation, per address, file size), repeats are folded into a
/// count, and below the bounds nothing a patient was thanked for is lost. All on a real SQLite file.
/// </summary>
public sealed class FeedbackBoundsTests : IDisposable
{
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private readonly string _folder = Directory.CreateTempSubdirectory("faqbot-bounds-").FullName;
    private readonly ManualTime _time = new(Monday) { TimersFire = false };
    private readonly Lines _log = new();

    private string DbPath => Path.Combine(_folder, "feedback.db");

    private FeedbackStore Store(FeedbackLimits limits) => new(DbPath, 30, "k", _time, _log, limits);

    [Fact]
    public void TheSameQuestionAgainInAConversationRaisesACountAndTheReportCountsEveryAsking()
    {
        using var store = Store(new FeedbackLimits(MaxUnansweredPerConversation: 3));
        for (var i = 0; i < 40; i++)
        {
            _time.Now = Monday.AddMinutes(i);
            Assert.True(store.RecordUnanswered("Do you treat hair loss in dogs?", "c1", 0.1));
        }

        Assert.Equal(1L, Scalar("SELECT COUNT(*) FROM unanswered"));
        var group = Assert.Single(store.Report(Monday.AddDays(-1), Monday.AddDays(1)).Unanswered);
        Assert.Equal((40, Monday, Monday.AddMinutes(39)), (group.Count, group.FirstAsked, group.LastAsked));
    }

    [Fact]
    public void AConversationCanAddOnlySoManyDifferentQuestionsAndOthersAreNotHeldBackByIt()
    {
        using var store = Store(new FeedbackLimits(MaxUnansweredPerConversation: 5));

        var kept = Enumerable.Range(0, 30).Count(i => store.RecordUnanswered($"question number {i} about {Guid.NewGuid()}", "flooder", null));
        var other = store.RecordUnanswered("What are your opening hours?", "patient", null);

        Assert.Equal(5, kept);
        Assert.True(other);
        Assert.Equal(6L, Scalar("SELECT COUNT(*) FROM unanswered"));
    }

    [Fact]
    public void AnAddressCanWriteOnlySoManyRowsADayWhateverConversationsItOpens()
    {
        using var store = Store(new FeedbackLimits(MaxRowsPerAddressPerDay: 10));

        var kept = Enumerable.Range(0, 25).Count(i => store.RecordUnanswered($"question {i}", $"conversation-{i}", null, "203.0.113.7"));
        var neighbour = store.RecordUnanswered("question 0", "someone-else", null, "198.51.100.1");
        _time.Now = Monday.AddHours(25);
        var nextDay = store.RecordUnanswered("question tomorrow", "conversation-x", null, "203.0.113.7");

        Assert.Equal(10, kept);
        Assert.True(neighbour);
        Assert.True(nextDay);
        // The address is stored hashed, like the ids.
        Assert.Equal(0L, Scalar("SELECT COUNT(*) FROM unanswered WHERE address LIKE '%203.0.113%'"));
    }

    [Fact]
    public void EveryFeedbackPressBelowTheBoundsIsKeptEvenWhenRepeated()
    {
        using var store = Store(new FeedbackLimits(MaxFeedbackPerConversation: 2));
        for (var i = 0; i < 20; i++)
        {
            Assert.True(store.RecordFeedback(new FeedbackEntry("acne/treatment/1", "answer", 0.8, true, null, "c1", "u1")));
        }
        Assert.True(store.RecordFeedback(new FeedbackEntry("acne/treatment/1", "answer", 0.8, false, null, "c1", "u1")));
        store.RecordReason("acne/treatment/1", "c1", "u1", "too vague");

        var report = store.Report(Monday.AddDays(-1), Monday.AddDays(1));

        // Every press is in the file, repeats folded into a count; the report counts one vote per patient per answer,
        // the last one (this patient changed their mind to "not helpful").
        Assert.Equal(2L, Scalar("SELECT COUNT(*) FROM feedback"));
        Assert.Equal(21L, Scalar("SELECT SUM(count) FROM feedback"));
        Assert.Equal((0, 1), (report.HelpfulCount, report.NotHelpfulCount));
        Assert.Equal(["too vague"], Assert.Single(report.NotHelpful).Reasons);
    }

    [Fact]
    public void AFullFileDropsNewRowsWithOneClearLogLineAndKeepsEverythingBeforeIt()
    {
        using var store = Store(new FeedbackLimits(MaxUnansweredPerConversation: 100_000, MaxFileMegabytes: 1));
        var question = new string('x', 1900);
        var accepted = 0;
        var refused = 0;
        for (var i = 0; i < 2000; i++)
        {
            if (store.RecordUnanswered($"{i} {question}", $"c{i}", null))
            {
                accepted++;
            }
            else
            {
                refused++;
            }
        }

        Assert.InRange(accepted, 100, 600);
        Assert.True(refused > 1000);
        Assert.Equal((long)accepted, Scalar("SELECT COUNT(*) FROM unanswered"));
        var line = Assert.Single(_log.All, l => l.Level >= LogLevel.Warning);
        Assert.Contains("reached its cap of 1 MB", line.Message, StringComparison.Ordinal);
        Assert.True(new FileInfo(DbPath).Length <= 1024 * 1024);
    }

    private long Scalar(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={DbPath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private sealed class Lines : ILogger
    {
        private readonly List<(LogLevel Level, string Message)> lines = [];

        public IReadOnlyList<(LogLevel Level, string Message)> All { get { lock (lines) { return [.. lines]; } } }

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (lines)
            {
                lines.Add((logLevel, formatter(state, exception)));
            }
        }
    }
}
