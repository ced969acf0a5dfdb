using System.CommandLine;
using System.Text.Json;
using FaqBot.Cli.Commands;
using FaqBot.Knowledge.Feedback;
using Microsoft.Data.Sqlite;

namespace FaqBot.Cli.Tests.Report;

public sealed class ReportCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("faqbot-report-").FullName;

    private string DbPath => Path.Combine(_folder, "feedback.db");

    [Fact]
    public async Task TheReportGroupsUnansweredQuestionsListsNotHelpfulPassagesAndCountsDecisionsInTheRange()
    {
        var store = Store(new DateTimeOffset(2026, 3, 10, 12, 0, 0, TimeSpan.Zero));
        store.RecordUnanswered("Do you take insurance?", "c1", 0.1);
        store.RecordUnanswered("do you take insurance", "c2", 0.1);
        store.RecordUnanswered("What are your opening hours?", "c3", null);
        store.RecordDecision(new DecisionEvent("abstain", null, 0.1, null, false));
        store.RecordDecision(new DecisionEvent("answer", "verywell/side-effects/1", 0.8, null, false));
        store.RecordDecision(new DecisionEvent("urgent", null, null, "bleeding", false));
        store.RecordFeedback(new FeedbackEntry("verywell/side-effects/1", "answer", 0.8, false, "It was hard to understand", "c1", "u1"));
        store.Dispose();
        using (var later = Store(new DateTimeOffset(2026, 4, 20, 12, 0, 0, TimeSpan.Zero)))
        {
            later.RecordDecision(new DecisionEvent("answer", "x", 0.9, null, false));
        }

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
        var store = Store(new DateTimeOffset(2026, 3, 10, 12, 0, 0, TimeSpan.Zero));
        store.RecordDecision(new DecisionEvent("answer", "p", 0.8, null, false));
        store.RecordDecision(new DecisionEvent("answer", "p", 0.7, null, false));
        store.Dispose();

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
        Store(DateTimeOffset.UtcNow);

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

    private FeedbackStore Store(DateTimeOffset now) => new(DbPath, 3650, null, new FixedTime(now));

    private async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        var root = new RootCommand { ReportCommand.Create() };
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await root.Parse(["report", "--db", DbPath, .. args]).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (code, output.ToString(), error.ToString());
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
