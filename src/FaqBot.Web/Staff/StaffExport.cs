using CsvHelper;
using FaqBot.Knowledge.Feedback;

namespace FaqBot.Web.Staff;

/// <summary>CSV downloads of the unanswered questions and the feedback, for a spreadsheet.</summary>
public static class StaffExport
{
    // Patients' words end up in a spreadsheet: a cell starting = + - @ (or tab, CR) is written with a leading
    // apostrophe so it is shown as text, never run as a formula.
    private static readonly CsvWriterOptions Options = new() { Injection = CsvInjection.Escape };

    public static void Map(RouteGroupBuilder export)
    {
        export.MapGet("/unanswered.csv", async (StaffData data, int? days) =>
        {
            var report = await data.ReportAsync(StaffData.PeriodOrDefault(days));
            return Csv($"unanswered-{Stamp(report)}.csv", ["question", "times_asked", "first_asked_utc", "last_asked_utc", "other_wordings"],
                report.Unanswered.Select(g => new[]
                {
                    g.Question, g.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), Time(g.FirstAsked), Time(g.LastAsked),
                    string.Join(" | ", g.Wordings.Where(w => w != g.Question)),
                }));
        });
        export.MapGet("/feedback.csv", async (StaffData data, int? days) =>
        {
            var report = await data.ReportAsync(StaffData.PeriodOrDefault(days));
            return Csv($"not-helpful-{Stamp(report)}.csv", ["at_utc", "passage", "article", "question", "reason"],
                report.NotHelpfulVotes.Select(v => new[] { Time(v.At), v.PassageId, data.TopicOf(v.PassageId), v.Question ?? "", v.Reason ?? "" }));
        });
    }

    private static IResult Csv(string fileName, string[] header, IEnumerable<string[]> rows)
    {
        using var text = new StringWriter();
        using (var csv = CsvWriter.Create(text, Options, leaveOpen: true))
        {
            foreach (var name in header)
            {
                csv.WriteField(name);
            }

            csv.EndRecord();
            foreach (var row in rows)
            {
                foreach (var cell in row)
                {
                    csv.WriteField(cell);
                }

                csv.EndRecord();
            }
        }

        // A byte order mark, so a spreadsheet opens accented words as UTF-8.
        return Results.File(System.Text.Encoding.UTF8.GetPreamble().Concat(System.Text.Encoding.UTF8.GetBytes(text.ToString())).ToArray(),
            "text/csv; charset=utf-8", fileName);
    }

    private static string Stamp(FeedbackReport report) => $"{report.From:yyyy-MM-dd}-to-{report.To.AddDays(-1):yyyy-MM-dd}";

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}
