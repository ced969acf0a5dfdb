using System.CommandLine;
using System.Text.Json;
using FaqBot.Cli.Commands;
using FaqBot.Knowledge.Answering;
using FaqBot.Knowledge.Feedback;
using FaqBot.TestSupport;
using Microsoft.Data.Sqlite;

namespace FaqBot.Cli.Tests.Report;

public sealed class ReportCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("faqbot-report-").FullName;

    private string DbPath => Path.Combine(_folder, "feedback.db");

    [Fact]
    public async Task TheReportGroupsUnansweredQuestionsListsNotHelpfulPassagesAndCountsDecisionsInTheRange()
    {
        using var file = new SqliteFeedbackDatabase(DbPath);
        await SeedMarchAndAprilAsync(file);

        var (code, output, _) = await RunAsync("--from", "2026-03-01", "--to", "2026-03-31");

        Assert.Equal(0, code);
        Assert.Contains("Decisions: answer 1, abstain 1, urgent 1 (3 questions)", output);
        Assert.Contains("   2  Do you take insurance?", output);
        Assert.Contains("   1  What are your opening hours?", output);
        Assert.Contains("1 not helpful, 0 helpful  verywell/side-effects/1", output);
        Assert.Contains("- It was hard to understand", output);
    }

    [Fact]
    public async Task JsonOutputCarriesTheSameFigures()
    {
        using var file = new SqliteFeedbackDatabase(DbPath);
        await SeedAsync(file, new DateTimeOffset(2026, 3, 10, 12, 0, 0, TimeSpan.Zero), writer =>
        {
            writer.RecordDecision(new DecisionEvent(DecisionKind.Answer, "p", 0.8, null, false));
            writer.RecordDecision(new DecisionEvent(DecisionKind.Answer, "p", 0.7, null, false));
            return Task.CompletedTask;
        });

        var (code, output, _) = await RunAsync("--from", "2026-03-10", "--to", "2026-03-10", "--json");

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(2, json.RootElement.GetProperty("decision_counts").GetProperty("answer").GetInt32());
    }

    [Theory]
    [InlineData("--from", "31/03/2026")]
    [InlineData("--from", "2026-04-02", "--to", "2026-04-01")]
    public async Task BadDatesAreRefusedWithAClearMessage(params string[] args)
    {
        using var file = new SqliteFeedbackDatabase(DbPath);
        await SeedAsync(file, DateTimeOffset.UtcNow, _ => Task.CompletedTask);

        var (code, _, error) = await RunAsync(args);

        Assert.Equal(2, code);
        Assert.Matches("2026-03-31|is after", error);
    }

    [Fact]
    public async Task AMissingFeedbackFileIsReportedNotCreated()
    {
        var (code, _, error) = await RunAsync();

        Assert.Equal(1, code);
        Assert.Contains("No feedback file", error);
        Assert.False(File.Exists(DbPath));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task TheReportReadsAPostgreSqlDatabaseThatTwoInstancesWroteTo()
    {
        await using var server = await PostgresServer.StartAsync();
        var connectionString = await server.CreateDatabaseAsync();
        using var first = new PostgresFeedbackDatabase(connectionString);
        using var second = new PostgresFeedbackDatabase(connectionString);
        var march = new DateTimeOffset(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);
        await SeedMarchAndAprilAsync(first);
        await SeedAsync(second, march, async writer =>
        {
            writer.RecordDecision(new DecisionEvent(DecisionKind.Answer, "verywell/side-effects/1", 0.8, null, false));
            await writer.RecordFeedbackAsync(new FeedbackEntry("verywell/side-effects/1", DecisionKind.Answer, 0.8, false, "Too long", "c9", "u9"));
        });

        var (code, output, _) = await RunAsync(["--connection", connectionString, "--from", "2026-03-01", "--to", "2026-03-31"], file: false);

        Assert.Equal(0, code);
        Assert.Contains("Decisions: answer 2, abstain 1, urgent 1 (4 questions)", output);
        Assert.Contains("2 not helpful, 0 helpful  verywell/side-effects/1", output);
        Assert.Contains("- Too long", output);
        Assert.Contains("PostgreSQL database postgres on 127.0.0.1", output);
        Assert.DoesNotContain(connectionString, output);
    }

    // March: three unanswered questions (two alike), a decision of each kind, a "not helpful" with its reason; April: one answer.
    private static async Task SeedMarchAndAprilAsync(IFeedbackDatabase database)
    {
        await SeedAsync(database, new DateTimeOffset(2026, 3, 10, 12, 0, 0, TimeSpan.Zero), async writer =>
        {
            await writer.RecordUnansweredAsync("Do you take insurance?", "c1", 0.1);
            await writer.RecordUnansweredAsync("do you take insurance", "c2", 0.1);
            await writer.RecordUnansweredAsync("What are your opening hours?", "c3", null);
            writer.RecordDecision(new DecisionEvent(DecisionKind.Abstain, null, 0.1, null, false));
            writer.RecordDecision(new DecisionEvent(DecisionKind.Answer, "verywell/side-effects/1", 0.8, null, false));
            writer.RecordDecision(new DecisionEvent(DecisionKind.Urgent, null, null, "bleeding", false));
            await writer.RecordFeedbackAsync(new FeedbackEntry("verywell/side-effects/1", DecisionKind.Answer, 0.8, false, "It was hard to understand", "c1", "u1"));
        });
        await SeedAsync(database, new DateTimeOffset(2026, 4, 20, 12, 0, 0, TimeSpan.Zero), writer =>
        {
            writer.RecordDecision(new DecisionEvent(DecisionKind.Answer, "x", 0.9, null, false));
            return Task.CompletedTask;
        });
    }

    // As the bot writes: its writer started, the writes, then the stop that drains it.
    private static async Task SeedAsync(IFeedbackDatabase database, DateTimeOffset now, Func<FeedbackWriter, Task> write)
    {
        database.CreateSchema();
        using var writer = new FeedbackWriter(database, new IdHasher("report-tests"), new FixedTime(now));
        await writer.StartAsync(CancellationToken.None);
        await write(writer);
        await writer.StopAsync(CancellationToken.None);
    }

    private Task<(int Code, string Output, string Error)> RunAsync(params string[] args) => RunAsync(args, file: true);

    private async Task<(int Code, string Output, string Error)> RunAsync(string[] args, bool file)
    {
        var root = new RootCommand { ReportCommand.Create() };
        var output = new StringWriter();
        var error = new StringWriter();
        string[] source = file ? ["--db", DbPath] : [];
        var code = await root.Parse(["report", .. source, .. args]).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (code, output.ToString(), error.ToString());
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
