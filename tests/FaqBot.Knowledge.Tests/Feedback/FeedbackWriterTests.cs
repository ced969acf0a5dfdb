using FaqBot.Knowledge.Answering;
using FaqBot.Knowledge.Feedback;
using Microsoft.Data.Sqlite;

namespace FaqBot.Knowledge.Tests.Feedback;

/// <summary>What the feedback writer stores and the report reads back, the same on the SQLite file and on PostgreSQL.</summary>
[Collection(PostgresCollection.Name)]
public sealed class FeedbackWriterTests(PostgresFixture postgres)
{
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private Task<FeedbackBackend> Backend(Backend kind) => FeedbackBackend.CreateAsync(kind, postgres, Monday);

    private static DecisionEvent Decision(DecisionKind kind, string? passage = null, double? confidence = null, string? rule = null) =>
        new(kind, passage, confidence, rule, false);

    [Theory]
    [InlineData(Feedback.Backend.Sqlite)]
    [InlineData(Feedback.Backend.Postgres)]
    public async Task FeedbackIsStoredWithHashedIdsAndARedactedReason(Backend kind)
    {
        await using var db = await Backend(kind);
        var writer = await db.StartWriterAsync("test-key");

        await writer.RecordFeedbackAsync(new FeedbackEntry("doc/side-effects/1", DecisionKind.Answer, 0.8, false, "wrong, email me at a.b@example.com", "conv-ABC-123", "user-XYZ-789"));

        var row = db.Single("SELECT passage_id, decision, confidence, helpful, reason, conversation, \"user\" FROM feedback");
        Assert.Equal(("doc/side-effects/1", "answer", 0.8, 0L, "wrong, email me at [email]"), ((string)row[0]!, (string)row[1]!, (double)row[2]!, Convert.ToInt64(row[3]), (string)row[4]!));
        Assert.DoesNotContain("conv-ABC-123", (string)row[5]!);
        Assert.DoesNotContain("user-XYZ-789", (string)row[6]!);
        Assert.Equal(new IdHasher("test-key").Hash("conv-ABC-123"), row[5]);
        if (kind == Feedback.Backend.Sqlite)
        {
            SqliteConnection.ClearAllPools();
            Assert.False(File.ReadAllBytes(db.FilePath).AsSpan().IndexOf("conv-ABC"u8) >= 0, "the conversation id is in the file in clear");
        }
    }

    [Theory]
    [InlineData(Feedback.Backend.Sqlite)]
    [InlineData(Feedback.Backend.Postgres)]
    public async Task AHugeQuestionIsStoredShortenedAndRedacted(Backend kind)
    {
        await using var db = await Backend(kind);
        var writer = await db.StartWriterAsync();
        var question = "call me on 555 010 0199 " + new string('9', 5000) + " " + string.Concat(Enumerable.Repeat("why ", 2000));

        await writer.RecordUnansweredAsync(question, "c", null);

        var stored = Assert.Single(db.Column("SELECT question FROM unanswered"));
        Assert.StartsWith("call me on [phone]", stored);
        Assert.DoesNotContain("555", stored);
        Assert.True(stored.Length <= FeedbackRows.MaxTextLength, $"{stored.Length} characters");
    }

    [Fact]
    public async Task TheFileIsInWalModeSoWritesSurviveACrash()
    {
        await using var db = await Backend(Feedback.Backend.Sqlite);

        Assert.Equal("wal", db.Single("PRAGMA journal_mode")[0]);
    }

    [Theory]
    [InlineData(Feedback.Backend.Sqlite)]
    [InlineData(Feedback.Backend.Postgres)]
    public async Task UnansweredQuestionsAreRedactedAndGroupedInTheReport(Backend kind)
    {
        await using var db = await Backend(kind);
        var writer = await db.StartWriterAsync();
        await writer.RecordUnansweredAsync("Do you take my insurance? Call 555-010-0199", "c1", 0.1);
        db.Time.SetUtcNow(Monday.AddHours(2));
        await writer.RecordUnansweredAsync("do you take my insurance?? call 555 010 0199", "c2", 0.12);
        await writer.RecordUnansweredAsync("What are your opening hours", "c3", null);

        var report = await db.Reader(writer).ReportAsync(Monday.AddDays(-1), Monday.AddDays(1));

        Assert.Equal(2, report.Unanswered.Count);
        var top = report.Unanswered[0];
        Assert.Equal("Do you take my insurance? Call [phone]", top.Question);
        Assert.Equal(2, top.Count);
        Assert.Equal(Monday, top.FirstAsked);
        Assert.Equal(Monday.AddHours(2), top.LastAsked);
    }

