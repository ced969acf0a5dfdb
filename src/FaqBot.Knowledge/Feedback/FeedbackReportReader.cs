using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;

namespace FaqBot.Knowledge.Feedback;

internal static partial class FeedbackReportReader
{
    public static FeedbackReport Read(SqliteConnection connection, DateTimeOffset from, DateTimeOffset to)
    {
        var range = (from.ToUnixTimeMilliseconds(), to.ToUnixTimeMilliseconds());

        // A row may stand for several askings (count), the last of them at last_at.
        var unanswered = Rows(connection, "SELECT question, at, count, coalesce(last_at, at) FROM unanswered WHERE at >= $from AND at < $to ORDER BY at", range,
                r => (Question: r.GetString(0), At: DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(1)), Count: r.GetInt32(2),
                    Last: DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(3))))
            .GroupBy(q => GroupKey(q.Question))
            .Select(g => new UnansweredGroup(g.First().Question, g.Sum(q => q.Count), g.Min(q => q.At), g.Max(q => q.Last)))
            .OrderByDescending(g => g.Count).ThenBy(g => g.Question, StringComparer.Ordinal)
            .ToList();

        var feedback = Rows(connection, "SELECT passage_id, helpful, reason, count FROM feedback WHERE at >= $from AND at < $to ORDER BY at", range,
            r => (Passage: r.GetString(0), Helpful: r.GetInt64(1) == 1, Reason: r.IsDBNull(2) ? null : r.GetString(2), Count: r.GetInt32(3)));
        var notHelpful = feedback.GroupBy(f => f.Passage)
            .Where(g => g.Any(f => !f.Helpful))
            .Select(g => new NotHelpfulPassage(
                g.Key,
                g.Where(f => !f.Helpful).Sum(f => f.Count),
                g.Where(f => f.Helpful).Sum(f => f.Count),
                g.Where(f => !f.Helpful && !string.IsNullOrWhiteSpace(f.Reason)).Select(f => f.Reason!).ToList()))
            .OrderByDescending(p => p.NotHelpful).ThenBy(p => p.PassageId, StringComparer.Ordinal)
            .ToList();

        var counts = Rows(connection, "SELECT decision, SUM(count) FROM decisions WHERE at >= $from AND at < $to GROUP BY decision", range,
                r => (Decision: r.GetString(0), Count: r.GetInt32(1)))
            .ToDictionary(c => c.Decision, c => c.Count, StringComparer.Ordinal);

        return new FeedbackReport(from, to, unanswered, notHelpful, counts, feedback.Where(f => f.Helpful).Sum(f => f.Count), feedback.Where(f => !f.Helpful).Sum(f => f.Count));
    }

    private static List<T> Rows<T>(SqliteConnection connection, string sql, (long From, long To) range, Func<SqliteDataReader, T> read)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$from", range.From);
        command.Parameters.AddWithValue("$to", range.To);
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    private static string GroupKey(string question) => Spaces().Replace(NotWord().Replace(question.ToLowerInvariant(), " "), " ").Trim();

    [GeneratedRegex(@"[^\p{L}\p{N}\[\]]+")]
    private static partial Regex NotWord();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
