using System.Globalization;
using System.Text.RegularExpressions;
using FaqBot.Knowledge.Analysis;
using FaqBot.Knowledge.Answering;
using FaqBot.Knowledge.Search;
using System.Data.Common;
using FaqBot.Knowledge.Search.Queries;

namespace FaqBot.Knowledge.Feedback;

internal static partial class FeedbackReportReader
{
    public static FeedbackReport Read(DbConnection connection, DateTimeOffset from, DateTimeOffset to)
    {
        var range = (from.ToUnixTimeMilliseconds(), to.ToUnixTimeMilliseconds());

        // A row may stand for several askings (count), the last of them at last_at.
        var unanswered = Rows(connection, "SELECT question, at, count, coalesce(last_at, at) FROM unanswered WHERE at >= @from AND at < @to ORDER BY at, id", range,
                r => (Question: r.GetString(0), At: At(r, 1), Count: Convert.ToInt32(r.GetValue(2), CultureInfo.InvariantCulture), Last: At(r, 3)))
            .GroupBy(q => GroupKey(q.Question))
            .Select(g => new UnansweredGroup(Representative(g.Select(q => q.Question)), g.Sum(q => q.Count), g.Min(q => q.At), g.Max(q => q.Last))
            {
                Wordings = [.. g.Select(q => q.Question).Distinct(StringComparer.Ordinal)],
            })
            .OrderByDescending(g => g.Count).ThenBy(g => g.Question, StringComparer.Ordinal)
            .ToList();

        // A pressed-again button raised its row's count and last_at: the vote's time is its last press.
        var votes = Votes(Rows(connection, """
            SELECT passage_id, helpful, reason, coalesce(last_at, at) AS last_seen, "user", conversation, question FROM feedback
            WHERE at >= @from AND at < @to ORDER BY last_seen, id
            """, range,
            r => new Vote(r.GetString(0), Convert.ToInt64(r.GetValue(1), CultureInfo.InvariantCulture) == 1, r.IsDBNull(2) ? null : r.GetString(2), At(r, 3), r.GetString(4), r.GetString(5),
                r.IsDBNull(6) ? null : r.GetString(6))));
        var notHelpful = votes.GroupBy(v => v.Passage)
            .Where(g => g.Any(v => !v.Helpful))
            .Select(g => new NotHelpfulPassage(
                g.Key,
                g.Count(v => !v.Helpful),
                g.Count(v => v.Helpful),
                g.Where(v => !v.Helpful && !string.IsNullOrWhiteSpace(v.Reason)).Select(v => v.Reason!).ToList()))
            .OrderByDescending(p => p.NotHelpful).ThenBy(p => p.PassageId, StringComparer.Ordinal)
            .ToList();

        var decisions = Rows(connection, "SELECT decision, passage_id, at, count FROM decisions WHERE at >= @from AND at < @to", range,
            r => (Decision: r.GetString(0), Passage: r.IsDBNull(1) ? null : r.GetString(1), Day: Day(At(r, 2)), Count: Convert.ToInt32(r.GetValue(3), CultureInfo.InvariantCulture)));
        var counts = decisions.GroupBy(d => d.Decision, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(d => d.Count), StringComparer.Ordinal);

        var days = decisions.Select(d => d.Day).Concat(votes.Select(v => Day(v.At))).Distinct().Order()
            .Select(day => new DailyCounts(
                day,
                decisions.Where(d => d.Day == day).GroupBy(d => d.Decision, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(d => d.Count), StringComparer.Ordinal),
                votes.Count(v => v.Helpful && Day(v.At) == day),
                votes.Count(v => !v.Helpful && Day(v.At) == day)))
            .ToList();
        var answered = decisions.Where(d => d.Decision == StoredDecision.Name(DecisionKind.Answer) && d.Passage is not null)
            .GroupBy(d => d.Passage!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(d => d.Count), StringComparer.Ordinal);

        return new FeedbackReport(from, to, unanswered, notHelpful, counts, votes.Count(v => v.Helpful), votes.Count(v => !v.Helpful))
        {
            Days = days,
            AnswersByPassage = answered,
            NotHelpfulVotes = [.. votes.Where(v => !v.Helpful).OrderByDescending(v => v.At).Select(v => new NotHelpfulVote(v.At, v.Passage, v.Question, v.Reason))],
        };
    }

    // One vote per patient per answer, the last one counting: a patient who clicks Helpful, Helpful, Not helpful has
    // changed their mind once, not voted three times. A reason given with an earlier "not helpful" of the same mind
    // (the reason buttons come after the vote) stays with it.
    private static List<Vote> Votes(List<Vote> rows) =>
        rows.GroupBy(v => (v.User, v.Conversation, v.Passage))
            .Select(g =>
            {
                var last = g.Last();
                var sameMind = g.Reverse().TakeWhile(v => v.Helpful == last.Helpful).ToList();
                return last with
                {
                    Reason = last.Helpful ? null : sameMind.Select(v => v.Reason).FirstOrDefault(r => !string.IsNullOrWhiteSpace(r)),
                    Question = sameMind.Select(v => v.Question).FirstOrDefault(q => q is not null),
                };
            })
            .OrderBy(v => v.At)
            .ToList();

    private sealed record Vote(string Passage, bool Helpful, string? Reason, DateTimeOffset At, string User, string Conversation, string? Question);

    private static DateTimeOffset At(DbDataReader reader, int column) => DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(column));

    private static DateOnly Day(DateTimeOffset at) => DateOnly.FromDateTime(at.UtcDateTime);

    private static List<T> Rows<T>(DbConnection connection, string sql, (long From, long To) range, Func<DbDataReader, T> read)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in new[] { ("from", range.From), ("to", range.To) })
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    // The wording most patients used; the earliest among equals.
    private static string Representative(IEnumerable<string> questions) =>
        questions.Select((q, i) => (Question: q, Index: i)).GroupBy(q => q.Question, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Min(q => q.Index)).First().Key;

    // Similar wording together: the question's meaningful words, stemmed, in any order ("do you have parking?" and
    // "parking - do you have any?" are one to-do for staff). A question of function words alone keeps its own wording.
    internal static string GroupKey(string question)
    {
        var words = TextWords.Of(question.ToLowerInvariant(), 64).Where(w => !StopWords.Contains(w)).Select(Stemmer.StemOnce).Distinct().Order(StringComparer.Ordinal).ToList();
        return words.Count > 0 ? string.Join(' ', words) : Spaces().Replace(NotWord().Replace(question.ToLowerInvariant(), " "), " ").Trim();
    }

    [GeneratedRegex(@"[^\p{L}\p{N}\[\]]+")]
    private static partial Regex NotWord();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