    [Theory]
    [InlineData(Feedback.Backend.Sqlite)]
    [InlineData(Feedback.Backend.Postgres)]
    public async Task TheReportCountsDecisionsAndListsPassagesMarkedNotHelpfulWithinTheRange(Backend kind)
    {
        await using var db = await Backend(kind);
        var writer = await db.StartWriterAsync();
        writer.RecordDecision(Decision(DecisionKind.Answer, "p/1", 0.7));
        writer.RecordDecision(new DecisionEvent(DecisionKind.Answer, "p/2", 0.6, null, true));
        writer.RecordDecision(Decision(DecisionKind.Urgent, rule: "bleeding"));
        await writer.RecordFeedbackAsync(new FeedbackEntry("p/1", DecisionKind.Answer, 0.7, false, "too vague", "c1", "u1"));
        await writer.RecordFeedbackAsync(new FeedbackEntry("p/1", DecisionKind.Answer, 0.7, true, null, "c2", "u2"));
        await writer.RecordFeedbackAsync(new FeedbackEntry("p/2", DecisionKind.Answer, 0.6, true, null, "c1", "u1"));
        await writer.FlushAsync();
        db.Time.SetUtcNow(Monday.AddDays(5));
        writer.RecordDecision(Decision(DecisionKind.Abstain, confidence: 0.1));

        var report = await db.Reader(writer).ReportAsync(Monday, Monday.AddDays(1));

        Assert.Equal(2, report.Count(DecisionKind.Answer));
        Assert.Equal(1, report.Count(DecisionKind.Urgent));
        Assert.False(report.DecisionCounts.ContainsKey("abstain"));
        var passage = Assert.Single(report.NotHelpful);
        Assert.Equal(("p/1", 1, 1), (passage.PassageId, passage.NotHelpful, passage.Helpful));
        Assert.Equal(["too vague"], passage.Reasons);
        Assert.Equal((2, 1), (report.HelpfulCount, report.NotHelpfulCount));
    }

    [Theory]
    [InlineData(Feedback.Backend.Sqlite)]
    [InlineData(Feedback.Backend.Postgres)]
    public async Task EachPatientHasOneVotePerAnswerAndTheirLastOneCounts(Backend kind)
    {
        await using var db = await Backend(kind);
        var writer = await db.StartWriterAsync();
        // One patient clicks Helpful, Helpful, then Not helpful with a reason: one vote, not helpful.
        await writer.RecordFeedbackAsync(new FeedbackEntry("p/1", DecisionKind.Answer, 0.7, true, null, "c1", "u1", "Does SPF 30 last all day? Call 555 010 0199"));
        await writer.RecordFeedbackAsync(new FeedbackEntry("p/1", DecisionKind.Answer, 0.7, true, null, "c1", "u1"));
        db.Time.SetUtcNow(Monday.AddMinutes(1));
        await writer.RecordFeedbackAsync(new FeedbackEntry("p/1", DecisionKind.Answer, 0.7, false, null, "c1", "u1", "Does SPF 30 last all day? Call 555 010 0199"));
        await writer.RecordReasonAsync("p/1", "c1", "u1", "too vague");
        // Another patient changes their mind the other way: one vote, helpful.
        await writer.RecordFeedbackAsync(new FeedbackEntry("p/1", DecisionKind.Answer, 0.7, false, null, "c2", "u2"));
        await writer.RecordFeedbackAsync(new FeedbackEntry("p/1", DecisionKind.Answer, 0.7, true, null, "c2", "u2"));

        var report = await db.Reader(writer).ReportAsync(Monday.AddDays(-1), Monday.AddDays(1));

        Assert.Equal((1, 1), (report.HelpfulCount, report.NotHelpfulCount));
        var passage = Assert.Single(report.NotHelpful);
        Assert.Equal((1, 1), (passage.NotHelpful, passage.Helpful));
        Assert.Equal(["too vague"], passage.Reasons);
        var vote = Assert.Single(report.NotHelpfulVotes);
        Assert.Equal(("p/1", "Does SPF 30 last all day? Call [phone]", "too vague"), (vote.PassageId, vote.Question, vote.Reason));
        var day = Assert.Single(report.Days);
        Assert.Equal((DateOnly.FromDateTime(Monday.UtcDateTime), 1, 1), (day.Day, day.Helpful, day.NotHelpful));
    }

