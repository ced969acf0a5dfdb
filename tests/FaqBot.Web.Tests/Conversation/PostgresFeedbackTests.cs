using FaqBot.Knowledge.Answering;
using FaqBot.Knowledge.Feedback;
using FaqBot.TestSupport;
using FaqBot.Web.Staff;
using FaqBot.Web.Tests.Teams;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using static FaqBot.Web.Tests.Conversation.Replies;

namespace FaqBot.Web.Tests.Conversation;

/// <summary>The bot with its feedback in PostgreSQL (ConnectionStrings:Feedback): several instances, one database.</summary>
public sealed class PostgresFeedbackTests
{
    private const string Question = "does microneedling hurt?";

    [Fact]
    public async Task FeedbackGivenThroughTwoInstancesLandsInOneDatabaseAndTheStaffReportOfEitherSeesAll()
    {
        await using var postgres = await PostgresServer.StartAsync();
        var settings = Settings(await postgres.CreateDatabaseAsync());
        await using var first = await BotServer.StartAsync(settings);
        await using var second = await BotServer.StartAsync(settings);

        // One patient on each instance: a helpful; a not helpful and a question nobody answers.
        Assert.Contains("Thank you", await PressAsync(new BotChat(first.Http), "Helpful"));
        var other = new BotChat(second.Http);
        Assert.Contains("What was wrong", await PressAsync(other, "Not helpful"));
        _ = await new BotChat(second.Http).SayAsync("Do you remove warts? I'm pat.smith@example.com, 555 010 0199, free before 12 May");

        foreach (var server in new[] { first, second })
        {
            var report = await server.Services.GetRequiredService<StaffData>().ReportAsync(1);
            Assert.Equal((1, 1), (report.HelpfulCount, report.NotHelpfulCount));
            // The other instance's decision counts are statistics, batched: they arrive within about a second.
            var deadline = DateTime.UtcNow.AddSeconds(15);
            while (report.Count(DecisionKind.Answer) < 2 && DateTime.UtcNow < deadline)
            {
                await Task.Delay(200);
                report = await server.Services.GetRequiredService<StaffData>().ReportAsync(1);
            }

            Assert.True((2, 1) == (report.Count(DecisionKind.Answer), report.Count(DecisionKind.Abstain)), string.Join(", ", report.DecisionCounts));
            Assert.Contains(report.Unanswered, u => u.Question == "Do you remove warts? I'm [email], [phone], free before [date]");
        }
    }

    [Fact]
    public async Task WithPostgreSqlDownAPressIsNotThankedForAndWritingResumesWhenItIsBackWithoutARestart()
    {
        await using var postgres = await PostgresServer.StartAsync();
        var connectionString = await postgres.CreateDatabaseAsync();
        await using var bot = await BotServer.StartAsync(Settings(connectionString));
        var chat = new BotChat(bot.Http);
        var answer = OnlyMessage(await chat.SayAsync(Question));
        var helpful = CardAction(Card(answer), "Helpful").GetProperty("data");
        Assert.Contains("Thank you", Text(OnlyMessage(await chat.PressAsync(helpful))));

        await postgres.StopAsync();
        // The channel gets its 200 and the patient a clear apology, not a thank-you for feedback that was not kept.
        var duringOutage = Text(OnlyMessage(await chat.PressAsync(helpful)));
        Assert.DoesNotContain("Thank you", duringOutage);
        Assert.Contains("Sorry, something went wrong", duringOutage);
        // The bot still answers while its feedback database is down.
        Assert.True(HasCard(OnlyMessage(await chat.SayAsync(Question))));

        await postgres.StartAgainAsync();
        Assert.Contains("Thank you", Text(OnlyMessage(await chat.PressAsync(helpful))));

        // Both thanked presses are kept (one row, folded); the refused one is not; the decisions waited and went in.
        Assert.Equal(2L, await ScalarAsync(connectionString, "SELECT SUM(count) FROM feedback"));
        var decisions = 0L;
        Assert.True(SpinWait.SpinUntil(() => (decisions = ScalarAsync(connectionString, "SELECT coalesce(SUM(count), 0) FROM decisions").GetAwaiter().GetResult()) == 2,
            TimeSpan.FromSeconds(15)), $"{decisions} decisions in the database");
    }

    private static Dictionary<string, string?> Settings(string connectionString) => new()
    {
        ["ConnectionStrings:Feedback"] = connectionString,
        // Instances share the key, so one patient's votes hash alike whichever instance took them.
        ["Feedback:HashKey"] = "instances-share-this-key",
    };

    private static async Task<string> PressAsync(BotChat chat, string button)
    {
        var answer = OnlyMessage(await chat.SayAsync(Question));
        var data = CardAction(Card(answer), button).GetProperty("data");
        return Text(OnlyMessage(await chat.PressAsync(data)));
    }

    private static string Text(System.Text.Json.JsonElement activity) => activity.TryGetProperty("text", out var text) ? text.GetString() ?? "" : "";

    private static async Task<long> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString + ";Pooling=false");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }
}
