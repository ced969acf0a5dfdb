using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using FaqBot.Knowledge.Feedback;
using Microsoft.Extensions.Configuration;

namespace FaqBot.Cli.Commands;

public static class ReportCommand
{
    public static Command Create()
    {
        var from = new Option<string?>("--from") { Description = "First day (yyyy-MM-dd, UTC); default 30 days before --to." };
        var to = new Option<string?>("--to") { Description = "Last day, included (yyyy-MM-dd, UTC); default today." };
        var db = new Option<string?>("--db") { Description = "The bot's feedback file; default Feedback:Path from appsettings.json." };
        var connection = new Option<string?>("--connection")
        {
            Description = "The bot's PostgreSQL feedback database (a connection string); default ConnectionStrings:Feedback from appsettings.json or the environment.",
        };
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of text." };
        var command = new Command("report", "Unanswered questions (grouped), passages marked not helpful and counts per decision, for a date range.")
        {
            from, to, db, connection, json,
        };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            if (!TryDay(parse.GetValue(to), DateOnly.FromDateTime(DateTime.UtcNow), out var last)
                || !TryDay(parse.GetValue(from), last.AddDays(-30), out var first))
            {
                error.WriteLine("Dates must look like 2026-03-31.");
                return 2;
            }

            if (first > last)
            {
                error.WriteLine($"--from ({first:yyyy-MM-dd}) is after --to ({last:yyyy-MM-dd}).");
                return 2;
            }

            var configuration = Settings();
            var connectionString = parse.GetValue(db) is { Length: > 0 } ? null : parse.GetValue(connection) ?? configuration.GetConnectionString("Feedback");
            IFeedbackDatabase database;
            if (!string.IsNullOrWhiteSpace(connectionString))
            {
                database = new PostgresFeedbackDatabase(connectionString);
            }
            else
            {
                var path = parse.GetValue(db) is { Length: > 0 } given ? Path.GetFullPath(given) : DefaultPath(configuration);
                if (!File.Exists(path))
                {
                    error.WriteLine($"No feedback file at {path}. The bot creates it when it first runs; pass --db to point at it.");
                    return 1;
                }

                database = new SqliteFeedbackDatabase(path);
            }

            using (database)
            {
                // Deletes nothing: retention is the bot's job, and a report must not delete what it is about to show.
                // (Opening a database from before decision counts adds their column, as the bot would.)
                FeedbackReport report;
                try
                {
                    database.CreateSchema();
                    report = new FeedbackReader(database).Report(Midnight(first), Midnight(last.AddDays(1)));
                }
                catch (System.Data.Common.DbException e) when (database is PostgresFeedbackDatabase)
                {
                    error.WriteLine($"Could not read the {database.Name}: {e.Message}");
                    return 1;
                }

                output.Write(parse.GetValue(json) ? JsonSerializer.Serialize(report, JsonOutput.Options) + "\n" : ReportText.Format(report, database.Name));
            }

            return 0;
        });
        return command;
    }

    private static bool TryDay(string? text, DateOnly fallback, out DateOnly day)
    {
        day = fallback;
        return string.IsNullOrWhiteSpace(text) || DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day);
    }

    private static DateTimeOffset Midnight(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    private static string SettingsDirectory() =>
        CliConfiguration.FindSettingsDirectory(Directory.GetCurrentDirectory()) ?? Directory.GetCurrentDirectory();

    // The bot's own settings: appsettings.json beside it, then the environment (ConnectionStrings__Feedback).
    private static IConfiguration Settings() => new ConfigurationBuilder().SetBasePath(SettingsDirectory())
        .AddJsonFile(CliConfiguration.FileName, optional: true).AddEnvironmentVariables().Build();

    private static string DefaultPath(IConfiguration configuration) =>
        Path.GetFullPath(configuration["Feedback:Path"] is { Length: > 0 } p ? p : new FeedbackOptions().Path, SettingsDirectory());
}