    [Theory]
    [InlineData(Feedback.Backend.Sqlite)]
    [InlineData(Feedback.Backend.Postgres)]
    public async Task UnansweredQuestionsWordedDifferentlyAboutTheSameThingAreOneGroup(Backend kind)
    {
        await using var db = await Backend(kind);
        var writer = await db.StartWriterAsync();
        await writer.RecordUnansweredAsync("Do you have parking?", "c1", null);
        await writer.RecordUnansweredAsync("parking - do you have any", "c2", null);
        await writer.RecordUnansweredAsync("do you have parking", "c3", null);
        await writer.RecordUnansweredAsync("Do you take my insurance?", "c4", null);

        var report = await db.Reader(writer).ReportAsync(Monday.AddDays(-1), Monday.AddDays(1));

        Assert.Equal(2, report.Unanswered.Count);
        var parking = report.Unanswered[0];
        Assert.Equal((3, "Do you have parking?"), (parking.Count, parking.Question));
        Assert.Equal(["Do you have parking?", "parking - do you have any", "do you have parking"], parking.Wordings);
    }

    [Theory]
    [InlineData(Feedback.Backend.Sqlite)]
    [InlineData(Feedback.Backend.Postgres)]
    public async Task TheReportCountsDecisionsPerDayAndAnswersPerPassage(Backend kind)
    {
        await using var db = await Backend(kind);
        var writer = await db.StartWriterAsync();
        writer.RecordDecision(Decision(DecisionKind.Answer, "p/1", 0.7));
        writer.RecordDecision(Decision(DecisionKind.Answer, "p/1", 0.7));
        writer.RecordDecision(Decision(DecisionKind.Abstain, confidence: 0.1));
        await writer.FlushAsync();
        db.Time.SetUtcNow(Monday.AddDays(1));
        writer.RecordDecision(Decision(DecisionKind.Urgent, rule: "bleeding"));
        writer.RecordDecision(Decision(DecisionKind.Answer, "p/2", 0.8));

        var report = await db.Reader(writer).ReportAsync(Monday.AddDays(-1), Monday.AddDays(2));

        Assert.Equal(2, report.Days.Count);
        Assert.Equal((2, 1, 0), (report.Days[0].Count(DecisionKind.Answer), report.Days[0].Count(DecisionKind.Abstain), report.Days[0].Count(DecisionKind.Urgent)));
        Assert.Equal((1, 0, 1), (report.Days[1].Count(DecisionKind.Answer), report.Days[1].Count(DecisionKind.Abstain), report.Days[1].Count(DecisionKind.Urgent)));
        Assert.Equal(2, report.AnswersByPassage["p/1"]);
        Assert.Equal(1, report.AnswersByPassage["p/2"]);
    }

    [Theory]
    [InlineData(Feedback.Backend.Sqlite)]
    [InlineData(Feedback.Backend.Postgres)]
    public async Task RowsOlderThanTheRetentionAreDeletedAtStartAndThenHourly(Backend kind)
    {
        await using var db = await Backend(kind);
        var writer = await db.StartWriterAsync();
        await writer.RecordUnansweredAsync("old question", "c", null);
        db.Time.SetUtcNow(Monday.AddDays(20));
        await writer.RecordUnansweredAsync("newer question", "c", null);
        db.Time.SetUtcNow(Monday.AddDays(30).AddMinutes(-30));
        using var retention = new FeedbackRetention(db.Database, 30, db.Time);

        // At start: nothing is older than 30 days yet.
        await retention.StartAsync(CancellationToken.None);
        Assert.Equal(2, db.Scalar("SELECT COUNT(*) FROM unanswered"));

        // An hour later the first question is past the retention, and the hourly purge takes it without a restart.
        db.Time.Advance(FeedbackRetention.Every);
        Assert.True(SpinWait.SpinUntil(() => db.Column("SELECT question FROM unanswered").Count == 1, TimeSpan.FromSeconds(10)), "the hourly purge did not run");
        Assert.Equal(["newer question"], db.Column("SELECT question FROM unanswered"));
        await retention.StopAsync(CancellationToken.None);

        // A bot started long after purges at start.
        db.Time.SetUtcNow(Monday.AddDays(51));
        using var again = db.Open();
        using var restarted = new FeedbackRetention(again, 30, db.Time);
        await restarted.StartAsync(CancellationToken.None);
        Assert.True(SpinWait.SpinUntil(() => db.Scalar("SELECT COUNT(*) FROM unanswered") == 0, TimeSpan.FromSeconds(10)), "the purge at start did not run");
        await restarted.StopAsync(CancellationToken.None);
    }

