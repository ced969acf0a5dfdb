using FaqBot.Knowledge.Feedback;
using Microsoft.Data.Sqlite;

namespace FaqBot.Knowledge.Tests.Feedback;

public sealed class FeedbackStoreTests : IDisposable
{
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private readonly string _folder = Directory.CreateTempSubdirectory("faqbot-feedback-").FullName;
    private readonly ManualTime _time = new(Monday);

    private string DbPath => Path.Combine(_folder, "nested", "feedback.db");

    [Fact]
    public void FeedbackIsStoredWithHashedIdsAndARedactedReason()
    {
        var store = new FeedbackStore(DbPath, 30, "test-key", _time);

        store.RecordFeedback(new FeedbackEntry("doc/side-effects/1", "answer", 0.8, false, "wrong, email me at a.b@example.com", "conv-ABC-123", "user-XYZ-789"));

        var row = ReadSingle("SELECT passage_id, decision, confidence, helpful, reason, conversation, user FROM feedback");
        Assert.Equal(["doc/side-effects/1", "answer", 0.8, 0L, "wrong, email me at [email]"], row.Take(5));
        Assert.DoesNotContain("conv-ABC-123", (string)row[5]);
        Assert.DoesNotContain("user-XYZ-789", (string)row[6]);
        Assert.Equal(new IdHasher("test-key").Hash("conv-ABC-123"), row[5]);
        SqliteConnection.ClearAllPools();
        Assert.False(File.ReadAllBytes(DbPath).AsSpan().IndexOf("conv-ABC"u8) >= 0, "the conversation id is in the file in clear");
    }

    [Fact]
    public void AHugeQuestionIsStoredShortenedAndRedacted()
    {
        var store = new FeedbackStore(DbPath, 30, null, _time);
        var question = "call me on 555 010 0199 " + new string('9', 5000) + " " + string.Concat(Enumerable.Repeat("why ", 2000));

        store.RecordUnanswered(question, "c", null);

        var stored = (string)ReadSingle("SELECT question FROM unanswered")[0];
        Assert.StartsWith("call me on [phone]", stored);
        Assert.DoesNotContain("555", stored);
        Assert.True(stored.Length <= FeedbackStore.MaxTextLength, $"{stored.Length} characters");
    }

    [Fact]
    public void TheFileIsInWalModeSoWritesSurviveACrash()
    {
        _ = new FeedbackStore(DbPath, 30, null, _time);

        Assert.Equal("wal", ReadSingle("PRAGMA journal_mode")[0]);
    }

    [Fact]
    public void UnansweredQuestionsAreRedactedAndGroupedInTheReport()
    {
        var store = new FeedbackStore(DbPath, 30, null, _time);
        store.RecordUnanswered("Do you take my insurance? Call 555-010-0199", "c1", 0.1);
        _time.Now = Monday.AddHours(2);
        store.RecordUnanswered("do you take my insurance?? call 555 010 0199", "c2", 0.12);
        store.RecordUnanswered("What are your opening hours", "c3", null);

        var report = store.Report(Monday.AddDays(-1), Monday.AddDays(1));

        Assert.Equal(2, report.Unanswered.Count);
        var top = report.Unanswered[0];
        Assert.Equal("Do you take my insurance? Call [phone]", top.Question);
        Assert.Equal(2, top.Count);
        Assert.Equal(Monday, top.FirstAsked);
        Assert.Equal(Monday.AddHours(2), top.LastAsked);
    }

    [Fact]
    public void TheReportCountsDecisionsAndListsPassagesMarkedNotHelpfulWithinTheRange()
    {
        var store = new FeedbackStore(DbPath, 30, null, _time);
        store.RecordDecision(new DecisionEvent("answer", "p/1", 0.7, null, false));
        store.RecordDecision(new DecisionEvent("answer", "p/2", 0.6, null, true));
        store.RecordDecision(new DecisionEvent("urgent", null, null, "bleeding", false));
        store.RecordFeedback(new FeedbackEntry("p/1", "answer", 0.7, false, "too vague", "c1", "u1"));
        store.RecordFeedback(new FeedbackEntry("p/1", "answer", 0.7, true, null, "c2", "u2"));
        store.RecordFeedback(new FeedbackEntry("p/2", "answer", 0.6, true, null, "c1", "u1"));
        _time.Now = Monday.AddDays(5);
        store.RecordDecision(new DecisionEvent("abstain", null, 0.1, null, false));

        var report = store.Report(Monday, Monday.AddDays(1));

        Assert.Equal(2, report.DecisionCounts["answer"]);
        Assert.Equal(1, report.DecisionCounts["urgent"]);
        Assert.False(report.DecisionCounts.ContainsKey("abstain"));
        var passage = Assert.Single(report.NotHelpful);
        Assert.Equal(("p/1", 1, 1), (passage.PassageId, passage.NotHelpful, passage.Helpful));
        Assert.Equal(["too vague"], passage.Reasons);
        Assert.Equal((2, 1), (report.HelpfulCount, report.NotHelpfulCount));
    }

