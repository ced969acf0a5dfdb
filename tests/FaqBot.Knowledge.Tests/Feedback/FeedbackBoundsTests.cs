using FaqBot.Knowledge.Answering;
using FaqBot.Knowledge.Feedback;
using Microsoft.Extensions.Logging;

namespace FaqBot.Knowledge.Tests.Feedback;

/// <summary>
/// What strangers can make the bot write is bounded (per conversation, per address, size), repeats are folded into a
/// count, and below the bounds nothing a patient was thanked for is lost. On the real SQLite file and on PostgreSQL.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class FeedbackBoundsTests(PostgresFixture postgres)
{
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private readonly Lines _log = new();

    private async Task<(FeedbackBackend Db, FeedbackWriter Writer)> Start(Backend kind, FeedbackLimits limits)
    {
        var db = await FeedbackBackend.CreateAsync(kind, postgres, Monday, limits);
        return (db, await db.StartWriterAsync("k", limits, _log));
    }

    [Theory]
    [InlineData(Feedback.Backend.Sqlite)]
    [InlineData(Feedback.Backend.Postgres)]
    public async Task TheSameQuestionAgainInAConversationRaisesACountAndTheReportCountsEveryAsking(Backend kind)
    {
        var (db, store) = await Start(kind, new FeedbackLimits(MaxUnansweredPerConversation: 3));
        await using var _ = db;
        for (var i = 0; i < 40; i++)
        {
            db.Time.SetUtcNow(Monday.AddMinutes(i));
            Assert.True(await store.RecordUnansweredAsync("Do you treat hair loss in dogs?", "c1", 0.1));
        }

        Assert.Equal(1L, db.Scalar("SELECT COUNT(*) FROM unanswered"));
        var group = Assert.Single((await db.Reader(store).ReportAsync(Monday.AddDays(-1), Monday.AddDays(1))).Unanswered);
        Assert.Equal((40, Monday, Monday.AddMinutes(39)), (group.Count, group.FirstAsked, group.LastAsked));
    }

    [Theory]
    [InlineData(Feedback.Backend.Sqlite)]
    [InlineData(Feedback.Backend.Postgres)]
    public async Task AConversationCanAddOnlySoManyDifferentQuestionsAndOthersAreNotHeldBackByIt(Backend kind)
    {
        var (db, store) = await Start(kind, new FeedbackLimits(MaxUnansweredPerConversation: 5));
        await using var _ = db;

        var results = await Task.WhenAll(Enumerable.Range(0, 30).Select(i => store.RecordUnansweredAsync($"question number {i} about {Guid.NewGuid()}", "flooder", null)));
        var other = await store.RecordUnansweredAsync("What are your opening hours?", "patient", null);

        Assert.Equal(5, results.Count(kept => kept));
        Assert.True(other);
        Assert.Equal(6L, db.Scalar("SELECT COUNT(*) FROM unanswered"));
    }

    [Theory]
    [InlineData(Feedback.Backend.Sqlite)]
    [InlineData(Feedback.Backend.Postgres)]
    public async Task AnAddressCanWriteOnlySoManyRowsADayWhateverConversationsItOpens(Backend kind)
    {
        var (db, store) = await Start(kind, new FeedbackLimits(MaxRowsPerAddressPerDay: 10));
        await using var _ = db;

        var results = await Task.WhenAll(Enumerable.Range(0, 25).Select(i => store.RecordUnansweredAsync($"question {i}", $"conversation-{i}", null, "203.0.113.7")));
        var neighbour = await store.RecordUnansweredAsync("question 0", "someone-else", null, "198.51.100.1");
        db.Time.SetUtcNow(Monday.AddHours(25));
        var nextDay = await store.RecordUnansweredAsync("question tomorrow", "conversation-x", null, "203.0.113.7");

        Assert.Equal(10, results.Count(kept => kept));
        Assert.True(neighbour);
        Assert.True(nextDay);
        // The address is stored hashed, like the ids.
        Assert.Equal(0L, db.Scalar("SELECT COUNT(*) FROM unanswered WHERE address LIKE '%203.0.113%'"));
    }

    [Theory]
    [InlineData(Feedback.Backend.Sqlite)]
    [InlineData(Feedback.Backend.Postgres)]
    public async Task EveryFeedbackPressBelowTheBoundsIsKeptEvenWhenRepeated(Backend kind)
    {
        var (db, store) = await Start(kind, new FeedbackLimits(MaxFeedbackPerConversation: 2));
        await using var _ = db;
        for (var i = 0; i < 20; i++)
        {
            Assert.True(await store.RecordFeedbackAsync(new FeedbackEntry("acne/treatment/1", DecisionKind.Answer, 0.8, true, null, "c1", "u1")));
        }
        Assert.True(await store.RecordFeedbackAsync(new FeedbackEntry("acne/treatment/1", DecisionKind.Answer, 0.8, false, null, "c1", "u1")));
        await store.RecordReasonAsync("acne/treatment/1", "c1", "u1", "too vague");

        var report = await db.Reader(store).ReportAsync(Monday.AddDays(-1), Monday.AddDays(1));

        // Every press is stored, repeats folded into a count; the report counts one vote per patient per answer,
        // the last one (this patient changed their mind to "not helpful").
        Assert.Equal(2L, db.Scalar("SELECT COUNT(*) FROM feedback"));
        Assert.Equal(21L, db.Scalar("SELECT SUM(count) FROM feedback"));
        Assert.Equal((0, 1), (report.HelpfulCount, report.NotHelpfulCount));
        Assert.Equal(["too vague"], Assert.Single(report.NotHelpful).Reasons);
    }

    [Fact]
    public async Task AFullFileDropsNewRowsWithOneClearLogLineAndKeepsEverythingBeforeIt()
    {
        var (db, store) = await Start(Feedback.Backend.Sqlite, new FeedbackLimits(MaxUnansweredPerConversation: 100_000, MaxFileMegabytes: 1));
        await using var _ = db;
        var question = new string('x', 1900);
        var accepted = 0;
        var refused = 0;
        for (var i = 0; i < 2000; i++)
        {
            if (await store.RecordUnansweredAsync($"{i} {question}", $"c{i}", null))
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
        Assert.Equal((long)accepted, db.Scalar("SELECT COUNT(*) FROM unanswered"));
        var line = Assert.Single(_log.All, l => l.Level >= LogLevel.Warning);
        Assert.Contains("reached its cap of 1 MB", line.Message, StringComparison.Ordinal);
        Assert.True(new FileInfo(db.FilePath).Length <= 1024 * 1024);
    }

    private sealed class Lines : ILogger<FeedbackWriter>
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