    [Theory]
    [InlineData(Feedback.Backend.Sqlite)]
    [InlineData(Feedback.Backend.Postgres)]
    public async Task DecisionsReachTheDatabaseASecondLaterWithoutAnyOtherWriteAndAtStop(Backend kind)
    {
        await using var db = await Backend(kind);
        var writer = await db.StartWriterAsync();
        writer.RecordDecision(Decision(DecisionKind.Answer, "p/1", 0.7));
        Assert.True(SpinWait.SpinUntil(() => { db.Time.Advance(TimeSpan.FromMilliseconds(250)); return db.Column("SELECT decision FROM decisions").Count == 1; }, TimeSpan.FromSeconds(10)));

        writer.RecordDecision(Decision(DecisionKind.Abstain, confidence: 0.1));
        await writer.StopAsync(CancellationToken.None);
        Assert.Equal(["answer", "abstain"], db.Column("SELECT decision FROM decisions ORDER BY id"));

        // A late turn finishing after the stop still gets its decision written, on its own turn.
        writer.RecordDecision(Decision(DecisionKind.Urgent, rule: "bleeding"));
        Assert.True(SpinWait.SpinUntil(() => db.Column("SELECT decision FROM decisions").Count == 3, TimeSpan.FromSeconds(10)));
    }

    [Theory]
    [InlineData(Feedback.Backend.Sqlite)]
    [InlineData(Feedback.Backend.Postgres)]
    public async Task FeedbackIsCommittedBeforeItsTaskCompletesWhileDecisionsWaitForTheirBatch(Backend kind)
    {
        await using var db = await Backend(kind);
        var writer = await db.StartWriterAsync();
        writer.RecordDecision(Decision(DecisionKind.Answer, "p/1", 0.7));
        await writer.RecordFeedbackAsync(new FeedbackEntry("p/1", DecisionKind.Answer, 0.7, true, null, "c", "u"));

        Assert.Equal(["p/1"], db.Column("SELECT passage_id FROM feedback"));
        Assert.Empty(db.Column("SELECT decision FROM decisions"));
        db.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(SpinWait.SpinUntil(() => db.Column("SELECT decision FROM decisions").Count == 1, TimeSpan.FromSeconds(10)));
    }

    [Theory]
    [InlineData(Feedback.Backend.Sqlite)]
    [InlineData(Feedback.Backend.Postgres)]
    public async Task IdenticalDecisionsOfABatchAreOneRowWithTheirCountAndTheReportCountsThemAll(Backend kind)
    {
        // The fake clock does not move: no tick splits the batch, the report's flush writes it.
        await using var db = await Backend(kind);
        var writer = await db.StartWriterAsync();
        for (var i = 0; i < 500; i++)
        {
            writer.RecordDecision(Decision(DecisionKind.Answer, "p/1", 0.7));
        }
        writer.RecordDecision(Decision(DecisionKind.Answer, "p/2", 0.9));
        writer.RecordDecision(Decision(DecisionKind.Urgent, rule: "fever-spreading-redness"));
        writer.RecordDecision(Decision(DecisionKind.Answer, "p/1", 0.7));

        var report = await db.Reader(writer).ReportAsync(Monday.AddDays(-1), Monday.AddDays(1));

        Assert.Equal(["p/1:501", "p/2:1", ":1"], db.Column("SELECT coalesce(passage_id, '') || ':' || count FROM decisions ORDER BY id"));
        Assert.Equal(502, report.Count(DecisionKind.Answer));
        Assert.Equal(1, report.Count(DecisionKind.Urgent));
    }

    [Fact]
    public async Task AFileFromBeforeDecisionCountsKeepsItsRowsAndTakesNewOnes()
    {
        await using var db = await FeedbackBackend.CreateAsync(Feedback.Backend.Sqlite, postgres, Monday, beforeSchema: b =>
        {
            Directory.CreateDirectory(Path.GetDirectoryName(b.FilePath)!);
            using var old = new SqliteConnection($"Data Source={b.FilePath}");
            old.Open();
            using var create = old.CreateCommand();
            create.CommandText = """
                CREATE TABLE decisions (id INTEGER PRIMARY KEY, at INTEGER NOT NULL, decision TEXT NOT NULL, passage_id TEXT,
                    confidence REAL, urgent_rule TEXT, personal INTEGER NOT NULL);
                INSERT INTO decisions (at, decision, personal) VALUES (1772442000000, 'abstain', 0), (1772442000001, 'abstain', 0);
                """;
            create.ExecuteNonQuery();
            SqliteConnection.ClearAllPools();
        });
        var writer = await db.StartWriterAsync();
        writer.RecordDecision(Decision(DecisionKind.Abstain, confidence: 0.1));

        var report = await db.Reader(writer).ReportAsync(Monday.AddDays(-1), Monday.AddDays(1));

        Assert.Equal(3, report.Count(DecisionKind.Abstain));
    }
}