    [Fact]
    public void EachPatientHasOneVotePerAnswerAndTheirLastOneCounts()
    {
        var store = new FeedbackStore(DbPath, 30, null, _time);
        // One patient clicks Helpful, Helpful, then Not helpful with a reason: one vote, not helpful.
        store.RecordFeedback(new FeedbackEntry("p/1", "answer", 0.7, true, null, "c1", "u1", "Does SPF 30 last all day? Call 555 010 0199"));
        store.RecordFeedback(new FeedbackEntry("p/1", "answer", 0.7, true, null, "c1", "u1"));
        _time.Now = Monday.AddMinutes(1);
        store.RecordFeedback(new FeedbackEntry("p/1", "answer", 0.7, false, null, "c1", "u1", "Does SPF 30 last all day? Call 555 010 0199"));
        store.RecordReason("p/1", "c1", "u1", "too vague");
        // Another patient changes their mind the other way: one vote, helpful.
        store.RecordFeedback(new FeedbackEntry("p/1", "answer", 0.7, false, null, "c2", "u2"));
        store.RecordFeedback(new FeedbackEntry("p/1", "answer", 0.7, true, null, "c2", "u2"));

        var report = store.Report(Monday.AddDays(-1), Monday.AddDays(1));

        Assert.Equal((1, 1), (report.HelpfulCount, report.NotHelpfulCount));
        var passage = Assert.Single(report.NotHelpful);
        Assert.Equal((1, 1), (passage.NotHelpful, passage.Helpful));
        Assert.Equal(["too vague"], passage.Reasons);
        var vote = Assert.Single(report.NotHelpfulVotes);
        Assert.Equal(("p/1", "Does SPF 30 last all day? Call [phone]", "too vague"), (vote.PassageId, vote.Question, vote.Reason));
        var day = Assert.Single(report.Days);
        Assert.Equal((DateOnly.FromDateTime(Monday.UtcDateTime), 1, 1), (day.Day, day.Helpful, day.NotHelpful));
    }

    [Fact]
    public void UnansweredQuestionsWordedDifferentlyAboutTheSameThingAreOneGroup()
    {
        var store = new FeedbackStore(DbPath, 30, null, _time);
        store.RecordUnanswered("Do you have parking?", "c1", null);
        store.RecordUnanswered("parking - do you have any", "c2", null);
        store.RecordUnanswered("do you have parking", "c3", null);
        store.RecordUnanswered("Do you take my insurance?", "c4", null);

        var report = store.Report(Monday.AddDays(-1), Monday.AddDays(1));

        Assert.Equal(2, report.Unanswered.Count);
        var parking = report.Unanswered[0];
        Assert.Equal((3, "Do you have parking?"), (parking.Count, parking.Question));
        Assert.Equal(["Do you have parking?", "parking - do you have any", "do you have parking"], parking.Wordings);
    }

    [Fact]
    public void TheReportCountsDecisionsPerDayAndAnswersPerPassage()
    {
        var store = new FeedbackStore(DbPath, 30, null, _time);
        store.RecordDecision(new DecisionEvent("answer", "p/1", 0.7, null, false));
        store.RecordDecision(new DecisionEvent("answer", "p/1", 0.7, null, false));
        store.RecordDecision(new DecisionEvent("abstain", null, 0.1, null, false));
        store.FlushDecisions();
        _time.Now = Monday.AddDays(1);
        store.RecordDecision(new DecisionEvent("urgent", null, null, "bleeding", false));
        store.RecordDecision(new DecisionEvent("answer", "p/2", 0.8, null, false));

        var report = store.Report(Monday.AddDays(-1), Monday.AddDays(2));

        Assert.Equal(2, report.Days.Count);
        Assert.Equal((2, 1, 0), (report.Days[0].Count("answer"), report.Days[0].Count("abstain"), report.Days[0].Count("urgent")));
        Assert.Equal((1, 0, 1), (report.Days[1].Count("answer"), report.Days[1].Count("abstain"), report.Days[1].Count("urgent")));
        Assert.Equal(2, report.AnswersByPassage["p/1"]);
        Assert.Equal(1, report.AnswersByPassage["p/2"]);
    }

    [Fact]
    public void RowsOlderThanTheRetentionAreDeletedAtStartAndWhileRunning()
    {
        var store = new FeedbackStore(DbPath, 30, null, _time);
        store.RecordUnanswered("old question", "c", null);
        _time.Now = Monday.AddDays(20);
        store.RecordUnanswered("newer question", "c", null);

        // A day later the bot has only answered questions: its decisions' timer enforces the retention on its own.
        _time.Now = Monday.AddDays(31);
        store.RecordDecision(new DecisionEvent("abstain", null, null, null, false));

        Assert.True(SpinWait.SpinUntil(() => ReadColumn("SELECT question FROM unanswered").Count == 1, TimeSpan.FromSeconds(10)));
        Assert.Equal([ "newer question" ], ReadColumn("SELECT question FROM unanswered"));
        _time.Now = Monday.AddDays(51);
        _ = new FeedbackStore(DbPath, 30, null, _time);
        Assert.Empty(ReadColumn("SELECT question FROM unanswered"));
    }

    [Fact]
    public void DecisionsReachTheFileWithinSecondsWithoutAnyOtherWriteAndAtDispose()
    {
        var store = new FeedbackStore(DbPath, 30, null, _time);
        store.RecordDecision(new DecisionEvent("answer", "p/1", 0.7, null, false));
        Assert.True(SpinWait.SpinUntil(() => ReadColumn("SELECT decision FROM decisions").Count == 1, TimeSpan.FromSeconds(10)));

        store.RecordDecision(new DecisionEvent("abstain", null, 0.1, null, false));
        store.Dispose();
        Assert.Equal(["answer", "abstain"], ReadColumn("SELECT decision FROM decisions ORDER BY id"));
    }

    [Fact]
    public void FeedbackIsCommittedAtOnceWhileDecisionsWaitForTheirBatch()
    {
        using var store = new FeedbackStore(DbPath, 30, null, _time);
        store.RecordDecision(new DecisionEvent("answer", "p/1", 0.7, null, false));
        store.RecordFeedback(new FeedbackEntry("p/1", "answer", 0.7, true, null, "c", "u"));

        Assert.Equal(["p/1"], ReadColumn("SELECT passage_id FROM feedback"));
        Assert.True(SpinWait.SpinUntil(() => ReadColumn("SELECT decision FROM decisions").Count == 1, TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public void IdenticalDecisionsOfABatchAreOneRowWithTheirCountAndTheReportCountsThemAll()
    {
        // No timer tick may split the batch: the report writes it.
        using var store = new FeedbackStore(DbPath, 30, null, new ManualTime(Monday) { TimersFire = false });
        for (var i = 0; i < 500; i++)
        {
            store.RecordDecision(new DecisionEvent("answer", "p/1", 0.7, null, false));
        }
        store.RecordDecision(new DecisionEvent("answer", "p/2", 0.9, null, false));
        store.RecordDecision(new DecisionEvent("urgent", null, null, "fever-spreading-redness", false));
        store.RecordDecision(new DecisionEvent("answer", "p/1", 0.7, null, false));

        var report = store.Report(Monday.AddDays(-1), Monday.AddDays(1));

        Assert.Equal(["p/1:501", "p/2:1", ":1"], ReadColumn("SELECT coalesce(passage_id, '') || ':' || count FROM decisions ORDER BY id"));
        Assert.Equal(502, report.DecisionCounts["answer"]);
        Assert.Equal(1, report.DecisionCounts["urgent"]);
    }

    [Fact]
    public void AFileFromBeforeDecisionCountsKeepsItsRowsAndTakesNewOnes()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(DbPath)!);
        using (var old = new SqliteConnection($"Data Source={DbPath}"))
        {
            old.Open();
            using var create = old.CreateCommand();
            create.CommandText = """
                CREATE TABLE decisions (id INTEGER PRIMARY KEY, at INTEGER NOT NULL, decision TEXT NOT NULL, passage_id TEXT,
                    confidence REAL, urgent_rule TEXT, personal INTEGER NOT NULL);
                INSERT INTO decisions (at, decision, personal) VALUES (1772442000000, 'abstain', 0), (1772442000001, 'abstain', 0);
                """;
            create.ExecuteNonQuery();
        }
        SqliteConnection.ClearAllPools();

        using var store = new FeedbackStore(DbPath, 30, null, _time);
        store.RecordDecision(new DecisionEvent("abstain", null, 0.1, null, false));
        var report = store.Report(Monday.AddDays(-1), Monday.AddDays(1));

        Assert.Equal(3, report.DecisionCounts["abstain"]);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private object[] ReadSingle(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={DbPath}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        var values = new object[reader.FieldCount];
        reader.GetValues(values);
        Assert.False(reader.Read());
        return values;
    }

    private List<string> ReadColumn(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={DbPath}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }
}
